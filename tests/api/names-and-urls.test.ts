import { createUser, importArticle } from '@claimdesk/api';
import type { Claim } from '@claimdesk/contracts';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, createTestApp, seedText, signIn } from '../support/api-client.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

const ORIGINAL_URL = 'https://www.jagran.example/world/ukraine-talks-2022-02-27';

describe.each(DATABASE_KINDS)('display names and original URLs on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let claims: Claim[];
  let articleId: string;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    // No public URL configured: nothing may be guessed.
    ctx = await createTestApp(test.db);
    const { article } = await importArticle(test.db, { text: seedText() });
    claims = article.claims;
    articleId = article.id;
  });
  afterAll(async () => {
    await test.drop();
  });

  const key = () => ({ authorization: `Bearer ${ctx.apiKey}` });

  it('names an account without a name after its address, and an admin can rename it', async () => {
    const user = await createUser(test.db, { email: 'olena.k@newsroom.example', password: PASSWORD, role: 'editor' });
    expect(user.name).toBe('olena.k');
    const bad = await ctx.admin.agent
      .patch(`/api/users/${user.id}`)
      .set('x-csrf-token', ctx.admin.csrf)
      .send({ name: 'olena@newsroom.example' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toEqual(['name']);
    const empty = await ctx.admin.agent
      .patch(`/api/users/${user.id}`)
      .set('x-csrf-token', ctx.admin.csrf)
      .send({ name: '   ' });
    expect(empty.status).toBe(400);
    const session = await signIn(ctx.app, 'olena.k@newsroom.example');
    const renamed = await ctx.admin.agent
      .patch(`/api/users/${user.id}`)
      .set('x-csrf-token', ctx.admin.csrf)
      .send({ name: '  Olena K  ' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Olena K', email: 'olena.k@newsroom.example' });
    // A new name changes no right: the editor stays signed in and saves under it.
    const claim = claims[3] as Claim;
    const saved = await session.agent
      .post(`/api/claims/${claim.id}/verdicts`)
      .set('x-csrf-token', session.csrf)
      .send({ status: 'verified', version: claim.version });
    expect(saved.status).toBe(201);
    expect(saved.body.verdict.author).toBe('Olena K');
    const editor = await ctx.editor.agent.patch(`/api/users/${user.id}`).set('x-csrf-token', ctx.editor.csrf).send({
      name: 'X',
    });
    expect(editor.status).toBe(403);
  });

  it('shows names, never e-mail addresses, in history, conflicts, v1, CSV and webhooks', async () => {
    const hook = await test.db.prisma.webhook.create({ data: { url: 'http://127.0.0.1:9/names', secret: 'whsec_n' } });
    const claim = claims[0] as Claim;
    const first = await ctx.editor.agent
      .post(`/api/claims/${claim.id}/verdicts`)
      .set('x-csrf-token', ctx.editor.csrf)
      .send({ status: 'disputed', note: 'the ministry said otherwise', version: claim.version, publish: true });
    expect(first.status).toBe(201);
    const stale = await ctx.admin.agent
      .post(`/api/claims/${claim.id}/verdicts`)
      .set('x-csrf-token', ctx.admin.csrf)
      .send({ status: 'verified', version: claim.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain(ctx.names.editor);
    expect(stale.body.error.details.claim.latestVerdict.author).toBe(ctx.names.editor);

    const bodies = [
      JSON.stringify(stale.body),
      JSON.stringify((await ctx.viewer.agent.get(`/api/claims/${claim.id}`)).body),
      JSON.stringify((await request(ctx.app).get('/api/v1/claims?limit=500').set(key())).body),
      (await request(ctx.app).get('/api/v1/claims.csv').set(key())).text,
      JSON.stringify((await request(ctx.app).get('/api/v1/claimreviews').set(key())).body),
    ];
    const deliveries = await test.db.prisma.webhookDelivery.findMany({ where: { webhookId: hook.id } });
    bodies.push(...deliveries.map((d) => d.payload));
    for (const body of bodies) {
      expect(body).not.toMatch(/@example\.org|@newsroom\.example/);
    }
    expect(bodies[1]).toContain(ctx.names.editor);
    expect(bodies[3]).toContain(ctx.names.editor);
    // The e-mail is for admins: the users list is theirs alone.
    expect((await ctx.viewer.agent.get('/api/users')).status).toBe(403);
    expect((await ctx.admin.agent.get('/api/users')).body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ email: ctx.emails.editor, name: ctx.names.editor })]),
    );
    await test.db.prisma.webhook.delete({ where: { id: hook.id } });
  });

  it('stores the original URL given on import, and admins change it', async () => {
    const text = `${seedText()}\n(copy with a URL)`;
    const bad = await ctx.admin.agent
      .post('/api/articles')
      .set('x-csrf-token', ctx.admin.csrf)
      .send({ text, url: 'javascript:alert(1)' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toEqual(['url']);
    const created = await ctx.admin.agent
      .post('/api/articles')
      .set('x-csrf-token', ctx.admin.csrf)
      .send({ text, url: ORIGINAL_URL });
    expect(created.status).toBe(201);
    expect(created.body.url).toBe(ORIGINAL_URL);

    const patch = (id: string, body: object, as = ctx.admin) =>
      as.agent.patch(`/api/articles/${id}`).set('x-csrf-token', as.csrf).send(body);
    expect((await patch(articleId, { url: 'ftp://example.org/a' })).status).toBe(400);
    expect((await patch(articleId, { url: ORIGINAL_URL, title: 'x' })).status).toBe(400);
    expect((await patch('no-such-article', { url: ORIGINAL_URL })).status).toBe(404);
    expect((await patch(articleId, { url: ORIGINAL_URL }, ctx.editor)).status).toBe(403);
    const changed = await patch(articleId, { url: `${ORIGINAL_URL}?v=2` });
    expect(changed.status).toBe(200);
    expect(changed.body.url).toBe(`${ORIGINAL_URL}?v=2`);
    expect((await ctx.viewer.agent.get('/api/articles')).body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: articleId, url: `${ORIGINAL_URL}?v=2` })]),
    );
    const cleared = await patch(articleId, { url: null });
    expect(cleared.body.url).toBeNull();
  });

  it('points ClaimReview at the original article and links nothing it was not told', async () => {
    const claim = claims[0] as Claim;
    const withoutUrl = (await request(ctx.app).get(`/api/v1/claims/${claim.id}/claimreview`).set(key())).text;
    const review = JSON.parse(withoutUrl);
    expect(review.url).toBeUndefined();
    expect(review.author).toEqual({ '@type': 'Organization', name: 'claimdesk newsroom' });
    expect(review.itemReviewed.appearance.url).toBeUndefined();
    expect(withoutUrl).not.toContain('localhost');

    await ctx.admin.agent.patch(`/api/articles/${articleId}`).set('x-csrf-token', ctx.admin.csrf).send({
      url: ORIGINAL_URL,
    });
    const configured = await createTestApp(test.db, {
      config: {
        publicUrl: 'https://desk.example.org/',
        organisation: { name: 'Kyiv Fact Desk', url: 'https://desk.example.org' },
      },
    });
    const res = await request(configured.app)
      .get(`/api/v1/claims/${claim.id}/claimreview`)
      .set('authorization', `Bearer ${configured.apiKey}`);
    expect(res.body.url).toBe(`https://desk.example.org/articles/${articleId}?claim=${claim.id}`);
    expect(res.body.author.url).toBe('https://desk.example.org');
    expect(res.body.itemReviewed.appearance.url).toBe(ORIGINAL_URL);
  });
});
