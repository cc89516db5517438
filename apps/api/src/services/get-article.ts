import type { ArticleDetail, ArticleList } from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import { AppError } from '../errors.ts';
import { addCount, emptyCounts, latestVerdictInclude, toArticleDetail, toArticleSummary } from './serialize.ts';

export async function getArticle(db: Database, id: string): Promise<ArticleDetail> {
  const row = await db.prisma.article.findUnique({
    where: { id },
    include: {
      statements: { orderBy: { ordinal: 'asc' } },
      claims: { orderBy: { ordinal: 'asc' }, include: latestVerdictInclude },
    },
  });
  if (!row) throw new AppError('not_found', `no article ${id}`, { path: ['id'] });
  const counts = emptyCounts();
  for (const claim of row.claims) if (!claim.isRejected) addCount(counts, claim.status, 1);
  return toArticleDetail(row, counts);
}

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
