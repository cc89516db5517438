import type { ArticleDetail, ImportResult } from '@claimdesk/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/api-client.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

const PAGE = `<!doctype html><html><head><title>Kyiv says 12 tanks destroyed | The Kyiv Independent</title>
<link rel="canonical" href="https://kyivindependent.example/news/12-tanks">
<meta property="og:site_name" content="The Kyiv Independent">
<meta property="article:published_time" content="2022-03-05T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/war">War</a></nav>
<article><h1>Kyiv says 12 tanks destroyed near Irpin</h1><p class="byline">By Olena Roshchina</p>
<p>The General Staff of Ukraine's Armed Forces said on Saturday that Russian forces had lost 12 tanks and 3 aircraft near Irpin over the past day, in one of the fiercest battles around the capital.</p>
<p>"We destroyed a column of armour," Defence Minister Oleksii Reznikov said in a video address, adding that Russia has lost more than 10,000 soldiers since February 24.</p>
<p>Kremlin spokesman Dmitry Peskov said the operation was going according to plan.</p></article>
<footer>Subscribe to our newsletter. Cookie settings. Advertise with us.</footer></body></html>`;

// As Kaggle's Guardian export has it: a header row, quoted texts over several lines, its own names.
const CSV = [
  'published,headlines,articles,link',
  '2022-03-02 08:15:00,"Ukraine says 30 aircraft downed","The Ukrainian military said on Wednesday that 30 Russian aircraft had been shot down.',
  '',
  'Moscow said its forces had taken Kherson.",https://guardian.example/2022/mar/02/a',
  '2022-03-03,"Empty row",,https://guardian.example/2022/mar/03/b',
].join('\n');

