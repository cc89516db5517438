import type { ResolveHost } from '@claimdesk/api';
import { errorBodySchema } from '@claimdesk/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/api-client.ts';
import { startCountingListener } from '../support/counting-listener.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

/**
 * Registering a webhook checks its target as delivery does: after DNS, every address must be public
 * unicast unless CLAIMDESK_WEBHOOK_ALLOW names it. DNS is a stub that answers from a table (no query
 * leaves the machine) and nothing is ever sent: a counting listener on loopback proves it.
 */

const PUBLIC = '93.184.215.14';

function stubDns(answers: Record<string, string[]>) {
  const asked: string[] = [];
  const resolve: ResolveHost = async (hostname) => {
    asked.push(hostname);
    const found = answers[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, asked };
}

describe.each(DATABASE_KINDS)('registering a webhook on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let listener: Awaited<ReturnType<typeof startCountingListener>>;
  const dns = stubDns({
    localhost: ['127.0.0.1', '::1'],
    'public.example': [PUBLIC],
    'sneaky.example': ['127.0.0.1'],
    'intranet.example': ['10.1.2.3'],
    'metadata.example': ['169.254.169.254'],
    'v6-loopback.example': ['::1'],
    'mapped.example': ['::ffff:192.168.1.1'],
    // One public and one private answer: every answer must pass.
    'split.example': [PUBLIC, '192.168.0.10'],
    'allowed.example': ['127.0.0.1'],
  });

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    listener = await startCountingListener();
    ctx = await createTestApp(test.db, {
      config: { outbound: { allow: [`127.0.0.1:${listener.port + 1}`, '[::1]:8443'], resolve: dns.resolve } },
    });
  });
  afterAll(async () => {
    await listener.close();
    await test.drop();
  });

  const register = (url: string) =>
    ctx.admin.agent.post('/api/webhooks').set('x-csrf-token', ctx.admin.csrf).send({ url });
  const count = () => test.db.prisma.webhook.count();

  it.each([
    // Loopback written six ways, then private, link-local, unspecified and mapped addresses.
    ['http://localhost:{port}/hook', /localhost resolves to 127\.0\.0\.1 is a loopback address/],
    ['http://127.1:{port}/hook', /127\.0\.0\.1 is a loopback address/],
    ['http://2130706433:{port}/hook', /127\.0\.0\.1 is a loopback address/],
    ['http://0x7f000001:{port}/hook', /127\.0\.0\.1 is a loopback address/],
    ['http://0.0.0.0:{port}/hook', /0\.0\.0\.0 is a unspecified address/],
    ['http://[::1]:{port}/hook', /::1 is a loopback address/],
    ['http://10.0.0.5/hook', /10\.0\.0\.5 is a private address/],
    ['http://172.16.4.4/hook', /172\.16\.4\.4 is a private address/],
    ['http://192.168.1.20:8080/hook', /192\.168\.1\.20 is a private address/],
    ['http://169.254.169.254/latest/meta-data', /169\.254\.169\.254 is a linkLocal address/],
    ['http://[fe80::1]/hook', /fe80::1 is a linkLocal address/],
    ['http://[::]/hook', /:: is a unspecified address/],
    ['http://[::ffff:127.0.0.1]/hook', /127\.0\.0\.1 is a loopback address/],
    ['http://sneaky.example:{port}/hook', /sneaky\.example resolves to 127\.0\.0\.1 is a loopback address/],
    ['https://intranet.example/hook', /10\.1\.2\.3 is a private address/],
    ['https://metadata.example/hook', /169\.254\.169\.254 is a linkLocal address/],
    ['https://v6-loopback.example/hook', /::1 is a loopback address/],
    ['https://mapped.example/hook', /192\.168\.1\.1 is a private address/],
    ['https://split.example/hook', /192\.168\.0\.10 is a private address/],
    ['https://nowhere.example/hook', /nowhere\.example could not be resolved \(ENOTFOUND\)/],
  ])('refuses %s with 400 and the usual error shape, storing nothing', async (template, reason) => {
    const url = template.replace('{port}', String(listener.port));
    const before = await count();
    const res = await register(url);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const body = errorBodySchema.parse(res.body);
    expect(body.error).toMatchObject({ code: 'validation_error', path: ['url'] });
    expect(body.error.message).toMatch(reason);
    expect(await count()).toBe(before);
    expect(listener.connections()).toBe(0);
  });

  it('names the allow-list entry that would allow a local receiver', async () => {
    const res = await register(`http://127.0.0.1:${listener.port}/hook`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(`add 127.0.0.1:${listener.port} to CLAIMDESK_WEBHOOK_ALLOW`);
  });

  it('registers a public target, and a local one named in CLAIMDESK_WEBHOOK_ALLOW (exact address and port)', async () => {
    const pub = await register('https://public.example/hook');
    expect(pub.status, JSON.stringify(pub.body)).toBe(201);
    expect(pub.body).toMatchObject({ url: 'https://public.example/hook', isActive: true });
    const literal = await register(`http://${PUBLIC}/hook`);
    expect(literal.status).toBe(201);
    const allowed = await register(`http://allowed.example:${listener.port + 1}/hook`);
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(201);
    const allowedV6 = await register('https://[::1]:8443/hook');
    expect(allowedV6.status, JSON.stringify(allowedV6.body)).toBe(201);
    // The allow-list names a port: the same address on another port is still refused.
    const otherPort = await register('https://[::1]:8444/hook');
    expect(otherPort.status).toBe(400);
    // Registration resolved the names it was given through the stub, and connected to nothing.
    expect(dns.asked).toEqual(expect.arrayContaining(['public.example', 'allowed.example']));
    expect(listener.connections()).toBe(0);
  });
});
