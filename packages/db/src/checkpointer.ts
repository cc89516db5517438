import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { sqliteDriverOptions } from './native-binding.ts';

/**
 * SQLite's automatic checkpoint runs inside the COMMIT that takes the WAL past 1,000 pages: that
 * statement copies the whole WAL into the database file before it returns. better-sqlite3 runs
 * statements on the calling thread, so after an import of 20,000 claims the API's event loop stood
 * still for the copy too (three quarters of a 160 ms COMMIT on a quiet machine, 0.2-0.5 s at load).
 * So a connection that registers here turns the automatic checkpoint off, and one worker thread
 * per process checkpoints every registered file from a connection of its own, once a second
 * (PASSIVE: it never waits for a reader or a writer, and a writer never waits for it).
 */
const CHECKPOINT_EVERY_MS = 1_000;

const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const open = new Map();
const checkpoint = (db) => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // A busy or vanished file: the next round tries again, and the WAL stays valid meanwhile.
  }
};
parentPort.on('message', (m) => {
  if (m.type === 'add') {
    try {
      const entry = open.get(m.file);
      if (entry) entry.users += 1;
      else open.set(m.file, { db: new Database(m.file, { fileMustExist: true, timeout: 0, ...workerData.options }), users: 1 });
      parentPort.postMessage({ id: m.id, ok: true });
    } catch (error) {
      parentPort.postMessage({ id: m.id, ok: false, message: String(error) });
    }
  } else if (m.type === 'remove') {
    const entry = open.get(m.file);
    if (entry) {
      entry.users -= 1;
      if (entry.users <= 0) {
        open.delete(m.file);
        checkpoint(entry.db);
        try { entry.db.close(); } catch {}
      }
    }
    parentPort.postMessage({ id: m.id, ok: true });
  }
});
setInterval(() => {
  for (const { db } of open.values()) checkpoint(db);
}, workerData.everyMs);
`;

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (answer: { ok: boolean; message?: string }) => void>();
let registered = 0;

function ask(message: { type: 'add' | 'remove'; file: string }, timeoutMs: number) {
  const w = startWorker();
  const id = nextId++;
  return new Promise<{ ok: boolean; message?: string }>((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      resolve({ ok: false, message: `the checkpoint worker did not answer in ${timeoutMs} ms` });
    }, timeoutMs);
    timer.unref();
    waiting.set(id, (answer) => {
      clearTimeout(timer);
      resolve(answer);
    });
    w.ref();
    w.postMessage({ ...message, id });
  }).finally(() => {
    if (waiting.size === 0) worker?.unref();
  });
}

function startWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(WORKER_CODE, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      options: sqliteDriverOptions(),
      everyMs: CHECKPOINT_EVERY_MS,
    },
  });
  w.on('message', (m: { id: number; ok: boolean; message?: string }) => {
    const answer = waiting.get(m.id);
    waiting.delete(m.id);
    answer?.(m);
  });
  const gone = (message: string) => {
    if (worker === w) worker = null;
    for (const [id, answer] of waiting) {
      waiting.delete(id);
      answer({ ok: false, message });
    }
  };
  w.on('error', (error) => gone(String(error)));
  w.on('exit', (code) => gone(`the checkpoint worker exited (${code})`));
  // It never keeps the process alive by itself: only while a caller waits for its answer.
  w.unref();
  worker = w;
  return w;
}

/**
 * Hands the checkpoints of SQLite file `file` to the worker. True when the worker has the file
 * open: then the caller turns its own automatic checkpoint off. False (the worker could not start
 * or open it): the caller keeps SQLite's default.
 */
export async function registerCheckpoints(file: string): Promise<boolean> {
  const answer = await ask({ type: 'add', file }, 10_000);
  if (answer.ok) registered += 1;
  return answer.ok;
}

/** The worker checkpoints `file` once more and closes its connection (before the caller's closes). */
export async function unregisterCheckpoints(file: string): Promise<void> {
  if (!worker) return;
  await ask({ type: 'remove', file }, 5_000);
  registered -= 1;
  if (registered <= 0 && worker) {
    const w = worker;
    worker = null;
    registered = 0;
    await w.terminate();
  }
}
