import type { ArticleDetail, ArticleList } from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import { AppError } from '../errors.ts';
import { type View, claimIncludeFor, statusColumn, toPublicClaim } from './publication.ts';
import { addCount, emptyCounts, toArticleDetail, toArticleSummary } from './serialize.ts';

/** An article with its claims; for API keys (`public`) each claim as consumers see it, drafts left out. */
export async function getArticle(db: Database, id: string, view: View = 'desk'): Promise<ArticleDetail> {
  const row = await db.prisma.article.findUnique({
    where: { id },
    include: {
      statements: { orderBy: { ordinal: 'asc' } },
      claims: { orderBy: { ordinal: 'asc' }, include: claimIncludeFor(view) },
    },
  });
  if (!row) throw new AppError('not_found', `no article ${id}`, { path: ['id'] });
  const counts = emptyCounts();
  for (const claim of row.claims) addCount(counts, claim[statusColumn(view)], 1);
  const detail = toArticleDetail(row, counts);
  return view === 'public' ? { ...detail, claims: row.claims.map(toPublicClaim) } : detail;
}

export async function listArticles(db: Database, view: View = 'desk'): Promise<ArticleList> {
  const [rows, groups] = await Promise.all([
    db.prisma.article.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }),
    view === 'public'
      ? db.prisma.claim
          .groupBy({ by: ['articleId', 'publishedStatus'], _count: { _all: true } })
          .then((gs) => gs.map((g) => ({ articleId: g.articleId, status: g.publishedStatus, n: g._count._all })))
      : db.prisma.claim
          .groupBy({ by: ['articleId', 'status'], _count: { _all: true } })
          .then((gs) => gs.map((g) => ({ articleId: g.articleId, status: g.status, n: g._count._all }))),
  ]);
  const byArticle = new Map<string, ReturnType<typeof emptyCounts>>();
  for (const g of groups) {
    const counts = byArticle.get(g.articleId) ?? emptyCounts();
    addCount(counts, g.status, g.n);
    byArticle.set(g.articleId, counts);
  }
  return { items: rows.map((row) => toArticleSummary(row, byArticle.get(row.id) ?? emptyCounts())) };
}
