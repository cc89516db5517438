import type { ArticleDetail, RelatedClaims } from '@claimdesk/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedText } from '../support/api-client.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

const WIRE = `date 2022-02-28 Kyiv | Test Wire: Ukraine's armed forces said on Sunday that Russia has lost 150 tanks since February 24.

The Russian defence ministry said Russia has lost 12 tanks, a figure that could not be checked.

"Warsaw, Bratislava, Budapest, Istanbul, Baku. We proposed all of them," Zelenskyy said in a video address.
`;
const LATER = `date 2022-03-10 Kyiv | Later Wire: Ukraine's armed forces said on Thursday that Russia has lost 300 tanks since February 24.
`;

describe.each(DATABASE_KINDS)('related claims across articles on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let seed: ArticleDetail;
  let wire: ArticleDetail;
  const importText = async (text: string) =>
    (await ctx.admin.agent.post('/api/articles').set('X-CSRF-Token', ctx.admin.csrf).send({ text }))
      .body as ArticleDetail;
  const find = (article: ArticleDetail, text: string) => {
    const claim = article.claims.find((c) => c.text === text);
    if (!claim) throw new Error(`no claim "${text}"`);
    return claim;
  };

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ctx = await createTestApp(test.db);
    seed = await importText(seedText());
    wire = await importText(WIRE);
    await importText(LATER);
  });
  afterAll(async () => {
    await test.drop();
  });

  it('lists the same quantity in other articles (same category and whose loss, as-of within 3 days) by side, with values and verdicts', async () => {
    const wireTanks = find(wire, '150 tanks');
    const marked = await ctx.editor.agent
      .post(`/api/claims/${wireTanks.id}/verdicts`)
      .set('X-CSRF-Token', ctx.editor.csrf)
      .send({ status: 'verified', version: wireTanks.version, publish: true });
    expect(marked.status).toBe(201);

    const res = await ctx.viewer.agent.get(`/api/claims/${find(seed, '102 tanks').id}/related`);
    expect(res.status).toBe(200);
    const body = res.body as RelatedClaims;
    expect(body.withinDays).toBe(3);
    const summary = body.groups.map((g) => ({
      side: g.side,
      claims: g.claims.map((c) => [c.text, c.value, c.asOf, c.status, c.outlet]),
    }));
    // Russia's own figure sits beside Ukraine's: one glance. 300 tanks (as of 2022-03-10) is too far off.
    expect(summary).toEqual([
      { side: 'ukraine', claims: [['150 tanks', 150, '2022-02-27', 'verified', 'Test Wire']] },
      { side: 'russia', claims: [['12 tanks', 12, '2022-02-28', 'pending', 'Test Wire']] },
    ]);
  });

  it('applies one verdict to the same quote in several articles: all or none, each with its own history entry', async () => {
    const quotes = [seed, wire].map((a) => {
      const c = a.claims.find((x) => x.kind === 'statement' && x.text.startsWith('Warsaw, Bratislava'));
      if (!c) throw new Error('no quote');
      return c;
    });
    const stale = await ctx.editor.agent
      .post('/api/claims/verdicts')
      .set('X-CSRF-Token', ctx.editor.csrf)
      .send({
        status: 'disputed',
        note: 'the list of cities changed later',
        claims: quotes.map((c, i) => ({ id: c.id, version: i === 1 ? 7 : c.version })),
      });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', path: ['claims', 1, 'version'] });
    const untouched = await ctx.viewer.agent.get(`/api/claims/${quotes[0]?.id}`);
    expect(untouched.body).toMatchObject({ status: 'pending', verdicts: [] });

    const res = await ctx.editor.agent
      .post('/api/claims/verdicts')
      .set('X-CSRF-Token', ctx.editor.csrf)
      .send({
        status: 'disputed',
        note: 'the list of cities changed later',
        claims: quotes.map((c) => ({ id: c.id, version: c.version })),
      });
    expect(res.status).toBe(201);
    expect(res.body.items).toHaveLength(2);
    for (const quote of quotes) {
      const detail = await ctx.viewer.agent.get(`/api/claims/${quote.id}`);
      expect(detail.body).toMatchObject({ status: 'disputed', version: quote.version + 1 });
      expect(detail.body.verdicts).toHaveLength(1);
      expect(detail.body.verdicts[0]).toMatchObject({ note: 'the list of cities changed later' });
    }
    const noNote = await ctx.editor.agent
      .post('/api/claims/verdicts')
      .set('X-CSRF-Token', ctx.editor.csrf)
      .send({ status: 'unverifiable', claims: [{ id: quotes[0]?.id, version: 1 }] });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.path).toEqual(['note']);
  });

  it('carries the related claims in /api/v1/claims/:id', async () => {
    const res = await ctx.viewer.agent.get(`/api/v1/claims/${find(seed, '102 tanks').id}`);
    expect(res.status).toBe(200);
    expect(res.body.related.groups.map((g: { side: string }) => g.side)).toEqual(['ukraine', 'russia']);
    expect(res.body.reference.relation.kind).toBe('no_reference');
  });

  it('lists the same quote reported by another outlet beside a statement, and nothing for an unrelated one', async () => {
    const quote = seed.claims.find((c) => c.kind === 'statement' && c.text.startsWith('Warsaw, Bratislava'));
    const res = await ctx.viewer.agent.get(`/api/claims/${quote?.id}/related`);
    const related = (res.body as RelatedClaims).groups.flatMap((g) => g.claims);
    expect(related.map((c) => [c.articleId, c.text, c.similarity])).toEqual([
      [wire.id, 'Warsaw, Bratislava, Budapest, Istanbul, Baku. We proposed all of them', 1],
    ]);
    const other = seed.claims.find((c) => c.kind === 'statement' && c.text.includes('Kharkiv'));
    const none = await ctx.viewer.agent.get(`/api/claims/${other?.id}/related`);
    expect(none.body.groups).toEqual([]);
    expect((await ctx.viewer.agent.get('/api/claims/nope/related')).status).toBe(404);
  });
});
