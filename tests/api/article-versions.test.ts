import type { ArticleDetail } from '@claimdesk/contracts';
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
});
