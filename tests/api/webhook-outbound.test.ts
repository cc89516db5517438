import { type Server, createServer } from 'node:http';
import type { Socket } from 'node:net';
import {
  OutboundRefused,
  type ResolveHost,
  checkTarget,
  createOutboundPolicy,
  createWebhookDispatcher,
  deliverDueWebhooks,
  importArticle,
  verifySignature,
} from '@claimdesk/api';
import type { Claim } from '@claimdesk/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedText } from '../support/api-client.ts';
import { startCountingListener } from '../support/counting-listener.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

/**
 * Outbound webhooks: who may be called (checked after DNS, against the address actually used),
 * no redirects, a delivery id inside the signed body, and a hung receiver that holds up nobody else.
 * Traffic goes only to 127.0.0.1 servers started here; refusals use a stubbed DNS and send nothing.
 */

/** A DNS that answers from a table and records what it was asked; nothing leaves the machine. */
function stubDns(answers: Record<string, string[]>) {
  const asked: string[] = [];
  const resolve: ResolveHost = async (hostname) => {
    asked.push(hostname);
    return (answers[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, asked };
}

interface Receiver {
  port: number;
  received: Array<{ headers: Record<string, string | string[] | undefined>; body: string }>;
  close(): Promise<void>;
}

/** A local HTTP receiver; `answer` decides the reply (return null to never answer). */
async function startReceiver(answer: (res: import('node:http').ServerResponse) => boolean = () => false) {
  const received: Receiver['received'] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      if (!answer(res)) res.end('ok');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  } satisfies Receiver;
}

describe('the outbound policy', () => {
  const SPELLINGS = [
    'http://localhost:8080/',
    'http://127.1/',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0177.0.0.1/',
    'http://0.0.0.0/',
    'http://[::1]/',
    'http://[::]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://10.1.2.3/',
    'http://172.16.0.1/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fe80::1]/',
    'http://[fd00::1]/',
    'http://100.64.0.1/',
    'http://224.0.0.1/',
    'http://internal.example/',
    'http://mixed.example/',
  ];
  const dns = stubDns({
    localhost: ['127.0.0.1', '::1'],
    'internal.example': ['10.0.0.5'],
    // One public and one private answer: the private one is enough to refuse.
    'mixed.example': ['93.184.216.34', '192.168.0.10'],
    'news.example': ['93.184.216.34'],
  });
  const policy = createOutboundPolicy({ resolve: dns.resolve });

  it.each(SPELLINGS)('refuses %s after resolving it', async (url) => {
    await expect(checkTarget(policy, new URL(url))).rejects.toThrow(OutboundRefused);
  });

  it('lets a public address through and names the address to connect to', async () => {
    expect(await checkTarget(policy, new URL('https://news.example/hooks'))).toEqual({
      address: '93.184.216.34',
      family: 4,
    });
  });

  it('allows exactly the address and port of the allow-list', async () => {
    const allowing = createOutboundPolicy({ allow: '127.0.0.1:8080,[::1]:9000', resolve: dns.resolve });
    expect(await checkTarget(allowing, new URL('http://127.1:8080/'))).toEqual({ address: '127.0.0.1', family: 4 });
    expect(await checkTarget(allowing, new URL('http://[::1]:9000/'))).toEqual({ address: '::1', family: 6 });
    await expect(checkTarget(allowing, new URL('http://127.0.0.1:8081/'))).rejects.toThrow(/CLAIMDESK_WEBHOOK_ALLOW/);
    expect(() => createOutboundPolicy({ allow: 'localhost:8080' })).toThrow(/address:port/);
  });
});

describe.each(DATABASE_KINDS)('webhook deliveries on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let claims: Claim[];
  let next = 0;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ctx = await createTestApp(test.db);
    claims = (await importArticle(test.db, { text: seedText() })).article.claims;
  });
  afterAll(async () => {
    await test.drop();
  });

  /**
   * Webhooks at `urls` (every other one stopped), then one claim marked: one delivery each. They are
   * written as rows, as if registered while their names resolved to public addresses (registration
   * refuses the rest: webhook-registration.test.ts): delivery must check again, since DNS can change.
   */
  async function verdictFor(...urls: string[]) {
    await test.db.prisma.webhook.updateMany({ data: { isActive: false } });
    const hooks = [];
    for (const url of urls) {
      const secret = `whsec_${Math.random().toString(36).slice(2)}`;
      const row = await test.db.prisma.webhook.create({ data: { url, secret } });
      hooks.push({ id: row.id, secret });
    }
    return { hooks, mark: () => markNext() };
  }
  async function markNext() {
    const claim = claims[next++] as Claim;
    const res = await ctx.editor.agent
      .post(`/api/claims/${claim.id}/verdicts`)
      .set('x-csrf-token', ctx.editor.csrf)
      .send({ status: 'verified', version: 0, publish: true });
    expect(res.status).toBe(201);
  }
  const deliveriesOf = (webhookId: string) =>
    test.db.prisma.webhookDelivery.findMany({ where: { webhookId }, orderBy: { createdAt: 'asc' } });

  it('refuses a name that resolves to a loopback address, without connecting to it', async () => {
    const listener = await startCountingListener();
    try {
      const { hooks, mark } = await verdictFor(`http://sneaky.example:${listener.port}/hook`);
      await mark();
      const dns = stubDns({ 'sneaky.example': ['127.0.0.1'] });
      await deliverDueWebhooks(test.db, { resolve: dns.resolve });
      expect(dns.asked).toEqual(['sneaky.example']);
      expect(listener.connections()).toBe(0);
      const [delivery] = await deliveriesOf(hooks[0]?.id ?? '');
      expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastStatus: null });
      expect(delivery?.lastError).toMatch(/refused: sneaky\.example resolves to 127\.0\.0\.1 is a loopback address/);
    } finally {
      await listener.close();
    }
  });

  it('connects to the address it checked, not to a second answer of the DNS', async () => {
    const receiver = await startReceiver();
    try {
      const { hooks, mark } = await verdictFor(`http://receiver.example:${receiver.port}/hook`);
      await mark();
      // receiver.example exists only in this stub: a second lookup through the real DNS would fail.
      const dns = stubDns({ 'receiver.example': ['127.0.0.1'] });
      await deliverDueWebhooks(test.db, { resolve: dns.resolve, allow: [`127.0.0.1:${receiver.port}`] });
      expect(dns.asked).toEqual(['receiver.example']);
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]?.headers.host).toBe(`receiver.example:${receiver.port}`);
      expect((await deliveriesOf(hooks[0]?.id ?? ''))[0]).toMatchObject({ status: 'delivered' });
    } finally {
      await receiver.close();
    }
  });

  it('puts the delivery id inside the signed body, so a replay can be recognised', async () => {
    const receiver = await startReceiver();
    try {
      const { hooks, mark } = await verdictFor(`http://127.0.0.1:${receiver.port}/hook`);
      await mark();
      await deliverDueWebhooks(test.db, { allow: [`127.0.0.1:${receiver.port}`] });
      const got = receiver.received[0];
      const body = JSON.parse(got?.body ?? '{}') as { deliveryId?: string };
      expect(body.deliveryId).toBe(got?.headers['x-claimdesk-delivery']);
      expect(body.deliveryId).toBe((await deliveriesOf(hooks[0]?.id ?? ''))[0]?.id);
      expect(
        verifySignature(hooks[0]?.secret ?? '', got?.body ?? '', String(got?.headers['x-claimdesk-signature'])),
      ).toBe(true);
    } finally {
      await receiver.close();
    }
  });

  it('never follows a redirect, even to an allowed receiver', async () => {
    const other = await startReceiver();
    const redirecting = await startReceiver((res) => {
      res.statusCode = 307;
      res.setHeader('location', `http://127.0.0.1:${other.port}/stolen`);
      res.end();
      return true;
    });
    try {
      const { hooks, mark } = await verdictFor(`http://127.0.0.1:${redirecting.port}/hook`);
      await mark();
      await deliverDueWebhooks(test.db, {
        allow: [`127.0.0.1:${redirecting.port}`, `127.0.0.1:${other.port}`],
        retryDelaysMs: [60_000],
      });
      expect(redirecting.received).toHaveLength(1);
      expect(other.received).toHaveLength(0);
      const [delivery] = await deliveriesOf(hooks[0]?.id ?? '');
      expect(delivery).toMatchObject({ status: 'pending', lastStatus: 307 });
      expect(delivery?.lastError).toContain('redirects are not followed');
    } finally {
      await redirecting.close();
      await other.close();
    }
  });

  it('delivers to a healthy receiver while a hung one is still pending', async () => {
    const healthy = await startReceiver();
    const hung = await startReceiver(() => true); // reads the request, never answers
    try {
      const { hooks, mark } = await verdictFor(
        `http://127.0.0.1:${hung.port}/hook`,
        `http://127.0.0.1:${healthy.port}/hook`,
      );
      for (let i = 0; i < 4; i++) await mark();
      const dispatcher = createWebhookDispatcher(test.db, {
        allow: [`127.0.0.1:${hung.port}`, `127.0.0.1:${healthy.port}`],
        maxPerWebhook: 2,
        timeoutMs: 600_000,
      });
      const started: Array<Promise<void>> = [];
      // Ticks as the server makes them, until the healthy receiver has all four and each is
      // recorded as delivered (a receiver reads a request a moment before the answer is stored),
      // and the hung receiver has read what its two slots sent.
      const healthyDone = async () => (await deliveriesOf(hooks[1]?.id ?? '')).every((d) => d.status === 'delivered');
      while (healthy.received.length < 4 || hung.received.length < 2 || !(await healthyDone())) {
        started.push(...(await dispatcher.tick()));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const hungDeliveries = await deliveriesOf(hooks[0]?.id ?? '');
      expect(hungDeliveries.map((d) => d.status)).toEqual(['pending', 'pending', 'pending', 'pending']);
      // Only its own two slots are held by the hung receiver; the other two wait, unsent.
      expect(hung.received).toHaveLength(2);
      expect(hungDeliveries.filter((d) => d.attempts === 1)).toHaveLength(2);
      const healthyDeliveries = await deliveriesOf(hooks[1]?.id ?? '');
      expect(healthyDeliveries.map((d) => d.status)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
      await hung.close();
      await Promise.all(started);
    } finally {
      await healthy.close();
      await hung.close();
    }
  });

  it('opens the circuit of a webhook that keeps failing: its deliveries wait, unsent', async () => {
    const failing = await startReceiver((res) => {
      res.statusCode = 500;
      res.end();
      return true;
    });
    try {
      const { hooks, mark } = await verdictFor(`http://127.0.0.1:${failing.port}/hook`);
      for (let i = 0; i < 4; i++) await mark();
      const dispatcher = createWebhookDispatcher(test.db, {
        allow: [`127.0.0.1:${failing.port}`],
        breakerFailures: 2,
        maxPerWebhook: 1,
        retryDelaysMs: [60_000],
      });
      for (let i = 0; i < 4; i++) await Promise.all(await dispatcher.tick());
      expect(failing.received).toHaveLength(2);
      expect(dispatcher.isOpen(hooks[0]?.id ?? '')).toBe(true);
      const deliveries = await deliveriesOf(hooks[0]?.id ?? '');
      expect(deliveries.map((d) => d.attempts).sort()).toEqual([0, 0, 1, 1]);
    } finally {
      await failing.close();
    }
  });
});
