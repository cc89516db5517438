// Temporary: one 2 MB import through the API with the parse pool; prints event-loop stalls.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, createParsePool, createUser } from '@claimdesk/api';
import { longArticle } from '../support/long-article.ts';
import { createTestDatabase } from '../support/test-databases.ts';

const kind = (process.argv[2] ?? 'sqlite') as 'sqlite' | 'postgresql';
const test = await createTestDatabase(kind);
const pool = createParsePool({ size: 1 });
const app = createApp({ db: test.db, config: { articleLimits: { maxChars: 2_100_000 }, parse: pool.parse } });
const server: Server = app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
await createUser(test.db, { email: 'p@example.org', name: 'P', password: 'correct horse battery staple', role: 'admin' });
const login = await fetch(`${base}/api/session`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'p@example.org', password: 'correct horse battery staple' }),
});
const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
const { csrfToken } = (await login.json()) as { csrfToken: string };
await pool.parse('date 2022-02-27 | Warm-up: nothing.');
const body = JSON.stringify({ text: longArticle(2_000_000), fileName: 'long.txt' });
// Stalls of this process's event loop (server and this client share it; the client does little).
const stalls: Array<[number, number]> = [];
let last = performance.now();
const t0 = last;
const timer = setInterval(() => {
  const now = performance.now();
  if (now - last > 60) stalls.push([Math.round(last - t0), Math.round(now - last)]);
  last = now;
}, 5);
pool.on('start', () => console.log(`parse start ${Math.round(performance.now() - t0)}`));
pool.on('end', () => console.log(`parse end ${Math.round(performance.now() - t0)}`));
const res = await fetch(`${base}/api/articles`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
  body,
});
console.log(`answered ${res.status} at ${Math.round(performance.now() - t0)}`);
const reader = res.body?.getReader();
let bytes = 0;
for (;;) {
  const { done, value } = (await reader?.read()) ?? { done: true, value: undefined };
  if (done) break;
  bytes += value?.length ?? 0;
}
console.log(`body ${bytes} bytes at ${Math.round(performance.now() - t0)}`);
clearInterval(timer);
console.log('stalls [at ms, for ms]:', JSON.stringify(stalls));
server.close();
await pool.close();
await test.drop();
