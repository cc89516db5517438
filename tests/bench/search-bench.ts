// npm run bench:search [-- --claims N] [--runs N] [--db sqlite,postgresql]
// The queue's search box (GET /api/claims?q=, services/list-claims.ts with search/search-claims.ts)
// over a generated database of N claims (default 100,000) on each database: the median time of
// a page of 100 for searches by transliteration variant, source, outlet and literal `%`.
// Prints figures only; it asserts nothing.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { foldText, listClaims } from '@claimdesk/api';
import { listClaimsQuerySchema } from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import { DATABASE_KINDS, type DatabaseKind, createTestDatabase } from '../support/test-databases.ts';

const { values } = parseArgs({
  options: {
    claims: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '7' },
    db: { type: 'string', default: DATABASE_KINDS.join(',') },
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
        searchText: `${foldText(title)} | ${foldText(outlet)}`,
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
        searchText: `${foldText(text)} | ${foldText(source)}`,
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
  'Kyiv Independent',
  'tanks Mariupol',
  '50%',
  'a rare phrase nobody wrote',
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

for (const kind of KINDS) {
  const test = await createTestDatabase(kind);
  try {
    const started = performance.now();
    await seed(test.db, CLAIMS);
    if (kind === 'postgresql') await test.db.prisma.$executeRawUnsafe('ANALYZE');
    else await test.db.prisma.$executeRawUnsafe('ANALYZE');
    console.log(
      `${kind}: ${CLAIMS.toLocaleString('en-GB')} claims seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const q of QUERIES) {
      const times: number[] = [];
      let total = 0;
      for (let r = 0; r < RUNS; r++) {
        const t = performance.now();
        const page = await listClaims(test.db, listClaimsQuerySchema.parse({ q, pageSize: 100 }));
        times.push(performance.now() - t);
        total = page.total;
      }
      console.log(
        `${kind}  search ${JSON.stringify(q).padEnd(30)} ${String(total).padStart(7)} matches  median ${median(times).toFixed(1)} ms (${RUNS} runs)`,
      );
    }
  } finally {
    await test.drop();
  }
}
