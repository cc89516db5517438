// npm run bench:search [-- --claims N] [--runs N] [--db sqlite,postgresql] [--keep]
// The queue's search box (GET /api/claims?q=, services/list-claims.ts with search/search-page.ts)
// over a generated database of N claims (default 100,000) on each database: p50, p95 and p99 of a page
// of 100 with its counts, for common and rare words, transliteration variants, source, outlet and
// literal `%`. Prints figures only; it asserts nothing. --keep seeds a database once and keeps it
// (a SQLite file in the temp directory, a PostgreSQL database claimdesk_search_bench_N) for the
// next run with --keep: seeding 100,000 claims takes minutes.
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { parseArgs } from 'node:util';
import { articleSearchText, claimSearchText, fillSearchText, listClaims } from '@claimdesk/api';
import { listClaimsQuerySchema } from '@claimdesk/contracts';
import { type ConnectionConfig, type Database, migrateDatabase, openDatabase, toPgPoolConfig } from '@claimdesk/db';
import { DATABASE_KINDS, type DatabaseKind, PG_ADMIN_URL, createTestDatabase } from '../support/test-databases.ts';

const { values } = parseArgs({
  options: {
    claims: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '20' },
    db: { type: 'string', default: DATABASE_KINDS.join(',') },
    keep: { type: 'boolean', default: false },
  },
});
const CLAIMS = Number(values.claims);
const RUNS = Number(values.runs);
const KINDS = values.db.split(',').filter((k): k is DatabaseKind => (DATABASE_KINDS as readonly string[]).includes(k));

const SOURCES = [
  'Volodymyr Zelenskiy',
  'Volodymyr Zelenskyy',
  'Serhiy Haidai',
  'Sergiy Gaiday',
  'General Staff of Ukraine',
  'Russian Defence Ministry',
  'Dmitry Peskov',
  'Oleksandr Starukh',
];
const PLACES = ['Kyiv', 'Kiev', 'Kharkiv', 'Mariupol', 'Sievierodonetsk', 'Lysychansk', 'Odesa', 'Mykolaiv', 'Kherson'];
const THINGS = ['tanks', 'armoured vehicles', 'drones', 'civilians', 'shells', 'buses', 'trains', 'power lines'];
const OUTLETS = ['Kyiv Independent', 'Test Wire', 'Meduza', 'The Guardian', 'Reuters'];

function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}
const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;

async function seed(db: Database, n: number) {
  const rnd = random(7);
  const perArticle = 100;
  for (let a = 0; a * perArticle < n; a++) {
    const articleId = randomUUID();
    const outlet = pick(rnd, OUTLETS);
    const title = `${pick(rnd, PLACES)} report ${a}`;
    await db.prisma.article.create({
      data: {
        id: articleId,
        text: 'Generated.',
        contentHash: `search-bench-${articleId}`,
        title,
        outlet,
        publishedOn: '2022-03-01',
        parserVersion: 'bench',
        searchText: articleSearchText(title, outlet),
      },
    });
    const statementId = randomUUID();
    await db.prisma.statement.create({
      data: {
        id: statementId,
        articleId,
        key: 's0',
        ordinal: 0,
        side: 'ukraine',
        contentText: 'generated',
        contentStart: 0,
        contentEnd: 9,
        direct: false,
      },
    });
    const claims = [];
    for (let i = 0; i < perArticle && a * perArticle + i < n; i++) {
      const source = pick(rnd, SOURCES);
      const text =
        rnd() < 0.01
          ? `${Math.floor(rnd() * 100)}% of the ${pick(rnd, THINGS)} near ${pick(rnd, PLACES)} were lost`
          : `${Math.floor(rnd() * 500)} ${pick(rnd, THINGS)} were destroyed near ${pick(rnd, PLACES)} on day ${i}`;
      claims.push({
        id: randomUUID(),
        articleId,
        statementId,
        kind: 'statement',
        ordinal: i,
        text,
        start: 0,
        end: 9,
        sourceCanonical: source,
        side: 'ukraine',
        publishedOn: '2022-03-01',
        searchText: claimSearchText(text, source),
      });
    }
    await db.prisma.claim.createMany({ data: claims });
  }
}

const QUERIES = [
  'Zelensky',
  'Зеленський',
  'Gaidai',
  'Kyiv',
  'tanks',
  'Kyiv Independent',
  'tanks Mariupol',
  'Peskov Kherson',
  'day 42',
  '50%',
  'Reuters',
  'a rare phrase nobody wrote',
];

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)] ?? Number.NaN;

/** A database kept between runs with --keep (seeded when it has no claims yet). */
async function keptDatabase(kind: DatabaseKind): Promise<{ db: Database; drop(): Promise<void> }> {
  let config: ConnectionConfig;
  if (kind === 'sqlite') config = { provider: 'sqlite', url: join(tmpdir(), `claimdesk-search-bench-${CLAIMS}.db`) };
  else {
    const name = `claimdesk_search_bench_${CLAIMS}`;
    const admin = new pg.Client(toPgPoolConfig(PG_ADMIN_URL));
    await admin.connect();
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    config = { provider: 'postgresql', url: url.toString() };
  }
  await migrateDatabase(config);
  const db = await openDatabase(config);
  // What `claimdesk serve` does in the background: search text a migration emptied, filled again.
  const filled = await fillSearchText(db);
  if (filled) console.log(`${kind}: search text of ${filled} claims filled again`);
  return { db, drop: () => db.close() };
}

for (const kind of KINDS) {
  const test = values.keep ? await keptDatabase(kind) : await createTestDatabase(kind);
  try {
    const started = performance.now();
    const have = await test.db.prisma.claim.count();
    if (have < CLAIMS) {
      // A kept database left short by an interrupted run is topped up.
      await seed(test.db, CLAIMS - have);
      await test.db.prisma.$executeRawUnsafe('ANALYZE');
      console.log(
        `${kind}: ${CLAIMS.toLocaleString('en-GB')} claims seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    for (const q of QUERIES) {
      const times: number[] = [];
      let total = 0;
      // One run to warm the caches, then the measured runs.
      for (let r = 0; r <= RUNS; r++) {
        const t = performance.now();
        const page = await listClaims(test.db, listClaimsQuerySchema.parse({ q, pageSize: 100 }));
        if (r > 0) times.push(performance.now() - t);
        total = page.total;
      }
      console.log(
        `${kind}  search ${JSON.stringify(q).padEnd(30)} ${String(total).padStart(7)} matches  p50 ${quantile(times, 0.5).toFixed(1)} ms  p95 ${quantile(times, 0.95).toFixed(1)} ms  p99 ${quantile(times, 0.99).toFixed(1)} ms (${RUNS} runs)`,
      );
    }
  } finally {
    await test.drop();
  }
}
