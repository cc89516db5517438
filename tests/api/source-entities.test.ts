import type {
  ArticleDetail,
  SourceChangeResponse,
  SourceDetail,
  SourceList,
  V1ClaimDetail,
} from '@claimdesk/contracts';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/api-client.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

const ONE = `date 2022-03-05 Kyiv | Desk One: Regional governor Vitaliy Kim said on Saturday that 12 civilians were killed in Mykolaiv.

Oleksandr Starukh, the governor of Zaporizhzhia, said the city was calm.
`;
const TWO = `date 2022-03-06 Kyiv | Desk Two: Vitalii Kim, the governor of Mykolaiv, said 3 Russian tanks were destroyed near the city.

Alexander Starukh said 40 people were evacuated from the region on Sunday.
`;
const THREE = `date 2022-03-07 Kyiv | Desk Three: Alexander Starukh said 25 buses had left for the city on Monday.
`;

describe.each(DATABASE_KINDS)('source entities on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  const articles: ArticleDetail[] = [];
  const importText = async (text: string) => {
    const res = await ctx.admin.agent.post('/api/articles').set('X-CSRF-Token', ctx.admin.csrf).send({ text });
    expect(res.status).toBe(201);
    return res.body as ArticleDetail;
  };
  const sourceIdOf = async (spelling: string) => {
    const rows = await test.db.prisma.claim.findMany({
      where: { sourceCanonical: spelling },
      select: { sourceId: true },
    });
    const ids = new Set(rows.map((r) => r.sourceId));
    expect(ids.size).toBe(1);
    const [id] = ids;
    if (!id) throw new Error(`no entity for ${spelling}`);
    return id;
  };
  const claimsOf = (spellings: string[]) =>
    test.db.prisma.claim.findMany({
      where: { sourceCanonical: { in: spellings } },
      select: { id: true, sourceId: true },
      orderBy: { id: 'asc' },
    });

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ctx = await createTestApp(test.db);
    articles.push(await importText(ONE), await importText(TWO));
  });
  afterAll(async () => {
    await test.drop();
  });

  it('links parsed names to one entity per person whatever the transliteration (Vitaliy / Vitalii), with its side', async () => {
    const kimId = await sourceIdOf('Vitaliy Kim');
    expect(await sourceIdOf('Vitalii Kim')).toBe(kimId);
    // Two spellings of Starukh's first name are two entities until an admin merges them.
    expect(await sourceIdOf('Oleksandr Starukh')).not.toBe(await sourceIdOf('Alexander Starukh'));

    // The claim says which entity it belongs to, and the search finds it by a Cyrillic spelling.
    const claim = articles[0]?.claims.find((c) => c.sourceCanonical === 'Vitaliy Kim');
    const detail = await ctx.viewer.agent.get(`/api/claims/${claim?.id}`);
    expect(detail.body.sourceId).toBe(kimId);
    const list = await ctx.viewer.agent.get('/api/sources').query({ q: 'Віталій Кім' });
    expect(list.status).toBe(200);
    const body = list.body as SourceList;
    // Spellings that fold to the same key are one alias, which lists them.
    expect(
      body.items.map((s) => [s.name, s.side, s.aliases.map((a) => [a.name, a.spellings, a.claimCount]), s.claimCount]),
    ).toEqual([['Vitaliy Kim', 'ukraine', [['Vitaliy Kim', ['Vitalii Kim', 'Vitaliy Kim'], 4]], 4]]);
  });

  it('an admin merges two entities and every claim follows (queue filter, v1 source entity, change feed, audit); editors and API keys may not', async () => {
    const oleksandr = await sourceIdOf('Oleksandr Starukh');
    const alexander = await sourceIdOf('Alexander Starukh');
    const movedBefore = await claimsOf(['Alexander Starukh']);
    expect(movedBefore.length).toBeGreaterThan(0);

    const byEditor = await ctx.editor.agent
      .post(`/api/sources/${alexander}/merge`)
      .set('X-CSRF-Token', ctx.editor.csrf)
      .send({ into: oleksandr });
    expect(byEditor.status).toBe(403);
    const byKey = await request(ctx.app)
      .post(`/api/sources/${alexander}/merge`)
      .set('authorization', `Bearer ${ctx.apiKey}`)
      .send({ into: oleksandr });
    expect(byKey.status).toBe(403);
    const intoItself = await ctx.admin.agent
      .post(`/api/sources/${alexander}/merge`)
      .set('X-CSRF-Token', ctx.admin.csrf)
      .send({ into: alexander });
    expect(intoItself.status).toBe(400);
    expect(intoItself.body.error).toMatchObject({ code: 'validation_error', path: ['into'] });
    const intoNothing = await ctx.admin.agent
      .post(`/api/sources/${alexander}/merge`)
      .set('X-CSRF-Token', ctx.admin.csrf)
      .send({ into: '00000000-0000-4000-8000-000000000000' });
    expect(intoNothing.status).toBe(404);
    expect(intoNothing.body.error).toMatchObject({ code: 'not_found', path: ['into'] });
    expect(await sourceIdOf('Alexander Starukh')).toBe(alexander);

    const changesBefore = await test.db.prisma.claimChange.count();
    const sync = async (cursor?: string) => {
      const res = await request(ctx.app)
        .get('/api/v1/claims')
        .query({ limit: 500, ...(cursor ? { updatedSince: cursor } : {}) })
        .set('authorization', `Bearer ${ctx.apiKey}`);
      expect(res.status).toBe(200);
      return res.body as { items: Array<{ id: string; sourceId: string | null; version: number }>; syncCursor: string };
    };
    const before = await sync();
    const versionBefore = new Map(before.items.map((c) => [c.id, c.version]));
    const merged = await ctx.admin.agent
      .post(`/api/sources/${alexander}/merge`)
      .set('X-CSRF-Token', ctx.admin.csrf)
      .send({ into: oleksandr });
    expect(merged.status).toBe(200);
    const result = merged.body as SourceChangeResponse;
    expect(result.claimsMoved).toBe(movedBefore.length);
    expect(result.source.name).toBe('Oleksandr Starukh');
    expect(result.source.aliases.map((a) => a.name)).toEqual(['Oleksandr Starukh', 'Alexander Starukh']);

    // Every claim of either spelling now belongs to the one entity; the other is gone.
    const all = await claimsOf(['Oleksandr Starukh', 'Alexander Starukh']);
    expect(all.every((c) => c.sourceId === oleksandr)).toBe(true);
    expect((await ctx.viewer.agent.get(`/api/sources/${alexander}`)).status).toBe(404);
    // Each moved claim is a change that v1 sync consumers receive: a new version with the new entity.
    expect(await test.db.prisma.claimChange.count()).toBe(changesBefore + movedBefore.length);
    const after = await sync(before.syncCursor);
    expect(after.items.map((c) => c.id).sort()).toEqual(movedBefore.map((c) => c.id));
    for (const c of after.items) {
      expect(c.sourceId).toBe(oleksandr);
      expect(c.version).toBe((versionBefore.get(c.id) ?? Number.NaN) + 1);
    }
    expect((await sync(after.syncCursor)).items).toEqual([]);
    const audit = await test.db.prisma.auditEvent.findUniqueOrThrow({ where: { id: result.auditEventId } });
    expect(audit).toMatchObject({ action: 'source.merged', subjectId: oleksandr, actorName: ctx.names.admin });
    expect(JSON.parse(audit.details)).toMatchObject({
      aliases: ['Alexander Starukh'],
      claimsMoved: movedBefore.length,
    });

    // The queue (desk and API key) and the v1 detail filter and describe by entity.
    const queue = await ctx.viewer.agent.get('/api/claims').query({ sourceId: oleksandr, pageSize: 100 });
    expect(queue.body.items.map((c: { id: string }) => c.id).sort()).toEqual(all.map((c) => c.id));
    const consumer = await request(ctx.app)
      .get('/api/v1/claims')
      .query({ sourceId: oleksandr })
      .set('authorization', `Bearer ${ctx.apiKey}`);
    expect(consumer.status).toBe(200);
    expect(consumer.body.items.map((c: { id: string }) => c.id).sort()).toEqual(all.map((c) => c.id));
    const moved = movedBefore[0];
    const v1 = await request(ctx.app).get(`/api/v1/claims/${moved?.id}`).set('authorization', `Bearer ${ctx.apiKey}`);
    expect(v1.status).toBe(200);
    const entity = (v1.body as V1ClaimDetail).sourceEntity;
    expect(entity).toMatchObject({ id: oleksandr, name: 'Oleksandr Starukh', side: 'ukraine' });
    expect(entity?.aliases.map((a) => a.name)).toEqual(['Oleksandr Starukh', 'Alexander Starukh']);

    // A later article with the merged spelling joins the merged entity.
    const three = await importText(THREE);
    expect(three.claims.length).toBeGreaterThan(0);
    expect((await claimsOf(['Alexander Starukh'])).every((c) => c.sourceId === oleksandr)).toBe(true);
  });

  it('an admin splits an alias off with the claims that used it; the only alias cannot be split', async () => {
    const oleksandr = await sourceIdOf('Oleksandr Starukh');
    const source = (await ctx.viewer.agent.get(`/api/sources/${oleksandr}`)).body as SourceDetail;
    const alias = source.aliases.find((a) => a.name === 'Alexander Starukh');
    const res = await ctx.admin.agent
      .post(`/api/sources/${oleksandr}/split`)
      .set('X-CSRF-Token', ctx.admin.csrf)
      .send({ aliasId: alias?.id });
    expect(res.status).toBe(201);
    const split = res.body as SourceChangeResponse;
    const alexanderClaims = await claimsOf(['Alexander Starukh']);
    expect(split.claimsMoved).toBe(alexanderClaims.length);
    expect(alexanderClaims.every((c) => c.sourceId === split.source.id)).toBe(true);
    expect((await claimsOf(['Oleksandr Starukh'])).every((c) => c.sourceId === oleksandr)).toBe(true);
    expect(split.source).toMatchObject({ name: 'Alexander Starukh', side: 'ukraine' });

    const only = split.source.aliases[0];
    const refused = await ctx.admin.agent
      .post(`/api/sources/${split.source.id}/split`)
      .set('X-CSRF-Token', ctx.admin.csrf)
      .send({ aliasId: only?.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'conflict', path: ['aliasId'] });
  });

  it('the source page lists its claims across articles with the verdict record; API keys see published verdicts only', async () => {
    const kimId = await sourceIdOf('Vitaliy Kim');
    const figure = articles[1]?.claims.find((c) => c.text === '3 Russian tanks');
    const marked = await ctx.editor.agent
      .post(`/api/claims/${figure?.id}/verdicts`)
      .set('X-CSRF-Token', ctx.editor.csrf)
      .send({ status: 'disputed', note: 'the army said 2', version: figure?.version });
    expect(marked.status, JSON.stringify(marked.body)).toBe(201);

    const desk = (await ctx.viewer.agent.get(`/api/sources/${kimId}`)).body as SourceDetail;
    expect(desk.record).toEqual({ pending: 3, verified: 0, disputed: 1, unverifiable: 0, total: 4 });
    expect(new Set(desk.claims.map((c) => c.outlet))).toEqual(new Set(['Desk One', 'Desk Two']));
    expect(desk.claims.find((c) => c.id === figure?.id)?.status).toBe('disputed');
    // The verdict is a draft: a consumer sees the claim pending.
    const consumer = await request(ctx.app).get(`/api/sources/${kimId}`).set('authorization', `Bearer ${ctx.apiKey}`);
    expect(consumer.status).toBe(200);
    expect(consumer.body.record).toEqual({ pending: 4, verified: 0, disputed: 0, unverifiable: 0, total: 4 });
    expect(consumer.body.claims.find((c: { id: string }) => c.id === figure?.id)?.status).toBe('pending');
  });

  it('an admin renames an entity or sets its role; a name that is another entity spelling is refused', async () => {
    const kimId = await sourceIdOf('Vitaliy Kim');
    const ok = await ctx.admin.agent
      .patch(`/api/sources/${kimId}`)
      .set('X-CSRF-Token', ctx.admin.csrf)
      .send({ name: 'Vitalii Kim', role: 'Governor of Mykolaiv Oblast' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: 'Vitalii Kim', role: 'Governor of Mykolaiv Oblast', claimCount: 4 });
    const taken = await ctx.admin.agent
      .patch(`/api/sources/${kimId}`)
      .set('X-CSRF-Token', ctx.admin.csrf)
      .send({ name: 'Oleksandr Starukh' });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'conflict', path: ['name'] });
  });
});
