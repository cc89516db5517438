import type { ArticleDetail } from '@claimdesk/contracts';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedText } from '../support/api-client.ts';
import { withFault } from '../support/faulty-database.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

const OTHER = 'date 2022-03-02 Kyiv | Desk: The General Staff said 12 tanks and 3 aircraft were destroyed on Tuesday.';

describe.each(DATABASE_KINDS)('deleting an article on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let doomed: ArticleDetail;
  let kept: ArticleDetail;
  const v1 = (query: Record<string, string | number>) =>
    request(ctx.app).get('/api/v1/claims').set('authorization', `Bearer ${ctx.apiKey}`).query(query);

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ctx = await createTestApp(test.db);
    const post = (text: string) =>
      ctx.admin.agent.post('/api/articles').set('x-csrf-token', ctx.admin.csrf).send({ text });
    doomed = (await post(seedText())).body as ArticleDetail;
    kept = (await post(OTHER)).body as ArticleDetail;
    const judged = doomed.claims[0];
    const verdict = await ctx.editor.agent
      .post(`/api/claims/${judged?.id}/verdicts`)
      .set('x-csrf-token', ctx.editor.csrf)
      .send({ status: 'verified', version: 0 });
    expect(verdict.status).toBe(201);
  });
  afterAll(async () => {
    await test.drop();
  });

  it('a failed delete leaves the article, its claims and the feed as they were', async () => {
    const before = [await test.db.prisma.claim.count(), await test.db.prisma.claimChange.count()];
    const { deleteArticle } = await import('@claimdesk/api');
    await expect(
      deleteArticle(withFault(test.db, 'article', 'delete'), doomed.id, { id: null, name: 'test' }),
    ).rejects.toThrow('injected fault');
    expect([await test.db.prisma.claim.count(), await test.db.prisma.claimChange.count()]).toEqual(before);
    expect(await test.db.prisma.auditEvent.count()).toBe(0);
  });

  it('removes the article and its claims, lists them as removed in v1 sync, and audits who did it', async () => {
    // A consumer mirrors every claim, then polls after the delete.
    let page = await v1({ limit: 500 });
    const mirrored = new Set<string>(page.body.items.map((c: { id: string }) => c.id));
    while (page.body.hasMore) {
      page = await v1({ cursor: page.body.nextCursor, limit: 500 });
      for (const c of page.body.items) mirrored.add(c.id);
    }
    for (const c of doomed.claims) expect(mirrored.has(c.id)).toBe(true);
    const syncCursor = page.body.syncCursor as string;

    const res = await ctx.admin.agent.delete(`/api/articles/${doomed.id}`).set('x-csrf-token', ctx.admin.csrf);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: doomed.id, claimsRemoved: doomed.claims.length, verdictsRemoved: 1 });

    expect((await ctx.viewer.agent.get(`/api/articles/${doomed.id}`)).status).toBe(404);
    expect(await test.db.prisma.claim.count({ where: { articleId: doomed.id } })).toBe(0);
    expect(await test.db.prisma.statement.count({ where: { articleId: doomed.id } })).toBe(0);
    expect(await test.db.prisma.claim.count({ where: { articleId: kept.id } })).toBe(kept.claims.length);
    const queue = await ctx.viewer.agent.get('/api/claims').query({ pageSize: 200 });
    expect(queue.body.items.every((c: { articleId: string }) => c.articleId === kept.id)).toBe(true);

    const poll = await v1({ updatedSince: syncCursor, limit: 500 });
    expect(poll.status).toBe(200);
    expect(new Set(poll.body.removed)).toEqual(new Set(doomed.claims.map((c) => c.id)));
    expect(poll.body.items).toEqual([]);

    const events = await test.db.prisma.auditEvent.findMany();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'article.deleted',
      // The display name, as in every history; the address only in the details, which admins read.
      actorName: ctx.names.admin,
      actorId: expect.any(String),
      subjectType: 'article',
      subjectId: doomed.id,
    });
    expect(JSON.parse(events[0]?.details ?? '{}')).toMatchObject({
      title: doomed.title,
      contentHash: doomed.contentHash,
      claimsRemoved: doomed.claims.length,
      actorEmail: ctx.emails.admin,
    });
  });

  it('answers 404 for an article that is not there, and an editor may not delete', async () => {
    const again = await ctx.admin.agent.delete(`/api/articles/${doomed.id}`).set('x-csrf-token', ctx.admin.csrf);
    expect(again.status).toBe(404);
    expect(again.body.error).toMatchObject({ code: 'not_found', path: ['id'] });
    const editor = await ctx.editor.agent.delete(`/api/articles/${kept.id}`).set('x-csrf-token', ctx.editor.csrf);
    expect(editor.status).toBe(403);
    expect(await test.db.prisma.article.count()).toBe(1);
  });

  it('the same text can be imported again after a delete', async () => {
    const res = await ctx.admin.agent
      .post('/api/articles')
      .set('x-csrf-token', ctx.admin.csrf)
      .send({ text: seedText() });
    expect(res.status).toBe(201);
    expect(res.body.id).not.toBe(doomed.id);
  });
});
