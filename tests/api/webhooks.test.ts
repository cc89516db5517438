import { createHmac } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import {
  SIGNATURE_HEADER,
  type WebhookDeliveryOptions,
  deliverDueWebhooks,
  importArticle,
  startServer,
  verifySignature,
} from '@claimdesk/api';
import { type Claim, webhookPayloadSchema } from '@claimdesk/contracts';
import { type Database, openDatabase } from '@claimdesk/db';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_OUTBOUND, createTestApp, seedText } from '../support/api-client.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A local receiver that answers with the scripted statuses in turn (then 200) and keeps what it got. */
async function startReceiver() {
  const received: Received[] = [];
  const script: number[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = script.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hooks/claimdesk`,
    received,
    failNext: (...statuses: number[]) => script.push(...statuses),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What a receiver does with the header, written out independently of the API's helper. */
function isSignedBy(secret: string, body: string, header: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${body}`).digest('hex');
  return expected === match[2];
}

describe.each(DATABASE_KINDS)('webhooks on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let claims: Claim[];
  let webhook: { id: string; secret: string; url: string };

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    receiver = await startReceiver();
    // The receiver is on loopback: allow-listed, as CLAIMDESK_WEBHOOK_ALLOW does for a local receiver.
    ctx = await createTestApp(test.db, {
      config: { outbound: { allow: [new URL(receiver.url).host, '127.0.0.1:9'], resolve: TEST_OUTBOUND.resolve } },
    });
    claims = (await importArticle(test.db, { text: seedText() })).article.claims;
  });
  afterAll(async () => {
    await receiver.close();
    await test.drop();
  });

  /** The local receivers of this file are loopback addresses: allowed by name, as CLAIMDESK_WEBHOOK_ALLOW does. */
  const allowed = () => [new URL(receiver.url).host, '127.0.0.1:9'];
  const deliver = (db: Database, options: WebhookDeliveryOptions = {}) =>
    deliverDueWebhooks(db, { allow: allowed(), ...options });

  const markVia = async (claim: Claim, status: 'verified' | 'disputed', note = '') => {
    const row = await test.db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    const res = await ctx.editor.agent
      .post(`/api/claims/${claim.id}/verdicts`)
      .set('x-csrf-token', ctx.editor.csrf)
      .send({ status, note, version: row.version, publish: true });
    expect(res.status).toBe(201);
    return res.body as { verdict: { id: string } };
  };

  it('lets an admin register a URL, showing its signing secret once', async () => {
    const res = await ctx.admin.agent
      .post('/api/webhooks')
      .set('x-csrf-token', ctx.admin.csrf)
      .send({ url: receiver.url });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ url: receiver.url, isActive: true, secret: expect.stringMatching(/^whsec_/) });
    webhook = res.body;
    const list = await ctx.admin.agent.get('/api/webhooks');
    expect(list.body.items).toEqual([
      { id: webhook.id, url: receiver.url, isActive: true, createdAt: expect.any(String) },
    ]);
    expect(JSON.stringify(list.body)).not.toContain(webhook.secret);
    const bad = await ctx.admin.agent
      .post('/api/webhooks')
      .set('x-csrf-token', ctx.admin.csrf)
      .send({ url: 'ftp://example.org/x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'validation_error', path: ['url'] });
  });

  it('POSTs each new verdict as signed JSON (HMAC-SHA256), and lists the delivery as delivered', async () => {
    const claim = claims[0] as Claim;
    const { verdict } = await markVia(claim, 'disputed', 'Not what the ministry said');
    expect(await deliver(test.db)).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    if (!got) throw new Error('nothing received');
    expect(got.headers['content-type']).toBe('application/json');
    const signature = String(got.headers[SIGNATURE_HEADER]);
    expect(isSignedBy(webhook.secret, got.body, signature)).toBe(true);
    expect(verifySignature(webhook.secret, got.body, signature)).toBe(true);
    expect(isSignedBy('whsec_someone_else', got.body, signature)).toBe(false);
    expect(isSignedBy(webhook.secret, got.body.replace('disputed', 'verified'), signature)).toBe(false);
    const payload = webhookPayloadSchema.parse(JSON.parse(got.body));
    expect(payload).toMatchObject({
      event: 'verdict.published',
      verdict: {
        id: verdict.id,
        claimId: claim.id,
        status: 'disputed',
        note: 'Not what the ministry said',
        author: ctx.names.editor,
      },
      claim: { id: claim.id, status: 'disputed', version: 1 },
    });
    expect(got.headers['x-claimdesk-delivery']).toEqual(expect.any(String));
    const deliveries = await ctx.admin.agent.get(`/api/webhooks/${webhook.id}/deliveries`);
    expect(deliveries.status).toBe(200);
    expect(deliveries.body.items).toEqual([
      expect.objectContaining({
        id: got.headers['x-claimdesk-delivery'],
        verdictId: verdict.id,
        status: 'delivered',
        attempts: 1,
        lastStatus: 200,
        lastError: null,
      }),
    ]);
    // Nothing is sent twice.
    expect(await deliver(test.db)).toBe(0);
    expect(receiver.received).toHaveLength(1);
  });

  it('retries with backoff when the receiver fails, then succeeds; every attempt is listed', async () => {
    receiver.received.length = 0;
    receiver.failNext(500, 503);
    const { verdict } = await markVia(claims[1] as Claim, 'verified');
    const t0 = Date.now();
    const at = (ms: number) => () => new Date(t0 + ms);
    expect(await deliver(test.db, { now: at(0), retryDelaysMs: [5_000, 30_000] })).toBe(1);
    const delivery = () => test.db.prisma.webhookDelivery.findFirstOrThrow({ where: { verdictId: verdict.id } });
    expect(await delivery()).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatus: 500,
      lastError: 'receiver answered 500',
    });
    expect((await delivery()).nextAttemptAt.getTime()).toBe(t0 + 5_000);
    // Not due yet: nothing is sent before the backoff has passed.
    expect(await deliver(test.db, { now: at(4_999), retryDelaysMs: [5_000, 30_000] })).toBe(0);
    expect(await deliver(test.db, { now: at(5_000), retryDelaysMs: [5_000, 30_000] })).toBe(1);
    expect(await delivery()).toMatchObject({ status: 'pending', attempts: 2, lastStatus: 503 });
    expect((await delivery()).nextAttemptAt.getTime()).toBe(t0 + 5_000 + 30_000);
    const listed = await ctx.admin.agent.get(`/api/webhooks/${webhook.id}/deliveries`);
    expect(listed.body.items.find((d: { verdictId: string }) => d.verdictId === verdict.id)).toMatchObject({
      status: 'pending',
      attempts: 2,
      lastStatus: 503,
    });
    expect(await deliver(test.db, { now: at(35_000), retryDelaysMs: [5_000, 30_000] })).toBe(1);
    expect(await delivery()).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 200, lastError: null });
    expect(receiver.received).toHaveLength(3);
    // Every attempt carried the same body and a valid signature.
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    for (const r of receiver.received)
      expect(isSignedBy(webhook.secret, r.body, String(r.headers[SIGNATURE_HEADER]))).toBe(true);
  });

  it('gives up after the last retry and lists the delivery as failed', async () => {
    receiver.failNext(500, 500);
    const { verdict } = await markVia(claims[2] as Claim, 'verified');
    const t0 = Date.now();
    expect(await deliver(test.db, { now: () => new Date(t0), retryDelaysMs: [1_000] })).toBe(1);
    expect(await deliver(test.db, { now: () => new Date(t0 + 1_000), retryDelaysMs: [1_000] })).toBe(1);
    const listed = await ctx.admin.agent.get(`/api/webhooks/${webhook.id}/deliveries`);
    expect(listed.body.items.find((d: { verdictId: string }) => d.verdictId === verdict.id)).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastStatus: 500,
      lastError: 'receiver answered 500',
    });
    expect(await deliver(test.db, { now: () => new Date(t0 + 3_600_000), retryDelaysMs: [1_000] })).toBe(0);
  });

  it('records a receiver that cannot be reached', async () => {
    const dead = await ctx.admin.agent
      .post('/api/webhooks')
      .set('x-csrf-token', ctx.admin.csrf)
      .send({ url: 'http://127.0.0.1:9/closed' });
    const { verdict } = await markVia(claims[3] as Claim, 'verified');
    await deliver(test.db, { retryDelaysMs: [60_000] });
    const listed = await ctx.admin.agent.get(`/api/webhooks/${dead.body.id}/deliveries`);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        verdictId: verdict.id,
        status: 'pending',
        attempts: 1,
        lastStatus: null,
        lastError: expect.any(String),
      }),
    ]);
    // A stopped webhook gets nothing more, not even what was queued for it.
    expect(
      (await ctx.admin.agent.delete(`/api/webhooks/${dead.body.id}`).set('x-csrf-token', ctx.admin.csrf)).status,
    ).toBe(204);
    await markVia(claims[4] as Claim, 'verified');
    await deliver(test.db, { now: () => new Date(Date.now() + 120_000), retryDelaysMs: [60_000] });
    const after = await ctx.admin.agent.get(`/api/webhooks/${dead.body.id}/deliveries`);
    expect(after.body.items).toHaveLength(1);
    expect(after.body.items[0]).toMatchObject({ attempts: 1 });
    const missing = await ctx.admin.agent.get('/api/webhooks/nope/deliveries');
    expect(missing.status).toBe(404);
  });

  it('sends each delivery once when two API processes deliver at the same moment', async () => {
    receiver.received.length = 0;
    const processB = kind === 'postgresql' ? await openDatabase(test.config) : test.db;
    const verdicts = [];
    for (const claim of claims.slice(6, 10)) verdicts.push((await markVia(claim, 'verified')).verdict.id);
    const [sentA, sentB] = await Promise.all([deliver(test.db), deliver(processB)]);
    expect((sentA ?? 0) + (sentB ?? 0)).toBe(verdicts.length);
    const deliveredIds = receiver.received.map((r) => String(r.headers['x-claimdesk-delivery']));
    expect(new Set(deliveredIds).size).toBe(deliveredIds.length);
    expect(receiver.received.map((r) => JSON.parse(r.body).verdict.id).sort()).toEqual([...verdicts].sort());
    if (processB !== test.db) await processB.close();
  });

  it('a running server delivers by itself', async () => {
    receiver.received.length = 0;
    const server = await startServer({ port: 0, db: test.db, webhookIntervalMs: 20, webhooks: { allow: allowed() } });
    try {
      const { verdict } = await markVia(claims[5] as Claim, 'verified');
      for (let i = 0; i < 1500 && !receiver.received.some((r) => r.body.includes(verdict.id)); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const got = receiver.received.find((r) => r.body.includes(verdict.id));
      expect(got).toBeDefined();
      expect(isSignedBy(webhook.secret, got?.body ?? '', String(got?.headers[SIGNATURE_HEADER]))).toBe(true);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    const anonymous = await request(ctx.app).get(`/api/webhooks/${webhook.id}/deliveries`);
    expect(anonymous.status).toBe(401);
  });
});
