import { Writable } from 'node:stream';
import { type Database, openDatabase } from '@claimdesk/db';
import { createApp, importArticle } from '@claimdesk/api';
import { errorBodySchema, healthSchema } from '@claimdesk/contracts';
import pg from 'pg';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedText } from '../support/api-client.ts';
import { signInForCredentials } from '../support/credentials.ts';
import { openSqlite } from '../support/sqlite.ts';
import { DATABASE_KINDS, PG_ADMIN_URL, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

/** A pino logger whose JSON lines the test can read. */
function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

/** The same database, except that one model method throws what a bug would throw. */
function withBug(db: Database): Database {
  const prisma = new Proxy(db.prisma, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key !== 'article') return value;
      return new Proxy(value, {
        get(model, method, r) {
          if (method === 'findMany')
            return () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'x')"));
          return Reflect.get(model, method, r);
        },
      });
    },
  });
  return { ...db, prisma };
}

describe.each(DATABASE_KINDS)('database faults on %s', (kind) => {
  let test: TestDatabase;
  let claimId: string;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    claimId = (await importArticle(test.db, { text: seedText() })).article.claims[0]?.id ?? '';
  });
  afterAll(async () => {
    await test.drop();
  });

  it('answers an unexpected error with a reference that is also in the log line', async () => {
    const { logger, lines } = capturingLogger();
    const ctx = await createTestApp(withBug(test.db), { logger });
    const res = await ctx.viewer.agent.get('/api/articles');
    expect(res.status).toBe(500);
    const body = errorBodySchema.parse(res.body);
    expect(body.error.code).toBe('internal_error');
    expect(body.error.reference).toMatch(/^[0-9a-f]{12}$/);
    expect(body.error.message).toContain(body.error.reference);
    const line = lines.find((l) => l.reference === body.error.reference);
    expect(line?.msg).toContain(body.error.reference);
    expect(JSON.stringify(line?.err)).toContain('Cannot read properties of undefined');
  });

  it('reports migrations that the database and this build do not share, on the health route', async () => {
    const ctx = await createTestApp(test.db);
    const ok = healthSchema.parse((await request(ctx.app).get('/api/health')).body);
    expect(ok).toMatchObject({ status: 'ok', problems: [] });
    const [last] = await test.db.prisma.$queryRawUnsafe<Array<{ migration_name: string }>>(
      'SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1',
    );
    const name = last?.migration_name ?? '';
    await test.db.prisma.$executeRawUnsafe(
      `UPDATE _prisma_migrations SET migration_name = '29990101000000_from_a_newer_claimdesk' WHERE migration_name = '${name}'`,
    );
    try {
      const res = await request(ctx.app).get('/api/health');
      expect(res.status).toBe(200);
      const health = healthSchema.parse(res.body);
      expect(health.status).toBe('degraded');
      const messages = health.problems.map((p) => p.message).join('\n');
      expect(messages).toContain(name);
      expect(messages).toContain('npx claimdesk db migrate');
      expect(messages).toContain('newer claimdesk');
    } finally {
      await test.db.prisma.$executeRawUnsafe(
        `UPDATE _prisma_migrations SET migration_name = '${name}' WHERE migration_name = '29990101000000_from_a_newer_claimdesk'`,
      );
    }
  });

  describe('a database that refuses writes', () => {
    let readOnly: Database | undefined;
    afterEach(async () => {
      if (kind === 'sqlite') await test.db.prisma.$executeRawUnsafe('PRAGMA query_only = OFF');
      else {
        const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
        await admin.connect();
        await admin.query(
          `ALTER DATABASE "${new URL(test.url).pathname.slice(1)}" RESET default_transaction_read_only`,
        );
        await admin.end();
      }
      await readOnly?.close();
      readOnly = undefined;
    });

    it('names the cause and what to do in the answer, the log and the health route', async () => {
      const { logger, lines } = capturingLogger();
      // Accounts and the session are made while the database still takes writes.
      const setup = await createTestApp(test.db);
      const editor = await signInForCredentials(setup.app, setup.emails.editor);
      let db = test.db;
      if (kind === 'sqlite') {
        await test.db.prisma.$executeRawUnsafe('PRAGMA query_only = ON');
      } else {
        const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
        await admin.connect();
        await admin.query(
          `ALTER DATABASE "${new URL(test.url).pathname.slice(1)}" SET default_transaction_read_only = on`,
        );
        await admin.end();
        readOnly = await openDatabase(test.config);
        db = readOnly;
      }
      const app = createApp({ db, logger });
      const row = await db.prisma.claim.findUniqueOrThrow({ where: { id: claimId } });
      const res = await request(app)
        .post(`/api/claims/${claimId}/verdicts`)
        .set('cookie', editor.cookie)
        .set('x-csrf-token', editor.csrf)
        .send({ status: 'verified', version: row.version });
      expect(res.status, JSON.stringify(res.body)).toBe(503);
      const body = errorBodySchema.parse(res.body);
      expect(body.error.code).toBe('unavailable');
      expect(body.error.details).toEqual({ fault: 'read_only' });
      expect(body.error.message).toMatch(kind === 'sqlite' ? /read-only.*writable/ : /refuses writes.*primary/);
      expect(res.headers['retry-after']).toBeDefined();
      expect(lines.some((l) => l.fault === 'read_only' && l.msg === body.error.message)).toBe(true);
      const health = healthSchema.parse((await request(app).get('/api/health')).body);
      expect(health.status).toBe('degraded');
      expect(health.problems).toContainEqual({ fault: 'read_only', message: body.error.message });
    });
  });
});

