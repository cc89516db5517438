// npm run bench:desk [-- --articles N] [--seconds S] [--rounds R] [--connections C] [--db sqlite,postgresql]
//                     [--only reparse]   (import, then the two re-parse rows only: no HTTP loads, verdicts or plan)
// (npm run bench runs it last, so `npm run bench -- --articles 10000` reaches it)
// The desk at newsroom scale: generates N articles (deterministic), imports them into a fresh
// SQLite file and a fresh PostgreSQL database, then measures each hot path of claimdesk beside a
// floor that does the same work with the raw driver (better-sqlite3 / pg) behind node:http, in
// alternating rounds (the machine is shared and noisy: a ratio from one run means more than an
// absolute time). Then verdicts/s at 20 and 50 concurrent editors, the re-parse of the whole desk,
// and the default queue page's plan. Prints figures only; it asserts nothing.
import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import {
  articleTitle,
  buildArticleRows,
  contentHash,
  createApiKey,
  createApp,
  createUser,
  fillSearchText,
  importArticle,
  linkUnlinkedSources,
  reparseOutdatedArticles,
} from '@claimdesk/api';
import { openDatabase } from '@claimdesk/db';
import { parseArticle } from '@claimdesk/parser';
import pg from 'pg';
import { type SqliteStatement, openSqlite } from '../support/sqlite.ts';
import { DATABASE_KINDS, type DatabaseKind, createTestDatabase } from '../support/test-databases.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '300' },
    seconds: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    db: { type: 'string', default: DATABASE_KINDS.join(',') },
    only: { type: 'string', default: '' },
  },
});
const ONLY_REPARSE = values.only === 'reparse';
const ARTICLES = Number(values.articles);
const SECONDS = Number(values.seconds);
const ROUNDS = Math.max(1, Number(values.rounds));
const CONNECTIONS = Number(values.connections);
const KINDS = values.db.split(',').filter((k): k is DatabaseKind => (DATABASE_KINDS as readonly string[]).includes(k));

// ---------------------------------------------------------------- the corpus (deterministic)

