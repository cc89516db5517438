import { type ClaimDetail, type ClaimList, type listClaimsQuerySchema, SEARCH_COUNT_CAP } from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import { searchTerms } from '../search/search-claims.ts';
import { SqlParts, matchCondition, matchTerms, matchedRowsSql, rowCheck } from '../search/search-page.ts';
import { type View, claimIncludeFor, statusColumn, toClaimFor } from './publication.ts';
import {
  claimColumnsSql,
  latestVerdictJoinSql,
  orderSql,
  rawQuery,
  verdictColumnsSql,
  whereSql,
  withLatestVerdicts,
} from './claim-sql.ts';
import { addCount, emptyCounts, type toClaim, toVerdict, verdictInclude } from './serialize.ts';
import { toCorrection } from './serialize-corrections.ts';

type ListClaimsQuery = z.output<typeof listClaimsQuerySchema>;

/**
 * Case-insensitive substring match on both databases, where every character of `value` is meant
 * literally: Prisma's `contains` is a LIKE that does not escape, so `%` and `_` matched anything.
 * PostgreSQL's LIKE/ILIKE escape with a backslash by default. SQLite's LIKE has no escape character
 * unless the statement names one, which Prisma cannot, so a value with a wildcard in it is matched
 * with instr() in SQL and the filter becomes the matching ids (such searches are rare and narrow).
 */
async function containsLiterally(
  db: Database,
  column: 'text' | 'sourceCanonical',
  value: string,
): Promise<Record<string, unknown>> {
  if (db.provider === 'postgresql') {
    return { [column]: { contains: value.replace(/[\\%_]/g, (c) => `\\${c}`), mode: 'insensitive' } };
  }
  if (!/[%_]/.test(value)) return { [column]: { contains: value } };
  const rows =
    column === 'text'
      ? await db.prisma.$queryRaw<Array<{ id: string }>>`
          SELECT "id" FROM "Claim" WHERE instr(lower("text"), lower(${value})) > 0`
      : await db.prisma.$queryRaw<Array<{ id: string }>>`
          SELECT "id" FROM "Claim" WHERE instr(lower("sourceCanonical"), lower(${value})) > 0`;
  return { id: { in: rows.map((r) => r.id) } };
}

/** The filter without the status: the per-status counts are over everything else. */
export async function claimFilter(
  db: Database,
  query: Omit<ListClaimsQuery, 'sort' | 'order' | 'page' | 'pageSize' | 'rejected' | 'q'> & {
    rejected?: ListClaimsQuery['rejected'];
  },
): Promise<{ AND: Array<Record<string, unknown>> }> {
  const and: Array<Record<string, unknown>> = [];
  // Rejected claims are parser errors: out of every list unless an editor asks for them.
  if (query.rejected !== 'include') and.push({ isRejected: query.rejected === 'only' });
  if (query.side?.length) and.push({ side: { in: query.side } });
  if (query.category?.length) and.push({ category: { in: query.category } });
  if (query.kind) and.push({ kind: query.kind });
  if (query.articleId) and.push({ articleId: query.articleId });
  if (query.source) and.push(await containsLiterally(db, 'sourceCanonical', query.source));
  if (query.sourceId) and.push({ sourceId: query.sourceId });
  if (query.from) and.push({ asOf: { gte: query.from } });
  if (query.to) and.push({ asOf: { lte: query.to } });
  return { AND: and };
}

const ORDER: Record<ListClaimsQuery['sort'], (dir: 'asc' | 'desc') => Array<Record<string, unknown>>> = {
  article: (dir) => [{ publishedOn: dir }, { articleId: dir }, { ordinal: dir }],
  updated: (dir) => [{ updatedAt: dir }, { id: dir }],
  value: (dir) => [{ value: dir }, { id: dir }],
  status: (dir) => [{ status: dir }, { ordinal: 'asc' }, { id: 'asc' }],
  asOf: (dir) => [{ asOf: dir }, { ordinal: 'asc' }, { id: 'asc' }],
};

/**
 * One page of the queue. Two queries, whatever the filters: the page itself, and one GROUP BY
 * status over the filter without its status part, which gives the per-status counts and, summed
 * over the chosen statuses, the total (no separate COUNT over the same rows).
 */
