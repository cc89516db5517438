import type { ArticleDetail, RelatedClaims } from '@claimdesk/contracts';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedText } from '../support/api-client.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

const WIRE = `date 2022-02-28 Kyiv | Test Wire: Ukraine's armed forces said on Sunday that Russia has lost 150 tanks since February 24.

"Warsaw, Bratislava, Budapest, Istanbul, Baku. We proposed all of them," Zelenskyy said in a video address.
`;

/** The status of each related claim, by text, as one caller sees it. */
const statuses = (body: RelatedClaims) =>
  Object.fromEntries(body.groups.flatMap((g) => g.claims.map((c) => [c.text.slice(0, 20), c.status])));

describe.each(DATABASE_KINDS)("related claims never show another article's draft to consumers on %s", (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let seed: ArticleDetail;
  let wire: ArticleDetail;
  const importText = async (text: string) =>
    (await ctx.admin.agent.post('/api/articles').set('X-CSRF-Token', ctx.admin.csrf).send({ text }))
      .body as ArticleDetail;
  const find = (article: ArticleDetail, test: (text: string) => boolean) => {
    const claim = article.claims.find((c) => test(c.text));
    if (!claim) throw new Error('no such claim');
    return claim;
  };
  const asKey = async (path: string) => {
    const res = await request(ctx.app).get(path).set('authorization', `Bearer ${ctx.apiKey}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ctx = await createTestApp(test.db);
    seed = await importText(seedText());
    wire = await importText(WIRE);
  });
  afterAll(async () => {
    await test.drop();
  });

  it('a draft verdict in the other article shows on the desk only; API keys and v1 see it once published', async () => {
    const tanks = find(seed, (t) => t === '102 tanks');
    const quote = find(seed, (t) => t.startsWith('Warsaw, Bratislava'));
    const wireTanks = find(wire, (t) => t === '150 tanks');
    const wireQuote = find(wire, (t) => t.startsWith('Warsaw, Bratislava'));
    // Drafts on both related claims of the other article (a figure and a near-duplicate quote).
    for (const [claim, status] of [
      [wireTanks, 'disputed'],
      [wireQuote, 'verified'],
    ] as const) {
      const res = await ctx.editor.agent
        .post(`/api/claims/${claim.id}/verdicts`)
        .set('X-CSRF-Token', ctx.editor.csrf)
        .send({ status, note: 'draft note', version: claim.version });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }

    const desk = async (id: string) => (await ctx.viewer.agent.get(`/api/claims/${id}/related`)).body as RelatedClaims;
    expect(statuses(await desk(tanks.id))).toEqual({ '150 tanks': 'disputed' });
    expect(statuses(await desk(quote.id))).toEqual({ 'Warsaw, Bratislava, ': 'verified' });

    // Consumers: the API key on the desk route, and the v1 detail.
    expect(statuses(await asKey(`/api/claims/${tanks.id}/related`))).toEqual({ '150 tanks': 'pending' });
    expect(statuses(await asKey(`/api/claims/${quote.id}/related`))).toEqual({ 'Warsaw, Bratislava, ': 'pending' });
    expect(statuses((await asKey(`/api/v1/claims/${tanks.id}`)).related)).toEqual({ '150 tanks': 'pending' });
    expect(JSON.stringify(await asKey(`/api/v1/claims/${quote.id}`))).not.toContain('draft note');

    // Published, the figure's verdict reaches consumers; the quote's stays a draft.
    const current = (await ctx.viewer.agent.get(`/api/claims/${wireTanks.id}`)).body;
    const published = await ctx.editor.agent
      .post(`/api/claims/${wireTanks.id}/publish`)
      .set('X-CSRF-Token', ctx.editor.csrf)
      .send({ version: current.version });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(statuses(await asKey(`/api/claims/${tanks.id}/related`))).toEqual({ '150 tanks': 'disputed' });
    expect(statuses((await asKey(`/api/v1/claims/${quote.id}`)).related)).toEqual({
      'Warsaw, Bratislava, ': 'pending',
    });
  });
});
