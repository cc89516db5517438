import { randomUUID } from 'node:crypto';
import { fillSearchText, importArticle } from '@claimdesk/api';
import { type RouteDef, type RouteId, errorBodySchema, routes } from '@claimdesk/contracts';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, createTestApp, seedText } from '../support/api-client.ts';
import { createGeneratedArticle } from '../support/generated-article.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

/**
 * Input that reaches the database. PostgreSQL refuses what SQLite stores (NUL in text, integers
 * past 32 bits, year 0), so the contracts refuse it first and both databases answer the same 400.
 * The second half generates hostile requests over every route of the route table.
 */

const TABLES = [
  'article',
  'statement',
  'claim',
  'verdict',
  'user',
  'session',
  'apiKey',
  'webhook',
  'webhookDelivery',
  'claimChange',
  'rateLimitBucket',
] as const;

async function countRows(test: TestDatabase): Promise<Record<string, number>> {
  const values = await Promise.all(
    TABLES.map((table) => (test.db.prisma[table] as unknown as { count(): Promise<number> }).count()),
  );
  return Object.fromEntries(TABLES.map((table, i) => [table, values[i] ?? 0]));
}

/** Strings that must be refused wherever a string is expected: control characters. */
const CONTROL_STRINGS = ['\u0000', 'a\u0000b', '\u0007bell', 'esc\u001b[31m', 'del\u007f', 'c1\u0085'];
/** Values that are the wrong kind or out of range for any field. */
const WRONG_VALUES: unknown[] = [2 ** 31, 2 ** 53 + 2, -1, 1.5, 1e308, null, [], {}, true, { $gt: '' }];

/** The keys of an object schema, or of every variant of a discriminated union. */
function objectKeys(schema: unknown): string[] {
  const s = schema as { shape?: Record<string, unknown>; options?: unknown[] } | undefined;
  if (s?.options) return [...new Set(s.options.flatMap(objectKeys))];
  return s?.shape ? Object.keys(s.shape) : [];
}

