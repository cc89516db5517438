import { createApiKey, createUser, importArticle, markClaim } from '@claimdesk/api';
import { type Access, ROLE_RANK, type RouteDef, type RouteId, errorBodySchema, routes } from '@claimdesk/contracts';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, TEST_OUTBOUND, createTestApp, seedText } from '../support/api-client.ts';
import { type SessionCredentials, signInForCredentials } from '../support/credentials.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

/**
 * Every route of the route table x every kind of caller. The cases are generated from
 * `routes` in packages/contracts, so a new route is in this matrix the moment it exists; a route
 * with path parameters or a body also needs a sample request below, or its cases fail.
 */
const ACTORS = ['anonymous', 'viewer', 'editor', 'admin', 'apiKey', 'revokedKey'] as const;
type ActorName = (typeof ACTORS)[number];
type Role = 'viewer' | 'editor' | 'admin';

/** What the route table says this caller gets: 'allowed', or the refusal status. */
function expectedOutcome(def: RouteDef, actor: ActorName): 'allowed' | 401 | 403 {
  if (actor === 'revokedKey') return 401; // a bad credential is refused everywhere, never ignored
  if (def.access === 'public') return 'allowed';
  if (actor === 'anonymous') return 401;
  if (actor === 'apiKey') return def.apiKey && def.method === 'GET' && def.access !== 'admin' ? 'allowed' : 403;
  return ROLE_RANK[actor] >= ROLE_RANK[def.access as Exclude<Access, 'public'>] ? 'allowed' : 403;
}

interface Sample {
  path: string;
  body?: unknown;
}

interface Fixtures {
  articleId: string;
  /** A page server on 127.0.0.1 that the app may fetch from (allow-listed): each answer a new article. */
  pageUrl: string;
  claimId: string;
  judgedClaimId: string;
  webhookId: string;
  currentVersion(claimId: string): Promise<number>;
  freshUserId(): Promise<string>;
  freshKeyId(): Promise<string>;
  freshWebhookId(): Promise<string>;
  /** A claim whose latest verdict is a draft (or, published, a public one), at its current version. */
  freshVerdict(publish: boolean): Promise<{ id: string; version: number }>;
  freshArticleId(): Promise<string>;
  /** A new source entity with `aliases` spellings: its id and its aliases' ids. */
  freshSource(aliases?: number): Promise<{ id: string; aliasIds: string[] }>;
}

let counter = 0;
let turn = 0;
let addedSpans = 0;
const unique = () => {
  counter += 1;
  return `${Date.now().toString(36)}-${counter}`;
};

