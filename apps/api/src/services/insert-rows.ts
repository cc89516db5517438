import type { Database } from '@claimdesk/db';
import { nextTurn } from './next-turn.ts';

type Tx = Pick<Database['prisma'], '$executeRawUnsafe'>;

/**
 * Rows per INSERT. PostgreSQL: 500 (about 25 columns, well under its 65,535 parameters; the
 * statement runs in the server, not on this thread). SQLite: 100, since better-sqlite3 runs each
 * statement on this thread: 500 claims with their indexes and the search triggers took 100-300 ms
 * at a time, every other request waiting; 100 keep each step short.
 */
const ROWS_PER_STATEMENT = { postgresql: 500, sqlite: 100 } as const;

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
  const size = ROWS_PER_STATEMENT[db.provider];
  for (let i = 0; i < rows.length; i += size) {
    if (i > 0) await nextTurn();
    const chunk = rows.slice(i, i + size);
    let n = 0;
    const placeholder = () => (db.provider === 'postgresql' ? `$${++n}` : '?');
    const values = chunk.map(() => `(${columns.map(placeholder).join(', ')})`).join(', ');
    const params: unknown[] = [];
    for (const row of chunk) for (const c of columns) params.push(row[c] ?? extra[c] ?? null);
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${list}) VALUES ${values}`, ...params);
  }
}