function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}
const CITIES = ['Kyiv', 'Kharkiv', 'Lviv', 'Odesa', 'Dnipro', 'Mariupol', 'Kherson', 'Zaporizhzhia'];
const OUTLETS = ['Kyiv Desk', 'Wire Service', 'Evening Post', 'Frontline Daily', 'The Monitor'];
const SOURCES = [
  "Ukraine's General Staff",
  "Russia's defence ministry",
  'The UN human rights office',
  "Ukraine's air force",
  'The regional governor',
];
const PEOPLE = ['Oleksii Reznikov', 'Dmitry Peskov', 'Volodymyr Zelenskyy', 'Serhiy Haidai', 'Igor Konashenkov'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WORDS = 'the convoy road bridge town shelling front line residents evacuation supplies power water night'.split(
  ' ',
);

/** About 5 KB and 20 claims each, like the agency reports the desk reads. */
function generateArticle(i: number): string {
  const rnd = random(1000 + i);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const n = (max: number) => 1 + Math.floor(rnd() * max);
  const day = new Date(Date.UTC(2022, 1, 24) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
  const filler = () => Array.from({ length: 40 }, () => pick(WORDS)).join(' ');
  const paragraphs = [
    `date ${day} ${pick(CITIES)} | ${pick(OUTLETS)}: ${pick(SOURCES)} said on ${pick(DAYS)} that Russia had lost ${n(900)} tanks, ${n(2000)} armoured vehicles and ${n(200)} aircraft since 24 February (report ${i}).`,
  ];
  for (let p = 0; p < 8; p++) {
    paragraphs.push(
      `"We have destroyed ${n(300)} drones," ${pick(PEOPLE)} said. Locals described ${filler()}.`,
      `${pick(SOURCES)} said ${n(500)} civilians had been killed in ${pick(CITIES)}, and ${n(90)} artillery systems were lost. ${filler()}.`,
    );
  }
  return `${paragraphs.join('\n\n')}\n`;
}

// ---------------------------------------------------------------- load

interface Load {
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
}
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? 0;
};

/** `connections` loops, each sending one request after the other for `seconds`. */
async function load(connections: number, seconds: number, send: (worker: number) => Promise<boolean>): Promise<Load> {
  const times: number[] = [];
  let failed = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      while (performance.now() < end) {
        const t = performance.now();
        const ok = await send(worker);
        times.push(performance.now() - t);
        if (!ok) failed += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { perSecond: times.length / elapsed, p50: quantile(times, 0.5), p99: quantile(times, 0.99), failed };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

// ---------------------------------------------------------------- the floor: raw driver + node:http

interface Raw {
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  transaction<T>(work: (tx: Raw) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function rawSqlite(file: string): Raw {
  const db = openSqlite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  const cache = new Map<string, SqliteStatement>();
  const prepared = (sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  const raw: Raw = {
    async all<T>(sql: string, params: unknown[] = []) {
      const s = prepared(sql);
      return (s.reader ? s.all(...params) : (s.run(...params), [])) as T[];
    },
    async transaction(work) {
      // One connection: the work runs between BEGIN and COMMIT without yielding to another request.
      db.exec('BEGIN IMMEDIATE');
      try {
        const out = await work(raw);
        db.exec('COMMIT');
        return out;
      } catch (e) {
        db.exec('ROLLBACK');
        throw e;
      }
    },
    async close() {
      db.close();
    },
  };
  return raw;
}

function rawPostgres(url: string): Raw {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const toPg = (sql: string) => {
    let i = 0;
    return sql.replace(/\?/g, () => `$${++i}`);
  };
  const on = (client: pg.Pool | pg.PoolClient): Raw => ({
    async all<T>(sql: string, params: unknown[] = []) {
      return (await client.query({ text: toPg(sql), values: params })).rows as T[];
    },
    async transaction(work) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const out = await work(on(c));
        await c.query('COMMIT');
        return out;
      } catch (e) {
        await c.query('ROLLBACK');
        throw e;
      } finally {
        c.release();
      }
    },
    async close() {
      await pool.end();
    },
  });
  return on(pool);
}

const CLAIM_COLUMNS =
  '"id","articleId","statementId","kind","ordinal","text","start","end","sourceCanonical","side","asOf","value","qualifier","category","unit","subject","since","status","version","isFound","createdAt","updatedAt"';

/** The same reads and the verdict write, in SQL, answered as JSON by node:http. */
function floorServer(raw: Raw): Server {
  const send = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const latest = async (db: Raw, ids: string[]) =>
    ids.length === 0
      ? []
      : db.all(
          `SELECT * FROM "Verdict" WHERE "claimId" IN (${ids.map(() => '?').join(',')}) ORDER BY "createdAt" DESC`,
          ids,
        );
  const routes: Array<
    [RegExp, (m: RegExpExecArray, req: IncomingMessage, body: string) => Promise<[number, unknown]>]
  > = [
    [
      /^\/claims$/,
      async () => {
        const items = await raw.all(
          `SELECT ${CLAIM_COLUMNS} FROM "Claim" ORDER BY "publishedOn", "articleId", "ordinal" LIMIT 100`,
        );
        const counts = await raw.all('SELECT "status", COUNT(*) AS n FROM "Claim" GROUP BY "status"');
        const verdicts = await latest(
          raw,
          items.map((c) => String(c.id)),
        );
        return [200, { items, counts, verdicts }];
      },
    ],
    [
      /^\/articles$/,
      async () => {
        const items = await raw.all<{ id: string }>(
          'SELECT "id","title","fileName","publishedOn","dateline","outlet","byline","contentHash","parserVersion","createdAt" FROM "Article" ORDER BY "createdAt" DESC, "id" DESC LIMIT 50',
        );
        const total = await raw.all('SELECT COUNT(*) AS n FROM "Article"');
        const counts = await raw.all(
          `SELECT "articleId","status",COUNT(*) AS n FROM "Claim" WHERE "articleId" IN (${items.map(() => '?').join(',')}) GROUP BY "articleId","status"`,
          items.map((a) => a.id),
        );
        return [200, { items, total, counts }];
      },
    ],
    [
      /^\/articles\/([\w-]+)$/,
      async (m) => {
        const id = m[1];
        const [article] = await raw.all('SELECT * FROM "Article" WHERE "id" = ?', [id]);
        const statements = await raw.all('SELECT * FROM "Statement" WHERE "articleId" = ? ORDER BY "ordinal"', [id]);
        const claims = await raw.all(`SELECT ${CLAIM_COLUMNS} FROM "Claim" WHERE "articleId" = ? ORDER BY "ordinal"`, [
          id,
        ]);
        const verdicts = await latest(
          raw,
          claims.map((c) => String(c.id)),
        );
        return [200, { article, statements, claims, verdicts }];
      },
    ],
    [
      /^\/v1\/claims$/,
      async () => {
        const page = await raw.all<{ claimId: string }>(
          `SELECT c."feedNumber", c."claimId" FROM "ClaimChange" AS c WHERE c."feedNumber" > ? AND NOT EXISTS (SELECT 1 FROM "ClaimChange" AS l WHERE l."claimId" = c."claimId" AND (l."feedNumber" > c."feedNumber" OR l."feedNumber" IS NULL)) ORDER BY c."feedNumber" LIMIT 101`,
          [0],
        );
        const ids = page.map((p) => p.claimId);
        const items = await raw.all(
          `SELECT ${CLAIM_COLUMNS} FROM "Claim" WHERE "id" IN (${ids.map(() => '?').join(',')})`,
          ids,
        );
        return [200, { items, verdicts: await latest(raw, ids) }];
      },
    ],
    [
      /^\/claims\/([\w-]+)\/verdicts$/,
      async (m, _req, body) => {
        const input = JSON.parse(body) as { status: string; note: string; version: number };
        const claimId = m[1] ?? '';
        const now = new Date().toISOString();
        return raw.transaction(async (tx) => {
          const updated = await tx.all(
            'UPDATE "Claim" SET "status" = ?, "version" = "version" + 1, "updatedAt" = ? WHERE "id" = ? AND "version" = ? RETURNING "id"',
            [input.status, now, claimId, input.version],
          );
          if (updated.length === 0) {
            const [claim] = await tx.all(`SELECT ${CLAIM_COLUMNS} FROM "Claim" WHERE "id" = ?`, [claimId]);
            return [409, { error: { code: 'version_conflict' }, claim }];
          }
          const verdictId = randomUUID();
          await tx.all(
            'INSERT INTO "Verdict" ("id","claimId","status","note","evidence","authorName","version","createdAt") VALUES (?,?,?,?,?,?,?,?)',
            [verdictId, claimId, input.status, input.note, '[]', 'floor', input.version + 1, now],
          );
          await tx.all('INSERT INTO "ClaimChange" ("claimId","createdAt") VALUES (?,?)', [claimId, now]);
          const [claim] = await tx.all(`SELECT ${CLAIM_COLUMNS} FROM "Claim" WHERE "id" = ?`, [claimId]);
          return [201, { claim, verdict: { id: verdictId } }];
        });
      },
    ],
  ];
  return createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      for (const [re, handler] of routes) {
        const m = re.exec(path);
        if (m) {
          handler(m, req, body).then(
            ([status, out]) => send(res, status, out),
            (e: unknown) => send(res, 500, { error: String(e) }),
          );
          return;
        }
      }
      send(res, 404, {});
    });
  });
}