/** A request that succeeds when the caller is allowed; fresh rows for the routes that change one. */
const SAMPLES: Partial<Record<RouteId, (f: Fixtures) => Promise<Sample> | Sample>> = {
  login: () => ({ path: '/api/session', body: { email: 'matrix-login@example.org', password: PASSWORD } }),
  // Each signed-in caller changes its own password once (its session stays; the others end).
  changePassword: () => ({
    path: '/api/session/password',
    body: { currentPassword: PASSWORD, newPassword: `a brand new passphrase ${unique()}` },
  }),
  resetPassword: async (f) => ({ path: `/api/users/${await f.freshUserId()}/password` }),
  createArticle: () => ({
    path: '/api/articles',
    body: { text: `date 2022-03-01 Kyiv | Matrix Desk: The ministry said 5 tanks were destroyed (${unique()}).` },
  }),
  getArticle: (f) => ({ path: `/api/articles/${f.articleId}` }),
  articleVersions: (f) => ({ path: `/api/articles/${f.articleId}/versions` }),
  articleVersionDiff: (f) => ({ path: `/api/articles/${f.articleId}/versions/diff?from=1&to=1` }),
  updateArticle: (f) => ({ path: `/api/articles/${f.articleId}`, body: { url: 'https://news.example.org/a/1' } }),
  reparseArticle: (f) => ({ path: `/api/articles/${f.articleId}/reparse` }),
  importFile: () => ({
    path: '/api/imports',
    body: {
      fileName: 'matrix.txt',
      content: Buffer.from(`The ministry said 6 tanks were destroyed (${unique()}).`).toString('base64'),
    },
  }),
  importUrl: (f) => ({ path: '/api/imports/url', body: { url: `${f.pageUrl}/matrix.txt` } }),
  deleteArticle: async (f) => ({ path: `/api/articles/${await f.freshArticleId()}` }),
  getClaim: (f) => ({ path: `/api/claims/${f.claimId}` }),
  claimReference: (f) => ({ path: `/api/claims/${f.claimId}/reference` }),
  relatedClaims: (f) => ({ path: `/api/claims/${f.claimId}/related` }),
  referenceSeries: () => ({
    path: '/api/reference/series?category=tanks&subject=russia&from=2022-02-24&to=2022-03-01',
  }),
  v1GetClaim: (f) => ({ path: `/api/v1/claims/${f.claimId}` }),
  search: () => ({ path: '/api/search?q=tanks' }),
  createVerdict: async (f) => ({
    path: `/api/claims/${f.claimId}/verdicts`,
    body: { status: 'verified', version: await f.currentVersion(f.claimId) },
  }),
  publishClaim: async (f) => {
    const c = await f.freshVerdict(false);
    return { path: `/api/claims/${c.id}/publish`, body: { version: c.version } };
  },
  withdrawDraft: async (f) => {
    const c = await f.freshVerdict(false);
    return { path: `/api/claims/${c.id}/withdraw`, body: { version: c.version } };
  },
  retractClaim: async (f) => {
    const c = await f.freshVerdict(true);
    return { path: `/api/claims/${c.id}/retract`, body: { version: c.version, note: 'matrix retraction' } };
  },
  publishArticle: (f) => ({ path: `/api/articles/${f.articleId}/publish`, body: {} }),
  claimStates: (f) => ({ path: `/api/articles/${f.articleId}/claim-states` }),
  markClaims: async (f) => ({
    path: '/api/claims/verdicts',
    body: { status: 'verified', claims: [{ id: f.claimId, version: await f.currentVersion(f.claimId) }] },
  }),
  createCorrection: async (f) => ({
    path: `/api/claims/${f.claimId}/corrections`,
    body: {
      kind: 'edit',
      fields: { sourceCanonical: `Matrix ${unique()}` },
      version: await f.currentVersion(f.claimId),
    },
  }),
  // A new span each time: the same span added twice is refused (409).
  addClaim: (f) => {
    addedSpans += 1;
    return {
      path: `/api/articles/${f.articleId}/claims`,
      body: { kind: 'statement', content: { start: 20, end: 40 + addedSpans }, sourceCanonical: 'Matrix' },
    };
  },
  getSource: async (f) => ({ path: `/api/sources/${(await f.freshSource()).id}` }),
  updateSource: async (f) => ({ path: `/api/sources/${(await f.freshSource()).id}`, body: { role: 'spokesman' } }),
  mergeSource: async (f) => ({
    path: `/api/sources/${(await f.freshSource()).id}/merge`,
    body: { into: (await f.freshSource()).id },
  }),
  splitSource: async (f) => {
    const source = await f.freshSource(2);
    return { path: `/api/sources/${source.id}/split`, body: { aliasId: source.aliasIds[1] } };
  },
  v1ClaimReview: (f) => ({ path: `/api/v1/claims/${f.judgedClaimId}/claimreview` }),
  createUser: () => ({
    path: '/api/users',
    body: { email: `matrix-${unique()}@example.org`, password: PASSWORD, role: 'viewer' },
  }),
  updateUser: async (f) => ({ path: `/api/users/${await f.freshUserId()}`, body: { role: 'editor' } }),
  createApiKey: () => ({ path: '/api/keys', body: { name: `matrix ${unique()}` } }),
  revokeApiKey: async (f) => ({ path: `/api/keys/${await f.freshKeyId()}` }),
  createWebhook: () => ({ path: '/api/webhooks', body: { url: 'http://127.0.0.1:9/matrix' } }),
  deleteWebhook: async (f) => ({ path: `/api/webhooks/${await f.freshWebhookId()}` }),
  listWebhookDeliveries: (f) => ({ path: `/api/webhooks/${f.webhookId}/deliveries` }),
};