/** Faults only SQLite has: a file on a full disk, and a write lock held by another process. */
describe('database faults on sqlite only', () => {
  const kind = 'sqlite';
  let test: TestDatabase;
  let claimId: string;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    claimId = (await importArticle(test.db, { text: seedText() })).article.claims[0]?.id ?? '';
  });
  afterAll(async () => {
    await test.drop();
  });

  const markVia = async (ctx: Awaited<ReturnType<typeof createTestApp>>) => {
    const row = await test.db.prisma.claim.findUniqueOrThrow({ where: { id: claimId } });
    return ctx.editor.agent
      .post(`/api/claims/${claimId}/verdicts`)
      .set('x-csrf-token', ctx.editor.csrf)
      .send({ status: 'verified', version: row.version });
  };

  it('names a full disk in the answer and on the health route', async () => {
    const ctx = await createTestApp(test.db);
    // A page limit at the current size makes SQLite answer as it does when the disk is full.
    const [pages] = await test.db.prisma.$queryRawUnsafe<Array<{ page_count: bigint }>>('PRAGMA page_count');
    await test.db.prisma.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(pages?.page_count)}`);
    try {
      const text = `date 2022-03-01 Kyiv | Desk: The ministry said 5 tanks were destroyed. ${'Filler text. '.repeat(2000)}`;
      const res = await ctx.admin.agent.post('/api/articles').set('x-csrf-token', ctx.admin.csrf).send({ text });
      expect(res.status, JSON.stringify(res.body)).toBe(503);
      const body = errorBodySchema.parse(res.body);
      expect(body.error.details).toEqual({ fault: 'disk_full' });
      expect(body.error.message).toContain('free space');
      const health = healthSchema.parse((await request(ctx.app).get('/api/health')).body);
      expect(health.problems.map((p) => p.fault)).toContain('disk_full');
    } finally {
      await test.db.prisma.$queryRawUnsafe('PRAGMA max_page_count = 1073741823');
    }
  });

  it('answers 503 with Retry-After while another process holds the write lock, and serves health meanwhile', async () => {
    const ctx = await createTestApp(test.db);
    const other = openSqlite(test.url);
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      let isVerdictAnswered = false;
      const verdict = markVia(ctx).then((res) => {
        isVerdictAnswered = true;
        return res;
      });
      // The write waits for the lock with timers, so these are answered while it waits.
      const healthWhileWaiting: boolean[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await request(ctx.app).get('/api/health');
        expect(res.status).toBe(200);
        healthWhileWaiting.push(!isVerdictAnswered);
      }
      expect(healthWhileWaiting).toEqual([true, true, true, true, true]);
      const res = await verdict;
      expect(res.status, JSON.stringify(res.body)).toBe(503);
      expect(res.headers['retry-after']).toBe('1');
      const body = errorBodySchema.parse(res.body);
      expect(body.error.details).toEqual({ fault: 'database_busy' });
      expect(body.error.message).toContain('try again');
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    const again = await markVia(ctx);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
  });
});

/**
 * A fault only a pooled server has: every connection of this process's pool is taken (a burst of
 * writers, a long import). SQLite has no pool; its waiting for the write lock is the test above.
 */
describe('database faults on postgresql only', () => {
  let test: TestDatabase;
  let claimId: string;

  beforeAll(async () => {
    test = await createTestDatabase('postgresql');
    claimId = (await importArticle(test.db, { text: seedText() })).article.claims[0]?.id ?? '';
  });
  afterAll(async () => {
    await test.drop();
  });

  it('answers 503 with Retry-After when no connection frees up in time, and saves once one does', async () => {
    const ctx = await createTestApp(test.db);
    const { version } = await test.db.prisma.claim.findUniqueOrThrow({ where: { id: claimId } });
    // Hold every connection of the pool (10) in an open transaction until released.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = 0;
    const holders = Array.from({ length: 10 }, () =>
      test.db.prisma.$transaction(
        async (tx) => {
          await tx.$queryRawUnsafe('SELECT 1');
          started += 1;
          await released;
        },
        { maxWait: 30_000, timeout: 120_000 },
      ),
    );
    try {
      while (started < 10) await new Promise((resolve) => setTimeout(resolve, 20));
      const res = await ctx.editor.agent
        .post(`/api/claims/${claimId}/verdicts`)
        .set('x-csrf-token', ctx.editor.csrf)
        .send({ status: 'verified', version });
      expect(res.status, JSON.stringify(res.body)).toBe(503);
      expect(res.headers['retry-after']).toBe('1');
      const body = errorBodySchema.parse(res.body);
      expect(body.error.details).toEqual({ fault: 'database_busy' });
      expect(body.error.message).toContain('try again');
    } finally {
      release();
      await Promise.all(holders);
    }
    expect((await test.db.prisma.verdict.count({ where: { claimId } })) === 0).toBe(true);
    const again = await ctx.editor.agent
      .post(`/api/claims/${claimId}/verdicts`)
      .set('x-csrf-token', ctx.editor.csrf)
      .send({ status: 'verified', version });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
  });
});
