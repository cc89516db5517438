import { getArticle, importArticle } from '@claimdesk/api';
import { articleDetailSchema, createVerdictResponseSchema } from '@claimdesk/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedText } from '../support/api-client.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

// Import and verdict answers are built from the rows the write had in hand (no read-back): they
// must be exactly what reading the same thing afterwards returns.
describe.each(DATABASE_KINDS)('answers built from what the write had in hand (%s)', (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await test.drop();
  });

  it('an import answers with the article as a later read returns it', async () => {
    const text = Array.from({ length: 6 }, () => seedText()).join('\n\n');
    const { article, created } = await importArticle(test.db, { text, fileName: 'six-times.txt' });
    expect(created).toBe(true);
    expect(articleDetailSchema.parse(article)).toEqual(article);
    expect(article.claims.length).toBeGreaterThan(100);
    expect(await getArticle(test.db, article.id)).toEqual(article);
    const again = await importArticle(test.db, { text, fileName: 'six-times.txt' });
    expect(again).toEqual({ article, created: false });
  });

  it('a verdict answers with the claim as a later read returns it, and a stale version still gets 409', async () => {
    const { editor } = await createTestApp(test.db);
    const { article } = await importArticle(test.db, { text: seedText() });
    const claim = article.claims[0];
    if (!claim) throw new Error('the seed article has claims');
    const res = await editor.agent
      .post(`/api/claims/${claim.id}/verdicts`)
      .set('x-csrf-token', editor.csrf)
      .send({ status: 'disputed', note: 'the figure is twice the ministry’s', version: claim.version });
    expect(res.status).toBe(201);
    const body = createVerdictResponseSchema.parse(res.body);
    expect(body.claim.version).toBe(claim.version + 1);
    expect(body.claim.status).toBe('disputed');
    expect(body.claim.latestVerdict).toEqual(body.verdict);
    const read = await getArticle(test.db, article.id);
    expect(read.claims.find((c) => c.id === claim.id)).toEqual(body.claim);
    const stale = await editor.agent
      .post(`/api/claims/${claim.id}/verdicts`)
      .set('x-csrf-token', editor.csrf)
      .send({ status: 'verified', note: '', version: claim.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.details.claim).toEqual(body.claim);
  });
});
