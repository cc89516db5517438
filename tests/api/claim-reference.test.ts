import type { ArticleDetail, ClaimDetail, ClaimReference, CreateVerdictResponse } from '@claimdesk/contracts';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedText } from '../support/api-client.ts';
import { importGeneralStaff } from '../support/reference-data.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

describe.each(DATABASE_KINDS)('a claim beside the reference series on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let article: ArticleDetail;
  const claimOf = (text: string) => {
    const claim = article.claims.find((c) => c.kind === 'figure' && c.text === text);
    if (!claim) throw new Error(`no figure "${text}" in the seed`);
    return claim;
  };

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ctx = await createTestApp(test.db);
    await importGeneralStaff(test.db);
    const res = await ctx.admin.agent
      .post('/api/articles')
      .set('X-CSRF-Token', ctx.admin.csrf)
      .send({ text: seedText(), fileName: '00_2022-02-27_jagran.txt' });
    article = res.body as ArticleDetail;
  });
  afterAll(async () => {
    await test.drop();
  });

  it("finds the seed's 102 tanks as of 2022-02-26 consistent: between 80 (2022-02-25) and 146 (2022-02-26)", async () => {
    const tanks = claimOf('102 tanks');
    expect(tanks).toMatchObject({ asOf: '2022-02-26', figure: { value: 102, category: 'tanks', subject: 'russia' } });
    const res = await ctx.viewer.agent.get(`/api/claims/${tanks.id}/reference`);
    expect(res.status).toBe(200);
    const body = res.body as ClaimReference;
    expect(body.relation).toMatchObject({ kind: 'consistent', low: 80, high: 146, percent: null });
    expect(body.relation.explanation).toContain('between 80 on 2022-02-25 and 146 on 2022-02-26');
    const [comparison] = body.comparisons;
    expect(comparison?.dataset).toMatchObject({ slug: 'general-staff', licence: 'MIT' });
    expect(comparison?.points.slice(0, 3).map((p) => [p.date, p.value])).toEqual([
      ['2022-02-25', 80],
      ['2022-02-26', 146],
      ['2022-02-27', 150],
    ]);
    expect(comparison?.points.at(-1)?.date).toBe('2022-03-05');
    expect(comparison?.evidencePoint).toMatchObject({ date: '2022-02-26', value: 146 });
  });

  it('answers an API key too, and no_reference where the series has nothing to say', async () => {
    const captured = claimOf('471 Ukrainian servicemen'); // Ukraine's servicemen: the series counts Russia's
    const res = await request(ctx.app)
      .get(`/api/claims/${captured.id}/reference`)
      .set('Authorization', `Bearer ${ctx.apiKey}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      relation: { kind: 'no_reference', explanation: "no reference series for captured (ukraine's losses)" },
      comparisons: [],
    });
    const statement = article.claims.find((c) => c.kind === 'statement');
    const text = await ctx.viewer.agent.get(`/api/claims/${statement?.id}/reference`);
    expect(text.body.relation.kind).toBe('no_reference');
    const missing = await ctx.viewer.agent.get('/api/claims/no-such-claim/reference');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  it('keeps a reference row as evidence of a verdict, copied with its dataset', async () => {
    const tanks = claimOf('102 tanks');
    const reference = (await ctx.viewer.agent.get(`/api/claims/${tanks.id}/reference`)).body as ClaimReference;
    const point = reference.comparisons[0]?.evidencePoint;
    const res = await ctx.editor.agent
      .post(`/api/claims/${tanks.id}/verdicts`)
      .set('X-CSRF-Token', ctx.editor.csrf)
      .send({
        status: 'verified',
        note: 'within the series',
        references: [point?.id],
        version: tanks.version,
        publish: true,
      });
    expect(res.status).toBe(201);
    const { verdict } = res.body as CreateVerdictResponse;
    expect(verdict.references).toEqual([
      {
        pointId: point?.id,
        dataset: "General Staff of the Armed Forces of Ukraine: Russia's losses",
        publisher: 'General Staff of the Armed Forces of Ukraine (structured by Petro Ivaniuk)',
        licence: 'MIT',
        url: 'https://github.com/PetroIvaniuk/2022-Ukraine-Russia-War-Dataset',
        date: '2022-02-26',
        category: 'tanks',
        subject: 'russia',
        value: 146,
        qualifier: 'exact',
      },
    ]);
    const detail = (await ctx.viewer.agent.get(`/api/claims/${tanks.id}`)).body as ClaimDetail;
    expect(detail.verdicts[0]?.references).toHaveLength(1);
    expect(detail.latestVerdict?.references[0]?.value).toBe(146);
  });

  it('gives consumers the relation in /api/v1/claims/:id and the cited reference row in ClaimReview', async () => {
    const tanks = claimOf('102 tanks');
    const v1 = await request(ctx.app).get(`/api/v1/claims/${tanks.id}`).set('Authorization', `Bearer ${ctx.apiKey}`);
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({
      id: tanks.id,
      status: 'verified',
      reference: { relation: { kind: 'consistent', low: 80, high: 146 } },
      related: { withinDays: 3, groups: [] },
    });
    expect(v1.body.verdicts[0].references[0]).toMatchObject({ date: '2022-02-26', value: 146 });
    const review = await request(ctx.app)
      .get(`/api/v1/claims/${tanks.id}/claimreview`)
      .set('Authorization', `Bearer ${ctx.apiKey}`);
    expect(review.status).toBe(200);
    expect(JSON.parse(review.text).citation).toEqual([
      {
        '@type': 'Dataset',
        name: "General Staff of the Armed Forces of Ukraine: Russia's losses",
        url: 'https://github.com/PetroIvaniuk/2022-Ukraine-Russia-War-Dataset',
        license: 'MIT',
        publisher: {
          '@type': 'Organization',
          name: 'General Staff of the Armed Forces of Ukraine (structured by Petro Ivaniuk)',
        },
        description: "146 tanks (russia's losses) on 2022-02-26",
        temporalCoverage: '2022-02-26',
        variableMeasured: 'tanks',
      },
    ]);
    const missing = await request(ctx.app).get('/api/v1/claims/nope').set('Authorization', `Bearer ${ctx.apiKey}`);
    expect(missing.status).toBe(404);
  });

  it('gives a stretch of the reference series for the figures chart', async () => {
    const res = await ctx.viewer.agent.get(
      '/api/reference/series?category=tanks&subject=russia&from=2022-02-20&to=2022-03-01',
    );
    expect(res.status).toBe(200);
    expect(res.body.series).toHaveLength(1);
    expect(res.body.series[0].points.map((p: { value: number }) => p.value)).toEqual([80, 146, 150, 150, 198]);
    const none = await ctx.viewer.agent.get(
      '/api/reference/series?category=tanks&subject=ukraine&from=2022-02-20&to=2022-03-01',
    );
    expect(none.body.series).toEqual([]);
    const bad = await ctx.viewer.agent.get(
      '/api/reference/series?category=tanks&subject=russia&from=soon&to=2022-03-01',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toEqual(['from']);
  });

  it('refuses an unknown reference row and stores nothing', async () => {
    const aircraft = claimOf('14 aircraft');
    const res = await ctx.editor.agent
      .post(`/api/claims/${aircraft.id}/verdicts`)
      .set('X-CSRF-Token', ctx.editor.csrf)
      .send({ status: 'verified', references: ['no-such-row'], version: aircraft.version });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_error', path: ['references', 0] });
    const detail = (await ctx.viewer.agent.get(`/api/claims/${aircraft.id}`)).body as ClaimDetail;
    expect(detail).toMatchObject({ status: 'pending', version: aircraft.version, verdicts: [] });
  });
});
