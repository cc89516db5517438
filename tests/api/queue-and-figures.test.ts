import { randomUUID } from 'node:crypto';
import { fillSearchText } from '@claimdesk/api';
import type { ArticleDetail, ClaimList, FigureSeries } from '@claimdesk/contracts';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/api-client.ts';
import { createGeneratedArticle } from '../support/generated-article.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

/** A fixed, known set of figure claims, written straight into the database. */
async function seedFigures(test: TestDatabase) {
  const { articleId, statementId, publishedOn } = await createGeneratedArticle(test, {
    title: 'Generated',
    text: 'Generated.',
    publishedOn: '2022-03-01',
  });
  const rows = [
    { side: 'ukraine', category: 'tanks', value: 146, asOf: '2022-02-27', status: 'verified', text: '146 tanks' },
    // Tanks counted, not lost ("300 tanks massed at the border"): in the queue, never on the loss chart.
    {
      side: 'ukraine',
      category: 'tanks',
      value: 300,
      asOf: '2022-03-05',
      status: 'pending',
      text: '300 tanks',
      figureKind: 'count',
    },
    { side: 'ukraine', category: 'tanks', value: 211, asOf: '2022-03-02', status: 'pending', text: '211 tanks' },
    { side: 'other', category: 'tanks', value: 89, asOf: '2022-03-02', status: 'disputed', text: '89 tanks' },
    { side: 'russia', category: 'tanks', value: 5, asOf: null, status: 'pending', text: 'five tanks' },
    {
      side: 'ukraine',
      category: 'aircraft',
      value: 14,
      asOf: '2022-02-26',
      status: 'unverifiable',
      text: '14 aircraft',
    },
  ];
  await test.db.prisma.claim.createMany({
    data: rows.map((r, i) => ({
      id: randomUUID(),
      articleId,
      statementId,
      publishedOn,
      kind: 'figure',
      ordinal: i,
      start: 0,
      end: 9,
      sourceCanonical: `Source ${r.side}`,
      qualifier: 'exact',
      unit: r.category,
      subject: 'russia',
      figureKind: 'loss',
      ...r,
      // Judged and published: API keys read the published status.
      publishedStatus: r.status,
    })),
  });
  // Rows written around the API: index them for search as `claimdesk serve` does for older rows.
  await fillSearchText(test.db);
  return articleId;
}

describe.each(DATABASE_KINDS)('the review queue and the figures series on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let articleId: string;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ctx = await createTestApp(test.db);
    articleId = await seedFigures(test);
  });
  afterAll(async () => {
    await test.drop();
  });

  it('counts per status over the other filters, and totals only the chosen statuses', async () => {
    const res = await ctx.viewer.agent.get(
      `/api/claims?articleId=${articleId}&category=tanks&status=pending,disputed&pageSize=2`,
    );
    expect(res.status).toBe(200);
    const body = res.body as ClaimList;
    expect(body.counts).toEqual({ pending: 3, verified: 1, disputed: 1, unverifiable: 0, total: 5 });
    expect(body.total).toBe(4);
    expect(body.items).toHaveLength(2);
    const next = (
      await ctx.viewer.agent.get(
        `/api/claims?articleId=${articleId}&category=tanks&status=pending,disputed&pageSize=2&page=2`,
      )
    ).body as ClaimList;
    expect(next.items).toHaveLength(2);
    const seen = [...body.items, ...next.items].map((c) => c.text).sort();
    expect(seen).toEqual(['211 tanks', '300 tanks', '89 tanks', 'five tanks']);
  });

  it('filters by text (any case), source, side and as-of range, and sorts by value', async () => {
    const get = async (q: string) =>
      ((await ctx.viewer.agent.get(`/api/claims?articleId=${articleId}&${q}`)).body as ClaimList).items.map(
        (c) => c.text,
      );
    expect(await get('q=TANKS&sort=value&order=desc')).toEqual([
      '300 tanks',
      '211 tanks',
      '146 tanks',
      '89 tanks',
      'five tanks',
    ]);
    expect(await get('source=source%20other')).toEqual(['89 tanks']);
    expect(await get('side=ukraine&from=2022-02-27&to=2022-03-01')).toEqual(['146 tanks']);
  });

  it('gives the dated figures of one category by as-of date with side and status, and counts the undated', async () => {
    const res = await request(ctx.app)
      .get('/api/figures/series?category=tanks&subject=russia')
      .set('authorization', `Bearer ${ctx.apiKey}`);
    expect(res.status).toBe(200);
    const body = res.body as FigureSeries;
    expect(body.category).toBe('tanks');
    expect(body.undated).toBe(1);
    expect(body.points.map((p) => [p.asOf, p.value, p.side, p.status])).toEqual([
      ['2022-02-27', 146, 'ukraine', 'verified'],
      ['2022-03-02', 89, 'other', 'disputed'],
      ['2022-03-02', 211, 'ukraine', 'pending'],
    ]);
    expect(body.points[0]).toMatchObject({
      articleId,
      articleTitle: 'Generated',
      sourceCanonical: 'Source ukraine',
      subject: 'russia',
      text: '146 tanks',
    });
    expect(body.hasMore).toBe(false);
    const firstTwo = (await ctx.viewer.agent.get('/api/figures/series?category=tanks&subject=russia&limit=2'))
      .body as FigureSeries;
    expect(firstTwo.points.map((p) => p.value)).toEqual([146, 89]);
    expect(firstTwo.hasMore).toBe(true);
    const window = (await ctx.viewer.agent.get('/api/figures/series?category=tanks&from=2022-03-01&to=2022-03-31'))
      .body as FigureSeries;
    expect(window.points.map((p) => p.value)).toEqual([89, 211]);
    const other = (await ctx.viewer.agent.get('/api/figures/series?category=tanks&subject=ukraine'))
      .body as FigureSeries;
    expect(other.points).toEqual([]);
    const bad = await ctx.viewer.agent.get('/api/figures/series?category=spaceships');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_error');
  });

  it('stores what each parsed figure counts, shows it on the claim and charts losses only', async () => {
    const text = [
      'date 2022-03-02 | Kyiv Desk: Ukraine said on Wednesday that Russia had lost 2 tanks near Kyiv.',
      'The governor said 950 new tanks will be purchased for the city.',
      'The mayor said that in the Second World War, 27 million people were killed.',
    ].join(' ');
    const created = await ctx.admin.agent.post('/api/articles').set('x-csrf-token', ctx.admin.csrf).send({ text });
    expect(created.status).toBe(201);
    const detail = created.body as ArticleDetail;
    const figures = detail.claims.flatMap((c) => (c.figure ? [[c.text, c.figure.kind, c.figure.category]] : []));
    expect(figures).toEqual([
      ['2 tanks', 'loss', 'tanks'],
      ['950 new tanks', 'count', 'tanks'],
      ['27 million people', 'other', 'other'],
    ]);
    const stored = await test.db.prisma.claim.findMany({
      where: { articleId: detail.id, kind: 'figure' },
      orderBy: { ordinal: 'asc' },
      select: { figureKind: true },
    });
    expect(stored.map((c) => c.figureKind)).toEqual(['loss', 'count', 'other']);
    const series = (await ctx.viewer.agent.get('/api/figures/series?category=tanks&subject=russia'))
      .body as FigureSeries;
    expect(series.points.filter((p) => p.articleId === detail.id).map((p) => p.text)).toEqual(['2 tanks']);
  });
});
