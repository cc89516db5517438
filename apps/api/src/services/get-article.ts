import type {
  ArticleDetail,
  ArticleList,
  ArticleTitleList,
  listArticleTitlesQuerySchema,
  listArticlesQuerySchema,
} from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import { type View, statusColumn, toPublicClaim } from './publication.ts';
import { claimColumnsSql, claimRows, latestVerdictJoinSql, verdictColumnsSql } from './claim-sql.ts';
import { addCount, emptyCounts, toArticleDetail, toArticleSummary } from './serialize.ts';

type DetailRow = Parameters<typeof toArticleDetail>[0];
type ArticleRow = Omit<DetailRow, 'statements' | 'claims'>;
type StatementRow = DetailRow['statements'][number];
type ClaimRow = DetailRow['claims'][number];

/**
 * An article with everything on it. Each part is read by article id, never by a list of ids: an
 * included relation is fetched with `IN (every claim id)`, which a long article's thousands of
 * claims push past the database's parameter limit (P2029). One snapshot, so the parts agree.
 */
export async function getArticle(db: Database, id: string, view: View = 'desk'): Promise<ArticleDetail> {
  const options = db.provider === 'postgresql' ? { isolationLevel: 'RepeatableRead' as never } : {};
  // One batch of three SQL statements (`claim-sql.ts`) in one transaction, without a round trip
  // back to this process between them (an interactive transaction measured half again as slow):
  // the article, its statements, its claims each with its latest verdict (API keys, `public`, see
  // each claim as consumers do: its latest published verdict, drafts left out). The verdicts of an
  // article answer carry no reference rows (the claim's own answer has them).
  const sql = (text: string) => (db.provider === 'postgresql' ? text.replace('?', '$1') : text);
  const [articles, statements, claims] = await db.prisma.$transaction(
    [
      db.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(sql('SELECT * FROM "Article" WHERE "id" = ?'), id),
      db.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(
        sql('SELECT * FROM "Statement" WHERE "articleId" = ? ORDER BY "ordinal" ASC'),
        id,
      ),
      db.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(
        sql(
          `SELECT ${claimColumnsSql('c')}, ${verdictColumnsSql(false)} FROM "Claim" AS c ${latestVerdictJoinSql(view, 'c')}
           WHERE c."articleId" = ? ORDER BY c."ordinal" ASC`,
        ),
        id,
      ),
    ],
    LARGE_READ_TRANSACTION(options),
  );
  const article = articles[0] as ArticleRow | undefined;
  const row = article && {
    ...article,
    statements: statements as unknown as StatementRow[],
    claims: claimRows(claims) as unknown as ClaimRow[],
  };
  if (!row) throw new AppError('not_found', `no article ${id}`, { path: ['id'] });
  const counts = emptyCounts();
  for (const claim of row.claims) if (!claim.isRejected) addCount(counts, claim[statusColumn(view)], 1);
  const detail = toArticleDetail(row, counts);
  return view === 'public' ? { ...detail, claims: row.claims.map(toPublicClaim) } : detail;
}

/** Reading a long article's claims may wait behind a large import on SQLite: wait, do not fail. */
const LARGE_READ_TRANSACTION = <T extends object>(options: T) => ({ maxWait: 10_000, timeout: 60_000, ...options });

/** Every column a summary shows: never the text, which is what makes an article large. */
const summarySelect = {
  id: true,
  title: true,
  fileName: true,
  publishedOn: true,
  dateline: true,
  outlet: true,
  byline: true,
  url: true,
  contentHash: true,
  parserVersion: true,
  createdAt: true,
} as const;

/** Whether any article is stored (raw SQL: `npm start` asks it before the ORM has compiled a query). */
export async function hasArticles(db: Database): Promise<boolean> {
  return (await db.prisma.$queryRaw<unknown[]>`SELECT 1 FROM "Article" LIMIT 1`).length > 0;
}

/**
 * One page of articles, newest import first (read along the `(createdAt, id)` index), with the
 * claim counts of that page's articles only.
 */
export async function listArticles(
  db: Database,
  query: z.output<typeof listArticlesQuerySchema>,
  view: View = 'desk',
): Promise<ArticleList> {
  const [rows, total] = await Promise.all([
    db.prisma.article.findMany({
      select: summarySelect,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.prisma.article.count(),
  ]);
  // API keys count what consumers see: published statuses, never a draft's.
  const where = { articleId: { in: rows.map((r) => r.id) }, isRejected: false };
  const groups =
    rows.length === 0
      ? []
      : view === 'public'
        ? (await db.prisma.claim.groupBy({ by: ['articleId', 'publishedStatus'], where, _count: { _all: true } })).map(
            (g) => ({ articleId: g.articleId, status: g.publishedStatus, n: g._count._all }),
          )
        : (await db.prisma.claim.groupBy({ by: ['articleId', 'status'], where, _count: { _all: true } })).map((g) => ({
            articleId: g.articleId,
            status: g.status,
            n: g._count._all,
          }));
  const byArticle = new Map<string, ReturnType<typeof emptyCounts>>();
  for (const g of groups) {
    const counts = byArticle.get(g.articleId) ?? emptyCounts();
    addCount(counts, g.status, g.n);
    byArticle.set(g.articleId, counts);
  }
  return {
    items: rows.map((row) => toArticleSummary(row, byArticle.get(row.id) ?? emptyCounts())),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

/** A few titles: by id (beside a page of claims) or matching a search (the queue's article filter). */
export async function listArticleTitles(
  db: Database,
  query: z.output<typeof listArticleTitlesQuerySchema>,
): Promise<ArticleTitleList> {
  const select = { id: true, title: true, publishedOn: true, outlet: true } as const;
  let q: Record<string, unknown> = query.q ? { title: { contains: query.q } } : {};
  if (query.q && db.provider === 'postgresql') {
    // Case-insensitive, and `%` `_` meant literally (PostgreSQL's ILIKE escapes with a backslash).
    q = { title: { contains: query.q.replace(/[\\%_]/g, (c) => `\\${c}`), mode: 'insensitive' } };
  } else if (query.q && /[%_]/.test(query.q)) {
    // SQLite's LIKE (case-insensitive for ASCII) has no escape character Prisma can name: match
    // with instr() instead, for the rare search that holds a wildcard.
    const rows = await db.prisma.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "Article" WHERE instr(lower("title"), lower(${query.q})) > 0`;
    q = { id: { in: rows.map((r) => r.id) } };
  }
  const where = { AND: [query.ids ? { id: { in: query.ids } } : {}, q] };
  const items = await db.prisma.article.findMany({
    where,
    select,
    orderBy: [{ publishedOn: 'desc' }, { id: 'asc' }],
    take: query.ids ? Math.max(query.ids.length, 1) : query.limit,
  });
  return { items };
}
