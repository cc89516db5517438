import type { Database } from '@claimdesk/db';
import { nextTurn } from './next-turn.ts';

type Tx = Pick<Database['prisma'], '$executeRawUnsafe'>;

/**
 * Rows per INSERT at most. PostgreSQL: 500 (about 25 columns, well under its 65,535 parameters;
 * the statement runs in the server, not on this thread). SQLite: 100, and fewer when the machine
 * is slow (below).
 */
const ROWS_PER_STATEMENT = { postgresql: 500, sqlite: 100 } as const;

/**
 * better-sqlite3 runs each statement on this thread, so on SQLite an INSERT's time is time every
 * other request waits: the chunk size follows how long the last INSERT took, aiming at this many
 * milliseconds. 100 claims with their indexes and the search triggers took 15-150 ms at a load
 * of 8 on two cores, and a health check waits behind several of them (one per turn it needs).
 */
const SQLITE_STATEMENT_MS = 6;
const SQLITE_FIRST_ROWS = 20;
const SQLITE_MIN_ROWS = 5;

/**
 * Writes rows with plain multi-row INSERTs, a chunk at a time, letting the event loop answer other
 * requests between chunks. Prisma's createMany compiles each chunk of 500 claims in its query
 * compiler (wasm) first: for the 20,000 claims of a 2 MB article that was 20-50 s of one thread
 * on a busy machine, every second of it holding up every other request; these statements go to
 * the driver as they are. Columns are the union of the rows' keys (a missing value is NULL; an
 * undefined one too); columns not named take their defaults.
 */
export async function insertRows(
  db: Pick<Database, 'provider'>,
  tx: Tx,
  table: string,
  rows: Array<Record<string, unknown>>,
  extra: Record<string, unknown> = {},
): Promise<void> {
  if (rows.length === 0) return;
  const names = new Set<string>(Object.keys(extra));
  for (const row of rows) for (const key of Object.keys(row)) names.add(key);
  const columns = [...names];
  const list = columns.map((c) => `"${c}"`).join(', ');
  const most = ROWS_PER_STATEMENT[db.provider];
  const isSqlite = db.provider === 'sqlite';
  let size = isSqlite ? Math.min(most, SQLITE_FIRST_ROWS) : most;
  for (let i = 0; i < rows.length; ) {
    if (i > 0) await nextTurn();
    const chunk = rows.slice(i, i + size);
    i += chunk.length;
    let n = 0;
    const placeholder = () => (db.provider === 'postgresql' ? `$${++n}` : '?');
    const values = chunk.map(() => `(${columns.map(placeholder).join(', ')})`).join(', ');
    const params: unknown[] = [];
    for (const row of chunk) for (const c of columns) params.push(row[c] ?? extra[c] ?? null);
    const started = performance.now();
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${list}) VALUES ${values}`, ...params);
    if (isSqlite) {
      const took = Math.max(performance.now() - started, 0.1);
      if (took > SQLITE_STATEMENT_MS) size = Math.max(SQLITE_MIN_ROWS, Math.floor((size * SQLITE_STATEMENT_MS) / took));
      else if (took < SQLITE_STATEMENT_MS / 2) size = Math.min(most, Math.ceil(size * 1.5));
    }
  }
}

/**
 * Updates rows by id with multi-row statements, a chunk at a time (insertRows' largest sizes, a turn
 * of the event loop between): `WITH v(...) AS (VALUES (...), ...) UPDATE t SET col = v.col ... FROM v
 * WHERE t.id = v.id`, which both databases read the same (SQLite 3.33+ has UPDATE ... FROM).
 * Every row must name the same columns (group rows by the columns they set); each is set to the
 * row's value, null included. PostgreSQL types the VALUES by their first row, so each value is
 * cast to its column's type: `types` names the columns that are not text (`integer`, `boolean`,
 * `double precision`, `timestamp(3)`).
 */
export async function updateRows(
  db: Pick<Database, 'provider'>,
  tx: Tx,
  table: string,
  rows: Array<Record<string, unknown> & { id: string }>,
  types: Record<string, string> = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = ['id', ...Object.keys(rows[0] as object).filter((c) => c !== 'id')];
  const set = columns
    .filter((c) => c !== 'id')
    .map((c) => `"${c}" = v."${c}"`)
    .join(', ');
  const size = ROWS_PER_STATEMENT[db.provider];
  for (let i = 0; i < rows.length; i += size) {
    if (i > 0) await nextTurn();
    const chunk = rows.slice(i, i + size);
    let n = 0;
    const placeholder =
      db.provider === 'postgresql' ? (c: string) => `CAST($${++n} AS ${types[c] ?? 'text'})` : () => '?';
    const values = chunk.map(() => `(${columns.map(placeholder).join(', ')})`).join(', ');
    const params: unknown[] = [];
    for (const row of chunk) for (const c of columns) params.push(row[c] ?? null);
    await tx.$executeRawUnsafe(
      `WITH v (${columns.map((c) => `"${c}"`).join(', ')}) AS (VALUES ${values}) UPDATE "${table}" SET ${set} FROM v WHERE "${table}"."id" = v."id"`,
      ...params,
    );
  }
}

/**
 * Rows grouped by the columns they name (in a fixed order, so each group is one statement shape):
 * what updateRows takes. Undefined values are left out, as Prisma's update leaves them.
 */
export function groupByColumns<R extends Record<string, unknown> & { id: string }>(rows: R[]): R[][] {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const defined = Object.entries(row).filter(([, v]) => v !== undefined);
    defined.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const key = defined.map(([k]) => k).join('\u0000');
    const clean = Object.fromEntries(defined) as R;
    const group = groups.get(key);
    if (group) group.push(clean);
    else groups.set(key, [clean]);
  }
  return [...groups.values()];
}