export async function listClaims(db: Database, query: ListClaimsQuery, view: View = 'desk'): Promise<ClaimList> {
  // A search (claim text, source names and aliases, article titles and outlets): search-page.ts.
  if (query.q) return listSearchedClaims(db, query, view, query.q);
  const base = await claimFilter(db, query);
  // API keys filter, count and sort by what consumers see (the published status), never a draft's.
  const column = statusColumn(view);
  const where = query.status?.length ? { AND: [...base.AND, { [column]: { in: query.status } }] } : base;
  const order = ORDER[query.sort](query.order).map((o) =>
    view === 'public' && 'status' in o ? { publishedStatus: o.status } : o,
  );
  const page = await readPageRaw(db, where, base, order, query, view);
  const [rows, groups] = page
    ? page
    : await Promise.all([
        db.prisma.claim.findMany({
          where,
          orderBy: order as never,
          skip: (query.page - 1) * query.pageSize,
          take: query.pageSize,
          include: claimIncludeFor(view),
        }),
        view === 'public'
          ? db.prisma.claim
              .groupBy({ by: ['publishedStatus'], where: base, _count: { _all: true } })
              .then((gs) => gs.map((g) => ({ status: g.publishedStatus, n: g._count._all })))
          : db.prisma.claim
              .groupBy({ by: ['status'], where: base, _count: { _all: true } })
              .then((gs) => gs.map((g) => ({ status: g.status, n: g._count._all }))),
      ]);
  const counts = emptyCounts();
  let total = 0;
  for (const g of groups) {
    addCount(counts, g.status, g.n);
    if (!query.status?.length || (query.status as string[]).includes(g.status)) total += g.n;
  }
  return {
    items: (rows as Array<Parameters<typeof toClaim>[0]>).map(toClaimFor(view)),
    page: query.page,
    pageSize: query.pageSize,
    total,
    totalCapped: false,
    countsCapped: false,
    counts,
  };
}

/**
 * The page and the per-status counts in two SQL statements (`claim-sql.ts`): the page with each
 * claim's latest verdict joined, and one GROUP BY. Null when the filter holds something the SQL
 * compiler does not know (the caller then reads through Prisma).
 */
async function readPageRaw(
  db: Database,
  where: { AND: Array<Record<string, unknown>> },
  base: { AND: Array<Record<string, unknown>> },
  order: Array<Record<string, unknown>>,
  query: ListClaimsQuery,
  view: View,
) {
  const pageParams: unknown[] = [];
  // (isRejected, status) and (isRejected, publishedStatus) serve the counts, never the page.
  const pageWhere = whereSql(db.provider, where, 'c', pageParams, ['isRejected']);
  const countParams: unknown[] = [];
  // The counts of the whole queue read (isRejected, status) alone; once another filter narrows
  // them (side, category, article...), its own index finds fewer rows than every claim not rejected.
  const narrowed = base.AND.some((condition) => Object.keys(condition).some((key) => key !== 'isRejected'));
  const countWhere = whereSql(db.provider, base, 'c', countParams, narrowed ? ['isRejected'] : []);
  // The same order inside (the page) and outside (after the join): `c` names both.
  const orderBy = orderSql(order, 'c');
  if (pageWhere === null || countWhere === null || !orderBy) return null;
  const column = statusColumn(view);
  const [page, groups] = await Promise.all([
    rawQuery<Record<string, unknown>>(
      db.prisma,
      db.provider,
      `SELECT ${claimColumnsSql('c')}, ${verdictColumnsSql()}
       FROM (SELECT ${claimColumnsSql('c')} FROM "Claim" AS c WHERE ${pageWhere} ORDER BY ${orderBy} LIMIT ? OFFSET ?) AS c
       ${latestVerdictJoinSql(view, 'c', db.provider)}
       ORDER BY ${orderBy}`,
      [...pageParams, query.pageSize, (query.page - 1) * query.pageSize],
    ),
    rawQuery<{ status: string; n: number | bigint }>(
      db.prisma,
      db.provider,
      `SELECT c."${column}" AS "status", COUNT(*) AS "n" FROM "Claim" AS c WHERE ${countWhere} GROUP BY c."${column}"`,
      countParams,
    ),
  ]);
  return [
    await withLatestVerdicts(db.prisma, db.provider, page),
    groups.map((g) => ({ status: g.status, n: Number(g.n) })),
  ] as const;
}

