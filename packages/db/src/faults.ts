import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './client.ts';
import { prismaDir } from './migrate.ts';

/**
 * Faults of the database that an operator, not a developer, has to fix. Each has a cause and what
 * to do, said the same way in the API's answer and log, the CLI and the health route.
 */
export interface DatabaseFault {
  fault: 'database_busy' | 'disk_full' | 'read_only' | 'schema_mismatch';
  /** What is wrong and what to do, in one sentence an operator can act on. */
  message: string;
}

/** Every string inside an error, its causes and Prisma's meta (the driver's codes hide there). */
function collectText(value: unknown, depth = 0, seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (!value || typeof value !== 'object' || depth > 5 || seen.has(value)) return [];
  seen.add(value);
  const record = value as Record<string, unknown>;
  // name, message and cause of an Error are not enumerable; Prisma's meta nests under changing keys.
  const keys = new Set(['name', 'message', 'cause', ...Object.keys(record)]);
  return [...keys].flatMap((k) => collectText(record[k], depth + 1, seen));
}

const MIGRATE = 'run `npx claimdesk db migrate` (on SQLite, stop the server first) and start every API process again';

/** The fault behind an error, or null when it is none of the known operational ones. */
export function describeDatabaseFault(error: unknown, provider: 'sqlite' | 'postgresql'): DatabaseFault | null {
  const text = collectText(error).join('\n');
  if (/DatabaseBusyError|SQLITE_BUSY|database is locked/.test(text)) {
    return {
      fault: 'database_busy',
      message:
        'another process holds the SQLite write lock (an import, `claimdesk db migrate` or a second server): nothing was saved; try again in a moment',
    };
  }
  if (/\bP2028\b|Unable to start a transaction in the given time|timeout exceeded when trying to connect/.test(text)) {
    return {
      fault: 'database_busy',
      message:
        'every database connection stayed busy for the whole wait (a burst of writes, or a long import): nothing was saved; try again in a moment',
    };
  }
  if (
    /SQLITE_FULL|database or disk is full|\b53100\b|No space left on device|could not extend file|ENOSPC/i.test(text)
  ) {
    return {
      fault: 'disk_full',
      message:
        'the disk that holds the database is full: nothing was saved; free space on it (or grow the volume) and try again',
    };
  }
  if (/SqliteReadOnlyError|SQLITE_READONLY|readonly database|\b25006\b|read-only transaction|EROFS/i.test(text)) {
    return {
      fault: 'read_only',
      message:
        provider === 'sqlite'
          ? 'the database file is read-only for claimdesk: nothing was saved; make the file and its folder writable by the user that runs claimdesk (SQLite writes -wal and -shm files beside it)'
          : 'the PostgreSQL server refuses writes (a standby, or default_transaction_read_only): nothing was saved; point DATABASE_URL at the primary or lift the read-only setting',
    };
  }
  if (/\bP2021\b|\bP2022\b|TableDoesNotExist|ColumnNotFound|no such table|no such column/.test(text)) {
    return {
      fault: 'schema_mismatch',
      message: `the database schema does not match this version of claimdesk: ${MIGRATE}`,
    };
  }
  return null;
}

/** Migration folders this build of claimdesk ships. */
function shippedMigrations(provider: 'sqlite' | 'postgresql'): string[] {
  const dir = join(prismaDir(provider), 'migrations');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
}

/**
 * Whether the database and this build agree on migrations: `db migrate` run beside a running
 * server (by a newer claimdesk, or before this one was restarted) leaves them apart.
 */
export async function checkMigrations(db: Database): Promise<DatabaseFault[]> {
  const rows = await db.prisma.$queryRawUnsafe<Array<{ migration_name: string }>>(
    'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  const applied = new Set(rows.map((r) => r.migration_name));
  const shipped = shippedMigrations(db.provider);
  const pending = shipped.filter((name) => !applied.has(name));
  const unknown = [...applied].filter((name) => !shipped.includes(name));
  const faults: DatabaseFault[] = [];
  if (pending.length > 0) {
    faults.push({
      fault: 'schema_mismatch',
      message: `the database lacks ${pending.length} migration(s) of this version of claimdesk (${pending.join(', ')}): ${MIGRATE}`,
    });
  }
  if (unknown.length > 0) {
    faults.push({
      fault: 'schema_mismatch',
      message: `the database was migrated by a newer claimdesk (${unknown.join(', ')}): start that version instead of this one`,
    });
  }
  return faults;
}
