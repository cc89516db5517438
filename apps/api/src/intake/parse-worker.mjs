// One parse worker of the pool in parse-pool.ts. Plain JavaScript so that Node can start it as it
// is, under tsx (the CLI, `npm start`) or vitest alike; it registers tsx to load the parser's
// TypeScript source itself.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { parseArticle } = await import('@claimdesk/parser');
const partSize = workerData?.partSize ?? 500;

// Statements go back in parts, the next only when the main thread asks for it (`next`): messages
// that are waiting are all decoded in one go, so without the asking a 2 MB article's result was
// decoded at once (hundreds of milliseconds of the thread that answers requests).
const pending = new Map();
const sendNext = (id) => {
  const task = pending.get(id);
  if (!task) return;
  if (task.start < task.statements.length) {
    const part = task.statements.slice(task.start, task.start + partSize);
    task.start += partSize;
    parentPort.postMessage({ id, type: 'part', statements: part });
    return;
  }
  pending.delete(id);
  parentPort.postMessage({ id, type: 'done', result: task.rest });
};
parentPort.on('message', (message) => {
  if (message.type === 'next') {
    sendNext(message.id);
    return;
  }
  const { id, text, options } = message;
  try {
    const { statements, ...rest } = parseArticle(text, options ?? {});
    pending.set(id, { statements, rest, start: 0 });
    sendNext(id);
  } catch (error) {
    parentPort.postMessage({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ type: 'ready' });
