import { importArticle, reparseOutdatedArticles, reparseProgress } from '@claimdesk/api';
import type { ArticleDetail, Claim } from '@claimdesk/contracts';
import { PARSER_VERSION } from '@claimdesk/parser';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedText } from '../support/api-client.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

describe.each(DATABASE_KINDS)('articles, claims and verdicts on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let article: ArticleDetail;
  const tanks = () => article.claims.find((c) => c.kind === 'figure' && c.text === '102 tanks') as Claim;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ctx = await createTestApp(test.db);
  });
  afterAll(async () => {
    await test.drop();
  });

  it('answers health with the database in use', async () => {
    const res = await request(ctx.app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: kind, reparse: null });
  });

  it('imports the seed article once (201), then returns the stored one (200), never a duplicate', async () => {
    const first = await ctx.admin.agent
      .post('/api/articles')
      .set('x-csrf-token', ctx.admin.csrf)
      .send({ text: seedText(), fileName: 'seed.txt' });
    expect(first.status).toBe(201);
    article = first.body as ArticleDetail;
    expect(article.publishedOn).toBe('2022-02-27');
    expect(article.outlet).toBe('Jagran News Desk');
    const again = await ctx.admin.agent
      .post('/api/articles')
      .set('x-csrf-token', ctx.admin.csrf)
      .send({ text: seedText() });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(article.id);
    expect(await test.db.prisma.article.count()).toBe(1);
  });

  it('keeps the raw text byte for byte, and every span points at its text', async () => {
    const res = await ctx.viewer.agent.get(`/api/articles/${article.id}`);
    expect(res.status).toBe(200);
    const detail = res.body as ArticleDetail;
    expect(detail.text).toBe(seedText());
    for (const s of detail.statements) {
      expect(detail.text.slice(s.content.start, s.content.end)).toBe(s.content.text);
      if (s.source) expect(detail.text.slice(s.source.start, s.source.end)).toBe(s.source.text);
    }
    for (const c of detail.claims) expect(detail.text.slice(c.start, c.end)).toBe(c.text);
    expect(tanks()).toMatchObject({
      kind: 'figure',
      status: 'pending',
      version: 0,
      figure: { value: 102, category: 'tanks', subject: 'russia' },
    });
    const soldiers = detail.claims.find((c) => c.text === 'over 3,500 soldiers');
    expect(soldiers?.figure).toMatchObject({
      value: 3500,
      qualifier: 'more_than',
      category: 'personnel',
      subject: 'russia',
      since: '2022-02-24',
    });
  });

  it('lists articles with counts per status', async () => {
    const res = await ctx.viewer.agent.get('/api/articles');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 50, total: 1 });
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].text).toBeUndefined();
    expect(res.body.items[0].counts).toEqual({
      pending: article.claims.length,
      verified: 0,
      disputed: 0,
      unverifiable: 0,
      total: article.claims.length,
    });
  });

  it('pages the article list newest first, and finds a few titles by search or id', async () => {
    const more = [];
    for (const n of [1, 2, 3]) {
      const res = await ctx.admin.agent
        .post('/api/articles')
        .set('x-csrf-token', ctx.admin.csrf)
        .send({ text: `date 2022-03-0${n} Kyiv | Paging Desk: Paging article number ${n} has no claims at all.` });
      expect(res.status).toBe(201);
      more.push(res.body.id as string);
    }
    const page1 = await ctx.viewer.agent.get('/api/articles?pageSize=2');
    expect(page1.body).toMatchObject({ page: 1, pageSize: 2, total: 4 });
    expect(page1.body.items.map((a: { id: string }) => a.id)).toEqual([more[2], more[1]]);
    const page2 = await ctx.viewer.agent.get('/api/articles?pageSize=2&page=2');
    expect(page2.body.items.map((a: { id: string }) => a.id)).toEqual([more[0], article.id]);
    expect((await ctx.viewer.agent.get('/api/articles?pageSize=201')).status).toBe(400);

    const found = await ctx.viewer.agent.get('/api/article-titles?q=PAGING%20ARTICLE');
    expect(found.status).toBe(200);
    expect(found.body.items.map((a: { publishedOn: string }) => a.publishedOn)).toEqual([
      '2022-03-03',
      '2022-03-02',
      '2022-03-01',
    ]);
    expect(Object.keys(found.body.items[0]).sort()).toEqual(['id', 'outlet', 'publishedOn', 'title']);
    const limited = await ctx.viewer.agent.get('/api/article-titles?q=paging&limit=1');
    expect(limited.body.items).toHaveLength(1);
    const byId = await ctx.viewer.agent.get(`/api/article-titles?ids=${article.id},${more[0]}`);
    expect(byId.body.items.map((a: { id: string }) => a.id).sort()).toEqual([article.id, more[0]].sort());
    expect((await ctx.viewer.agent.get('/api/article-titles?q=100%25')).body.items).toEqual([]);
    for (const id of more) await test.db.prisma.article.delete({ where: { id } });
  });

  it('filters and paginates claims', async () => {
    const figures = await ctx.viewer.agent
      .get('/api/claims')
      .query({ kind: 'figure', category: 'tanks,aircraft', pageSize: 1 });
    expect(figures.status).toBe(200);
    expect(figures.body.total).toBe(2);
    expect(figures.body.items).toHaveLength(1);
    const page2 = await ctx.viewer.agent
      .get('/api/claims')
      .query({ kind: 'figure', category: 'tanks,aircraft', pageSize: 1, page: 2 });
    expect(page2.body.items[0].id).not.toBe(figures.body.items[0].id);
    const bySource = await ctx.viewer.agent.get('/api/claims').query({ source: 'peskov' });
    expect(bySource.body.items.map((c: Claim) => c.sourceCanonical)).toEqual(['Dmitry Peskov']);
    const bad = await ctx.viewer.agent.get('/api/claims').query({ status: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'validation_error', path: ['status', 0] });
  });

  it('records a verdict, bumps the version and keeps the history', async () => {
    const claim = tanks();
    const res = await ctx.editor.agent
      .post(`/api/claims/${claim.id}/verdicts`)
      .set('x-csrf-token', ctx.editor.csrf)
      .send({
        status: 'disputed',
        note: 'General Staff figure for 26 Feb differs',
        evidence: ['https://example.org/report'],
        version: 0,
      });
    expect(res.status).toBe(201);
    expect(res.body.claim).toMatchObject({ status: 'disputed', version: 1 });
    expect(res.body.verdict).toMatchObject({
      status: 'disputed',
      note: 'General Staff figure for 26 Feb differs',
      evidence: ['https://example.org/report'],
      author: ctx.names.editor,
      version: 1,
    });
    const second = await ctx.editor.agent
      .post(`/api/claims/${claim.id}/verdicts`)
      .set('x-csrf-token', ctx.editor.csrf)
      .send({ status: 'verified', version: 1 });
    expect(second.status).toBe(201);
    const detail = await ctx.viewer.agent.get(`/api/claims/${claim.id}`);
    expect(detail.body.status).toBe('verified');
    expect(detail.body.verdicts.map((v: { status: string }) => v.status)).toEqual(['verified', 'disputed']);
  });

  it('refuses a stale version with 409 and the claim as it stands', async () => {
    const res = await ctx.editor.agent
      .post(`/api/claims/${tanks().id}/verdicts`)
      .set('x-csrf-token', ctx.editor.csrf)
      .send({ status: 'unverifiable', note: 'x', version: 0 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('version_conflict');
    expect(res.body.error.path).toEqual(['version']);
    expect(res.body.error.details.claim).toMatchObject({ id: tanks().id, version: 2, status: 'verified' });
    expect(res.body.error.details.claim.latestVerdict.author).toBe(ctx.names.editor);
  });

  it('requires a note for disputed and unverifiable', async () => {
    const claim = article.claims[0] as Claim;
    const res = await ctx.editor.agent
      .post(`/api/claims/${claim.id}/verdicts`)
      .set('x-csrf-token', ctx.editor.csrf)
      .send({ status: 'unverifiable', note: '  ', version: 0 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { code: 'validation_error', message: expect.stringContaining('note'), path: ['note'] },
    });
  });

  it('names the bad evidence link by its index', async () => {
    const claim = article.claims[0] as Claim;
    const res = await ctx.editor.agent
      .post(`/api/claims/${claim.id}/verdicts`)
      .set('x-csrf-token', ctx.editor.csrf)
      .send({ status: 'verified', evidence: ['https://ok.example', 'javascript:alert(1)'], version: 0 });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_error', path: ['evidence', 1] });
  });

  it('answers bad JSON, unknown claims and oversized bodies with the one error shape', async () => {
    const badJson = await ctx.editor.agent
      .post(`/api/claims/${tanks().id}/verdicts`)
      .set('x-csrf-token', ctx.editor.csrf)
      .set('content-type', 'application/json')
      .send('{"status": ');
    expect(badJson.status).toBe(400);
    expect(badJson.body).toEqual({
      error: { code: 'invalid_json', message: 'the request body is not valid JSON', path: [] },
    });
    const missing = await ctx.editor.agent
      .post('/api/claims/nope/verdicts')
      .set('x-csrf-token', ctx.editor.csrf)
      .send({ status: 'verified', version: 0 });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const huge = await ctx.admin.agent
      .post('/api/articles')
      .set('x-csrf-token', ctx.admin.csrf)
      .send({ text: 'x'.repeat(6 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    const unknown = await ctx.viewer.agent.get('/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
  });

  it('leaves the database as it was when a write fails', async () => {
    const claim = article.claims[0] as Claim;
    const before = await test.db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    const verdictsBefore = await test.db.prisma.verdict.count();
    // A verdict whose author does not exist violates a foreign key inside the transaction.
    const { markClaimForTest } = await import('../support/failing-write.ts');
    await expect(markClaimForTest(test.db, claim.id)).rejects.toThrow();
    const after = await test.db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(after.version).toBe(before.version);
    expect(after.status).toBe(before.status);
    expect(await test.db.prisma.verdict.count()).toBe(verdictsBefore);
  });

  it('re-parsing keeps every judged claim', async () => {
    const judged = tanks();
    // Simulate an older parser: the judged claim's span differed, and a pending claim no longer exists.
    await test.db.prisma.claim.update({
      where: { id: judged.id },
      data: { start: judged.start + 1000, end: judged.end + 1000 },
    });
    const res = await ctx.admin.agent.post(`/api/articles/${article.id}/reparse`).set('x-csrf-token', ctx.admin.csrf);
    expect(res.status).toBe(200);
    const kept = (res.body as ArticleDetail).claims.find((c) => c.id === judged.id);
    expect(kept).toMatchObject({ status: 'verified', version: 2, isFound: true, start: judged.start });
    const history = await ctx.viewer.agent.get(`/api/claims/${judged.id}`);
    expect(history.body.verdicts).toHaveLength(2);
    expect((res.body as ArticleDetail).claims).toHaveLength(article.claims.length);
  });

  it('re-parses articles of an older parser with progress, one article at a time', async () => {
    await test.db.prisma.article.updateMany({ data: { parserVersion: '0.0.0-old' } });
    const total = await test.db.prisma.article.count();
    const seen: Array<[number, number]> = [];
    const running: unknown[] = [];
    const count = await reparseOutdatedArticles(test.db, ({ done, total: of }) => {
      seen.push([done, of]);
      running.push(reparseProgress(test.db));
    });
    expect(count).toBe(total);
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => [i + 1, total]));
    expect(running.every((p) => p !== null)).toBe(true);
    expect(reparseProgress(test.db)).toBeNull();
    expect(await test.db.prisma.article.count({ where: { parserVersion: { not: PARSER_VERSION } } })).toBe(0);
    expect(await reparseOutdatedArticles(test.db)).toBe(0);
  });

  it('compresses answers with brotli or gzip, as the client asks', async () => {
    const imported = await importArticle(test.db, { text: seedText() });
    const path = `/api/articles/${imported.article.id}`;
    const br = await ctx.viewer.agent.get(path).set('accept-encoding', 'br, gzip');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    const gzip = await ctx.viewer.agent.get(path).set('accept-encoding', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body.id).toBe(imported.article.id);
    const plain = await ctx.viewer.agent.get(path).set('accept-encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
  });
});