export async function getClaim(db: Database, id: string, view: View = 'desk'): Promise<ClaimDetail> {
  const row = await db.prisma.claim.findUnique({
    where: { id },
    include: {
      verdicts: {
        // Consumers' history is the published verdicts (retracted ones too, marked so); drafts are the desk's.
        where: view === 'public' ? { publishedAt: { not: null } } : {},
        orderBy: [{ createdAt: 'desc' }, { version: 'desc' }],
        include: verdictInclude,
      },
      corrections: { orderBy: [{ createdAt: 'desc' }, { version: 'desc' }] },
      statement: true,
      article: { select: { id: true, title: true, publishedOn: true, outlet: true } },
    },
  });
  if (!row) throw new AppError('not_found', `no claim ${id}`, { path: ['id'] });
  return {
    ...toClaimFor(view)(row),
    verdicts: row.verdicts.map(toVerdict),
    corrections: row.corrections.map(toCorrection),
    statement: {
      id: row.statement.id,
      source: row.statement.sourceText,
      sourceCanonical: row.statement.sourceCanonical,
      side: row.statement.side as ClaimDetail['statement']['side'],
      cue: row.statement.cueText,
      content: row.statement.contentText,
      direct: row.statement.direct,
    },
    article: row.article,
  };
}

const SQL_ORDER: Record<ListClaimsQuery['sort'], (dir: 'ASC' | 'DESC', status: string) => string> = {
  article: (dir) => `c."publishedOn" ${dir}, c."articleId" ${dir}, c."ordinal" ${dir}`,
  updated: (dir) => `c."updatedAt" ${dir}, c."id" ${dir}`,
  value: (dir) => `c."value" ${dir}, c."id" ${dir}`,
  status: (dir, status) => `c."${status}" ${dir}, c."ordinal" ASC, c."id" ASC`,
  asOf: (dir) => `c."asOf" ${dir}, c."ordinal" ASC, c."id" ASC`,
};

/** The queue's filters (claimFilter, without the status) as SQL over `c`, for the search path. */
function filterConditions(sql: SqlParts, db: Database, query: ListClaimsQuery): string[] {
  const where: string[] = [];
  if (query.rejected !== 'include') where.push(query.rejected === 'only' ? 'c."isRejected"' : 'NOT c."isRejected"');
  if (query.side?.length) where.push(sql.inList('c."side"', query.side));
  if (query.category?.length) where.push(sql.inList('c."category"', query.category));
  if (query.kind) where.push(`c."kind" = ${sql.p(query.kind)}`);
  if (query.articleId) where.push(`c."articleId" = ${sql.p(query.articleId)}`);
  // Case-insensitive and literal (% and _ are characters), as containsLiterally.
  if (query.source)
    where.push(
      db.provider === 'postgresql'
        ? `strpos(lower(c."sourceCanonical"), lower(${sql.p(query.source)})) > 0`
        : `instr(lower(c."sourceCanonical"), lower(${sql.p(query.source)})) > 0`,
    );
  if (query.sourceId) where.push(`c."sourceId" = ${sql.p(query.sourceId)}`);
  if (query.from) where.push(`c."asOf" >= ${sql.p(query.from)}`);
  if (query.to) where.push(`c."asOf" <= ${sql.p(query.to)}`);
  return where;
}

/**
 * SQLite indexes that hold the claims in a sort's order (the status-led one when one status is
 * chosen): a capped search walks one and stops at the page. PostgreSQL's planner picks them itself
 * once the words are checked per row (no trigram condition to choose instead).
 */
function sortIndex(query: ListClaimsQuery, view: View): string | null {
  const oneStatus = query.status?.length === 1 && view === 'desk';
  if (query.sort === 'article')
    return oneStatus ? 'Claim_status_publishedOn_articleId_ordinal_idx' : 'Claim_publishedOn_articleId_ordinal_idx';
  if (query.sort === 'updated') return oneStatus ? 'Claim_status_updatedAt_id_idx' : 'Claim_updatedAt_id_idx';
  return null;
}

/**
 * The queue with a search. Counting every match of a common word (tens of thousands of claims)
 * and sorting them all for one page was what made it slow, so matches are counted only up to
 * SEARCH_COUNT_CAP past the page's first row (matchedRowsSql: each index read stops there), and:
 * - when fewer match, the page is those matches, sorted (a few hundred rows at most);
 * - when more match, the page is read from an index in the sort's order, each row checked for the
 *   words, stopping at the page (matches are common, so a page comes after a few hundred rows);
 *   sorts without such an index sort every match, as before.
 * `total` and `counts` are then lower bounds, flagged `totalCapped` / `countsCapped`. The page's
 * rows are read by id with what the queue shows of them.
 */
