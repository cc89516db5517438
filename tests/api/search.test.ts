import { type ClaimList, SEARCH_COUNT_CAP, type SearchResults } from '@claimdesk/contracts';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimSearchText, fillSearchText } from '@claimdesk/api';
import { createTestApp } from '../support/api-client.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

const KYIV = `date 2022-03-01 Lviv | Kyiv Independent: Ukraine's leader spoke on Tuesday.

President Volodymyr Zelenskiy said the capital would not fall.

The mayor said Kiev had 2 days of water left.
`;
const LUHANSK = `date 2022-03-02 Kyiv | Test Wire: Fighting went on in the east on Wednesday.

Luhansk governor Serhiy Haidai said 12 people were killed in Sievierodonetsk.

Officials said 50% of the power grid was down.
`;

// Russian and older spellings of the places the other articles name in Ukrainian spelling.
const SPELLINGS = `date 2022-03-03 Lviv | Desk Three: Shelling went on on Thursday.

Officials said 3 houses burned in Kharkov.

Officials said 7 boats left Odessa and 2 trains left Nikolaev.

Officials said Zaporozhye and Lugansk were quiet.
`;

describe.each(DATABASE_KINDS)('search with transliteration variants on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  const search = async (q: string) => {
    const res = await ctx.viewer.agent.get('/api/claims').query({ q, pageSize: 100 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return ((res.body as ClaimList).items.map((c) => c.text) as string[]).sort();
  };

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ctx = await createTestApp(test.db);
    for (const text of [KYIV, LUHANSK, SPELLINGS]) {
      const res = await ctx.admin.agent.post('/api/articles').set('X-CSRF-Token', ctx.admin.csrf).send({ text });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => {
    await test.drop();
  });

  it('fills the search text of rows stored without it (as claimdesk serve does after an upgrade), batch after batch', async () => {
    // A word of one claim's text only (not of a source or an article title).
    const before = await search('Sievierodonetsk');
    expect(before).toEqual(['12 people were killed in Sievierodonetsk']);
    await test.db.prisma.$executeRawUnsafe(`UPDATE "Claim" SET "searchText" = ''`);
    expect(await search('Sievierodonetsk')).toEqual([]);
    const claims = await test.db.prisma.claim.count();
    // Batches of 2: every claim in several transactions, none twice, none left.
    expect(await fillSearchText(test.db, 2)).toBe(claims);
    expect(claims).toBeGreaterThan(4);
    expect(await test.db.prisma.claim.count({ where: { searchText: '' } })).toBe(0);
    expect(await search('Sievierodonetsk')).toEqual(before);
    expect(await fillSearchText(test.db, 2)).toBe(0);
  });

  it('finds a source by any spelling: Zelensky, Zelenskiy, Zelenskyy, Зеленський, Зеленский', async () => {
    for (const q of ['Zelensky', 'zelenskiy', 'ZELENSKYY', 'Зеленський', 'Зеленский', 'Volodimir Zelenski'])
      expect(await search(q), q).toEqual(['the capital would not fall']);
  });

  it('finds Kyiv in a text that says Kiev, and Haidai as Gaidai or Гайдай (claim text and source)', async () => {
    for (const q of ['Kyiv', 'Kiev', 'Київ', 'Киев']) {
      const found = await search(q);
      // "Kiev" in the mayor's claim; "Kyiv Independent" is the outlet of every claim of that article.
      expect(found, q).toEqual(['Kiev had 2 days of water left', 'the capital would not fall']);
    }
    for (const q of ['Haidai', 'Gaidai', 'Gaiday', 'Гайдай', 'Sergiy Gaiday'])
      expect(await search(q), q).toEqual(['12 people', '12 people were killed in Sievierodonetsk']);
  });

  it('searches article titles and outlets, ignores case and accents, and needs every word', async () => {
    expect(await search('test wire')).toEqual([
      '12 people',
      '12 people were killed in Sievierodonetsk',
      '50% of the power grid was down',
    ]);
    // Every word must be found: the figure "12 people" does not name the town.
    expect(await search('Sievierodonetsk Haidai')).toEqual(['12 people were killed in Sievierodonetsk']);
    expect(await search('KÍEV water')).toEqual(['Kiev had 2 days of water left']);
    expect(await search('Haidai Kiev')).toEqual([]);
    expect(await search('nothing like this')).toEqual([]);
  });

  it('finds Russian and older spellings by the Ukrainian one and the other way round, and no other place', async () => {
    const texts = async (q: string) => (await search(q)).filter((t) => !t.startsWith('Shelling'));
    const pairs: Array<[string, string, string]> = [
      ['Kharkiv', 'Kharkov', '3 houses burned in Kharkov'],
      ['Odesa', 'Одесса', '7 boats left Odessa'],
      ['Mykolaiv', 'Миколаїв', '2 trains left Nikolaev'],
      ['Zaporizhzhia', 'Запоріжжя', 'Zaporozhye and Lugansk were quiet'],
      ['Luhansk', 'Луганськ', 'Zaporozhye and Lugansk were quiet'],
    ];
    for (const [ukrainian, other, found] of pairs)
      for (const q of [ukrainian, other]) {
        const list = await texts(q);
        expect(list.length, q).toBeGreaterThan(0);
        expect(
          list.every((t) => t.includes(found)),
          `${q}: ${list.join(' / ')}`,
        ).toBe(true);
      }
    // The start of a word: Kyiv is not in Kharkiv, nor Kharkiv in Kyiv.
    expect((await texts('Kyiv')).some((t) => t.includes('Kharkov'))).toBe(false);
    expect((await texts('Kharkiv')).some((t) => t.includes('Kiev'))).toBe(false);
  });

  it('pages, counts and filters a search in the database (the same page as without a search, by article order)', async () => {
    const all = await ctx.viewer.agent.get('/api/claims').query({ q: 'test wire', pageSize: 100 });
    const body = all.body as ClaimList;
    expect(body.total).toBe(3);
    expect([body.totalCapped, body.countsCapped]).toEqual([false, false]);
    expect(body.counts).toMatchObject({ pending: 3, total: 3 });
    const second = await ctx.viewer.agent.get('/api/claims').query({ q: 'test wire', pageSize: 1, page: 2 });
    expect((second.body as ClaimList).items.map((c) => c.id)).toEqual([body.items[1]?.id]);
    expect((second.body as ClaimList).total).toBe(3);
    const unfiltered = await ctx.viewer.agent.get('/api/claims').query({ pageSize: 100 });
    const order = (unfiltered.body as ClaimList).items.map((c) => c.id);
    expect(body.items.map((c) => c.id)).toEqual(order.filter((id) => body.items.some((c) => c.id === id)));
    const figures = await ctx.viewer.agent.get('/api/claims').query({ q: 'test wire', kind: 'figure', pageSize: 100 });
    expect((figures.body as ClaimList).items.every((c) => c.kind === 'figure')).toBe(true);
    expect((figures.body as ClaimList).total).toBeLessThan(3);
    const verified = await ctx.viewer.agent.get('/api/claims').query({ q: 'test wire', status: 'verified' });
    expect((verified.body as ClaimList).total).toBe(0);
    expect((verified.body as ClaimList).counts.pending).toBe(3);
  });

  it('treats % and _ as literal characters, never as wildcards', async () => {
    expect(await search('50%')).toEqual(['50% of the power grid was down']);
    expect(await search('%')).toEqual(['50% of the power grid was down']);
    expect(await search('5%')).toEqual([]);
    expect(await search('_')).toEqual([]);
    expect(await search('p_wer')).toEqual([]);
    expect(await search('?!')).toEqual([]);
  });

  it('answers API keys the same way, and keeps the index in step with corrections', async () => {
    const res = await request(ctx.app)
      .get('/api/claims')
      .query({ q: 'Gaiday' })
      .set('authorization', `Bearer ${ctx.apiKey}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { text: string }) => c.text).sort()).toEqual([
      '12 people',
      '12 people were killed in Sievierodonetsk',
    ]);

    // An editor corrects the source of the grid claim: searching the new name finds it, the old one not.
    const [grid] = (await ctx.viewer.agent.get('/api/claims').query({ q: 'power grid' })).body.items;
    const corrected = await ctx.editor.agent
      .post(`/api/claims/${grid.id}/corrections`)
      .set('X-CSRF-Token', ctx.editor.csrf)
      .send({ kind: 'edit', fields: { sourceCanonical: 'Ukrenergo' }, version: grid.version });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(201);
    expect(await search('Укренерго')).toEqual(['50% of the power grid was down']);
    expect(await search('Officials grid')).toEqual([]);
  });

  it('GET /api/search groups claims, sources and articles, with the ranges each word matched', async () => {
    const res = await ctx.viewer.agent.get('/api/search').query({ q: 'Гайдай' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = res.body as SearchResults;
    expect(body.claims.items.map((c) => c.text).sort()).toEqual([
      '12 people',
      '12 people were killed in Sievierodonetsk',
    ]);
    const claim = body.claims.items[0];
    // The source's spelling is marked, as it is written: "Haidai" in "Serhiy Haidai".
    expect(claim?.sourceHighlights.map(([a, b]) => claim.sourceCanonical?.slice(a, b))).toEqual(['Haidai']);
    expect(body.sources.items.map((s) => [s.name, s.nameHighlights])).toEqual([['Serhiy Haidai', [[7, 13]]]]);
    expect(body.articles.items).toEqual([]);

    const places = (await ctx.viewer.agent.get('/api/search').query({ q: 'kharkiv houses' })).body as SearchResults;
    const houses = places.claims.items.find((c) => c.text.includes('Kharkov'));
    expect(houses?.textHighlights.map(([a, b]) => houses.text.slice(a, b))).toEqual(['houses', 'Kharkov']);
    const outlets = (await ctx.viewer.agent.get('/api/search').query({ q: 'desk three' })).body as SearchResults;
    expect(outlets.articles.items.map((a) => [a.outlet, a.outletHighlights])).toEqual([
      [
        'Desk Three',
        [
          [0, 4],
          [5, 10],
        ],
      ],
    ]);
    expect(outlets.claims.total).toBeGreaterThan(0);

    const bad = await ctx.viewer.agent.get('/api/search');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'validation_error', path: ['q'] });
    const punctuation = (await ctx.viewer.agent.get('/api/search').query({ q: '?!' })).body as SearchResults;
    expect([punctuation.claims.total, punctuation.sources.total, punctuation.articles.total]).toEqual([0, 0, 0]);
  });
});

describe.each(DATABASE_KINDS)('a search that matches more claims than it counts, on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  // Past the cap: 50 more claims than are counted for the first page.
  const MANY = SEARCH_COUNT_CAP + 50;
  let articleId: string;
  const convoys = (from: number, n: number, step = 1) =>
    Array.from({ length: n }, (_, i) => `convoy ${from + i * step} moved north`);
  const list = async (query: Record<string, string | number>) => {
    const res = await ctx.viewer.agent.get('/api/claims').query(query);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as ClaimList;
  };

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ctx = await createTestApp(test.db);
    const res = await ctx.admin.agent.post('/api/articles').set('X-CSRF-Token', ctx.admin.csrf).send({ text: KYIV });
    expect(res.status).toBe(201);
    articleId = res.body.id ?? res.body.article?.id;
    const article = await test.db.prisma.article.findUniqueOrThrow({
      where: { id: articleId },
      include: { statements: { take: 1 } },
    });
    const statementId = article.statements[0]?.id as string;
    // Written straight to the database (an import of this many claims would only slow the test).
    const rows = Array.from({ length: MANY }, (_, i) => {
      const text = `convoy ${i} moved north`;
      return {
        articleId,
        statementId,
        kind: 'statement',
        ordinal: 1000 + i,
        text,
        start: 0,
        end: 1,
        sourceCanonical: 'Desk Generator',
        side: 'ukraine',
        publishedOn: article.publishedOn,
        searchText: claimSearchText(text, 'Desk Generator'),
      };
    });
    for (let i = 0; i < rows.length; i += 200) await test.db.prisma.claim.createMany({ data: rows.slice(i, i + 200) });
    // Three of them judged: a status few of the matches have.
    const judged = await test.db.prisma.claim.findMany({
      where: { text: { startsWith: 'convoy 7' } },
      orderBy: { ordinal: 'asc' },
      take: 3,
    });
    await test.db.prisma.claim.updateMany({
      where: { id: { in: judged.map((c) => c.id) } },
      data: { status: 'verified' },
    });
  });
  afterAll(async () => {
    await test.drop();
  });

  it('says "at least the cap" for the total and the counts, and still pages in article order', async () => {
    const first = await list({ q: 'Convoy', pageSize: 100 });
    expect(first.total).toBe(SEARCH_COUNT_CAP);
    expect([first.totalCapped, first.countsCapped]).toEqual([true, true]);
    expect(first.counts.pending + first.counts.verified).toBeGreaterThan(SEARCH_COUNT_CAP);
    expect(first.items.map((c) => c.text)).toEqual(convoys(0, 100));
    // Descending: the last claims first, read the same way.
    const last = await list({ q: 'convoy', pageSize: 10, order: 'desc' });
    expect(last.items.map((c) => c.text)).toEqual(convoys(MANY - 1, 10, -1));
    expect(last.totalCapped).toBe(true);
    // A later page counts further (the cap past its first row): here that reaches the exact total.
    const second = await list({ q: 'convoy', pageSize: 100, page: 2 });
    expect([second.total, second.totalCapped, second.countsCapped]).toEqual([MANY, false, false]);
    expect(second.items.map((c) => c.text)).toEqual(convoys(100, 100));
    const end = await list({ q: 'convoy', pageSize: 100, page: 11 });
    expect(end.items.map((c) => c.text)).toEqual(convoys(1000, 50));
    // Every word is still needed, and the start of a word: no claim says "convoys moved south".
    expect((await list({ q: 'convoy south' })).total).toBe(0);
    expect((await list({ q: 'onvoy' })).total).toBe(0);
  });

  it('counts a chosen status on its own, exactly when few match, in any sort', async () => {
    for (const sort of ['article', 'updated', 'value']) {
      const verified = await list({ q: 'convoy', status: 'verified', sort });
      expect([verified.total, verified.totalCapped, verified.countsCapped], sort).toEqual([3, false, true]);
      expect(verified.items.map((c) => c.text).sort(), sort).toEqual([
        'convoy 7 moved north',
        'convoy 70 moved north',
        'convoy 71 moved north',
      ]);
      const pending = await list({ q: 'convoy', status: 'pending', sort, pageSize: 20 });
      expect([pending.total, pending.totalCapped], sort).toEqual([SEARCH_COUNT_CAP, true]);
      expect(pending.items.length, sort).toBe(20);
      expect(pending.items.every((c) => c.status === 'pending' && c.text.startsWith('convoy'))).toBe(true);
    }
  });

  it('GET /api/search flags the capped claim total; a narrow search is exact', async () => {
    const res = await ctx.viewer.agent.get('/api/search').query({ q: 'convoy' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = res.body as SearchResults;
    expect([body.claims.total, body.claims.totalCapped, body.claims.items.length]).toEqual([
      SEARCH_COUNT_CAP,
      true,
      20,
    ]);
    const narrow = (await ctx.viewer.agent.get('/api/search').query({ q: 'convoy 1042' })).body as SearchResults;
    expect([narrow.claims.total, narrow.claims.totalCapped]).toEqual([1, false]);
    expect(narrow.claims.items.map((c) => c.text)).toEqual(['convoy 1042 moved north']);
  });
});
