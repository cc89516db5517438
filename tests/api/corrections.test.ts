import type { ArticleDetail, Claim, ClaimDetail, CorrectionResponse } from '@claimdesk/contracts';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedText } from '../support/api-client.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

describe.each(DATABASE_KINDS)('corrections of the extraction on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let article: ArticleDetail;
  const text = seedText();
  const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
  const byText = (t: string, k: Claim['kind'] = 'figure') => {
    const c = article.claims.find((x) => x.kind === k && x.text.startsWith(t));
    if (!c) throw new Error(`no ${k} claim "${t}" in the seed`);
    return c;
  };
  const correct = (claimId: string, body: object) =>
    ctx.editor.agent.post(`/api/claims/${claimId}/corrections`).set('x-csrf-token', ctx.editor.csrf).send(body);
  const add = (body: object) =>
    ctx.editor.agent.post(`/api/articles/${article.id}/claims`).set('x-csrf-token', ctx.editor.csrf).send(body);
  const detail = async (claimId: string) => (await ctx.viewer.agent.get(`/api/claims/${claimId}`)).body as ClaimDetail;
  const refresh = async () => {
    article = (await ctx.viewer.agent.get(`/api/articles/${article.id}`)).body as ArticleDetail;
  };

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ctx = await createTestApp(test.db);
    const res = await ctx.admin.agent
      .post('/api/articles')
      .set('x-csrf-token', ctx.admin.csrf)
      .send({ text, fileName: '00_2022-02-27_jagran.txt' });
    article = res.body as ArticleDetail;
  });
  afterAll(async () => {
    await test.drop();
  });

  describe('edit', () => {
    it("corrects a figure's category: a new version, an event with before and after, no verdict", async () => {
      const guns = byText('15 heavy machine guns');
      const res = await correct(guns.id, {
        kind: 'edit',
        fields: { category: 'artillery' },
        note: 'guns are artillery here',
        version: 0,
      });
      expect(res.status).toBe(201);
      const body = res.body as CorrectionResponse;
      expect(body.claim).toMatchObject({ version: 1, status: 'pending', isCorrected: true, isRejected: false });
      expect(body.claim.figure?.category).toBe('artillery');
      expect(body.correction).toMatchObject({
        kind: 'edit',
        before: { category: 'other' },
        after: { category: 'artillery' },
        note: 'guns are artillery here',
        author: ctx.names.editor,
        version: 1,
      });
      const d = await detail(guns.id);
      expect(d.verdicts).toEqual([]);
      expect(d.corrections.map((c) => c.kind)).toEqual(['edit']);
    });

    it('refuses a stale version with 409 and the claim as it stands, and changes nothing', async () => {
      const guns = byText('15 heavy machine guns');
      const res = await correct(guns.id, { kind: 'edit', fields: { category: 'tanks' }, version: 0 });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'version_conflict', path: ['version'] });
      expect(res.body.error.details.claim).toMatchObject({ id: guns.id, version: 1 });
      expect(res.body.error.details.claim.figure.category).toBe('artillery');
      expect(await test.db.prisma.claimCorrection.count({ where: { claimId: guns.id } })).toBe(1);
    });

    it('a stale reject or restore is refused the same way', async () => {
      const tanks = byText('102 tanks');
      const res = await correct(tanks.id, { kind: 'reject', version: 7 });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('version_conflict');
      expect((await detail(tanks.id)).isRejected).toBe(false);
    });

    it("corrects a figure's value, qualifier, subject, span and since in one event", async () => {
      const soldiers = byText('over 3,500 soldiers');
      const res = await correct(soldiers.id, {
        kind: 'edit',
        fields: { span: at('3,500 soldiers'), value: 3500, qualifier: 'exact', subject: 'russia', since: null },
        version: soldiers.version,
      });
      expect(res.status).toBe(201);
      const body = res.body as CorrectionResponse;
      expect(body.claim).toMatchObject({ text: '3,500 soldiers', ...at('3,500 soldiers') });
      expect(body.claim.figure).toMatchObject({ qualifier: 'exact', since: null });
      // Only what changed is recorded.
      expect(body.correction.before).toEqual({
        span: { text: 'over 3,500 soldiers', ...at('over 3,500 soldiers') },
        qualifier: 'more_than',
        since: '2022-02-24',
      });
    });

    it("corrects the statement's source and canonical name on a figure: the statement and all its claims follow", async () => {
      const tanks = byText('102 tanks');
      const res = await correct(tanks.id, {
        kind: 'edit',
        fields: { sourceCanonical: 'Ukrainian Armed Forces', source: at('Ukraine said'), side: 'ukraine' },
        version: tanks.version,
      });
      expect(res.status).toBe(201);
      const body = res.body as CorrectionResponse;
      // side was already ukraine: not a change
      expect(Object.keys(body.correction.after).sort()).toEqual(['source', 'sourceCanonical']);
      expect(body.correction.after.source).toEqual({ text: 'Ukraine said', ...at('Ukraine said') });
      await refresh();
      const siblings = article.claims.filter((c) => c.statementId === tanks.statementId);
      expect(siblings.length).toBeGreaterThan(2);
      for (const c of siblings) expect(c.sourceCanonical).toBe('Ukrainian Armed Forces');
      const statement = article.statements.find((s) => s.id === tanks.statementId);
      expect(statement?.source?.text).toBe('Ukraine said');
      expect(body.alsoChanged.map((c) => c.id).sort()).toEqual(
        siblings
          .filter((c) => c.id !== tanks.id)
          .map((c) => c.id)
          .sort(),
      );
    });

    it("corrects a statement's content span, cue and date; its claim takes the new span", async () => {
      const s3 = byText('Kyiv is ready for talks', 'statement');
      const res = await correct(s3.id, {
        kind: 'edit',
        fields: { content: at('Kyiv is ready for talks, but'), cue: null, asOf: '2022-02-26' },
        version: s3.version,
      });
      expect(res.status).toBe(201);
      expect((res.body as CorrectionResponse).claim).toMatchObject({
        text: 'Kyiv is ready for talks, but',
        asOf: '2022-02-26',
      });
      await refresh();
      expect(article.statements.find((s) => s.id === s3.statementId)).toMatchObject({ cue: null, asOf: '2022-02-26' });
    });

    it('refuses bad input with the field at fault, and changes nothing', async () => {
      const tanks = byText('102 tanks');
      const v = (await detail(tanks.id)).version;
      const cases: Array<[object, Array<string | number>, number]> = [
        [{ kind: 'edit', fields: {}, version: v }, ['fields'], 400],
        [{ kind: 'edit', fields: { category: 'spaceships' }, version: v }, ['fields', 'category'], 400],
        [
          { kind: 'edit', fields: { span: { start: 5, end: text.length + 5 } }, version: v },
          ['fields', 'span', 'end'],
          400,
        ],
        [{ kind: 'edit', fields: { span: { start: 10, end: 4 } }, version: v }, ['fields', 'span', 'end'], 400],
        [{ kind: 'edit', fields: { span: at('Posted By') }, version: v }, ['fields', 'span'], 400],
        [{ kind: 'edit', fields: { value: 102 }, version: v }, ['fields'], 400],
        [{ kind: 'rate', version: v }, ['kind'], 400],
        [{ kind: 'edit', fields: { category: 'tanks' } }, ['version'], 400],
      ];
      for (const [body, path, status] of cases) {
        const res = await correct(tanks.id, body);
        expect(res.status, JSON.stringify(body)).toBe(status);
        expect(res.body.error.path).toEqual(path);
      }
      const s1 = byText('it is "ready for talks"', 'statement');
      const onStatement = await correct(s1.id, { kind: 'edit', fields: { category: 'tanks' }, version: s1.version });
      expect(onStatement.status).toBe(400);
      expect(onStatement.body.error.path).toEqual(['fields', 'category']);
      expect((await detail(tanks.id)).version).toBe(v);
    });

    it('needs an editor: a viewer gets 403', async () => {
      const tanks = byText('102 tanks');
      const res = await ctx.viewer.agent
        .post(`/api/claims/${tanks.id}/corrections`)
        .set('x-csrf-token', ctx.viewer.csrf)
        .send({ kind: 'reject', version: 0 });
      expect(res.status).toBe(403);
    });
  });

  describe('reject and restore', () => {
    it('rejects a statement with its figures: out of the queue, counts, feeds and exports, not judgeable', async () => {
      const s9 = byText('they have detained', 'statement');
      const figures = article.claims.filter((c) => c.statementId === s9.statementId && c.kind === 'figure');
      expect(figures).toHaveLength(2);
      const judged = figures[0] as Claim;
      const verdict = await ctx.editor.agent
        .post(`/api/claims/${judged.id}/verdicts`)
        .set('x-csrf-token', ctx.editor.csrf)
        .send({ status: 'verified', version: judged.version });
      expect(verdict.status).toBe(201);
      const before = (await ctx.viewer.agent.get('/api/v1/claims?limit=500')).body.syncCursor as string;

      const res = await correct(s9.id, { kind: 'reject', note: 'narration, not a statement', version: s9.version });
      expect(res.status).toBe(201);
      const body = res.body as CorrectionResponse;
      expect(body.claim).toMatchObject({ isRejected: true, isCorrected: true, version: s9.version + 1 });
      expect(body.alsoChanged.map((c) => c.id).sort()).toEqual(figures.map((f) => f.id).sort());
      for (const f of body.alsoChanged) expect(f.isRejected).toBe(true);
      // the verdict history is untouched: a rejection is not a rating
      expect((await detail(judged.id)).verdicts).toHaveLength(1);

      const ids = [s9.id, ...figures.map((f) => f.id)];
      const queue = (await ctx.viewer.agent.get(`/api/claims?articleId=${article.id}&pageSize=500`)).body;
      expect(queue.items.map((c: Claim) => c.id)).not.toContain(s9.id);
      expect(queue.total).toBe(article.claims.length - 3);
      const rejected = (await ctx.viewer.agent.get(`/api/claims?articleId=${article.id}&rejected=only`)).body;
      expect(rejected.items.map((c: Claim) => c.id).sort()).toEqual(ids.sort());
      const list = (await ctx.viewer.agent.get('/api/articles')).body.items[0];
      expect(list.counts.total).toBe(article.claims.length - 3);
      // editors still see them on the article page
      await refresh();
      expect(
        article.claims
          .filter((c) => c.isRejected)
          .map((c) => c.id)
          .sort(),
      ).toEqual(ids.sort());

      const sync = (await ctx.viewer.agent.get(`/api/v1/claims?updatedSince=${before}`)).body;
      expect(sync.removed.sort()).toEqual(ids.sort());
      expect(sync.items).toEqual([]);
      expect(
        (await request(ctx.app).get(`/api/v1/claims/${judged.id}/claimreview`).auth(ctx.apiKey, { type: 'bearer' }))
          .status,
      ).toBe(404);
      const csv = await request(ctx.app).get('/api/v1/claims.csv').auth(ctx.apiKey, { type: 'bearer' });
      expect(csv.text).not.toContain(judged.id);
      const feed = await request(ctx.app).get('/api/v1/claimreviews').auth(ctx.apiKey, { type: 'bearer' });
      expect(JSON.stringify(feed.body)).not.toContain(judged.id);

      const refused = await ctx.editor.agent
        .post(`/api/claims/${s9.id}/verdicts`)
        .set('x-csrf-token', ctx.editor.csrf)
        .send({ status: 'verified', version: s9.version + 1 });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('conflict');
      const again = await correct(s9.id, { kind: 'reject', version: s9.version + 1 });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('conflict');
    });

    it('restores the statement and the figures rejected with it (undo), back in every list', async () => {
      const s9 = (await detail(byText('they have detained', 'statement').id)) as Claim;
      const res = await correct(s9.id, { kind: 'restore', version: s9.version });
      expect(res.status).toBe(201);
      const body = res.body as CorrectionResponse;
      expect(body.claim.isRejected).toBe(false);
      expect(body.alsoChanged).toHaveLength(2);
      const queue = (await ctx.viewer.agent.get(`/api/claims?articleId=${article.id}&pageSize=500`)).body;
      expect(queue.total).toBe(article.claims.length);
      const d = await detail(s9.id);
      expect(d.corrections.map((c) => c.kind)).toEqual(['restore', 'reject']);
    });

    it('restoring a statement leaves a figure rejected on its own rejected', async () => {
      const s11 = byText('Russia has lost 14 aircraft', 'statement');
      const bbm = byText('536 BBMs');
      expect((await correct(bbm.id, { kind: 'reject', version: (await detail(bbm.id)).version })).status).toBe(201);
      expect((await correct(s11.id, { kind: 'reject', version: (await detail(s11.id)).version })).status).toBe(201);
      const restored = await correct(s11.id, { kind: 'restore', version: (await detail(s11.id)).version });
      expect(restored.status).toBe(201);
      expect((restored.body as CorrectionResponse).alsoChanged.map((c) => c.id)).not.toContain(bbm.id);
      expect((await detail(bbm.id)).isRejected).toBe(true);
      expect((await correct(bbm.id, { kind: 'restore', version: (await detail(bbm.id)).version })).status).toBe(201);
    });
  });

  describe('add', () => {
    it('adds a missed figure inside the statement that holds it, from offsets into the raw text', async () => {
      const span = at('72 hours');
      const res = await add({ kind: 'figure', span, value: 72, category: 'other', note: 'the editor counts it' });
      expect(res.status).toBe(201);
      const body = res.body as CorrectionResponse;
      const s13 = byText('72 hours of resistance', 'statement');
      expect(body.claim).toMatchObject({
        kind: 'figure',
        text: '72 hours',
        ...span,
        origin: 'editor',
        isCorrected: true,
        statementId: s13.statementId,
        sourceCanonical: s13.sourceCanonical,
        version: 1,
      });
      expect(body.correction).toMatchObject({ kind: 'add', before: {}, version: 1 });
      const again = await add({ kind: 'figure', span, value: 72 });
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({ code: 'conflict', path: ['span'] });
    });

    it('adds a missed statement with its source', async () => {
      const content = at('thanked the Special Operation Forces of the Russian armed forces');
      const res = await add({
        kind: 'statement',
        content,
        source: at('Vladimir Putin'),
        sourceCanonical: 'Vladimir Putin',
        side: 'russia',
      });
      expect(res.status).toBe(201);
      const body = res.body as CorrectionResponse;
      expect(body.claim).toMatchObject({ kind: 'statement', ...content, side: 'russia', asOf: '2022-02-27' });
      await refresh();
      const statement = article.statements.find((s) => s.id === body.claim.statementId);
      expect(statement?.source).toEqual({ text: 'Vladimir Putin', ...at('Vladimir Putin') });
    });

    it('refuses a figure outside every statement, a blank span, offsets past the end and an unknown article', async () => {
      const outside = await add({ kind: 'figure', span: at('Posted By'), value: 1 });
      expect(outside.status).toBe(400);
      expect(outside.body.error.path).toEqual(['span']);
      const nl = text.indexOf('\n\n');
      const blank = await add({ kind: 'figure', span: { start: nl, end: nl + 2 }, value: 1 });
      expect(blank.status).toBe(400);
      const past = await add({ kind: 'statement', content: { start: 0, end: text.length + 1 }, sourceCanonical: 'X' });
      expect(past.status).toBe(400);
      expect(past.body.error.path).toEqual(['content', 'end']);
      const nameless = await add({ kind: 'statement', content: at('Posted By') });
      expect(nameless.body.error.path).toEqual(['sourceCanonical']);
      const missing = await ctx.editor.agent
        .post('/api/articles/no-such-article/claims')
        .set('x-csrf-token', ctx.editor.csrf)
        .send({ kind: 'figure', span: { start: 0, end: 3 }, value: 1 });
      expect(missing.status).toBe(404);
    });
  });

  describe('re-parse', () => {
    it('keeps every corrected, rejected and added claim as it is, and brings none of them back twice', async () => {
      const s10 = byText('Russia has suffered heavy casulties', 'statement');
      expect((await correct(s10.id, { kind: 'reject', version: (await detail(s10.id)).version })).status).toBe(201);
      await refresh();
      const before = article.claims.filter((c) => c.isCorrected);
      expect(before.length).toBeGreaterThan(5);
      // An outdated parser version makes the next start re-parse; here the admin asks for it.
      const res = await ctx.admin.agent.post(`/api/articles/${article.id}/reparse`).set('x-csrf-token', ctx.admin.csrf);
      expect(res.status).toBe(200);
      const after = res.body as ArticleDetail;
      for (const c of before) {
        const kept = after.claims.find((x) => x.id === c.id);
        expect(kept, c.text).toBeDefined();
        expect({ ...kept, updatedAt: '' }).toEqual({ ...c, updatedAt: '' });
      }
      // the parser's own versions of corrected claims are not added beside them
      const spans = after.claims.filter((c) => !c.isRejected).map((c) => `${c.kind}@${c.start}`);
      expect(new Set(spans).size).toBe(spans.length);
      expect(
        after.claims.filter((c) => c.text.startsWith('over 3,500 soldiers') || c.text === '3,500 soldiers'),
      ).toHaveLength(1);
      expect(after.claims.find((c) => c.text === '15 heavy machine guns')?.figure?.category).toBe('artillery');
      // the corrected statement keeps the editor's source
      const statement = after.statements.find((s) => s.id === byText('102 tanks').statementId);
      expect(statement?.sourceCanonical).toBe('Ukrainian Armed Forces');
      expect(after.claims.find((c) => c.id === s10.id)?.isRejected).toBe(true);
      expect(after.claims.find((c) => c.text === '72 hours')?.origin).toBe('editor');
    });
  });
});
