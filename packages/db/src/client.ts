import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { sqliteDriverOptions } from './native-binding.ts';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client.ts';
import { PrismaClient as PgClient } from './generated/postgresql/client.ts';
import { withBusyRetry } from './busy-retry.ts';
import { registerCheckpoints, unregisterCheckpoints } from './checkpointer.ts';
import { type ConnectionConfig, toPgPoolConfig } from './connection.ts';
import { unwritableSqliteFile } from './sqlite-access.ts';

/**
 * Both generated clients expose the same model API; the SQLite one stands for both in types.
 * This is the one module of the project that creates a Prisma client.
 */
export type PrismaDb = SqliteClient;

export interface Database {
  prisma: PrismaDb;
  provider: ConnectionConfig['provider'];
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Sees every SQL statement Prisma sends, with its parameters as JSON (benchmarks EXPLAIN them). */
  onQuery?: (query: { sql: string; params: string; durationMs: number }) => void;
  /** SQLite: how long a statement waits for another process's write lock, without blocking (ms). */
  busyWaitMs?: number;
}

type QueryEvent = { query: string; params: string; duration: number };
type QueryListener = { $on(event: 'query', listener: (e: QueryEvent) => void): void };

export async function openDatabase(config: ConnectionConfig, options: OpenDatabaseOptions = {}): Promise<Database> {
  const log = options.onQuery ? { log: [{ emit: 'event' as const, level: 'query' as const }] } : {};
  const listen = (client: unknown) => {
    const onQuery = options.onQuery;
    if (onQuery)
      (client as QueryListener).$on('query', (e) =>
        onQuery({ sql: e.query, params: e.params, durationMs: e.duration }),
      );
  };
  if (config.provider === 'postgresql') {
    // A query waits at most 10 s for a connection of the pool (pg waits forever by default, so one
    // burst or a long import would hang every request behind it); then it fails as database_busy.
    const adapter = new PrismaPg({ ...toPgPoolConfig(config.url), max: 10, connectionTimeoutMillis: 10_000 });
    // A request waits up to 10 s for a free connection of the pool (Prisma's default is 2 s): a
    // burst of writers queues for a moment instead of failing; past that it answers 503 (faults.ts).
    const prisma = new PgClient({
      adapter,
      transactionOptions: { maxWait: 10_000, timeout: 15_000 },
      ...log,
    }) as unknown as PrismaDb;
    listen(prisma);
    return { prisma, provider: 'postgresql', close: () => prisma.$disconnect() };
  }
  if (config.url !== ':memory:') mkdirSync(dirname(config.url), { recursive: true });
  // busy_timeout 0: waiting for a lock inside better-sqlite3 would block the event loop (busy-retry.ts).
  const adapter = withBusyRetry(
    new PrismaBetterSqlite3({ url: config.url, timeout: 0, ...sqliteDriverOptions() }),
    options.busyWaitMs ?? 2000,
  );
  const prisma = new SqliteClient({ adapter, ...log });
  listen(prisma);
  try {
    // WAL lets readers go on while a writer commits; several processes may share the file.
    await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  } catch (error) {
    await prisma.$disconnect().catch(() => {});
    // SQLite says only "unable to open database file" (SQLITE_CANTOPEN) for a file on a read-only
    // volume or one claimdesk may not write: name that cause, as the operator must fix it.
    throw unwritableSqliteFile(config.url, error) ?? error;
  }
  // Checkpoints run in a worker thread (checkpointer.ts), not inside this thread's COMMITs.
  const file = config.url;
  const isCheckpointedElsewhere = file !== ':memory:' && (await registerCheckpoints(file));
  if (isCheckpointedElsewhere) await prisma.$queryRawUnsafe('PRAGMA wal_autocheckpoint = 0');
  return {
    prisma,
    provider: 'sqlite',
    close: async () => {
      if (isCheckpointedElsewhere) await unregisterCheckpoints(file);
      await prisma.$disconnect();
    },
  };
}
