import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type ParseOptions, type ParsedArticle, type Statement, parseArticle } from '@claimdesk/parser';

/** How an import turns text into the claim-format shape: on this thread or in a worker. */
export type ParseFn = (text: string, options?: ParseOptions) => Promise<ParsedArticle>;

/** Parsing on the calling thread (one-off scripts and tests that call a service directly). */
export const parseHere: ParseFn = async (text, options) => parseArticle(text, options);

export interface ParseTaskEvent {
  /** Characters of the text being parsed. */
  chars: number;
}

export interface ParsePool {
  parse: ParseFn;
  /** Workers at most (they start on first use and stay until `close`). */
  readonly size: number;
  /** 'start' when a worker takes a text, 'end' when its whole result is back on this thread. */
  on(event: 'start' | 'end', listener: (event: ParseTaskEvent) => void): void;
  off(event: 'start' | 'end', listener: (event: ParseTaskEvent) => void): void;
  close(): Promise<void>;
}

/** Worker threads for the API and `claimdesk import`: all but one core, at least one, at most 8. */
export function defaultParseWorkers(): number {
  return Math.max(1, Math.min(8, availableParallelism() - 1));
}

interface Task {
  id: number;
  text: string;
  options: ParseOptions;
  statements: Statement[];
  resolve: (parsed: ParsedArticle) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  isReady: boolean;
  task: Task | null;
}

type WorkerMessage =
  | { type: 'ready' }
  | { id: number; type: 'part'; statements: Statement[] }
  | { id: number; type: 'done'; result: Omit<ParsedArticle, 'statements'> }
  | { id: number; type: 'error'; message: string };

/**
 * The worker's file: beside this one in the sources; from the server bundle `npm start` runs
 * (apps/cli/dist), through the package's export.
 */
const WORKER_URL = (() => {
  const beside = new URL('./parse-worker.mjs', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  return pathToFileURL(createRequire(import.meta.url).resolve('@claimdesk/api/parse-worker'));
})();

/**
 * A small pool of worker threads that run the parser, so that parsing a long article (seconds for
 * 2 million characters) never holds up the event loop that answers other requests. Texts queue in
 * order; each worker parses one at a time. A worker that dies fails its text and is replaced on
 * the next one. Idle workers do not keep the process alive.
 */
export function createParsePool({ size = defaultParseWorkers() }: { size?: number } = {}): ParsePool {
  const events = new EventEmitter();
  const slots: Slot[] = [];
  const queue: Task[] = [];
  let nextId = 1;
  let isClosed = false;

  const spawn = (): Slot => {
    const worker = new Worker(WORKER_URL, { workerData: { partSize: 500 } });
    const slot: Slot = { worker, isReady: false, task: null };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        slot.isReady = true;
        dispatch();
        return;
      }
      const task = slot.task;
      if (!task || task.id !== message.id) return;
      if (message.type === 'part') {
        for (const s of message.statements) task.statements.push(s);
        // The next part after a turn of the event loop: one part decoded per turn.
        setImmediate(() => slot.worker.postMessage({ type: 'next', id: task.id }));
        return;
      }
      slot.task = null;
      if (message.type === 'done') {
        events.emit('end', { chars: task.text.length });
        task.resolve({ ...message.result, statements: task.statements });
      } else {
        events.emit('end', { chars: task.text.length });
        task.reject(new Error(`the parser failed: ${message.message}`));
      }
      dispatch();
    });
    const fail = (error: Error) => {
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      const task = slot.task;
      slot.task = null;
      if (task) {
        events.emit('end', { chars: task.text.length });
        task.reject(new Error(`the parse worker stopped: ${error.message}`));
      } else if (!slot.isReady) {
        // A worker that cannot even start fails what waits for it, rather than leaving it queued.
        for (const waiting of queue.splice(0))
          waiting.reject(new Error(`the parse worker did not start: ${error.message}`));
      }
      if (!isClosed) dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    slots.push(slot);
    return slot;
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (queue.length === 0) break;
      if (!slot.isReady || slot.task !== null) continue;
      const task = queue.shift() as Task;
      slot.task = task;
      slot.worker.ref();
      events.emit('start', { chars: task.text.length });
      slot.worker.postMessage({ id: task.id, text: task.text, options: task.options });
    }
    // More workers while texts wait for more than the ones starting can take.
    let starting = slots.filter((s) => !s.isReady).length;
    while (queue.length > starting && slots.length < size) {
      spawn();
      starting += 1;
    }
    // Workers keep the process alive only while they have, or are starting for, a text.
    for (const s of slots) {
      if (s.task !== null || (!s.isReady && queue.length > 0)) s.worker.ref();
      else s.worker.unref();
    }
  };

  return {
    size,
    parse(text, options = {}) {
      if (isClosed) return Promise.reject(new Error('the parse pool is closed'));
      return new Promise<ParsedArticle>((resolve, reject) => {
        queue.push({ id: nextId++, text, options, statements: [], resolve, reject });
        dispatch();
      });
    },
    on: (event, listener) => void events.on(event, listener),
    off: (event, listener) => void events.off(event, listener),
    async close() {
      isClosed = true;
      for (const waiting of queue.splice(0)) waiting.reject(new Error('the parse pool is closed'));
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}