// ---------------------------------------------------------------- the desk

async function benchKind(kind: DatabaseKind, texts: string[]) {
  const test = await createTestDatabase(kind);
  const db = test.db;
  const raw = kind === 'sqlite' ? rawSqlite(test.config.url) : rawPostgres(test.config.url);
  const rows: Array<{ what: string; desk: string; floor: string; ratio: string }> = [];
  const fmt = (x: number, d = 0) => x.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });
  try {
    console.log(`\n== ${kind}: ${texts.length} articles`);

    // Import: claimdesk's service against parse + the same rows through the raw driver, alternating
    // halves of the corpus (both parse: the floor does the same work, minus Prisma).
    let deskMs = 0;
    let floorMs = 0;
    let deskCount = 0;
    let floorCount = 0;
    const batch = Math.max(1, Math.floor(texts.length / (2 * ROUNDS)));
    for (let start = 0, turn = 0; start < texts.length; start += batch, turn++) {
      const part = texts.slice(start, start + batch);
      const t = performance.now();
      if (turn % 2 === 0) {
        for (const text of part) await importArticle(db, { text });
        deskMs += performance.now() - t;
        deskCount += part.length;
      } else {
        for (const text of part) await rawImport(raw, text);
        floorMs += performance.now() - t;
        floorCount += part.length;
      }
    }
    const deskRate = deskCount / (deskMs / 1000);
    const floorRate = floorCount / (floorMs / 1000);
    rows.push({
      what: 'import (articles/s)',
      desk: fmt(deskRate),
      floor: fmt(floorRate),
      ratio: `${fmt(deskRate / floorRate, 2)}x of floor`,
    });
    const claims = await db.prisma.claim.count();
    console.log(`imported: ${texts.length} articles, ${claims} claims`);
    if (kind === 'postgresql') await db.prisma.$executeRawUnsafe('VACUUM ANALYZE');

    let plan: string[] = [];
    if (!ONLY_REPARSE) plan = await loadRows(db, raw, test.config, kind, claims, rows, fmt);

    // Re-parse of the whole desk after a parser upgrade (every article marked as parsed by an older one).
    // The floor's half of the corpus is first brought to what claimdesk stores (source entities linked,
    // article search text), as `claimdesk serve` does at start, so the re-parse finds the same rows
    // in both halves and times the re-parse alone (not a first linking of half the desk).
    await linkUnlinkedSources(db);
    await fillSearchText(db);
    await db.prisma.article.updateMany({ data: { parserVersion: '0.0.0-bench' } });
    const changesBefore = await db.prisma.claimChange.count();
    const r0 = performance.now();
    const reparsed = await reparseOutdatedArticles(db);
    const reparseS = (performance.now() - r0) / 1000;
    const changesUnchanged = (await db.prisma.claimChange.count()) - changesBefore;
    rows.push({
      what: 're-parse of the whole desk, parse unchanged',
      desk: `${fmt(reparseS, 1)} s (${fmt((reparseS * 1000) / reparsed, 1)} ms/article; 10,000: ~${fmt((reparseS / reparsed) * 10_000)} s; ${changesUnchanged} changes)`,
      floor: '',
      ratio: '',
    });

    // The same after an upgrade that changes claims in every article: the stored rows are made to
    // differ from what the parser finds, so each article is rewritten (a third of the claims
    // re-matched by overlap and updated, a seventh of the pending ones found anew, one stale
    // pending claim per article removed), with a change for each.
    await db.prisma.$executeRawUnsafe(`UPDATE "Claim" SET "text" = "text" || ' ~' WHERE "ordinal" % 3 = 0`);
    await db.prisma.$executeRawUnsafe(`DELETE FROM "Claim" WHERE "ordinal" % 7 = 1 AND "status" = 'pending'`);
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "Claim" ("id","articleId","statementId","kind","ordinal","text","start","end","side","searchText","updatedAt")
       SELECT 'stale-' || "id", "articleId", "statementId", "kind", 10000 + "ordinal", 'stale', 0, 1, "side", '', "updatedAt"
       FROM "Claim" WHERE "ordinal" = 0`,
    );
    await db.prisma.article.updateMany({ data: { parserVersion: '0.0.0-bench' } });
    const changesMid = await db.prisma.claimChange.count();
    const c0 = performance.now();
    const rewritten = await reparseOutdatedArticles(db);
    const changedS = (performance.now() - c0) / 1000;
    const changesChanged = (await db.prisma.claimChange.count()) - changesMid;
    rows.push({
      what: 're-parse of the whole desk, claims changed',
      desk: `${fmt(changedS, 1)} s (${fmt((changedS * 1000) / rewritten, 1)} ms/article; 10,000: ~${fmt((changedS / rewritten) * 10_000)} s; ${changesChanged} changes)`,
      floor: '',
      ratio: '',
    });

    const w = Math.max(...rows.map((r) => r.what.length));
    const wd = Math.max(8, ...rows.map((r) => r.desk.length));
    const wf = Math.max(8, ...rows.map((r) => r.floor.length));
    console.log(`\n${'what'.padEnd(w)}  ${'claimdesk'.padEnd(wd)}  ${'floor'.padEnd(wf)}  ratio`);
    for (const r of rows) console.log(`${r.what.padEnd(w)}  ${r.desk.padEnd(wd)}  ${r.floor.padEnd(wf)}  ${r.ratio}`);
    if (plan.length > 0) {
      console.log(`\ndefault queue page plan (${kind === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'}):`);
      for (const l of plan) console.log(`  ${l}`);
    }
  } finally {
    await raw.close();
    await test.drop();
  }
}

