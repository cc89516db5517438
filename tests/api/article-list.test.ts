import type { ArticleList, ArticleSummary } from '@claimdesk/contracts';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/api-client.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

/** Title, outlet, date and how many sourced statements (each one a pending claim) the text has. */
const ARTICLES = [
  { title: 'Bridge near Kyiv destroyed', outlet: 'Reuters', publishedOn: '2022-03-04', statements: 1 },
  { title: 'Ministry reports losses', outlet: 'Ukrinform', publishedOn: '2022-03-01', statements: 3 },
  { title: 'Aid convoy reaches Sumy', outlet: 'Reuters', publishedOn: '2022-03-02', statements: 0 },
  { title: 'Kiev talks resume', outlet: null, publishedOn: null, statements: 2 },
  { title: 'Ceasefire holds in Kharkiv', outlet: 'BBC', publishedOn: '2022-03-03', statements: 4 },
];

const SAID = [
  'The ministry said 12 tanks were destroyed.',
  'The governor said the convoy had arrived.',
  'A spokesman said talks would resume on Monday.',
  'Officials said 40 people were evacuated.',
];

describe.each(DATABASE_KINDS)('the Articles list sorts, searches, filters and pages on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  const ids = new Map<string, string>();
  const list = async (query: string): Promise<ArticleList> => {
    const res = await ctx.viewer.agent.get(`/api/articles?${query}`);
    expect(res.status).toBe(200);
    return res.body as ArticleList;
  };
  const titles = (l: ArticleList) => l.items.map((a: ArticleSummary) => a.title);

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ctx = await createTestApp(test.db);
    for (const [i, a] of ARTICLES.entries()) {
      const body = [`Article ${i} of the list test.`, ...SAID.slice(0, a.statements)].join(' ');
      const res = await ctx.admin.agent
        .post('/api/articles')
        .set('x-csrf-token', ctx.admin.csrf)
        .send({
          text: body,
          title: a.title,
          ...(a.outlet ? { outlet: a.outlet } : {}),
          ...(a.publishedOn ? { publishedOn: a.publishedOn } : {}),
        });
      expect(res.status).toBe(201);
      ids.set(a.title, res.body.id);
    }
  });
  afterAll(async () => {
    await test.drop();
  });

  it('sorts by import (default), date, outlet, title and pending count, each way', async () => {
    const imported = ARTICLES.map((a) => a.title).reverse();
    expect(titles(await list(''))).toEqual(imported);
    expect(titles(await list('sort=imported&dir=asc'))).toEqual([...imported].reverse());
    // Undated last, whichever the direction.
    expect(titles(await list('sort=date'))).toEqual([
      'Bridge near Kyiv destroyed',
      'Ceasefire holds in Kharkiv',
      'Aid convoy reaches Sumy',
      'Ministry reports losses',
      'Kiev talks resume',
    ]);
    expect(titles(await list('sort=date&dir=asc')).at(-1)).toBe('Kiev talks resume');
    expect(titles(await list('sort=date&dir=asc'))[0]).toBe('Ministry reports losses');
    // Outlet A to Z, newest date first within one; no outlet last.
    expect(titles(await list('sort=outlet'))).toEqual([
      'Ceasefire holds in Kharkiv',
      'Bridge near Kyiv destroyed',
      'Aid convoy reaches Sumy',
      'Ministry reports losses',
      'Kiev talks resume',
    ]);
    expect(titles(await list('sort=title'))).toEqual([...ARTICLES.map((a) => a.title)].sort());
    expect(titles(await list('sort=title&dir=desc'))).toEqual([...ARTICLES.map((a) => a.title)].sort().reverse());
    const pending = await list('sort=pending');
    const counts = pending.items.map((a) => a.counts.pending);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBeGreaterThan(counts.at(-1) ?? 0);
    expect(titles(pending)[0]).toBe('Ceasefire holds in Kharkiv');
    const fewest = await list('sort=pending&dir=asc');
    expect(fewest.items.map((a) => a.counts.pending)).toEqual([...counts].reverse());
  });

  it('a judged claim is no longer pending, so the pending sort follows the desk', async () => {
    const id = ids.get('Ceasefire holds in Kharkiv') as string;
    const article = (await ctx.viewer.agent.get(`/api/articles/${id}`)).body;
    for (const claim of article.claims) {
      const res = await ctx.editor.agent
        .post(`/api/claims/${claim.id}/verdicts`)
        .set('x-csrf-token', ctx.editor.csrf)
        .send({ status: 'verified', version: claim.version, note: 'matches the statement' });
      expect(res.status).toBe(201);
    }
    // None pending now: among the articles with none, newest import first.
    expect(titles(await list('sort=pending')).slice(-2)).toEqual([
      'Ceasefire holds in Kharkiv',
      'Aid convoy reaches Sumy',
    ]);
    // An API key counts published verdicts only: the drafts leave it pending there.
    const byKey = await request(ctx.app).get('/api/articles?sort=pending').set('authorization', `Bearer ${ctx.apiKey}`);
    expect(byKey.body.items[0].title).toBe('Ceasefire holds in Kharkiv');
  });

  it('searches titles (case, accents and Kyiv/Kiev folded; every word), filters by outlet, and pages the result', async () => {
    expect(titles(await list('q=KYIV')).sort()).toEqual(['Bridge near Kyiv destroyed', 'Kiev talks resume']);
    expect(titles(await list('q=kiev%20talks'))).toEqual(['Kiev talks resume']);
    // From the start of a word: the beginning of one is enough, the middle of one is not.
    expect(titles(await list('q=ceasef'))).toEqual(['Ceasefire holds in Kharkiv']);
    expect((await list('q=easefire')).total).toBe(0);
    expect(titles(await list('q=Ceasefíre'))).toEqual(['Ceasefire holds in Kharkiv']);
    // Titles only: an outlet's name is not a title.
    expect((await list('q=reuters')).total).toBe(0);
    // % and _ are no wildcards.
    expect((await list('q=%25')).total).toBe(0);

    const reuters = await list('outlet=Reuters&sort=date');
    expect(titles(reuters)).toEqual(['Bridge near Kyiv destroyed', 'Aid convoy reaches Sumy']);
    expect(reuters.total).toBe(2);
    expect((await list('outlet=reuters')).total).toBe(0);
    expect(titles(await list('outlet=Reuters&q=aid'))).toEqual(['Aid convoy reaches Sumy']);
    // Every outlet, for the filter, whatever the filter.
    expect(reuters.outlets).toEqual(['BBC', 'Reuters', 'Ukrinform']);

    const first = await list('sort=title&pageSize=2');
    const second = await list('sort=title&pageSize=2&page=2');
    const third = await list('sort=title&pageSize=2&page=3');
    expect(first.total).toBe(5);
    expect([...titles(first), ...titles(second), ...titles(third)]).toEqual([...ARTICLES.map((a) => a.title)].sort());
    expect(titles(await list('outlet=Reuters&pageSize=1&page=2'))).toEqual(['Bridge near Kyiv destroyed']);
  });

  it('refuses a sort, direction or search it does not know, in the one error shape', async () => {
    for (const [query, path] of [
      ['sort=claims', 'sort'],
      ['dir=up', 'dir'],
      ['q=a%00b', 'q'],
    ] as const) {
      const res = await ctx.viewer.agent.get(`/api/articles?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.path).toEqual([path]);
    }
  });
});
