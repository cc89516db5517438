// npm run bench:queue [-- --claims N] [--runs N] [--rounds N] [--db sqlite,postgresql] [--plans changed|all|none]
//                      [--migration claim_indexes_published_on|queue_indexes]
// (npm run bench runs it after the parser's bench)
// The review queue (GET /api/claims) over a generated database of N claims (default 20,000), on
// each database: the query plans of the common queue queries (SQLite EXPLAIN QUERY PLAN,
// PostgreSQL EXPLAIN) and their times, first without the indexes of one migration (by default
// `claim_indexes_published_on`: foreign keys and the default sort by the article's date), then with them. Prints figures only; it asserts nothing.
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApiKey, createApp } from '@claimdesk/api';
import { type Database, openDatabase, repoRoot } from '@claimdesk/db';
import request from 'supertest';
import { DATABASE_KINDS, type DatabaseKind, createTestDatabase } from '../support/test-databases.ts';

const { values } = parseArgs({
  options: {
    claims: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '15' },
    rounds: { type: 'string', default: '2' },
    db: { type: 'string', default: DATABASE_KINDS.join(',') },
    plans: { type: 'string', default: 'changed' },
    migration: { type: 'string', default: 'claim_indexes_published_on' },
    'sqlite-analyze': { type: 'boolean', default: false },
  },
});
const CLAIMS = Number(values.claims);
const RUNS = Number(values.runs);
const ROUNDS = Math.max(1, Number(values.rounds));
const KINDS = values.db.split(',').filter((k): k is DatabaseKind => (DATABASE_KINDS as readonly string[]).includes(k));

/** The queue as editors use it: pages of 100 (the app's page size), by the filters and sorts the app offers. */
const QUERIES: Array<{ name: string; query: string }> = [
  { name: 'everything, by article (the default)', query: '' },
  { name: 'pending, by article', query: 'status=pending' },
  { name: 'pending, by article, page 50', query: 'status=pending&page=50' },
  { name: 'disputed+unverifiable, side ukraine', query: 'status=disputed,unverifiable&side=ukraine' },
  {
    name: 'pending tanks figures, by value desc',
    query: 'status=pending&kind=figure&category=tanks&sort=value&order=desc',
  },
  { name: 'everything, recently updated first', query: 'sort=updated&order=desc' },
  { name: 'pending, recently updated first', query: 'status=pending&sort=updated&order=desc' },
  { name: 'verified, recently updated first', query: 'status=verified&sort=updated&order=desc' },
  { name: 'pending, newest as-of first', query: 'status=pending&sort=asOf&order=desc' },
  { name: 'pending, as-of in March 2022', query: 'status=pending&from=2022-03-01&to=2022-03-31&sort=asOf' },
  { name: 'side russia, category personnel', query: 'side=russia&category=personnel' },
  { name: 'one article', query: 'articleId=ARTICLE' },
  { name: 'one article, pending', query: 'articleId=ARTICLE&status=pending' },
  { name: 'source contains (no index can serve)', query: 'source=general%20staff' },
];

const SIDES = ['ukraine', 'ukraine', 'ukraine', 'russia', 'russia', 'russia', 'other', 'unknown'] as const;
const CATEGORIES = [
  'personnel',
  'tanks',
  'armoured_vehicles',
  'artillery',
  'aircraft',
  'uav',
  'missiles',
  'civilians_killed',
];
const SOURCES = ['General Staff of Ukraine', 'Russian Defence Ministry', 'UN OHCHR', 'Ukrainian Air Force', 'ISW'];