/** The hot paths over HTTP beside the floor (re-import, reads, full sync, verdicts), then the default queue page's plan. */
async function loadRows(
  db: Awaited<ReturnType<typeof createTestDatabase>>['db'],
  raw: Raw,
  config: Awaited<ReturnType<typeof createTestDatabase>>['config'],
  kind: DatabaseKind,
  claims: number,
  rows: Array<{ what: string; desk: string; floor: string; ratio: string }>,
  fmt: (x: number, d?: number) => string,
): Promise<string[]> {
  const test = { config };
  const t0 = performance.now();
  for (const text of texts.slice(0, 50)) await importArticle(db, { text });
  const reimportMs = (performance.now() - t0) / Math.min(50, texts.length);
  rows.push({
    what: 're-import of a duplicate (ms each)',
    desk: fmt(reimportMs, 1),
    floor: '',
    ratio: '',
  });

  // Reads over HTTP at CONNECTIONS connections, claimdesk and floor in alternating rounds.
  // The per-process /api/v1 limit (600 a minute by default) would answer most of the load with
  // 429s: raised for the benchmark, so every request measured is a real answer.
  const app = createApp({
    db,
    config: { rateLimits: { loginAttempts: 10, loginAttemptsPerAddress: 1000, publicApiPerMinute: 100_000_000 } },
  });
  const deskServer = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => deskServer.once('listening', resolve));
  const desk = `http://127.0.0.1:${(deskServer.address() as AddressInfo).port}`;
  const floorHttp = floorServer(raw);
  const floor = await listen(floorHttp);
  const { key } = await createApiKey(db, 'bench');
  const auth = { authorization: `Bearer ${key}` };
  const [someArticle] = await db.prisma.article.findMany({ take: 1, skip: Math.floor(texts.length / 2) });
  const reads: Array<[string, string, string]> = [
    ['GET /api/claims (queue page, default sort)', '/api/claims?pageSize=100', '/claims'],
    ['GET /api/articles (page of 50)', '/api/articles', '/articles'],
    ['GET /api/articles/:id', `/api/articles/${someArticle?.id}`, `/articles/${someArticle?.id}`],
    ['GET /api/v1/claims (page of 100)', '/api/v1/claims?limit=100', '/v1/claims'],
  ];
  for (const [what, deskPath, floorPath] of reads) {
    const got: Record<'desk' | 'floor', Load[]> = { desk: [], floor: [] };
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? (['desk', 'floor'] as const) : (['floor', 'desk'] as const);
      for (const side of order) {
        const url = side === 'desk' ? desk + deskPath : floor + floorPath;
        got[side].push(
          await load(CONNECTIONS, SECONDS, async () => {
            const res = await fetch(url, { headers: auth });
            await res.arrayBuffer();
            return res.ok;
          }),
        );
      }
    }
    const rate = (xs: Load[]) =>
      quantile(
        xs.map((x) => x.perSecond),
        0.5,
      );
    const p99 = (xs: Load[]) =>
      quantile(
        xs.map((x) => x.p99),
        0.5,
      );
    const failures = (xs: Load[]) => xs.reduce((n, x) => n + x.failed, 0);
    rows.push({
      what: `${what} (req/s, p99 ms)`,
      desk: `${fmt(rate(got.desk))}, ${fmt(p99(got.desk), 1)}`,
      floor: `${fmt(rate(got.floor))}, ${fmt(p99(got.floor), 1)}`,
      ratio: `${fmt(rate(got.floor) / rate(got.desk), 1)}x slower${failures(got.desk) ? ` (${failures(got.desk)} desk requests failed)` : ''}`,
    });
  }

  // A full v1 sync, page by page: linear when each page costs the same.
  const syncStart = performance.now();
  let cursor = '';
  let pages = 0;
  for (;;) {
    const res = await fetch(`${desk}/api/v1/claims?limit=500${cursor ? `&cursor=${cursor}` : ''}`, { headers: auth });
    if (!res.ok) throw new Error(`full v1 sync: page ${pages + 1} answered ${res.status}`);
    const body = (await res.json()) as { nextCursor: string | null; hasMore: boolean };
    pages += 1;
    if (!body.hasMore || !body.nextCursor) break;
    cursor = body.nextCursor;
  }
  const syncMs = performance.now() - syncStart;
  rows.push({
    what: `full v1 sync of ${claims} claims (pages of 500)`,
    desk: `${fmt(syncMs / 1000, 1)} s, ${fmt(syncMs / pages, 1)} ms/page`,
    floor: '',
    ratio: '',
  });

  // Verdicts: editors signed in through the API, each on its own claims, as fast as it can.
  const editorPassword = 'bench editor password 1';
  await createUser(db, { email: 'bench-editor@example.org', password: editorPassword, role: 'editor' });
  const sessions: Array<{ cookie: string; csrf: string }> = [];
  for (let i = 0; i < 50; i++) {
    const res = await fetch(`${desk}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench-editor@example.org', password: editorPassword }),
    });
    const body = (await res.json()) as { csrfToken: string };
    const cookie = (res.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
    sessions.push({ cookie, csrf: body.csrfToken });
  }
  const targets = await db.prisma.claim.findMany({ select: { id: true, version: true }, take: 5000 });
  const versions = new Map(targets.map((c) => [c.id, c.version]));
  const verdictLoad = async (editors: number, base: string, isDesk: boolean) => {
    const next = Array.from({ length: editors }, (_, i) => i);
    return load(editors, SECONDS, async (worker) => {
      const index = next[worker] ?? worker;
      next[worker] = (index + editors) % targets.length;
      const claim = targets[index % targets.length];
      if (!claim) return false;
      const version = versions.get(claim.id) ?? 0;
      const session = sessions[worker % sessions.length];
      const res = await fetch(
        isDesk ? `${base}/api/claims/${claim.id}/verdicts` : `${base}/claims/${claim.id}/verdicts`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: session?.cookie ?? '',
            'x-csrf-token': session?.csrf ?? '',
          },
          body: JSON.stringify({ status: 'disputed', note: 'bench', version }),
        },
      );
      const body = (await res.json()) as {
        claim?: { version: number };
        error?: { details?: { claim?: { version: number } } };
      };
      const now = body.claim?.version ?? body.error?.details?.claim?.version;
      if (typeof now === 'number') versions.set(claim.id, now);
      return res.status === 201;
    });
  };
  for (const editors of [20, 50]) {
    const got: Record<'desk' | 'floor', Load[]> = { desk: [], floor: [] };
    for (let r = 0; r < ROUNDS; r++) {
      got.desk.push(await verdictLoad(editors, desk, true));
      got.floor.push(await verdictLoad(editors, floor, false));
    }
    const accepted = (xs: Load[]) =>
      quantile(
        xs.map((x) => x.perSecond * (1 - x.failed / Math.max(1, x.perSecond * SECONDS))),
        0.5,
      );
    const p50 = (xs: Load[]) =>
      quantile(
        xs.map((x) => x.p50),
        0.5,
      );
    rows.push({
      what: `POST verdicts, ${editors} editors (verdicts/s, p50 ms)`,
      desk: `${fmt(accepted(got.desk))}, ${fmt(p50(got.desk), 1)}`,
      floor: `${fmt(accepted(got.floor))}, ${fmt(p50(got.floor), 1)}`,
      ratio: `${fmt(accepted(got.floor) / accepted(got.desk), 1)}x slower`,
    });
  }
  deskServer.close();
  floorHttp.close();

  // The default queue page's plan: it must read an index in order, not sort every claim.
  let captured = '';
  const spy = await openDatabase(test.config, {
    onQuery: ({ sql }) => {
      if (/FROM [`"](main|public)[`"]\.[`"]Claim[`"]/.test(sql) && /ORDER BY/.test(sql)) captured = sql;
    },
  });
  await spy.prisma.claim.findMany({
    orderBy: [{ publishedOn: 'asc' }, { articleId: 'asc' }, { ordinal: 'asc' }],
    take: 100,
  });
  await spy.close();
  return kind === 'sqlite'
    ? (
        await db.prisma.$queryRawUnsafe<Array<{ detail: string }>>(
          `EXPLAIN QUERY PLAN ${captured.replace(/\?/g, '100').replace(/\$\d+/g, '100')}`,
        )
      ).map((r) => r.detail)
    : (
        await db.prisma.$queryRawUnsafe<Array<{ 'QUERY PLAN': string }>>(`EXPLAIN ${captured.replace(/\$\d+/g, '100')}`)
      ).map((r) => r['QUERY PLAN']);
}

