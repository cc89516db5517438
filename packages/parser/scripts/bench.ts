// npm run bench:parser [-- --articles DIR] [--seconds N]   (npm run bench runs it, then the queue bench)
// Throughput of parseArticle on one core: articles per second over the shared articles, seed-sized
// articles per second, and the time to parse a 1 MB input built by concatenating real articles.
// Prints figures only; it asserts nothing.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseArticle } from '../src/index.ts';

const repo = resolve(import.meta.dirname, '../../..');
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: resolve(repo, '../shared/data/articles') },
    seed: { type: 'string', default: resolve(repo, 'sample-data/00_2022-02-27_jagran.txt') },
    seconds: { type: 'string', default: '2' },
  },
});
if (!existsSync(values.articles)) {
  console.error(`bench: no such folder ${values.articles}`);
  process.exit(2);
}
const budgetMs = Number(values.seconds) * 1000;
const articles = readdirSync(values.articles)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(values.articles, f), 'utf8'));
if (articles.length === 0) {
  console.error(`bench: no .txt articles in ${values.articles}`);
  process.exit(2);
}
const seed = existsSync(values.seed) ? readFileSync(values.seed, 'utf8') : (articles[0] ?? '');

/** Runs `fn` until the time budget is spent (after a short warm-up) and returns runs per second. */
function rate(fn: () => number, budget: number): { perSecond: number; runs: number; units: number } {
  const warmUntil = performance.now() + Math.min(300, budget / 4);
  while (performance.now() < warmUntil) fn();
  let runs = 0;
  let units = 0;
  const start = performance.now();
  let now = start;
  while (now - start < budget) {
    units += fn();
    runs++;
    now = performance.now();
  }
  return { perSecond: (units * 1000) / (now - start), runs, units };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const totalChars = articles.reduce((n, a) => n + a.length, 0);
console.log(
  `node ${process.version}, one core; parser on ${articles.length} shared articles (${kb(totalChars)}), seed ${kb(seed.length)}`,
);

const shared = rate(() => {
  for (const a of articles) parseArticle(a);
  return articles.length;
}, budgetMs);
console.log(
  `shared articles:      ${shared.perSecond.toFixed(0)} articles/s (mean ${kb(totalChars / articles.length)}; ${(((totalChars / 1024) * shared.perSecond) / articles.length).toFixed(0)} KB/s)`,
);

const seeded = rate(() => {
  parseArticle(seed);
  return 1;
}, budgetMs);
console.log(`seed-sized articles:  ${seeded.perSecond.toFixed(0)} articles/s (target >= 500, issue 8)`);

// 1 MB of real prose: the articles, bodies concatenated under one header, repeated to size.
const header = articles.find((a) => /^\s*date \d{4}-\d{2}-\d{2}/.test(a))?.split('\n')[0] ?? '';
const bodies = articles.map((a) => a.replace(/^\s*date [^\n]*\n/, ''));
let big = `${header}\n`;
for (let i = 0; big.length < 1024 * 1024; i++) big += `${bodies[i % bodies.length]}\n\n`;
big = big.slice(0, 1024 * 1024);
const times: number[] = [];
let statements = 0;
let figures = 0;
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const result = parseArticle(big);
  times.push(performance.now() - t);
  statements = result.statements.length;
  figures = result.statements.reduce((n, s) => n + s.figures.length, 0);
}
times.sort((a, b) => a - b);
console.log(
  `1 MB input:           ${(times[0] ?? 0).toFixed(0)} ms best of 3 (median ${(times[1] ?? 0).toFixed(0)} ms; ${statements} statements, ${figures} figures)`,
);
