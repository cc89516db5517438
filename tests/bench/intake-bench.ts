// npm run bench:intake [-- --chars N] [--db sqlite,postgresql] [--interval MS]
// (npm run bench runs it before the desk benchmark)
// How long other requests wait while a long article is imported: a server with its parse pool,
// one POST /api/articles of a ~2 MB article (the seed's body repeated: about 20,000 claims), and
// GET /api/health sent one after another (each due --interval ms after the last answer; its wait
// counts from when it was due) until the import
// is answered. Prints the worst health latency while the worker parses and while the rows are
// written (and the 99th percentile), and the same import with the parse on the event loop (as
// before the pool) beside it.
// Prints figures only; it asserts nothing.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { type ParseFn, createApp, createParsePool, createUser, parseHere } from '@claimdesk/api';
import { Worker } from 'node:worker_threads';
import { longArticle } from '../support/long-article.ts';
import { DATABASE_KINDS, type DatabaseKind, createTestDatabase } from '../support/test-databases.ts';

const { values } = parseArgs({
  options: {
    chars: { type: 'string', default: '2000000' },
    interval: { type: 'string', default: '10' },
    db: { type: 'string', default: DATABASE_KINDS.join(',') },
    'main-thread': { type: 'boolean', default: true },
  },
  allowNegative: true,
});
const CHARS = Number(values.chars);
const INTERVAL = Number(values.interval);
const KINDS = values.db.split(',').filter((k): k is DatabaseKind => (DATABASE_KINDS as readonly string[]).includes(k));
const PASSWORD = 'correct horse battery staple';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;

interface Run {
  importMs: number;
  claims: number;
  checks: number;
  worstWhileParsing: number;
  worstAfterParse: number;
  p99WhileParsing: number;
  p99AfterParse: number;
  median: number;
  loopDelayMax: number;
  resets: number;
}

async function measure(kind: DatabaseKind, mode: 'worker pool' | 'event loop'): Promise<Run> {
  const test = await createTestDatabase(kind);
  const pool = mode === 'worker pool' ? createParsePool({ size: 1 }) : null;
  let parseEnded = Number.POSITIVE_INFINITY;
  pool?.on('end', () => {
    parseEnded = performance.now();
  });
  const parse: ParseFn = pool
    ? pool.parse
    : async (text, options) => {
        const parsed = await parseHere(text, options);
        parseEnded = performance.now();
        return parsed;
      };
  const app = createApp({ db: test.db, config: { articleLimits: { maxChars: CHARS + 100_000 }, parse } });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await createUser(test.db, { email: 'bench@example.org', name: 'Bench', password: PASSWORD, role: 'admin' });
    const login = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@example.org', password: PASSWORD }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    // The workers start before the clock does: a server warms its pool with its first import.
    if (pool) await pool.parse('date 2022-02-27 | Warm-up: nothing.');
    const text = longArticle(CHARS);

    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const started = performance.now();
    let done = false;
    // The import is sent and its 20 MB answer read in a worker thread of its own: reading it here
    // would hold up this thread, which is also the server's, and count as the server's stall.
    const importer = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
      fetch(workerData.url, { method: 'POST', headers: workerData.headers, body: workerData.body })
        .then(async (res) => {
          const body = await res.json();
          parentPort.postMessage({ status: res.status, claims: body.claims ? body.claims.length : 0, head: JSON.stringify(body).slice(0, 200) });
        })
        .catch((error) => parentPort.postMessage({ error: String(error) }));`,
      {
        eval: true,
        workerData: {
          url: `${base}/api/articles`,
          headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
          body: JSON.stringify({ text, fileName: 'long.txt' }),
        },
      },
    );
    const importing = new Promise<number>((resolve, reject) => {
      importer.once('message', (m: { status?: number; claims?: number; head?: string; error?: string }) => {
        done = true;
        void importer.terminate();
        if (m.error) reject(new Error(m.error));
        else if (m.status !== 201) reject(new Error(`import answered ${m.status}: ${m.head}`));
        else resolve(m.claims ?? 0);
      });
    });
    const checks: Array<{ sentAt: number; latency: number }> = [];
    let resets = 0;
    // Each check is due INTERVAL ms after the last answer; its wait counts from when it was due, so
    // a stall that starts between two checks (the timer itself held up) is counted too.
    let dueAt = performance.now();
    while (!done) {
      try {
        const res = await fetch(`${base}/api/health`);
        await res.arrayBuffer();
      } catch {
        // A kept-alive connection the server closed while its event loop was held: the check is
        // counted with the time it waited, and the next one opens a new connection.
        resets += 1;
      }
      const answeredAt = performance.now();
      checks.push({ sentAt: dueAt, latency: answeredAt - dueAt });
      dueAt = answeredAt + INTERVAL;
      await sleep(INTERVAL);
    }
    const claims = await importing;
    const importMs = performance.now() - started;
    loop.disable();
    const latencies = checks.map((c) => c.latency).sort((a, b) => a - b);
    const worst = (xs: typeof checks) => Math.max(0, ...xs.map((c) => c.latency));
    const p99 = (xs: typeof checks) => {
      const sorted = xs.map((c) => c.latency).sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? 0;
    };
    const whileParsing = checks.filter((c) => c.sentAt < parseEnded);
    const afterParse = checks.filter((c) => c.sentAt >= parseEnded);
    return {
      importMs,
      claims,
      checks: checks.length,
      worstWhileParsing: worst(whileParsing),
      worstAfterParse: worst(afterParse),
      p99WhileParsing: p99(whileParsing),
      p99AfterParse: p99(afterParse),
      median: latencies[Math.floor(latencies.length / 2)] ?? 0,
      loopDelayMax: loop.max / 1e6,
      resets,
    };
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await pool?.close();
    await test.drop();
  }
}

console.log(
  `intake: one POST /api/articles of ${CHARS.toLocaleString('en')} characters; GET /api/health every ${INTERVAL} ms after the last answer until it is answered`,
);
for (const kind of KINDS) {
  const modes = values['main-thread'] ? (['worker pool', 'event loop'] as const) : (['worker pool'] as const);
  for (const mode of modes) {
    const r = await measure(kind, mode);
    console.log(
      `${kind.padEnd(10)} parse in ${mode.padEnd(11)}: import ${ms(r.importMs)} (${r.claims.toLocaleString('en')} claims); ` +
        `${r.checks} health checks, median ${ms(r.median)}; while parsing p99 ${ms(r.p99WhileParsing)}, worst ${ms(r.worstWhileParsing)}; ` +
        `while writing and reading back p99 ${ms(r.p99AfterParse)}, worst ${ms(r.worstAfterParse)}; event loop blocked at most ${ms(r.loopDelayMax)}` +
        (r.resets > 0 ? `; ${r.resets} checks failed (connection reset)` : ''),
    );
  }
}
