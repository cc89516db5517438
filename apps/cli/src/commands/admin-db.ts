import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Database, migrateDatabase, openDatabase, repoRoot } from '@claimdesk/db';
import { CliError } from '../cli-error.ts';
import { readConnectionConfig } from '../env.ts';

/** Whether every migration of the folder is recorded as applied, read through an ordinary connection. */
async function isMigrated(db: Database): Promise<boolean> {
  const dir = join(repoRoot, 'prisma', db.provider, 'migrations');
  const wanted = readdirSync(dir).filter((name) => existsSync(join(dir, name, 'migration.sql')));
  try {
    const rows = await db.prisma.$queryRawUnsafe<Array<{ migration_name: string }>>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return wanted.every((name) => applied.has(name));
  } catch {
    return false;
  }
}

/**
 * Opens the database named by DATABASE_URL and closes it after. A database that is not set up
 * yet is migrated first, so accounts can be made before the first start; an up-to-date one is
 * not touched by the schema engine, which would need SQLite to itself while a server runs on it.
 */
export async function openMigratedDatabase(config = readConnectionConfig()): Promise<Database> {
  const db = await openDatabase(config);
  if (await isMigrated(db)) return db;
  await db.close();
  await migrateDatabase(config);
  return openDatabase(config);
}

export async function withDatabase<T>(run: (db: Database) => Promise<T>): Promise<T> {
  const db = await openMigratedDatabase();
  try {
    return await run(db);
  } finally {
    await db.close();
  }
}

/** Validates with a contract schema; the first problem becomes the message (`field: what is wrong`). */
interface Schema<T> {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } };
}

export function parseInput<T>(schema: Schema<T>, input: unknown, command: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const message = issue?.message ?? 'invalid input';
  throw new CliError(`${command}: ${field && !message.startsWith(field) ? `--${field}: ` : ''}${message}`);
}

/** Prints rows as aligned columns. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}
