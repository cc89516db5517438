import type { ArticleDetail } from '@claimdesk/contracts';
import { importArticle } from '@claimdesk/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedText } from '../support/api-client.ts';
import { withFault } from '../support/faulty-database.ts';
import { longArticle } from '../support/long-article.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

describe.each(DATABASE_KINDS)('article intake on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  const rowCounts = async () => ({
    articles: await test.db.prisma.article.count(),
    statements: await test.db.prisma.statement.count(),
    claims: await test.db.prisma.claim.count(),
    changes: await test.db.prisma.claimChange.count(),
  });
  const post = (body: unknown) =>
    ctx.admin.agent
      .post('/api/articles')
      .set('x-csrf-token', ctx.admin.csrf)
      .send(body as object);

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ctx = await createTestApp(test.db, { config: { articleLimits: { maxChars: 50_000 } } });
  });
  afterAll(async () => {
    await test.drop();
  });

  it.each([
    ['empty text', ' \n\t ', 400, 'text: must not be empty'],
    ['a NUL byte', `${seedText()}\0tail`, 400, 'text: must not contain control characters'],
    ['an unpaired surrogate', `${seedText()} \ud800 end`, 400, 'not valid Unicode'],
    ['mostly unprintable characters', `title ${'\ue000\u0085\ufffd x'.repeat(200)}`, 400, 'not readable text'],
    ['a text over the configured limit', `${seedText()} ${'word '.repeat(12_000)}`, 413, 'over the limit of 50,000'],
  ])('refuses %s with a one-line reason, writing nothing', async (_name, text, status, reason) => {
    const before = await rowCounts();
    const res = await post({ text });
    expect(res.status).toBe(status);
    expect(res.body.error.path).toEqual(['text']);
    expect(res.body.error.message).toContain(reason);
    expect(res.body.error.message).not.toContain('\n');
    expect(await rowCounts()).toEqual(before);
  });

  it('a failed import leaves nothing behind (a fault after the claims are written)', async () => {
    const before = await rowCounts();
    const faulty = withFault(test.db, 'ClaimChange', 'INSERT');
    await expect(importArticle(faulty, { text: seedText() })).rejects.toThrow('injected fault');
    expect(await rowCounts()).toEqual(before);
    // The same text then imports cleanly: no half-written article holds its content hash.
    const res = await post({ text: seedText() });
    expect(res.status).toBe(201);
    const again = await post({ text: seedText() });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(res.body.id);
  });

  it('stores a 2-million-character article with thousands of claims and reads it back', async () => {
    const text = longArticle(2_000_000);
    expect(text.length).toBeGreaterThan(1_990_000);
    const { article, created } = await importArticle(test.db, { text, fileName: 'long.txt' }, { maxChars: 2_000_000 });
    expect(created).toBe(true);
    expect(article.claims.length).toBeGreaterThan(10_000);
    const res = await ctx.viewer.agent.get(`/api/articles/${article.id}`);
    expect(res.status).toBe(200);
    const detail = res.body as ArticleDetail;
    expect(detail.text).toBe(text);
    expect(detail.claims).toHaveLength(article.claims.length);
    expect(detail.statements).toHaveLength(article.statements.length);
    const last = detail.claims.at(-1);
    expect(last && text.slice(last.start, last.end)).toBe(last?.text);
    expect(detail.counts.pending).toBe(detail.claims.length);
    // A verdict on a long article's last claim shows when it is read again.
    const claim = detail.claims.at(-1);
    const verdict = await ctx.editor.agent
      .post(`/api/claims/${claim?.id}/verdicts`)
      .set('x-csrf-token', ctx.editor.csrf)
      .send({ status: 'verified', version: 0 });
    expect(verdict.status).toBe(201);
    const reread = await ctx.viewer.agent.get(`/api/articles/${article.id}`);
    expect((reread.body as ArticleDetail).claims.at(-1)?.latestVerdict?.status).toBe('verified');
    const same = await importArticle(test.db, { text }, { maxChars: 2_000_000 });
    expect(same.created).toBe(false);
    expect(same.article.id).toBe(article.id);
  }, 300_000);
});