/** Deterministic pseudo-random numbers, so that every run measures the same data. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** N claims over N/100 articles: a third statements, the rest figures; most pending, as in a real queue. */
async function seedClaims(db: Database, n: number): Promise<string[]> {
  const rnd = random(42);
  const perArticle = 100;
  const articleIds: string[] = [];
  for (let a = 0; a * perArticle < n; a++) {
    const articleId = randomUUID();
    articleIds.push(articleId);
    const day = new Date(Date.UTC(2022, 1, 24 + Math.floor(a / 3)));
    const publishedOn = day.toISOString().slice(0, 10);
    await db.prisma.article.create({
      data: {
        id: articleId,
        text: 'Generated.',
        contentHash: `bench-${articleId}`,
        title: `Generated article ${a}`,
        publishedOn,
        parserVersion: 'bench',
      },
    });
    const statements = Array.from({ length: 30 }, (_, i) => ({
      id: randomUUID(),
      articleId,
      key: `s${i}`,
      ordinal: i,
      side: SIDES[Math.floor(rnd() * SIDES.length)] ?? 'other',
      sourceCanonical: SOURCES[Math.floor(rnd() * SOURCES.length)] ?? null,
      contentText: 'generated',
      contentStart: 0,
      contentEnd: 9,
      direct: false,
      asOf: publishedOn,
    }));
    await db.prisma.statement.createMany({ data: statements });
    const claims = [];
    for (let i = 0; i < perArticle && a * perArticle + i < n; i++) {
      const statement = statements[Math.floor((i * statements.length) / perArticle)] ?? statements[0];
      if (!statement) continue;
      const isFigure = i % 3 !== 0;
      const r = rnd();
      const status = r < 0.7 ? 'pending' : r < 0.85 ? 'verified' : r < 0.93 ? 'disputed' : 'unverifiable';
      const asOfDay = new Date(day.getTime() - Math.floor(rnd() * 3) * 86_400_000).toISOString().slice(0, 10);
      claims.push({
        id: randomUUID(),
        articleId,
        publishedOn,
        statementId: statement.id,
        kind: isFigure ? 'figure' : 'statement',
        ordinal: i,
        text: `Generated claim ${a}-${i}`,
        start: 0,
        end: 9,
        sourceCanonical: statement.sourceCanonical,
        side: statement.side,
        asOf: rnd() < 0.9 ? asOfDay : null,
        value: isFigure ? Math.floor(rnd() * 5000) : null,
        qualifier: isFigure ? 'exact' : null,
        category: isFigure ? (CATEGORIES[Math.floor(rnd() * CATEGORIES.length)] ?? 'other') : null,
        status,
        version: status === 'pending' ? 0 : 1,
        updatedAt: new Date(Date.UTC(2022, 2, 1) + Math.floor(rnd() * 90 * 86_400_000)),
      });
    }
    await db.prisma.claim.createMany({ data: claims });
  }
  return articleIds;
}

/** The measured migration of this database (--migration): what it creates and what it replaces. */
function readQueueMigration(kind: DatabaseKind) {
  const dir = join(repoRoot, 'prisma', kind, 'migrations');
  const folders = readdirSync(dir).sort();
  const queue = folders.find((f) => f.endsWith(`_${values.migration}`));
  if (!queue) throw new Error(`no *_${values.migration} migration in ${dir}`);
  const sql = readFileSync(join(dir, queue, 'migration.sql'), 'utf8');
  const created = [...sql.matchAll(/CREATE INDEX "([^"]+)"[^;]*;/g)].map((m) => ({ name: m[1] ?? '', sql: m[0] }));
  const dropped = [...sql.matchAll(/DROP INDEX "([^"]+)";/g)].map((m) => m[1] ?? '');
  // The earlier definitions of the indexes it drops, to put them back for the "before" figures.
  const earlier = folders
    .filter((f) => f < queue && !f.endsWith('.toml') && !f.endsWith('.prisma'))
    .map((f) => readFileSync(join(dir, f, 'migration.sql'), 'utf8'))
    .join('\n');
  const restore = dropped.map((name) => {
    const m = new RegExp(`CREATE INDEX "${name}"[^;]*;`).exec(earlier);
    if (!m) throw new Error(`no earlier definition of index ${name}`);
    return m[0];
  });
  return { name: queue, created, dropped, restore };
}

/** Parameters inlined as literals, so that EXPLAIN sees the statement Prisma sent. */
function inline(kind: DatabaseKind, sql: string, paramsJson: string): string {
  const params = JSON.parse(paramsJson) as unknown[];
  const literal = (v: unknown) =>
    v === null || v === undefined
      ? 'NULL'
      : typeof v === 'number' || typeof v === 'bigint'
        ? String(v)
        : typeof v === 'boolean'
          ? kind === 'sqlite'
            ? String(Number(v))
            : String(v)
          : `'${String(v).replaceAll("'", "''")}'`;
  if (kind === 'sqlite') {
    let i = 0;
    return sql.replace(/\?/g, () => literal(params[i++]));
  }
  return sql.replace(/\$(\d+)/g, (_m, n: string) => literal(params[Number(n) - 1]));
}

async function explain(db: Database, kind: DatabaseKind, sql: string): Promise<string[]> {
  if (kind === 'sqlite') {
    const rows = await db.prisma.$queryRawUnsafe<Array<{ detail: string; id: number; parent: number }>>(
      `EXPLAIN QUERY PLAN ${sql}`,
    );
    const depth = new Map<number, number>();
    return rows.map((r) => {
      const d = (depth.get(r.parent) ?? -1) + 1;
      depth.set(r.id, d);
      return `${'  '.repeat(d)}${r.detail}`;
    });
  }
  const rows = await db.prisma.$queryRawUnsafe<Array<{ 'QUERY PLAN': string }>>(`EXPLAIN ${sql}`);
  return rows.map((r) => r['QUERY PLAN']);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};
const p90 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.9))] ?? 0;
};

/**
 * The statistics each database has in production: PostgreSQL's autovacuum analyses and vacuums
 * (the visibility map makes index-only scans pay); claimdesk never runs ANALYZE on SQLite, so its
 * planner works without sqlite_stat1 there (drop any with --sqlite-analyze=false, the default).
 */
