import type { ArticleDetail, ArticleVersion, ArticleVersionDiff } from '@claimdesk/contracts';
import request from 'supertest';
import { importArticleFile } from '@claimdesk/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedText } from '../support/api-client.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

describe.each(DATABASE_KINDS)('near-duplicate imports become versions on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  const post = (body: object) => ctx.admin.agent.post('/api/articles').set('x-csrf-token', ctx.admin.csrf).send(body);
  const judge = (id: string, status: string, version = 0) =>
    ctx.editor.agent
      .post(`/api/claims/${id}/verdicts`)
      .set('x-csrf-token', ctx.editor.csrf)
      .send({ status, version, note: 'checked against the ministry statement' });

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ctx = await createTestApp(test.db);
  });
  afterAll(async () => {
    await test.drop();
  });

  it('a copy with one word changed is version 2 of the article: unchanged claims keep their verdicts', async () => {
    const v1Text = seedText();
    const first = await post({ text: v1Text, fileName: 'seed.txt' });
    expect(first.status).toBe(201);
    const v1 = first.body as ArticleDetail;
    expect(v1.version).toBe(1);
    // One judged claim that the new text keeps word for word, and one it changes (Kyiv -> Kiev).
    const changing = v1.claims.find((c) => c.kind === 'statement' && c.text.includes('Kyiv'));
    const keeping = v1.claims.find((c) => c.kind === 'statement' && !c.text.includes('Kyiv') && c.id !== changing?.id);
    const pendingChanging = v1.claims.filter((c) => c.text.includes('Kyiv') && c.id !== changing?.id);
    expect(changing && keeping).toBeTruthy();
    expect((await judge(keeping?.id as string, 'verified')).status).toBe(201);
    expect((await judge(changing?.id as string, 'disputed')).status).toBe(201);

    const v2Text = v1Text.replaceAll('Kyiv', 'Kiev');
    const second = await post({ text: v2Text, fileName: 'seed-kiev.txt' });
    expect(second.status).toBe(201);
    const v2 = second.body as ArticleDetail;
    expect(v2.id).toBe(v1.id);
    expect(v2.version).toBe(2);
    expect(v2.text).toBe(v2Text);
    expect(await test.db.prisma.article.count()).toBe(1);
    // The unchanged claim: same row, its verdict, at its offsets in the new text.
    const kept = v2.claims.find((c) => c.id === keeping?.id);
    expect(kept?.latestVerdict?.status).toBe('verified');
    expect(kept?.isFound).toBe(true);
    expect(kept && v2Text.slice(kept.start, kept.end)).toBe(kept?.text);
    // The changed claim: the judged one stays, marked not found; the new text's claim is pending.
    const old = v2.claims.find((c) => c.id === changing?.id);
    expect(old?.isFound).toBe(false);
    expect(old?.latestVerdict?.status).toBe('disputed');
    const renamed = v2.claims.find((c) => c.text === changing?.text.replaceAll('Kyiv', 'Kiev'));
    expect(renamed?.status).toBe('pending');
    // Pending claims whose text changed are gone; every found claim reads from the new text.
    for (const p of pendingChanging) expect(v2.claims.some((c) => c.id === p.id)).toBe(false);
    for (const c of v2.claims.filter((c) => c.isFound)) expect(v2Text.slice(c.start, c.end)).toBe(c.text);
    // Claims whose text did not change keep their ids.
    const unchanged = v1.claims.filter((c) => !c.text.includes('Kyiv'));
    for (const c of unchanged) expect(v2.claims.some((n) => n.id === c.id)).toBe(true);

    // Either text again is a no-op.
    for (const text of [v1Text, v2Text]) {
      const again = await post({ text });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(v1.id);
      expect(again.body.version).toBe(2);
    }
    const versions = await test.db.prisma.articleVersion.findMany({ where: { articleId: v1.id } });
    expect(versions.map((v) => [v.version, v.text])).toEqual([[1, v1Text]]);
    expect(JSON.parse(versions[0]?.changes ?? '{}')).toMatchObject({ removed: pendingChanging.length, notFound: 1 });
  });

  it('another report of the same outlet and day is an article of its own; a file import says "version"', async () => {
    const other =
      'date 2022-02-27 Moscow/ Kyiv | Jagran News Desk: The ministry said 12 tanks were destroyed near Sumy on Sunday.';
    const res = await post({ text: other });
    expect(res.status).toBe(201);
    expect(res.body.version).toBe(1);
    expect(await test.db.prisma.article.count()).toBe(2);

    const v3Text = seedText().replaceAll('Kyiv', 'Kiev').replace('Sunday', 'Sunday morning');
    const [result] = await importArticleFile(test.db, 'seed-v3.txt', Buffer.from(v3Text), {
      limits: { maxChars: 2_000_000 },
    });
    expect(result).toMatchObject({ status: 'version', version: 3, reason: null });
    expect(result?.changes?.kept).toBeGreaterThan(10);
    expect(await test.db.prisma.article.count()).toBe(2);
  });

  it('lists the versions (when, who, what each did to the claims) and shows what changed between two', async () => {
    const seed = await test.db.prisma.article.findFirstOrThrow({ where: { version: 3 } });
    const res = await ctx.admin.agent.get(`/api/articles/${seed.id}/versions`);
    expect(res.status).toBe(200);
    const items = res.body.items as ArticleVersion[];
    expect(items.map((v) => [v.version, v.current])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    // Versions 1 and 2 came through the API (an admin); version 3 from importArticleFile without anyone named.
    expect(items.map((v) => v.storedBy)).toEqual([ctx.names.admin, ctx.names.admin, null]);
    expect(items[0]?.changes).toBeNull();
    const stored = await test.db.prisma.articleVersion.findMany({
      where: { articleId: seed.id },
      orderBy: { version: 'asc' },
    });
    expect(items[1]?.changes).toEqual(JSON.parse(stored[0]?.changes ?? ''));
    expect(items[1]?.changes).toMatchObject({ notFound: 1 });
    expect(items[2]?.changes?.kept).toBeGreaterThan(10);
    // Each stored when the one before was replaced; in order.
    expect(items[1]?.storedAt).toBe(stored[0]?.createdAt.toISOString());
    const times = items.map((v) => Date.parse(v.storedAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // API keys read them too (they are the texts consumers already see).
    const byKey = await request(ctx.app)
      .get(`/api/articles/${seed.id}/versions`)
      .set('authorization', `Bearer ${ctx.apiKey}`);
    expect(byKey.status).toBe(200);

    // Version 2 against version 1: Kyiv became Kiev, sentence by sentence; the rest is left out in stretches.
    const diff = (await ctx.viewer.agent.get(`/api/articles/${seed.id}/versions/diff?from=1&to=2`))
      .body as ArticleVersionDiff;
    expect(diff).toMatchObject({ from: 1, to: 2 });
    const added = diff.parts.filter((p) => p.kind === 'added').map((p) => p.text);
    const removed = diff.parts.filter((p) => p.kind === 'removed').map((p) => p.text);
    expect(diff.added).toBeGreaterThan(0);
    expect(diff.added).toBe(diff.removed);
    expect(added.join('')).toBe(removed.join('').replaceAll('Kyiv', 'Kiev'));
    expect(removed.join('')).toContain('Kyiv');
    expect(added.join('')).not.toContain('Kyiv');
    // Putting the parts back together gives either text (skipped stretches aside).
    const v1 = seedText();
    for (const p of diff.parts.filter((p) => p.kind !== 'skipped' && p.kind !== 'added')) expect(v1).toContain(p.text);
    // The default: the current version against the one before it.
    const latest = (await ctx.viewer.agent.get(`/api/articles/${seed.id}/versions/diff`)).body as ArticleVersionDiff;
    expect(latest).toMatchObject({ from: 2, to: 3, added: 1, removed: 1 });
    expect(latest.parts.filter((p) => p.kind === 'added')[0]?.text).toContain('Sunday morning');
    expect(latest.parts.some((p) => p.kind === 'skipped' && (p.chars ?? 0) > 400)).toBe(true);

    // A version the article does not have, and a bad number: 404 and 400 in the one error shape.
    const missing = await ctx.viewer.agent.get(`/api/articles/${seed.id}/versions/diff?from=1&to=9`);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'not_found', path: ['to'] });
    const bad = await ctx.viewer.agent.get(`/api/articles/${seed.id}/versions/diff?from=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toEqual(['from']);
    const none = await ctx.viewer.agent.get('/api/articles/00000000-0000-4000-8000-000000000000/versions');
    expect(none.status).toBe(404);
  });
});