/** What an import does, in SQL: parse, then the article, statements, claims and changes in one transaction. */
async function rawImport(raw: Raw, text: string) {
  const hash = contentHash(text);
  const [existing] = await raw.all('SELECT "id" FROM "Article" WHERE "contentHash" = ?', [hash]);
  if (existing) return;
  const parsed = parseArticle(text);
  const articleId = randomUUID();
  const { statements, claims } = buildArticleRows(articleId, parsed);
  const now = new Date().toISOString();
  const insert = async (
    tx: Raw,
    table: string,
    items: Array<Record<string, unknown>>,
    extra: Record<string, unknown>,
  ) => {
    if (items.length === 0) return;
    // Every column any row names (a statement claim has no figure fields; the first row's keys
    // alone left every figure of the floor's half without its value and category).
    const cols = [...new Set([...items.flatMap((it) => Object.keys(it)), ...Object.keys(extra)])];
    for (let i = 0; i < items.length; i += 100) {
      const part = items.slice(i, i + 100).map((it) => ({ ...it, ...extra }));
      await tx.all(
        `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(',')}) VALUES ${part.map(() => `(${cols.map(() => '?').join(',')})`).join(',')}`,
        part.flatMap((it) => cols.map((c) => normalise((it as Record<string, unknown>)[c]))),
      );
    }
  };
  await raw.transaction(async (tx) => {
    await tx.all(
      'INSERT INTO "Article" ("id","text","contentHash","title","publishedOn","dateline","outlet","byline","parserVersion","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?,?,?,?)',
      [
        articleId,
        text,
        hash,
        articleTitle(text),
        parsed.publishedOn,
        JSON.stringify(parsed.dateline),
        parsed.outlet,
        parsed.byline,
        parsed.parserVersion,
        now,
        now,
      ],
    );
    await insert(tx, 'Statement', statements, {});
    await insert(tx, 'Claim', claims, { createdAt: now, updatedAt: now });
    await insert(
      tx,
      'ClaimChange',
      claims.map((c) => ({ claimId: c.id })),
      { createdAt: now },
    );
  });
}
const normalise = (v: unknown) => (typeof v === 'boolean' ? Number(v) : v === undefined ? null : v);

console.log(
  `node ${process.version}; desk benchmark: ${ARTICLES} articles, ${CONNECTIONS} connections, ${SECONDS} s x ${ROUNDS} alternating rounds`,
);
const texts = Array.from({ length: ARTICLES }, (_, i) => generateArticle(i));
console.log(`corpus: ${(texts.reduce((n, t) => n + t.length, 0) / 1e6).toFixed(1)} MB of text`);
for (const kind of KINDS) await benchKind(kind, texts);