describe.each(DATABASE_KINDS)('authorisation matrix on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let sessions: Record<Role, SessionCredentials>;
  let fixtures: Fixtures;

  let pages: Server;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    pages = createServer((_req, res) => {
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end(`The ministry said 7 tanks were destroyed (${unique()}).`);
    });
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
    const pagePort = (pages.address() as AddressInfo).port;
    ctx = await createTestApp(test.db, {
      config: { outbound: { ...TEST_OUTBOUND, allow: [...TEST_OUTBOUND.allow, `127.0.0.1:${pagePort}`] } },
    });
    await createUser(test.db, { email: 'matrix-login@example.org', password: PASSWORD, role: 'viewer' });
    const { article } = await importArticle(test.db, { text: seedText() });
    const [first, second] = article.claims;
    if (!first || !second) throw new Error('the seed article has fewer than two claims');
    sessions = {
      viewer: await signInForCredentials(ctx.app, ctx.emails.viewer),
      editor: await signInForCredentials(ctx.app, ctx.emails.editor),
      admin: await signInForCredentials(ctx.app, ctx.emails.admin),
    };
    const verdict = await request(ctx.app)
      .post(`/api/claims/${second.id}/verdicts`)
      .set('cookie', sessions.editor.cookie)
      .set('x-csrf-token', sessions.editor.csrf)
      .send({ status: 'disputed', note: 'matrix fixture', version: 0, publish: true });
    expect(verdict.status).toBe(201);
    const webhook = await test.db.prisma.webhook.create({
      data: { url: 'http://127.0.0.1:9/fixture', secret: 'whsec_fixture' },
    });
    fixtures = {
      articleId: article.id,
      pageUrl: `http://127.0.0.1:${pagePort}`,
      claimId: first.id,
      judgedClaimId: second.id,
      webhookId: webhook.id,
      currentVersion: async (id) => (await test.db.prisma.claim.findUniqueOrThrow({ where: { id } })).version,
      freshUserId: async () =>
        (await createUser(test.db, { email: `target-${unique()}@example.org`, password: PASSWORD, role: 'viewer' })).id,
      freshVerdict: async (publish) => {
        // Claims after the two fixtures, in turn: each takes one more verdict on top of its last.
        turn += 1;
        const target = article.claims[2 + (turn % (article.claims.length - 2))];
        if (!target) throw new Error('the seed article has too few claims');
        const current = (await test.db.prisma.claim.findUniqueOrThrow({ where: { id: target.id } })).version;
        const saved = await markClaim(
          test.db,
          target.id,
          { status: 'verified', version: current, publish },
          { userId: null, name: 'matrix' },
        );
        return { id: target.id, version: saved.claim.version };
      },
      freshKeyId: async () => (await createApiKey(test.db, `target ${unique()}`)).id,
      freshArticleId: async () =>
        (
          await importArticle(test.db, {
            text: `date 2022-03-02 Kyiv | Matrix Desk: Officials said 3 drones fell (${unique()}).`,
          })
        ).article.id,
      freshSource: async (aliases = 1) => {
        const name = `Matrix Source ${unique()}`;
        const source = await test.db.prisma.source.create({
          data: {
            name,
            aliases: {
              create: Array.from({ length: aliases }, (_, i) => ({
                name: `${name} ${i}`,
                key: `matrix source ${name.toLowerCase()} ${i}`,
              })),
            },
          },
          include: { aliases: { orderBy: { name: 'asc' } } },
        });
        return { id: source.id, aliasIds: source.aliases.map((a) => a.id) };
      },
      freshWebhookId: async () =>
        (await test.db.prisma.webhook.create({ data: { url: 'http://127.0.0.1:9/target', secret: 'whsec_target' } }))
          .id,
    };
  });
  afterAll(async () => {
    await new Promise((resolve) => pages?.close(resolve));
    await test.drop();
  });

  /** The caller's credentials; signing out ends a session, so DELETE /api/session gets a fresh one. */
  async function headersFor(actor: ActorName, id: RouteId): Promise<Record<string, string>> {
    switch (actor) {
      case 'anonymous':
        return {};
      case 'apiKey':
        return { authorization: `Bearer ${ctx.apiKey}` };
      case 'revokedKey':
        return { authorization: `Bearer ${ctx.revokedKey}` };
      default: {
        const session = id === 'logout' ? await signInForCredentials(ctx.app, ctx.emails[actor]) : sessions[actor];
        return { cookie: session.cookie, 'x-csrf-token': session.csrf };
      }
    }
  }

  const cases = (Object.entries(routes) as Array<[RouteId, RouteDef]>).flatMap(([id, def]) =>
    ACTORS.map((actor) => ({ id, def, actor, expected: expectedOutcome(def, actor) })),
  );

  it('covers every route of the table with all six callers', () => {
    expect(new Set(cases.map((c) => c.id))).toEqual(new Set(Object.keys(routes)));
    expect(cases).toHaveLength(Object.keys(routes).length * ACTORS.length);
  });

  it.each(cases)('$def.method $def.path as $actor -> $expected', async ({ id, def, actor, expected }) => {
    const needsSample = def.params !== undefined || def.body !== undefined;
    const makeSample = SAMPLES[id];
    if (needsSample && !makeSample)
      throw new Error(`route ${id} has path parameters or a body: add a sample request to SAMPLES`);
    const sample: Sample = makeSample ? await makeSample(fixtures) : { path: def.path };
    const method = def.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
    let req = request(ctx.app)[method](sample.path);
    for (const [name, value] of Object.entries(await headersFor(actor, id))) req = req.set(name, value);
    const res = sample.body === undefined ? await req : await req.send(sample.body as object);

    if (expected === 'allowed') {
      expect(res.status, JSON.stringify(res.body)).toBe(def.successStatus ?? 200);
      if (def.response) expect(() => def.response?.parse(res.body)).not.toThrow();
      if (def.produces && res.status !== 204) expect(res.headers['content-type']).toContain(def.produces.split(';')[0]);
    } else {
      expect(res.status, JSON.stringify(res.body)).toBe(expected);
      const body = errorBodySchema.parse(res.body);
      expect(body.error.code).toBe(expected === 401 ? 'unauthorized' : 'forbidden');
      expect(body.error.path).toEqual([]);
    }
  });
});
