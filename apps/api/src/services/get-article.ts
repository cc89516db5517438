import type { ArticleDetail, ArticleList } from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import { AppError } from '../errors.ts';
import { addCount, emptyCounts, latestVerdictInclude, toArticleDetail, toArticleSummary } from './serialize.ts';

/**
 * An article with everything on it. Each part is read by article id, never by a list of ids: an
 * included relation is fetched with `IN (every claim id)`, which a long article's thousands of
 * claims push past the database's parameter limit (P2029). One snapshot, so the parts agree.
 */
export async function getArticle(db: Database, id: string): Promise<ArticleDetail> {
  const options = db.provider === 'postgresql' ? { isolationLevel: 'RepeatableRead' as never } : {};
  const row = await db.prisma.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id } });
    if (!article) return null;
    const [statements, claims, verdicts] = await Promise.all([
      tx.statement.findMany({ where: { articleId: id }, orderBy: { ordinal: 'asc' } }),
      tx.claim.findMany({ where: { articleId: id }, orderBy: { ordinal: 'asc' } }),
      tx.verdict.findMany({
        where: { claim: { articleId: id } },
        orderBy: latestVerdictInclude.verdicts.orderBy,
      }),
    ]);
    const latest = new Map<string, (typeof verdicts)[number]>();
    for (const v of verdicts) if (!latest.has(v.claimId)) latest.set(v.claimId, v);
    return {
      ...article,
      statements,
      claims: claims.map((c) => {
        const verdict = latest.get(c.id);
        return { ...c, verdicts: verdict ? [verdict] : [] };
      }),
    };
  }, LARGE_READ_TRANSACTION(options));
  if (!row) throw new AppError('not_found', `no article ${id}`, { path: ['id'] });
  const counts = emptyCounts();
  for (const claim of row.claims) if (!claim.isRejected) addCount(counts, claim.status, 1);
  return toArticleDetail(row, counts);
}

/** Reading a long article's claims may wait behind a large import on SQLite: wait, do not fail. */
const LARGE_READ_TRANSACTION = <T extends object>(options: T) => ({ maxWait: 10_000, timeout: 60_000, ...options });

export async function listArticles(db: Database): Promise<ArticleList> {
  const [rows, groups] = await Promise.all([
    db.prisma.article.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }),
    db.prisma.claim.groupBy({ by: ['articleId', 'status'], where: { isRejected: false }, _count: { _all: true } }),
  ]);
  const byArticle = new Map<string, ReturnType<typeof emptyCounts>>();
  for (const g of groups) {
    const counts = byArticle.get(g.articleId) ?? emptyCounts();
    addCount(counts, g.status, g._count._all);
    byArticle.set(g.articleId, counts);
  }
  return { items: rows.map((row) => toArticleSummary(row, byArticle.get(row.id) ?? emptyCounts())) };
}
