import type { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';

/**
 * better-sqlite3 is synchronous: with SQLite's busy_timeout, a write that waits for another
 * process's write lock blocks the whole event loop for that long (the API froze for 10 s, then
 * answered 500). So the connection runs with busy_timeout 0, and this wrapper waits with timers
 * instead: a statement refused with SQLITE_BUSY is tried again after 5, 10, 20... ms, for at most
 * `maxWaitMs`, while every other request is served. Then it gives up with `DatabaseBusyError`,
 * which the API answers with 503 and Retry-After. SQLITE_BUSY_SNAPSHOT is not retried: the
 * transaction read a snapshot that another writer has since replaced, and only starting over helps.
 */
export class DatabaseBusyError extends Error {
  constructor(waitedMs: number, options?: { cause?: unknown }) {
    super(`the SQLite database is locked by another process (waited ${waitedMs} ms)`, options);
    this.name = 'DatabaseBusyError';
  }
}

type Factory = PrismaBetterSqlite3;
type Adapter = Awaited<ReturnType<Factory['connect']>>;
type Queryable = Pick<Adapter, 'queryRaw' | 'executeRaw'>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function sqliteCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { originalCode?: unknown } } | null)?.cause;
  return typeof cause?.originalCode === 'string' ? cause.originalCode : undefined;
}

async function retryWhileBusy<T>(run: () => Promise<T>, maxWaitMs: number): Promise<T> {
  let waited = 0;
  let delay = 5;
  for (;;) {
    try {
      return await run();
    } catch (error) {
      const code = sqliteCode(error);
      if (!code?.startsWith('SQLITE_BUSY')) throw error;
      if (code === 'SQLITE_BUSY_SNAPSHOT' || waited >= maxWaitMs) throw new DatabaseBusyError(waited, { cause: error });
      const pause = Math.min(delay, maxWaitMs - waited);
      await sleep(pause);
      waited += pause;
      delay = Math.min(delay * 2, 200);
    }
  }
}

function wrapQueryable<T extends Queryable>(target: T, maxWaitMs: number): T {
  const queryRaw = target.queryRaw.bind(target);
  const executeRaw = target.executeRaw.bind(target);
  target.queryRaw = (query) => retryWhileBusy(() => queryRaw(query), maxWaitMs);
  target.executeRaw = (query) => retryWhileBusy(() => executeRaw(query), maxWaitMs);
  return target;
}

/** The same adapter factory, whose connections wait for a busy database without blocking. */
export function withBusyRetry(factory: Factory, maxWaitMs: number): Factory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = wrapQueryable(await connect(), maxWaitMs);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) =>
      wrapQueryable(await startTransaction(isolationLevel), maxWaitMs);
    return adapter;
  };
  return factory;
}
