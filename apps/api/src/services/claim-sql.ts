import type { Database } from '@claimdesk/db';
import type { View } from './publication.ts';

/**
 * The hot claim reads (the queue page, the v1 page, the article detail) in plain SQL through the
 * Prisma client's raw queries: one statement per page instead of Prisma's query plan for an
 * `include` (a query per relation, each compiled and mapped in its wasm query compiler), with a
 * fixed statement shape per filter, so the database reuses its plan. The rows have exactly the
 * columns and types Prisma's would (`serialize.ts` turns both into the same JSON).
 *
 * The filters stay Prisma `where` objects (`claimFilter`, `searchFilter` build them); `whereSql`
 * compiles the subset they use and answers null for anything else, and the caller then reads
 * through Prisma as before.
 */
type Provider = Database['provider'];
type Raw = Pick<Database['prisma'], '$queryRawUnsafe'>;

/** Every Claim column a claim answer uses (not `searchText`, which only the search reads). */
const CLAIM_COLUMNS = [
  'id',
  'articleId',
  'statementId',
  'kind',
  'ordinal',
  'text',
  'start',
  'end',
  'sourceCanonical',
  'side',
  'asOf',
  'value',
  'qualifier',
  'category',
  'unit',
  'subject',
  'since',
  'figureKind',
  'publishedOn',
  'status',
  'publishedStatus',
  'version',
  'isFound',
  'origin',
  'isCorrected',
  'isRejected',
  'sourceId',
  'createdAt',
  'updatedAt',
] as const;
const CLAIM_FILTER_COLUMNS = new Set<string>([...CLAIM_COLUMNS, 'searchText']);

const VERDICT_COLUMNS = [
  'id',
  'claimId',
  'status',
  'note',
  'evidence',
  'authorName',
  'version',
  'createdAt',
  'publishedAt',
  'publishedByName',
  'retractedAt',
  'retractedByName',
  'retractionNote',
] as const;

/** Above this many values an `in` list goes as one JSON parameter (one statement shape, no parameter limit). */
const LISTED_VALUES = 20;

/** SQL written with `?` placeholders, numbered for PostgreSQL. */
function numbered(provider: Provider, sql: string): string {
  if (provider !== 'postgresql') return sql;
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

export async function rawQuery<T>(db: Raw, provider: Provider, sql: string, params: unknown[]): Promise<T[]> {
  return db.$queryRawUnsafe<T[]>(numbered(provider, sql), ...params);
}

/** `?` stands for a JSON array of strings: the set of its elements. */
const jsonValues = (provider: Provider) =>
  provider === 'postgresql' ? '(SELECT jsonb_array_elements_text(?::jsonb))' : '(SELECT value FROM json_each(?))';

const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean';

/**
 * The SQL of a Prisma `where` on Claim (`AND`, `OR`, equality, `in`, `contains` with its `mode`,
 * `gte`/`lte`/`gt`/`lt`), columns qualified by `alias`; params are appended in order. Null when
 * the filter holds anything else.
 */
export function whereSql(
  provider: Provider,
  filter: unknown,
  alias: string,
  params: unknown[],
  /**
   * Columns whose conditions no index may serve on SQLite (written `+c."col"`): a page sorted by
   * an index must not be drawn to an index that only its counts need. SQLite plans without
   * statistics, so it takes any index with an equality on its first column over an index read in
   * order, and then sorts every match (PostgreSQL weighs both with its statistics).
   */
  unindexed: readonly string[] = [],
): string | null {
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) return null;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(filter as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (key === 'AND' || key === 'OR') {
      const items = Array.isArray(value) ? value : [value];
      const sqls: string[] = [];
      for (const item of items) {
        const sql = whereSql(provider, item, alias, params, unindexed);
        if (sql === null) return null;
        sqls.push(sql);
      }
      if (key === 'AND') parts.push(sqls.length ? `(${sqls.join(' AND ')})` : '(1=1)');
      else parts.push(sqls.length ? `(${sqls.join(' OR ')})` : '(1=0)');
      continue;
    }
    if (!CLAIM_FILTER_COLUMNS.has(key)) return null;
    const column = `${provider === 'sqlite' && unindexed.includes(key) ? '+' : ''}${alias}."${key}"`;
    if (value === null) {
      parts.push(`${column} IS NULL`);
      continue;
    }
    if (isScalar(value)) {
      parts.push(`${column} = ?`);
      params.push(value);
      continue;
    }
    if (typeof value !== 'object' || Array.isArray(value)) return null;
    const ops = value as Record<string, unknown>;
    for (const [op, operand] of Object.entries(ops)) {
      if (operand === undefined || op === 'mode') continue;
      if (op === 'in') {
        if (!Array.isArray(operand) || !operand.every(isScalar)) return null;
        if (operand.length === 0) parts.push('(1=0)');
        else if (operand.length <= LISTED_VALUES) {
          parts.push(`${column} IN (${operand.map(() => '?').join(', ')})`);
          params.push(...operand);
        } else {
          if (!operand.every((v) => typeof v === 'string')) return null;
          parts.push(`${column} IN ${jsonValues(provider)}`);
          params.push(JSON.stringify(operand));
        }
      } else if (op === 'contains') {
        if (typeof operand !== 'string') return null;
        const like = provider === 'postgresql' && ops.mode === 'insensitive' ? 'ILIKE' : 'LIKE';
        parts.push(`${column} ${like} ?`);
        params.push(`%${operand}%`);
      } else if (op === 'gte' || op === 'lte' || op === 'gt' || op === 'lt') {
        if (!isScalar(operand)) return null;
        parts.push(`${column} ${{ gte: '>=', lte: '<=', gt: '>', lt: '<' }[op]} ?`);
        params.push(operand);
      } else if (op === 'equals') {
        if (!isScalar(operand)) return null;
        parts.push(`${column} = ?`);
        params.push(operand);
      } else return null;
    }
  }
  return parts.length ? parts.join(' AND ') : '(1=1)';
}

