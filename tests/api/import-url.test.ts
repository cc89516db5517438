import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ImportResult } from '@claimdesk/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_OUTBOUND, createTestApp } from '../support/api-client.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

const PAGE = `<!doctype html><html><head><title>Irpin | Example News</title>
<meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2022-03-05T10:00:00Z"></head>
<body><article><h1>Kyiv says 12 tanks destroyed near Irpin</h1>
<p>The General Staff of Ukraine's Armed Forces said on Saturday that Russian forces had lost 12 tanks near Irpin over the past day.</p>
</article></body></html>`;

describe.each(DATABASE_KINDS)('importing a page by URL (POST /api/imports/url) on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let pages: Server;
  let base: string;
  const requested: string[] = [];
  const post = (body: object) =>
    ctx.admin.agent.post('/api/imports/url').set('x-csrf-token', ctx.admin.csrf).send(body);

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    // The only server these tests fetch from: on loopback, allow-listed as an operator would.
    pages = createServer((req, res) => {
      requested.push(req.url ?? '');
      if (req.url === '/irpin') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(PAGE);
      } else if (req.url === '/moved') {
        res.writeHead(302, { location: '/irpin' }).end();
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
    const port = (pages.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    ctx = await createTestApp(test.db, {
      config: { outbound: { ...TEST_OUTBOUND, allow: [...TEST_OUTBOUND.allow, `127.0.0.1:${port}`] } },
    });
  });
  afterAll(async () => {
    await new Promise((resolve) => pages?.close(resolve));
    await test.drop();
  });

  it('fetches an allow-listed page and stores its article, labelled by the address; again: already stored', async () => {
    const res = await post({ url: `${base}/irpin` });
    expect(res.status).toBe(200);
    const [result] = res.body.results as ImportResult[];
    expect(result).toMatchObject({
      label: `${base}/irpin`,
      status: 'stored',
      reason: null,
      title: 'Kyiv says 12 tanks destroyed near Irpin',
    });
    const article = await test.db.prisma.article.findUniqueOrThrow({ where: { id: result?.articleId ?? '' } });
    // The address it came from, the page's metadata, and who imported it.
    expect(article).toMatchObject({
      url: `${base}/irpin`,
      outlet: 'Example News',
      publishedOn: '2022-03-05',
      storedBy: ctx.names.admin,
    });
    const again = await post({ url: `${base}/irpin` });
    expect(again.body.results[0]).toMatchObject({ status: 'existing', articleId: result?.articleId });
  });

  it('refuses private addresses off the allow-list, redirects and error answers with 400 and the reason, storing nothing', async () => {
    const before = await test.db.prisma.article.count();
    const count = requested.length;
    // The same loopback host on another port is not on the list: nothing is sent there.
    const other = await post({ url: 'http://127.0.0.1:1/irpin' });
    expect(other.status).toBe(400);
    expect(other.body.error).toMatchObject({ code: 'validation_error', path: ['url'] });
    expect(other.body.error.message).toMatch(/refused: 127\.0\.0\.1 resolves to .*CLAIMDESK_WEBHOOK_ALLOW/);
    const privateNet = await post({ url: 'http://10.0.0.8/page' });
    expect(privateNet.status).toBe(400);
    expect(privateNet.body.error.message).toContain('refused');
    const moved = await post({ url: `${base}/moved` });
    expect(moved.status).toBe(400);
    expect(moved.body.error.message).toContain('redirects are not followed');
    const missing = await post({ url: `${base}/nothing` });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('answered 404');
    const notHttp = await post({ url: 'file:///etc/passwd' });
    expect(notHttp.status).toBe(400);
    expect(notHttp.body.error.path).toEqual(['url']);
    expect(await test.db.prisma.article.count()).toBe(before);
    expect(requested.slice(count)).toEqual(['/moved', '/nothing']);
  });

  it('is for admins only', async () => {
    const res = await ctx.editor.agent
      .post('/api/imports/url')
      .set('x-csrf-token', ctx.editor.csrf)
      .send({ url: `${base}/irpin` });
    expect(res.status).toBe(403);
  });
});
