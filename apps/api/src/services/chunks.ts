/**
 * Rows per statement for createMany and ids per `IN (...)`. Databases cap the parameters of one
 * statement (SQLite 32,766, PostgreSQL 65,535) and Prisma refuses beyond them (P2029); a claim
 * row has about 20 columns, so 500 rows stay far below either cap.
 */
export const CHUNK_SIZE = 500;

export function chunks<T>(items: readonly T[], size = CHUNK_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