async function analyse(db: Database, kind: DatabaseKind) {
  if (kind === 'postgresql') await db.prisma.$executeRawUnsafe('VACUUM ANALYZE "Claim"');
  else if (values['sqlite-analyze']) await db.prisma.$executeRawUnsafe('ANALYZE');
}

type Phase = 'before' | 'after';

async function benchKind(kind: DatabaseKind) {
  const test = await createTestDatabase(kind);
  let captured: Array<{ sql: string; params: string }> = [];
  const db = await openDatabase(test.config, {
    onQuery: ({ sql, params }) => {
      captured.push({ sql, params });
    },
  });
  try {
    const seedStart = performance.now();
    const articleIds = await seedClaims(test.db, CLAIMS);
    const seedMs = performance.now() - seedStart;
    const migration = readQueueMigration(kind);
    const app = createApp({ db });
    const { key } = await createApiKey(test.db, 'bench');
    const article = articleIds[Math.floor(articleIds.length / 2)] ?? '';
    console.log(
      `\n== ${kind}: ${CLAIMS} claims over ${articleIds.length} articles (seeded in ${(seedMs / 1000).toFixed(1)} s); ${RUNS} runs per query x ${ROUNDS} rounds`,
    );

    // Before and after alternate (--rounds times each), so that a change in the machine's load
    // falls on both and not on one of them.
    const results = new Map<string, Record<Phase, { times: number[]; plan: string[] }>>();
    const phases = Array.from({ length: ROUNDS }, () => ['before', 'after'] as const).flat();
    for (const phase of phases) {
      if (phase === 'before') {
        for (const index of migration.created) await test.db.prisma.$executeRawUnsafe(`DROP INDEX "${index.name}"`);
        for (const sql of migration.restore) await test.db.prisma.$executeRawUnsafe(sql);
      } else {
        for (const name of migration.dropped) await test.db.prisma.$executeRawUnsafe(`DROP INDEX "${name}"`);
        for (const index of migration.created) await test.db.prisma.$executeRawUnsafe(index.sql);
      }
      await analyse(test.db, kind);
      for (const q of QUERIES) {
        const url = `/api/claims?pageSize=100&${q.query.replace('ARTICLE', article)}`;
        const get = async () => {
          const res = await request(app).get(url).set('authorization', `Bearer ${key}`);
          if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
        };
        for (let i = 0; i < 3; i++) await get();
        captured = [];
        await get();
        // Prisma's own SQL names the schema ("main"."Claim"); the queue's raw SQL (claim-sql.ts) does not.
        const claimQueries = captured.filter((c) => /FROM (?:[`"](main|public)[`"]\.)?[`"]Claim[`"]/.test(c.sql));
        const plan: string[] = [];
        for (const c of claimQueries) {
          const label = /GROUP BY/i.test(c.sql) ? 'counts (GROUP BY status)' : 'page';
          plan.push(`${label}:`, ...(await explain(test.db, kind, inline(kind, c.sql, c.params))).map((l) => `  ${l}`));
        }
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const t = performance.now();
          await get();
          times.push(performance.now() - t);
        }
        const entry = results.get(q.name) ?? { before: { times: [], plan }, after: { times: [], plan } };
        entry[phase] = { times: [...entry[phase].times, ...times], plan };
        results.set(q.name, entry);
      }
    }

    console.log(`indexes added by ${migration.name}: ${migration.created.map((i) => i.name).join(', ')}`);
    if (migration.dropped.length) console.log(`replaced (prefixes of the new ones): ${migration.dropped.join(', ')}`);
    console.log(
      `\n${'query (GET /api/claims, pageSize=100)'.padEnd(46)} ${'before ms'.padStart(16)} ${'after ms'.padStart(16)}  speed-up`,
    );
    console.log(`${''.padEnd(46)} ${'median / p90'.padStart(16)} ${'median / p90'.padStart(16)}`);
    for (const [name, r] of results) {
      const fmt = (x: { times: number[] }) => `${median(x.times).toFixed(1)} / ${p90(x.times).toFixed(1)}`.padStart(16);
      console.log(
        `${name.padEnd(46)} ${fmt(r.before)} ${fmt(r.after)}  ${(median(r.before.times) / median(r.after.times)).toFixed(1)}x`,
      );
    }
    if (values.plans !== 'none') {
      console.log(
        `\nquery plans (${kind === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'}), before -> after${values.plans === 'all' ? '' : ', where they differ (--plans all for every one)'}:`,
      );
      for (const [name, r] of results) {
        if (values.plans !== 'all' && r.before.plan.join('\n') === r.after.plan.join('\n')) continue;
        console.log(`\n-- ${name}\n   before:`);
        for (const l of r.before.plan) console.log(`     ${l}`);
        console.log('   after:');
        for (const l of r.after.plan) console.log(`     ${l}`);
      }
    }
  } finally {
    await db.close();
    await test.drop();
  }
}

console.log(`node ${process.version}; review queue benchmark`);
for (const kind of KINDS) await benchKind(kind);
