import { createParsePool, type ParsePool } from '@claimdesk/api';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/api-client.ts';
import { longArticle } from '../support/long-article.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

/** What `healthChecksThenImport` notes, in order. */
const THREE_CHECKS = [1, 2, 3].flatMap((i) => [`health ${i} sent`, `health ${i} answered`]);

describe.each(DATABASE_KINDS)('parsing off the event loop on %s', (kind) => {
  let test: TestDatabase;
  let pool: ParsePool;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    pool = createParsePool({ size: 1 });
    ctx = await createTestApp(test.db, { config: { articleLimits: { maxChars: 2_100_000 }, parse: pool.parse } });
  });
  afterAll(async () => {
    await pool.close();
    await test.drop();
  });

  /** POST /api/articles, noting in `events` when it is answered. */
  const importLogged = (text: string, fileName: string, events: string[]) =>
    ctx.admin.agent
      .post('/api/articles')
      .set('x-csrf-token', ctx.admin.csrf)
      .send({ text, fileName })
      .then((res) => {
        events.push('import answered');
        return res;
      });

  /** Three health checks one after another (each sent once the last was answered), then the import's answer. */
  const healthChecksThenImport = async (importing: ReturnType<typeof importLogged>, events: string[]) => {
    for (let i = 1; i <= 3; i++) {
      events.push(`health ${i} sent`);
      const health = await request(ctx.app).get('/api/health');
      expect(health.status).toBe(200);
      expect(health.body.status).toBe('ok');
      events.push(`health ${i} answered`);
    }
    const imported = await importing;
    expect(imported.status).toBe(201);
    expect(imported.body.claims.length).toBeGreaterThan(10_000);
  };

  it('answers health checks sent while a 2 MB article is being parsed before that import finishes', async () => {
    const text = longArticle(2_000_000);
    expect(text.length).toBeGreaterThan(1_990_000);
    const events: string[] = [];
    const parsing = new Promise<void>((resolve) => pool.on('start', () => resolve()));
    pool.on('end', () => events.push('parse finished'));
    const importing = importLogged(text, 'long.txt', events);
    await parsing;
    // Three health checks one after another, each sent once the last was answered, all while the
    // worker still parses: the thread that answers requests is free the whole time.
    await healthChecksThenImport(importing, events);
    expect(events).toEqual([...THREE_CHECKS, 'parse finished', 'import answered']);
  }, 300_000);

  it('answers health checks sent while the rows of a 2 MB article are written before that import finishes', async () => {
    // Another date: neither the same text nor a version of the article the test above stored.
    const text = longArticle(2_000_000).replace('date 2022-02-27', 'date 2022-03-05');
    const events: string[] = [];
    const parsed = new Promise<void>((resolve) =>
      pool.on('end', () => {
        events.push('parse finished');
        resolve();
      }),
    );
    const importing = importLogged(text, 'long-2.txt', events);
    await parsed;
    // The parse is back on this thread: what is left is building and writing 20,000 claims' rows
    // (in one transaction) and the answer. Health checks are answered in between.
    await healthChecksThenImport(importing, events);
    expect(events).toEqual(['parse finished', ...THREE_CHECKS, 'import answered']);
  }, 300_000);

  it('stores what the worker parsed exactly as a parse on this thread would', async () => {
    const { parseArticle } = await import('@claimdesk/parser');
    const text = longArticle(60_000);
    const inWorker = await pool.parse(text, { file: 'a.txt' });
    expect(inWorker).toEqual(parseArticle(text, { file: 'a.txt' }));
  });
});