describe.each(DATABASE_KINDS)('input that reaches the database, on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let claimId: string;
  let articleId: string;
  let webhookId: string;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ctx = await createTestApp(test.db);
    const { article } = await importArticle(test.db, { text: seedText() });
    articleId = article.id;
    claimId = article.claims[0]?.id ?? '';
    webhookId = (await test.db.prisma.webhook.create({ data: { url: 'http://127.0.0.1:9/x', secret: 'whsec_x' } })).id;
  });
  afterAll(async () => {
    await test.drop();
  });

  const expect400 = (res: request.Response) => {
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    const body = errorBodySchema.parse(res.body);
    expect(body.error.code).toBe('validation_error');
    return body;
  };

  it('refuses NUL in an id, a query string and a body string with 400', async () => {
    expect400(await ctx.viewer.agent.get('/api/claims/a%00b'));
    expect400(await ctx.viewer.agent.get('/api/claims').query({ q: 'tank\u0000' }));
    expect400(await ctx.viewer.agent.get('/api/v1/claims').query({ source: '\u0000' }));
    const body = expect400(
      await ctx.editor.agent
        .post(`/api/claims/${claimId}/verdicts`)
        .set('x-csrf-token', ctx.editor.csrf)
        .send({ status: 'disputed', note: 'bad\u0000note', version: 0 }),
    );
    expect(body.error.path).toEqual(['note']);
    expect400(
      await ctx.admin.agent
        .post('/api/articles')
        .set('x-csrf-token', ctx.admin.csrf)
        .send({ text: 'date 2022-03-01 Kyiv | Desk: The ministry said\u0000 5 tanks.' }),
    );
  });

  it('refuses a version of 2^31 and cursors past 32 bits or before 1970 with 400', async () => {
    const body = expect400(
      await ctx.editor.agent
        .post(`/api/claims/${claimId}/verdicts`)
        .set('x-csrf-token', ctx.editor.csrf)
        .send({ status: 'verified', version: 2 ** 31 }),
    );
    expect(body.error.path).toEqual(['version']);
    expect400(await ctx.viewer.agent.get('/api/v1/claims?cursor=c2147483648'));
    expect400(await ctx.viewer.agent.get('/api/v1/claims?cursor=0000-01-01'));
    expect400(await ctx.viewer.agent.get('/api/v1/claims?updatedSince=0000-01-01'));
    expect400(await ctx.viewer.agent.get('/api/claims?page=2147483648'));
    // The largest values that fit still work.
    expect((await ctx.viewer.agent.get('/api/v1/claims?cursor=c2147483647')).status).toBe(200);
    expect((await ctx.viewer.agent.get('/api/v1/claims?updatedSince=1970-01-01')).status).toBe(200);
  });

  it('treats a malformed session cookie as no session, never as a server error', async () => {
    for (const cookie of ['claimdesk_session=%E0%A4%A', 'claimdesk_session=%', 'claimdesk_session=%00']) {
      const res = await request(ctx.app).get('/api/articles').set('cookie', cookie);
      expect(res.status, cookie).toBe(401);
      expect(errorBodySchema.parse(res.body).error.code).toBe('unauthorized');
      expect((await request(ctx.app).get('/api/health').set('cookie', cookie)).status).toBe(200);
    }
  });

  it('trims invisible characters from notes and names before checking that they are given', async () => {
    const before = await countRows(test);
    const note = expect400(
      await ctx.editor.agent
        .post(`/api/claims/${claimId}/verdicts`)
        .set('x-csrf-token', ctx.editor.csrf)
        .send({ status: 'disputed', note: '\u200b\u200b\u200b \ufeff\u2060', version: 0 }),
    );
    expect(note.error.path).toEqual(['note']);
    const key = expect400(
      await ctx.admin.agent.post('/api/keys').set('x-csrf-token', ctx.admin.csrf).send({ name: '\u200b\u200c\u200d' }),
    );
    expect(key.error.path).toEqual(['name']);
    expect(await countRows(test)).toEqual(before);
    // Visible text keeps its inner invisible characters but loses those at the ends.
    const saved = await ctx.editor.agent
      .post(`/api/claims/${claimId}/verdicts`)
      .set('x-csrf-token', ctx.editor.csrf)
      .send({ status: 'disputed', note: '\u200bsee the\u200bsource\u200b', version: 0 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body.verdict.note).toBe('see the\u200bsource');
  });

  it('matches % and _ literally in the search and source filters', async () => {
    const {
      articleId: id,
      statementId,
      publishedOn,
    } = await createGeneratedArticle(test, { title: `Wildcards ${kind}` });
    const rows = [
      { text: 'lost 50% of its tanks', source: 'Ministry_of Defence' },
      { text: 'lost 50 of its tanks', source: 'MinistryXof Defence' },
      { text: 'the abc_def brigade', source: '100% Group' },
      { text: 'the abcXdef brigade', source: '100 Group' },
    ];
    for (const [ordinal, row] of rows.entries()) {
      const claimId = randomUUID();
      await test.db.prisma.claim.create({
        data: {
          id: claimId,
          articleId: id,
          statementId,
          kind: 'statement',
          ordinal,
          text: row.text,
          start: 0,
          end: row.text.length,
          side: 'ukraine',
          sourceCanonical: row.source,
          publishedOn,
        },
      });
      await test.db.prisma.claimChange.create({ data: { claimId } });
    }
    // Rows written around the API: index them as `claimdesk serve` does for rows stored before search.
    await fillSearchText(test.db);
    const texts = async (query: Record<string, string>) => {
      const res = await ctx.viewer.agent.get('/api/claims').query({ articleId: id, ...query });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (res.body.items as Array<{ text: string }>).map((c) => c.text).sort();
    };
    expect(await texts({ q: '50%' })).toEqual(['lost 50% of its tanks']);
    // The search box also reads source names: "100% Group" and "Ministry_of Defence" hold one each.
    expect(await texts({ q: '%' })).toEqual(['lost 50% of its tanks', 'the abc_def brigade']);
    // The start of a word, `_` as itself: "abc_d" is in "abc_def", "abcXd" is not.
    expect(await texts({ q: 'abc_d' })).toEqual(['the abc_def brigade']);
    expect(await texts({ q: '_' })).toEqual(['lost 50% of its tanks', 'the abc_def brigade']);
    expect(await texts({ q: 'ABC_' })).toEqual(['the abc_def brigade']);
    expect(await texts({ q: 'abc' })).toEqual(['the abcXdef brigade', 'the abc_def brigade'].sort());
    expect(await texts({ source: 'y_of' })).toEqual(['lost 50% of its tanks']);
    expect(await texts({ source: '100%' })).toEqual(['the abc_def brigade']);
    const v1 = await ctx.viewer.agent.get('/api/v1/claims').query({ articleId: id, source: '_' });
    expect(v1.status).toBe(200);
    expect((v1.body.items as Array<{ text: string }>).map((c) => c.text)).toEqual(['lost 50% of its tanks']);
  });

  describe('hostile requests over every route', () => {
    interface Hostile {
      label: string;
      method: RouteDef['method'];
      path: string;
      query?: Record<string, unknown> | string;
      body?: unknown;
      cookie?: string;
      /** Must be refused with a 4xx (every write, and every control character). */
      mustRefuse: boolean;
    }

    /** A valid body per write route, mutated one field at a time. */
    const validBodies: Partial<Record<RouteId, () => Record<string, unknown>>> = {
      updateSource: () => ({ role: 'spokesman' }),
      mergeSource: () => ({ into: randomUUID() }),
      splitSource: () => ({ aliasId: randomUUID() }),
      login: () => ({ email: 'someone@example.org', password: PASSWORD }),
      createArticle: () => ({ text: 'date 2022-03-01 Kyiv | Desk: The ministry said 5 tanks were destroyed.' }),
      changePassword: () => ({ currentPassword: PASSWORD, newPassword: 'another long passphrase' }),
      createCorrection: () => ({ kind: 'reject', note: 'not a claim', version: 0 }),
      addClaim: () => ({ kind: 'statement', content: { start: 0, end: 10 }, sourceCanonical: 'The ministry' }),
      markClaims: () => ({ status: 'verified', claims: [{ id: claimId, version: 0 }] }),
      importFile: () => ({
        fileName: 'bad-input.txt',
        content: Buffer.from('The ministry said 5 tanks were destroyed.').toString('base64'),
      }),
      createVerdict: () => ({ status: 'disputed', note: 'a note', evidence: ['https://example.org/a'], version: 0 }),
      createUser: () => ({ email: 'new@example.org', name: 'New', password: PASSWORD, role: 'viewer' }),
      updateUser: () => ({ role: 'editor' }),
      updateArticle: () => ({ url: 'https://news.example.org/a/1' }),
      publishClaim: () => ({ version: 0 }),
      withdrawDraft: () => ({ version: 0 }),
      retractClaim: () => ({ version: 0, note: 'a note' }),
      publishArticle: () => ({ claims: [{ id: claimId, version: 0 }] }),
      createApiKey: () => ({ name: 'a key' }),
      createWebhook: () => ({ url: 'http://127.0.0.1:9/hook' }),
      // Not on the test allow-list: even a body that passed the contract would be refused unsent.
      importUrl: () => ({ url: 'http://127.0.0.1:1/page.html', map: 'text=body' }),
    };
    const ids = () => ({ articleId, claimId, webhookId });
    const realId = (id: RouteId) => {
      const { articleId: a, claimId: c, webhookId: w } = ids();
      if (id.includes('Article') || id === 'addClaim') return a;
      if (id.includes('Webhook')) return w;
      if (id === 'updateUser' || id === 'revokeApiKey') return randomUUID();
      return c;
    };
    const QUERY_STRINGS = [
      ...CONTROL_STRINGS,
      '2147483648',
      '99999999999999999999999',
      '-1',
      '1e400',
      'NaN',
      'c2147483648',
      '0000-01-01',
      '%',
      '_',
      "' OR 1=1 --",
    ];
    const HOSTILE_IDS = [
      'a%00b',
      '%01',
      '%E0%A4%A',
      '..%2F..%2Fetc',
      `${'x'.repeat(200)}`,
      '%27%20OR%201%3D1',
      '2147483648',
    ];

    function generate(): Hostile[] {
      const cases: Hostile[] = [];
      for (const [id, def] of Object.entries(routes) as Array<[RouteId, RouteDef]>) {
        const isWrite = def.method !== 'GET';
        const path = def.path.replace(':id', realId(id));
        // Broken cookies on every route.
        for (const cookie of ['claimdesk_session=%', 'claimdesk_session=%E0%A4%A; claimdesk_csrf=%']) {
          cases.push({ label: `${id} cookie ${cookie}`, method: def.method, path, cookie, mustRefuse: isWrite });
        }
        if (def.params) {
          for (const hostileId of HOSTILE_IDS) {
            cases.push({
              label: `${id} id ${hostileId.slice(0, 20)}`,
              method: def.method,
              path: def.path.replace(':id', hostileId),
              body: validBodies[id]?.(),
              mustRefuse: isWrite || hostileId.includes('%0') || hostileId.includes('%E0'),
            });
          }
        }
        for (const key of objectKeys(def.query)) {
          for (const value of QUERY_STRINGS) {
            const isControl = CONTROL_STRINGS.includes(value);
            cases.push({
              label: `${id} ?${key}=${JSON.stringify(value)}`,
              method: def.method,
              path,
              query: { [key]: value },
              mustRefuse: isControl,
            });
          }
          cases.push({
            label: `${id} ?${key} twice`,
            method: def.method,
            path,
            query: `${key}=a&${key}=b`,
            mustRefuse: false,
          });
        }
        const makeBody = validBodies[id];
        if (def.body && !makeBody) throw new Error(`route ${id} has a body: add a valid body to validBodies`);
        if (makeBody) {
          for (const key of objectKeys(def.body)) {
            for (const value of [...CONTROL_STRINGS, ...WRONG_VALUES]) {
              // Texts of several lines (article, note) may hold C1 characters: old encodings use them.
              const isMultiline =
                (id === 'createArticle' && key === 'text') ||
                ((id === 'createVerdict' || id === 'retractClaim') && key === 'note');
              cases.push({
                label: `${id} body.${key}=${JSON.stringify(value)}`,
                method: def.method,
                path,
                body: { ...makeBody(), [key]: value },
                // An article's url may be null: that removes it.
                // null is a value for nullable fields (an article's url, a claim's source).
                mustRefuse: !(isMultiline && value === 'c1\u0085') && value !== null,
              });
            }
          }
          const nested: Partial<Record<RouteId, Array<Record<string, unknown>>>> = {
            createCorrection: [
              { kind: 'edit', fields: { content: { start: 0, end: 2 ** 31 } }, version: 0 },
              { kind: 'edit', fields: { sourceCanonical: 'x\u0000' }, version: 0 },
              { kind: 'edit', fields: { unit: '\u0007' }, version: 0 },
              { kind: 'reject', note: '\u200b\u200b', version: 2 ** 31 },
            ],
            addClaim: [
              { kind: 'statement', content: { start: 0, end: 2 ** 31 }, sourceCanonical: 'x' },
              { kind: 'statement', content: { start: 0, end: 10 }, sourceCanonical: '\u200b' },
              { kind: 'statement', content: { start: 0, end: 10 }, sourceCanonical: 'a\u0000b' },
            ],
          };
          for (const body of nested[id] ?? []) {
            cases.push({
              label: `${id} body=${JSON.stringify(body)}`,
              method: def.method,
              path,
              body,
              mustRefuse: true,
            });
          }
          if (id === 'markClaims') {
            // Ids and versions inside the list reach the database as well.
            for (const claim of [
              { id: 'a\u0000b', version: 0 },
              { id: '../x', version: 0 },
              { id: claimId, version: 2 ** 31 },
              { id: claimId, version: -1 },
            ]) {
              cases.push({
                label: `${id} body.claims[0]=${JSON.stringify(claim)}`,
                method: def.method,
                path,
                body: { ...makeBody(), claims: [claim] },
                mustRefuse: true,
              });
            }
          }
          cases.push({
            label: `${id} body is an array`,
            method: def.method,
            path,
            body: [makeBody()],
            mustRefuse: true,
          });
          cases.push({
            label: `${id} body has an extra key`,
            method: def.method,
            path,
            body: { ...makeBody(), __proto__x: 1, isAdmin: true },
            mustRefuse: id !== 'createArticle',
          });
        }
      }
      return cases;
    }

    it('answers at least 300 hostile requests without a 5xx and writes nothing from refused input', async () => {
      const cases = generate();
      expect(cases.length).toBeGreaterThanOrEqual(300);
      expect(new Set(cases.map((c) => c.label.split(' ')[0]))).toEqual(new Set(Object.keys(routes)));
      const failures: string[] = [];
      for (const c of cases) {
        // Reads cannot add or remove rows; every write is counted before and after.
        const isWrite = c.method !== 'GET';
        const before = isWrite ? await countRows(test) : null;
        const method = c.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
        let req = (c.cookie ? request(ctx.app) : ctx.admin.agent)[method](c.path);
        if (c.cookie) req = req.set('cookie', c.cookie);
        else req = req.set('x-csrf-token', ctx.admin.csrf);
        if (c.query !== undefined) req = req.query(c.query as Record<string, string>);
        const res = c.body === undefined ? await req : await req.send(c.body as object);
        if (res.status >= 500) failures.push(`${c.label}: ${res.status} ${JSON.stringify(res.body)}`);
        if (c.mustRefuse && (res.status < 400 || res.status >= 500))
          failures.push(`${c.label}: expected a refusal, got ${res.status}`);
        if (res.status >= 400 && res.headers['content-type']?.includes('json')) {
          const parsed = errorBodySchema.safeParse(res.body);
          if (!parsed.success) failures.push(`${c.label}: error body of the wrong shape ${JSON.stringify(res.body)}`);
        }
        if (res.status >= 400 && before) {
          const after = await countRows(test);
          if (JSON.stringify(after) !== JSON.stringify(before))
            failures.push(`${c.label}: refused with ${res.status} but wrote ${JSON.stringify({ before, after })}`);
        }
      }
      expect(failures).toEqual([]);
      // Several hundred requests, each counting every table twice: minutes on a loaded machine.
    }, 300_000);
  });
});
