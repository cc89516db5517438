// One parse worker of the pool in parse-pool.ts. Plain JavaScript so that Node can start it as it
// is, under tsx (the CLI, `npm start`) or vitest alike; it registers tsx to load the parser's
// TypeScript source itself.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { parseArticle } = await import('@claimdesk/parser');
const partSize = workerData?.partSize ?? 500;

// Statements go back in parts: the main thread then decodes one part per turn of its event loop
// instead of the whole of a 2 MB article's result at once (hundreds of milliseconds).
parentPort.on('message', ({ id, text, options }) => {
  try {
    const { statements, ...rest } = parseArticle(text, options ?? {});
    for (let start = 0; start < statements.length; start += partSize)
      parentPort.postMessage({ id, type: 'part', statements: statements.slice(start, start + partSize) });
    parentPort.postMessage({ id, type: 'done', result: rest });
  } catch (error) {
    parentPort.postMessage({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ type: 'ready' });