describe.each(DATABASE_KINDS)('article formats on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  const importFile = async (fileName: string, content: string, map?: string) => {
    const res = await ctx.admin.agent
      .post('/api/imports')
      .set('x-csrf-token', ctx.admin.csrf)
      .send({ fileName, content: Buffer.from(content, 'utf8').toString('base64'), ...(map ? { map } : {}) });
    expect(res.status).toBe(200);
    return res.body.results as ImportResult[];
  };
  const article = async (id: string | null) =>
    (await ctx.viewer.agent.get(`/api/articles/${id}`)).body as ArticleDetail;
  const counts = async () => [await test.db.prisma.article.count(), await test.db.prisma.claim.count()];

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ctx = await createTestApp(test.db);
  });
  afterAll(async () => {
    await test.drop();
  });

  it('an HTML page: the main text without navigation, headline as title, byline, date, site and canonical URL', async () => {
    const [result] = await importFile('irpin.html', PAGE);
    expect(result).toMatchObject({
      label: 'irpin.html',
      status: 'stored',
      title: 'Kyiv says 12 tanks destroyed near Irpin',
    });
    const a = await article(result?.articleId ?? null);
    expect(a).toMatchObject({
      title: 'Kyiv says 12 tanks destroyed near Irpin',
      byline: 'Olena Roshchina',
      publishedOn: '2022-03-05',
      outlet: 'The Kyiv Independent',
      url: 'https://kyivindependent.example/news/12-tanks',
    });
    expect(a.text.startsWith("The General Staff of Ukraine's Armed Forces said")).toBe(true);
    expect(a.text).not.toContain('Subscribe');
    expect(a.text).not.toContain('Home');
    expect(a.claims.some((c) => c.kind === 'figure' && c.text.includes('12 tanks'))).toBe(true);
    for (const c of a.claims) expect(a.text.slice(c.start, c.end)).toBe(c.text);
    // The same page again is already stored.
    expect((await importFile('irpin-again.html', PAGE))[0]?.status).toBe('existing');
  });

  it('JSON records (text or html); explicit metadata wins over the header', async () => {
    const records = [
      {
        text: 'date 2022-02-27 Kyiv | Header Desk: The ministry said 5 tanks were destroyed on Sunday.',
        title: 'Five tanks',
        outlet: 'Explicit Outlet',
        publishedOn: '2022-03-01',
        url: 'https://news.example/five-tanks',
      },
      {
        html: '<html><body><article><h1>Drones</h1><p>Officials said 4 drones were shot down over Odesa overnight, and that nobody was hurt in the attack on the port.</p></article></body></html>',
      },
    ];
    const results = await importFile('batch.json', JSON.stringify(records));
    expect(results.map((r) => [r.label, r.status])).toEqual([
      ['batch.json [0]', 'stored'],
      ['batch.json [1]', 'stored'],
    ]);
    const first = await article(results[0]?.articleId ?? null);
    expect(first).toMatchObject({ title: 'Five tanks', outlet: 'Explicit Outlet', publishedOn: '2022-03-01' });
    expect(first.text).toBe(records[0]?.text);
    // The queue sorts claims by their article's date: the claims carry the explicit one too.
    const dates = await test.db.prisma.claim.findMany({
      where: { articleId: first.id },
      select: { publishedOn: true },
    });
    expect(dates.length).toBeGreaterThan(0);
    expect(new Set(dates.map((d) => d.publishedOn))).toEqual(new Set(['2022-03-01']));
    expect((await article(results[1]?.articleId ?? null)).title).toBe('Drones');
  });

  it('NDJSON: a record a line; a bad line is refused with its line number and the others land', async () => {
    const lines = [
      JSON.stringify({ text: 'The regional governor said 2 people were killed in shelling of Kharkiv on Monday.' }),
      '{"text": broken',
      JSON.stringify({ title: 'no text at all' }),
      '',
    ].join('\n');
    const before = await counts();
    const results = await importFile('feed.ndjson', lines);
    expect(results.map((r) => [r.label, r.status, r.reason])).toEqual([
      ['feed.ndjson:1', 'stored', null],
      ['feed.ndjson:2', 'refused', 'not valid JSON'],
      ['feed.ndjson:3', 'refused', 'needs a text or an html field'],
    ]);
    expect((await counts())[0]).toBe((before[0] ?? 0) + 1);
  });

  it('a Kaggle-style CSV with a column map; an empty row is refused, a wrong map writes nothing', async () => {
    const before = await counts();
    const wrong = await importFile('guardian.csv', CSV, 'text=article');
    expect(wrong).toHaveLength(1);
    expect(wrong[0]?.status).toBe('refused');
    expect(wrong[0]?.reason).toContain('the CSV has no column "article"');
    expect(await counts()).toEqual(before);

    const results = await importFile(
      'guardian.csv',
      CSV,
      'text=articles,publishedOn=published,title=headlines,url=link',
    );
    expect(results.map((r) => r.status)).toEqual(['stored', 'refused']);
    expect(results[1]?.reason).toBe('needs a text or an html field');
    const a = await article(results[0]?.articleId ?? null);
    expect(a).toMatchObject({
      title: 'Ukraine says 30 aircraft downed',
      publishedOn: '2022-03-02',
      url: 'https://guardian.example/2022/mar/02/a',
    });
    expect(a.text).toBe(
      'The Ukrainian military said on Wednesday that 30 Russian aircraft had been shot down.\n\nMoscow said its forces had taken Kherson.',
    );
  });

  it('refuses a binary file and invalid base64 or UTF-8, writing nothing', async () => {
    const before = await counts();
    const binary = await ctx.admin.agent
      .post('/api/imports')
      .set('x-csrf-token', ctx.admin.csrf)
      .send({ fileName: 'tool.txt', content: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]).toString('base64') });
    expect(binary.body.results[0]).toMatchObject({ status: 'refused' });
    expect(binary.body.results[0].reason).toContain('NUL byte');
    const latin1 = await ctx.admin.agent
      .post('/api/imports')
      .set('x-csrf-token', ctx.admin.csrf)
      .send({ fileName: 'old.csv', content: Buffer.from('text\nd\xe9clar\xe9', 'latin1').toString('base64') });
    expect(latin1.body.results[0].reason).toContain('not valid UTF-8');
    const bad = await ctx.admin.agent
      .post('/api/imports')
      .set('x-csrf-token', ctx.admin.csrf)
      .send({ fileName: 'x.txt', content: 'not base64!' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toEqual(['content']);
    expect(await counts()).toEqual(before);
  });
});