async function listSearchedClaims(db: Database, query: ListClaimsQuery, view: View, q: string): Promise<ClaimList> {
  const terms = searchTerms(q);
  const column = statusColumn(view);
  const counts = emptyCounts();
  const page = { page: query.page, pageSize: query.pageSize };
  // Only punctuation: nothing can match it.
  if (terms.length === 0) return { items: [], ...page, total: 0, totalCapped: false, countsCapped: false, counts };
  const matches = await matchTerms(db, terms);
  const pg = db.provider === 'postgresql';
  const offset = (query.page - 1) * query.pageSize;
  const limit = SEARCH_COUNT_CAP + offset;
  const statuses = query.status?.length ? (query.status as string[]) : null;
  const columns = `c."id" AS "id", c."${column}" AS "status"`;

  // Per-status counts over the other filters, up to the cap.
  const countSql = new SqlParts(pg);
  const countText = `SELECT u."status" AS "status", COUNT(*) AS "n" FROM (${matchedRowsSql(
    countSql,
    matches,
    (sql) => filterConditions(sql, db, query),
    limit + 1,
    columns,
  )}) AS u GROUP BY u."status"`;
  const groups = await db.prisma.$queryRawUnsafe<Array<{ status: string; n: number | bigint }>>(
    countText,
    ...countSql.params,
  );
  let seen = 0;
  let total = 0;
  for (const g of groups) {
    const n = Number(g.n);
    addCount(counts, g.status, n);
    seen += n;
    if (!statuses || statuses.includes(g.status)) total += n;
  }
  const countsCapped = seen > limit;
  let totalCapped = countsCapped;
  const pageConditions = (sql: SqlParts) => {
    const where = filterConditions(sql, db, query);
    if (statuses) where.push(sql.inList(`c."${column}"`, statuses));
    return where;
  };
  if (countsCapped && statuses) {
    // The chosen statuses may be few among many matches: counted on their own, up to the cap.
    const sql = new SqlParts(pg);
    const text = `SELECT COUNT(*) AS "n" FROM (${matchedRowsSql(sql, matches, pageConditions, limit + 1, columns)}) AS u`;
    const [row] = await db.prisma.$queryRawUnsafe<Array<{ n: number | bigint }>>(text, ...sql.params);
    total = Number(row?.n ?? 0);
    totalCapped = total > limit;
  }
  if (totalCapped) total = limit;

  const dir = query.order === 'desc' ? 'DESC' : 'ASC';
  const orderBy = SQL_ORDER[query.sort](dir, column);
  const pageSql = new SqlParts(pg);
  const index = sortIndex(query, view);
  const claimColumns = claimColumnsSql('c');
  let inner: string;
  if (!totalCapped) {
    // Every match is in hand (at most the cap): sort those.
    inner = `SELECT ${claimColumns} FROM "Claim" c WHERE c."id" IN (SELECT "id" FROM (${matchedRowsSql(
      pageSql,
      matches,
      pageConditions,
      limit + 1,
      columns,
    )}) AS u) ORDER BY ${orderBy}`;
  } else if (index) {
    // Many matches: walk the sort's index, check each row, stop at the page.
    const where = [...pageConditions(pageSql), ...matches.map((m) => rowCheck(pageSql, m))];
    inner = `SELECT ${claimColumns} FROM "Claim" c${pg ? '' : ` INDEXED BY "${index}"`}
      WHERE ${where.join(' AND ')} ORDER BY ${orderBy}`;
  } else {
    // Many matches and no index in this order: every match, sorted.
    const where = [...pageConditions(pageSql), matchCondition(pageSql, matches)];
    inner = `SELECT ${claimColumns} FROM "Claim" c WHERE ${where.join(' AND ')} ORDER BY ${orderBy}`;
  }
  inner += ` LIMIT ${pageSql.p(query.pageSize)} OFFSET ${pageSql.p(offset)}`;
  // The page with each claim's latest verdict, as the queue without a search reads it (readPageRaw).
  const rows = await db.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT ${claimColumns}, ${verdictColumnsSql()} FROM (${inner}) AS c
     ${latestVerdictJoinSql(view, 'c', db.provider)} ORDER BY ${orderBy}`,
    ...pageSql.params,
  );
  const ordered = (await withLatestVerdicts(db.prisma, db.provider, rows)) as Array<Parameters<typeof toClaim>[0]>;
  return { items: ordered.map(toClaimFor(view)), ...page, total, totalCapped, countsCapped, counts };
}
