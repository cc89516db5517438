import { importArticle } from '@claimdesk/api';
import { type Claim, webhookPayloadSchema } from '@claimdesk/contracts';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedText } from '../support/api-client.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

type Ctx = Awaited<ReturnType<typeof createTestApp>>;

describe.each(DATABASE_KINDS)('draft, publish and retract on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Ctx;
  let claims: Claim[];
  let articleId: string;
  let webhookId: string;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ctx = await createTestApp(test.db);
    const { article } = await importArticle(test.db, { text: seedText() });
    claims = article.claims;
    articleId = article.id;
    webhookId = (await test.db.prisma.webhook.create({ data: { url: 'http://127.0.0.1:9/pub', secret: 'whsec_p' } }))
      .id;
  });
  afterAll(async () => {
    await test.drop();
  });

  const key = () => ({ authorization: `Bearer ${ctx.apiKey}` });
  const post = (path: string, body: object, as = ctx.editor) =>
    as.agent.post(path).set('x-csrf-token', as.csrf).send(body);
  const version = async (id: string) => (await test.db.prisma.claim.findUniqueOrThrow({ where: { id } })).version;
  const events = async () =>
    (await test.db.prisma.webhookDelivery.findMany({ where: { webhookId }, orderBy: { createdAt: 'asc' } })).map((d) =>
      webhookPayloadSchema.parse(JSON.parse(d.payload)),
    );
  const syncCursor = async () => (await request(ctx.app).get('/api/v1/claims?limit=500').set(key())).body.syncCursor;
  const changedSince = async (cursor: string) =>
    (await request(ctx.app).get(`/api/v1/claims?updatedSince=${cursor}`).set(key())).body.items as Claim[];
  const csvRow = async (claimId: string) => {
    const lines = (await request(ctx.app).get('/api/v1/claims.csv').set(key())).text.split('\r\n');
    return lines.find((l) => l.startsWith(claimId)) ?? '';
  };
  /** Everything a consumer can read about one claim. */
  const consumerView = async (claimId: string) => {
    const article = await request(ctx.app).get(`/api/articles/${articleId}`).set(key());
    const fromArticle = (article.body.claims as Claim[]).find((c) => c.id === claimId);
    const one = await request(ctx.app).get(`/api/claims/${claimId}`).set(key());
    const review = await request(ctx.app).get(`/api/v1/claims/${claimId}/claimreview`).set(key());
    const feed = await request(ctx.app).get('/api/v1/claimreviews').set(key());
    const strip = (c: Claim | undefined) => c && { ...c, version: undefined, updatedAt: undefined };
    const v1 = (await request(ctx.app).get(`/api/v1/claims/${claimId}`).set(key())).body;
    return {
      v1: { ...v1, version: undefined, updatedAt: undefined },
      fromArticle: strip(fromArticle),
      history: one.body.verdicts,
      status: one.body.status,
      review: review.status === 200 ? review.text : review.status,
      inFeed: JSON.stringify(feed.body).includes(claimId),
      // The version column counts desk changes too; a draft must leave every other cell as it was.
      csv: (await csvRow(claimId)).replace(/,(pending|verified|disputed|unverifiable),\d+,/, ',$1,#,'),
    };
  };

  it('keeps a draft on the desk: API keys, v1, ClaimReview, CSV and webhooks see nothing', async () => {
    const claim = claims[0] as Claim;
    const before = await consumerView(claim.id);
    const cursor = await syncCursor();
    const saved = await post(`/api/claims/${claim.id}/verdicts`, {
      status: 'disputed',
      note: 'the ministry said 80, not 102',
      version: 0,
    });
    expect(saved.status).toBe(201);
    expect(saved.body.verdict).toMatchObject({ publishedAt: null, author: ctx.names.editor });
    expect(saved.body.claim).toMatchObject({ status: 'disputed', publishedStatus: 'pending' });

    // The desk sees the draft, history included.
    const desk = await ctx.viewer.agent.get(`/api/claims/${claim.id}`);
    expect(desk.body).toMatchObject({ status: 'disputed', publishedStatus: 'pending' });
    expect(desk.body.verdicts).toHaveLength(1);
    // Consumers see nothing of it.
    expect(await consumerView(claim.id)).toEqual(before);
    expect(before.status).toBe('pending');
    expect(before.review).toBe(404);
    expect(await changedSince(cursor)).toEqual([]);
    const disputed = await request(ctx.app).get(`/api/claims?status=disputed&articleId=${articleId}`).set(key());
    expect(disputed.body.total).toBe(0);
    expect((await ctx.viewer.agent.get(`/api/claims?status=disputed&articleId=${articleId}`)).body.total).toBe(1);
    const articles = await request(ctx.app).get('/api/articles').set(key());
    expect(articles.body.items[0].counts.disputed).toBe(0);
    expect(await events()).toEqual([]);
  });

  it('withdraws a draft without a trace (undo), refusing a stale version', async () => {
    const claim = claims[0] as Claim;
    const cursor = await syncCursor();
    const stale = await post(`/api/claims/${claim.id}/withdraw`, { version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', path: ['version'] });
    expect(stale.body.error.message).toContain(ctx.names.editor);
    const undone = await post(`/api/claims/${claim.id}/withdraw`, { version: 1 });
    expect(undone.status).toBe(200);
    expect(undone.body.claim).toMatchObject({ status: 'pending', publishedStatus: 'pending', latestVerdict: null });
    expect(await test.db.prisma.verdict.count({ where: { claimId: claim.id } })).toBe(0);
    const again = await post(`/api/claims/${claim.id}/withdraw`, { version: 2 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    expect(await changedSince(cursor)).toEqual([]);
    expect(await events()).toEqual([]);
  });

  it('publishes a draft: the v1 sync, ClaimReview, CSV and a webhook get it, under the version check', async () => {
    const claim = claims[1] as Claim;
    const cursor = await syncCursor();
    await post(`/api/claims/${claim.id}/verdicts`, { status: 'verified', version: await version(claim.id) });
    const v = await version(claim.id);
    expect((await post(`/api/claims/${claim.id}/publish`, { version: v - 1 })).status).toBe(409);
    expect((await post(`/api/claims/${claim.id}/publish`, { version: v }, ctx.viewer)).status).toBe(403);
    const published = await post(`/api/claims/${claim.id}/publish`, { version: v }, ctx.admin);
    expect(published.status).toBe(200);
    expect(published.body.claim).toMatchObject({ status: 'verified', publishedStatus: 'verified' });
    expect(published.body.claim.latestVerdict).toMatchObject({
      author: ctx.names.editor,
      publishedBy: ctx.names.admin,
      publishedAt: expect.any(String),
    });
    const changed = await changedSince(cursor);
    expect(changed.map((c) => [c.id, c.status])).toEqual([[claim.id, 'verified']]);
    expect((await request(ctx.app).get(`/api/v1/claims/${claim.id}/claimreview`).set(key())).status).toBe(200);
    expect(await csvRow(claim.id)).toContain(',verified,');
    const [event, ...more] = await events();
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      event: 'verdict.published',
      verdict: { claimId: claim.id, status: 'verified', author: ctx.names.editor },
      claim: { id: claim.id, status: 'verified' },
    });
    // Nothing left to publish.
    const nothing = await post(`/api/claims/${claim.id}/publish`, { version: v + 1 });
    expect(nothing.status).toBe(409);
    expect(nothing.body.error.code).toBe('conflict');
  });

  it('keeps the public verdict while a newer draft waits', async () => {
    const claim = claims[1] as Claim;
    const cursor = await syncCursor();
    const draft = await post(`/api/claims/${claim.id}/verdicts`, {
      status: 'disputed',
      note: 'second look: the figure is for another day',
      version: await version(claim.id),
    });
    expect(draft.body.claim).toMatchObject({ status: 'disputed', publishedStatus: 'verified' });
    const asKey = await request(ctx.app).get(`/api/claims/${claim.id}`).set(key());
    expect(asKey.body).toMatchObject({ status: 'verified', latestVerdict: { status: 'verified' } });
    expect(asKey.body.verdicts).toHaveLength(1);
    expect(await changedSince(cursor)).toEqual([]);
    // Undo brings the desk back to the public verdict.
    const undone = await post(`/api/claims/${claim.id}/withdraw`, { version: await version(claim.id) });
    expect(undone.body.claim).toMatchObject({ status: 'verified', publishedStatus: 'verified' });
  });

  it('retracts a published verdict with a note: the v1 sync and webhooks receive the change', async () => {
    const claim = claims[1] as Claim;
    const cursor = await syncCursor();
    const v = await version(claim.id);
    const noNote = await post(`/api/claims/${claim.id}/retract`, { version: v, note: '  ' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.path).toEqual(['note']);
    const retracted = await post(`/api/claims/${claim.id}/retract`, {
      version: v,
      note: 'The source we checked against was wrong.',
    });
    expect(retracted.status).toBe(200);
    expect(retracted.body.claim).toMatchObject({
      status: 'pending',
      publishedStatus: 'pending',
      retraction: { note: 'The source we checked against was wrong.', retractedBy: ctx.names.editor },
    });
    const [synced, ...rest] = await changedSince(cursor);
    expect(rest).toEqual([]);
    expect(synced).toMatchObject({
      id: claim.id,
      status: 'pending',
      latestVerdict: null,
      retraction: { note: 'The source we checked against was wrong.' },
    });
    expect((await request(ctx.app).get(`/api/v1/claims/${claim.id}/claimreview`).set(key())).status).toBe(404);
    expect(await csvRow(claim.id)).toContain(',pending,');
    const last = (await events()).at(-1);
    expect(last).toMatchObject({
      event: 'verdict.retracted',
      verdict: { claimId: claim.id, retractionNote: 'The source we checked against was wrong.' },
      claim: { id: claim.id, status: 'pending' },
    });
    const twice = await post(`/api/claims/${claim.id}/retract`, { version: v + 1, note: 'again' });
    expect(twice.status).toBe(409);
    // The desk history keeps the retracted verdict, marked.
    const history = (await ctx.viewer.agent.get(`/api/claims/${claim.id}`)).body.verdicts;
    expect(history[0]).toMatchObject({ status: 'verified', retractedBy: ctx.names.editor });
  });

  it('publishes every reviewed draft of an article at once, or nothing when one changed meanwhile', async () => {
    const targets = claims.slice(3, 6);
    const seen = [];
    for (const c of targets) {
      const res = await post(`/api/claims/${c.id}/verdicts`, { status: 'verified', version: await version(c.id) });
      expect(res.status).toBe(201);
      seen.push({ id: c.id, version: res.body.claim.version as number });
    }
    const stale = await post(`/api/articles/${articleId}/publish`, {
      claims: seen.map((s, i) => (i === 1 ? { ...s, version: s.version - 1 } : s)),
    });
    expect(stale.status).toBe(409);
    expect(await test.db.prisma.claim.count({ where: { articleId, publishedStatus: 'verified' } })).toBe(0);
    const cursor = await syncCursor();
    const all = await post(`/api/articles/${articleId}/publish`, { claims: seen });
    expect(all.status).toBe(200);
    expect(all.body.published).toBe(3);
    expect((await changedSince(cursor)).map((c) => c.id).sort()).toEqual(targets.map((c) => c.id).sort());
    const again = await post(`/api/articles/${articleId}/publish`, {});
    expect(again.body.published).toBe(0);
    expect((await post('/api/articles/nope/publish', {})).status).toBe(404);
  });

  it('tells open pages each claim version and who changed it last (the live desk)', async () => {
    const states = await ctx.viewer.agent.get(`/api/articles/${articleId}/claim-states`);
    expect(states.status).toBe(200);
    const byId = new Map((states.body.items as Array<{ id: string; changedBy: string | null }>).map((s) => [s.id, s]));
    expect(byId.get((claims[1] as Claim).id)).toMatchObject({ changedBy: ctx.names.editor });
    expect(byId.get((claims[2] as Claim).id)).toMatchObject({ changedBy: null, version: 0 });
    const again = await ctx.viewer.agent
      .get(`/api/articles/${articleId}/claim-states`)
      .set('if-none-match', states.headers.etag as string);
    expect(again.status).toBe(304);
    expect((await request(ctx.app).get(`/api/articles/${articleId}/claim-states`).set(key())).status).toBe(403);
  });
});