/** The SQL of a Prisma `orderBy` on Claim; null for anything it cannot say. */
export function orderSql(order: Array<Record<string, unknown>>, alias: string): string | null {
  const parts: string[] = [];
  for (const o of order) {
    for (const [key, dir] of Object.entries(o)) {
      if (!CLAIM_FILTER_COLUMNS.has(key) || (dir !== 'asc' && dir !== 'desc')) return null;
      parts.push(`${alias}."${key}" ${dir.toUpperCase()}`);
    }
  }
  return parts.join(', ');
}

/** The claim columns, unqualified (for `RETURNING`). */
export const claimReturningSql = CLAIM_COLUMNS.map((c) => `"${c}"`).join(', ');

export const claimColumnsSql = (alias: string) => CLAIM_COLUMNS.map((c) => `${alias}."${c}"`).join(', ');

/**
 * The columns of the claim's latest verdict (the latest published one for `public`), as `v_*`,
 * for a claim `c` with a `LEFT JOIN "Verdict" AS v ON v."id" = (latestVerdictId)`; plus whether it
 * cites reference rows.
 */
export const verdictColumnsSql = (withReferences = true) =>
  VERDICT_COLUMNS.map((c) => `v."${c}" AS "v_${c}"`).join(', ') +
  (withReferences
    ? `, (CASE WHEN EXISTS (SELECT 1 FROM "VerdictReference" AS r WHERE r."verdictId" = v."id") THEN 1 ELSE 0 END) AS "v_hasReferences"`
    : '');

export const latestVerdictJoinSql = (view: View, claim: string, provider: Provider) => {
  const latest = `SELECT lv.* FROM "Verdict" AS lv WHERE lv."claimId" = ${claim}."id"${
    view === 'public' ? ' AND lv."publishedAt" IS NOT NULL' : ''
  } ORDER BY lv."createdAt" DESC, lv."version" DESC LIMIT 1`;
  // PostgreSQL: a LATERAL probe of the (claimId, createdAt) index per claim (joining on a scalar
  // subquery made it hash the whole Verdict table); SQLite has no LATERAL and probes per row anyway.
  return provider === 'postgresql'
    ? `LEFT JOIN LATERAL (${latest}) AS v ON TRUE`
    : `LEFT JOIN "Verdict" AS v ON v."id" = (${latest.replace('SELECT lv.*', 'SELECT lv."id"')})`;
};

type Row = Record<string, unknown>;
type VerdictWithReferences = Row & { references: Row[] };

/**
 * Claim rows as Prisma's `include: latestVerdictInclude` (or `publishedVerdictInclude`) gives
 * them, from rows read with `claimColumnsSql('c')` and `verdictColumnsSql()`: `verdicts` holds
 * the latest one with its references (read in one more query, only when one cites any).
 */
export async function withLatestVerdicts(
  db: Raw,
  provider: Provider,
  rows: Row[],
): Promise<Array<Row & { verdicts: VerdictWithReferences[] }>> {
  const cited = rows.filter((r) => r.v_id != null && Number(r.v_hasReferences) > 0).map((r) => String(r.v_id));
  const references = new Map<string, Row[]>();
  if (cited.length > 0) {
    const refs = await rawQuery<Row>(
      db,
      provider,
      `SELECT * FROM "VerdictReference" WHERE "verdictId" IN ${jsonValues(provider)} ORDER BY "verdictId", "ordinal"`,
      [JSON.stringify(cited)],
    );
    for (const r of refs) {
      const list = references.get(String(r.verdictId)) ?? [];
      list.push(r);
      references.set(String(r.verdictId), list);
    }
  }
  return claimRows(rows, references);
}

/** Rows read with `claimColumnsSql('c')` and `verdictColumnsSql()` as Prisma's include gives them. */
export function claimRows(rows: Row[], references = new Map<string, Row[]>()) {
  return rows.map((r) => {
    const claim: Row = {};
    for (const c of CLAIM_COLUMNS) claim[c] = r[c];
    let verdicts: VerdictWithReferences[] = [];
    if (r.v_id != null) {
      const verdict: VerdictWithReferences = { references: references.get(String(r.v_id)) ?? [] };
      for (const c of VERDICT_COLUMNS) verdict[c] = r[`v_${c}`];
      verdicts = [verdict];
    }
    return { ...claim, verdicts };
  });
}

export { jsonValues };
