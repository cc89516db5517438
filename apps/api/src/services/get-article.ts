import type {
  ArticleDetail,
  ArticleSort,
  ArticleList,
  ArticleTitleList,
  listArticleTitlesQuerySchema,
  listArticlesQuerySchema,
} from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import { foldWords } from '../search/fold.ts';
import { type View, statusColumn, toPublicClaim } from './publication.ts';
import { addCount, emptyCounts, latestVerdictInclude, toArticleDetail, toArticleSummary } from './serialize.ts';

/**
 * An article with everything on it. Each part is read by article id, never by a list of ids: an
 * included relation is fetched with `IN (every claim id)`, which a long article's thousands of
 * claims push past the database's parameter limit (P2029). One snapshot, so the parts agree.
 */
export async function getArticle(db: Database, id: string, view: View = 'desk'): Promise<ArticleDetail> {
  const options = db.provider === 'postgresql' ? { isolationLevel: 'RepeatableRead' as never } : {};
  // One batch: the four reads go to the database in one transaction without a round trip back to
  // this process between them (an interactive transaction measured half again as slow).
  const [article, statements, claims, verdicts] = await db.prisma.$transaction(
    [
      db.prisma.article.findUnique({ where: { id } }),
      db.prisma.statement.findMany({ where: { articleId: id }, orderBy: { ordinal: 'asc' } }),
      db.prisma.claim.findMany({ where: { articleId: id }, orderBy: { ordinal: 'asc' } }),
      db.prisma.verdict.findMany({
        // API keys (`public`) see each claim as consumers do: its latest published verdict, drafts left out.
        where: { claim: { articleId: id }, ...(view === 'public' ? { publishedAt: { not: null } } : {}) },
        orderBy: latestVerdictInclude.verdicts.orderBy,
      }),
    ],
    LARGE_READ_TRANSACTION(options),
  );
  const latest = new Map<string, (typeof verdicts)[number]>();
  for (const v of verdicts) if (!latest.has(v.claimId)) latest.set(v.claimId, v);
  const row = article && {
    ...article,
    statements,
    claims: claims.map((c) => {
      const verdict = latest.get(c.id);
      return { ...c, verdicts: verdict ? [verdict] : [] };
    }),
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

/** Each sort's natural direction: newest first, A to Z, most pending first. */
const NATURAL_DIR: Record<ArticleSort, 'asc' | 'desc'> = {
  imported: 'desc',
  date: 'desc',
  outlet: 'asc',
  title: 'asc',
  pending: 'desc',
};

/**
 * One page of articles in the order asked (newest import, date, outlet and title along indexes of
 * `Article`; pending claims counted from the claims' status index), searched by title and filtered
 * by outlet, with the claim counts of that page's articles only. Ties fall back to the newest
 * import; articles without a date or outlet come last either way.
 */
export async function listArticles(
  db: Database,
  query: z.output<typeof listArticlesQuerySchema>,
  view: View = 'desk',
): Promise<ArticleList> {
  const pg = db.provider === 'postgresql';
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return pg ? `$${params.length}` : '?';
  };
  const conditions: string[] = [];
  if (query.outlet) conditions.push(`a."outlet" = ${p(query.outlet)}`);
  // Every folded word of the search in the folded title: searchText is "title | outlet", folded
  // (case, accents, transliteration) as the queue's search folds, so both databases agree.
  const title = pg
    ? `split_part(a."searchText", ' | ', 1)`
    : `substr(a."searchText", 1, instr(a."searchText", ' | ') - 1)`;
  // A word matches from the start of a title's word ("kyi" finds Kyiv, "kyiv" not Kharkiv).
  for (const word of foldWords(query.q ?? ''))
    conditions.push(
      pg ? `strpos(' ' || ${title}, ${p(` ${word}`)}) > 0` : `instr(' ' || ${title}, ${p(` ${word}`)}) > 0`,
    );
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const filterParams = [...params];
  const dir = (query.dir ?? NATURAL_DIR[query.sort]) === 'asc' ? 'ASC' : 'DESC';
  const newest = `a."createdAt" DESC, a."id" DESC`;
  const order = {
    imported: `a."createdAt" ${dir}, a."id" ${dir}`,
    date: `a."publishedOn" ${dir} NULLS LAST, ${newest}`,
    outlet: `a."outlet" ${dir} NULLS LAST, a."publishedOn" DESC NULLS LAST, ${newest}`,
    title: `a."title" ${dir}, ${newest}`,
    pending: `COALESCE(pc."n", 0) ${dir}, ${newest}`,
  }[query.sort];
  // API keys count what consumers see: published statuses, never a draft's.
  const status = view === 'public' ? '"publishedStatus"' : '"status"';
  const pendingJoin =
    query.sort === 'pending'
      ? `LEFT JOIN (SELECT "articleId", COUNT(*) AS "n" FROM "Claim" WHERE ${status} = 'pending' AND NOT "isRejected" GROUP BY "articleId") pc ON pc."articleId" = a."id"`
      : '';
  const page = `LIMIT ${p(query.pageSize)} OFFSET ${p((query.page - 1) * query.pageSize)}`;
  const [idRows, countRows, outletRows] = await Promise.all([
    db.prisma.$queryRawUnsafe<Array<{ id: string }>>(
      `SELECT a."id" FROM "Article" a ${pendingJoin} ${where} ORDER BY ${order} ${page}`,
      ...params,
    ),
    db.prisma.$queryRawUnsafe<Array<{ n: number | bigint }>>(
      `SELECT COUNT(*) AS "n" FROM "Article" a ${where}`,
      ...filterParams,
    ),
    db.prisma.$queryRawUnsafe<Array<{ outlet: string }>>(
      `SELECT DISTINCT "outlet" FROM "Article" WHERE "outlet" IS NOT NULL ORDER BY "outlet"`,
    ),
  ]);
  const ids = idRows.map((r) => r.id);
  const found =
    ids.length === 0 ? [] : await db.prisma.article.findMany({ where: { id: { in: ids } }, select: summarySelect });
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  const total = Number(countRows[0]?.n ?? 0);
  const claimWhere = { articleId: { in: rows.map((r) => r.id) }, isRejected: false };
  const groups =
    rows.length === 0
      ? []
      : view === 'public'
        ? (
            await db.prisma.claim.groupBy({
              by: ['articleId', 'publishedStatus'],
              where: claimWhere,
              _count: { _all: true },
            })
          ).map((g) => ({ articleId: g.articleId, status: g.publishedStatus, n: g._count._all }))
        : (
            await db.prisma.claim.groupBy({ by: ['articleId', 'status'], where: claimWhere, _count: { _all: true } })
          ).map((g) => ({
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
    outlets: outletRows.map((r) => r.outlet),
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
