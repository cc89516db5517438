import { type ArticleDetail, type Claim, type ClaimDetail, webhookPayloadSchema } from '@claimdesk/contracts';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedText } from '../support/api-client.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

/**
 * What a re-parse does to the editors' record: claims with any verdict history stay, figures of a
 * rejected statement stay rejected with it, added claims keep their place in article order; and
 * what a correction of a statement's spans may be.
 */
describe.each(DATABASE_KINDS)('corrections and re-parse on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  const text = seedText();
  const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ctx = await createTestApp(test.db);
  });
  afterAll(async () => {
    await test.drop();
  });

  /** A fresh copy of the seed article (the content hash differs by a trailing line). */
  let copies = 0;
  const importSeed = async (): Promise<ArticleDetail> => {
    copies += 1;
    const res = await ctx.admin.agent
      .post('/api/articles')
      .set('x-csrf-token', ctx.admin.csrf)
      // Each test gets an article of its own: another outlet, so the copy is not taken for a new
      // version of the last test's article (same outlet and day, nearly the same text).
      .send({
        text: `${text}\n${'\n'.repeat(copies)}`,
        fileName: '00_2022-02-27_jagran.txt',
        outlet: `Jagran News Desk (copy ${copies})`,
      });
    expect(res.status).toBe(201);
    return res.body as ArticleDetail;
  };
  const post = (path: string, body: object, as = ctx.editor) =>
    as.agent.post(path).set('x-csrf-token', as.csrf).send(body);
  const reparse = async (articleId: string) => {
    const res = await ctx.admin.agent.post(`/api/articles/${articleId}/reparse`).set('x-csrf-token', ctx.admin.csrf);
    expect(res.status).toBe(200);
    return res.body as ArticleDetail;
  };
  const detail = async (claimId: string) => (await ctx.viewer.agent.get(`/api/claims/${claimId}`)).body as ClaimDetail;
  const find = (article: ArticleDetail, t: string, k: Claim['kind'] = 'figure') => {
    const c = article.claims.find((x) => x.kind === k && x.text.startsWith(t));
    if (!c) throw new Error(`no ${k} claim "${t}"`);
    return c;
  };
  /** An older parser's reading of a claim that the current parser does not find (no text overlaps). */
  const makeUnfound = async (claimId: string) => {
    const header = at('date 2022');
    await test.db.prisma.claim.update({
      where: { id: claimId },
      data: { start: header.start, end: header.end, text: 'date 2022' },
    });
  };

  it('keeps a claim whose published verdict was retracted (desk status pending) when the parser loses it; drops unjudged ones', async () => {
    const article = await importSeed();
    const retracted = find(article, '471 Ukrainian');
    const withdrawn = find(article, '975 military');
    const untouched = find(article, '14 aircraft');

    const published = await post(`/api/claims/${retracted.id}/verdicts`, {
      status: 'verified',
      version: retracted.version,
      publish: true,
    });
    expect(published.status).toBe(201);
    const back = await post(`/api/claims/${retracted.id}/retract`, {
      version: published.body.claim.version,
      note: 'checked against the wrong report',
    });
    expect(back.status).toBe(200);
    expect(back.body.claim).toMatchObject({ status: 'pending', publishedStatus: 'pending' });

    const draft = await post(`/api/claims/${withdrawn.id}/verdicts`, {
      status: 'verified',
      version: withdrawn.version,
    });
    expect(draft.status).toBe(201);
    const undo = await post(`/api/claims/${withdrawn.id}/withdraw`, { version: draft.body.claim.version });
    expect(undo.status).toBe(200);
    expect(await test.db.prisma.verdict.count({ where: { claimId: withdrawn.id } })).toBe(0);

    for (const c of [retracted, withdrawn, untouched]) await makeUnfound(c.id);
    const after = await reparse(article.id);

    const kept = after.claims.find((c) => c.id === retracted.id);
    expect(kept).toMatchObject({ isFound: false, status: 'pending', publishedStatus: 'pending' });
    expect(kept?.retraction?.note).toBe('checked against the wrong report');
    const history = await detail(retracted.id);
    expect(history.verdicts).toHaveLength(1);
    expect(history.verdicts[0]).toMatchObject({
      status: 'verified',
      retractionNote: 'checked against the wrong report',
    });
    // A withdrawn draft left no trace: that claim, and the one never judged, go.
    expect(after.claims.some((c) => c.id === withdrawn.id)).toBe(false);
    expect(after.claims.some((c) => c.id === untouched.id)).toBe(false);
    // The parser's own readings of those spans come back as new, pending claims.
    expect(after.claims.filter((c) => c.text === '975 military infrastructure sites')).toHaveLength(1);
    expect(after.claims.filter((c) => c.text === '471 Ukrainian servicemen')).toHaveLength(1);
  });

  it("rejects what a re-parse finds inside a rejected statement, on the statement's row, and restoring brings it back", async () => {
    const article = await importSeed();
    const statement = find(article, 'they have detained 471', 'statement');
    const rejected = await post(`/api/claims/${statement.id}/corrections`, {
      kind: 'reject',
      version: statement.version,
    });
    expect(rejected.status).toBe(201);
    expect(rejected.body.alsoChanged).toHaveLength(2);
    // An older parser had missed "975 military infrastructure sites": the current one finds it.
    const missed = find(article, '975 military');
    await test.db.prisma.claim.delete({ where: { id: missed.id } });
    const statementsBefore = (await ctx.viewer.agent.get(`/api/articles/${article.id}`)).body.statements.length;

    const after = await reparse(article.id);
    const found = after.claims.filter((c) => c.text === '975 military infrastructure sites');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ isRejected: true, isCorrected: true, statementId: statement.statementId });
    // No second copy of the statement: the rejected one is the figure's home.
    expect(after.statements).toHaveLength(statementsBefore);
    expect(after.claims.filter((c) => c.statementId === statement.statementId).every((c) => c.isRejected)).toBe(true);
    const events = (await detail(found[0]?.id ?? '')).corrections;
    expect(events[0]).toMatchObject({ kind: 'reject', author: 're-parse' });
    // Not in the queue, which lists no rejected claim.
    const queue = await ctx.viewer.agent.get(`/api/claims?articleId=${article.id}&pageSize=100`);
    expect((queue.body.items as Claim[]).some((c) => c.statementId === statement.statementId)).toBe(false);

    // A figure alone cannot come back while its statement is rejected: it would be a live claim
    // inside a non-claim.
    const alone = await post(`/api/claims/${found[0]?.id}/corrections`, {
      kind: 'restore',
      version: found[0]?.version,
    });
    expect(alone.status).toBe(409);
    expect(alone.body.error).toMatchObject({ code: 'conflict', path: ['kind'] });
    expect((await detail(found[0]?.id ?? '')).isRejected).toBe(true);

    const now = await detail(statement.id);
    const restored = await post(`/api/claims/${statement.id}/corrections`, { kind: 'restore', version: now.version });
    expect(restored.status).toBe(201);
    expect((restored.body.alsoChanged as Claim[]).map((c) => c.text).sort()).toEqual([
      '471 Ukrainian servicemen',
      '975 military infrastructure sites',
    ]);
    expect((restored.body.alsoChanged as Claim[]).every((c) => !c.isRejected)).toBe(true);
  });

  it('lists an added claim in article order, before and after a re-parse', async () => {
    const article = await importSeed();
    const inOrder = (claims: Claim[]) => claims.every((c, i) => i === 0 || (claims[i - 1]?.start ?? 0) <= c.start);
    expect(inOrder(article.claims)).toBe(true);
    const added = await post(`/api/articles/${article.id}/claims`, {
      kind: 'statement',
      content: at('The fighting between the Russia armed forces and the Ukrainian military has been brutal'),
      sourceCanonical: 'Jagran News Desk',
    });
    expect(added.status).toBe(201);
    const figure = await post(`/api/articles/${article.id}/claims`, {
      kind: 'figure',
      span: at('February 24'),
      value: 24,
    });
    // "February 24" in Putin's paragraph lies in no statement: refused; the one in the tally is inside one.
    expect(figure.status).toBe(400);
    const since = text.indexOf('February 24', text.indexOf('1 BUK missile'));
    const inTally = await post(`/api/articles/${article.id}/claims`, {
      kind: 'figure',
      span: { start: since, end: since + 'February 24'.length },
      value: 24,
      category: 'other',
    });
    expect(inTally.status).toBe(201);

    const read = (await ctx.viewer.agent.get(`/api/articles/${article.id}`)).body as ArticleDetail;
    expect(inOrder(read.claims)).toBe(true);
    const ids = read.claims.map((c) => c.id);
    expect(ids.indexOf(added.body.claim.id)).toBe(
      ids.indexOf(find(read, 'their forces have entered', 'statement').id) - 1,
    );
    expect(ids.indexOf(inTally.body.claim.id)).toBe(ids.indexOf(find(read, '1 BUK missile').id) + 1);

    const after = await reparse(article.id);
    expect(after.claims.map((c) => c.id)).toEqual(ids);
  });

  it('refuses a content span that would leave a figure outside, or offsets past the end, with the field at fault', async () => {
    const article = await importSeed();
    const statement = find(article, 'Russia has lost 14 aircraft', 'statement');
    const cases: Array<[object, Array<string | number>]> = [
      [{ content: at('Russia has lost 14 aircraft, 8 helicopters') }, ['fields', 'content']],
      [{ content: { start: statement.start, end: text.length + 60 } }, ['fields', 'content', 'end']],
      [{ cue: { start: text.length + 50, end: text.length + 53 } }, ['fields', 'cue', 'end']],
      [{ source: { start: 3, end: 2 } }, ['fields', 'source', 'end']],
      [{ source: at('\n\n') }, ['fields', 'source']],
    ];
    for (const [fields, path] of cases) {
      const res = await post(`/api/claims/${statement.id}/corrections`, {
        kind: 'edit',
        fields,
        version: statement.version,
      });
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(res.body.error.path).toEqual(path);
    }
    // A wider content that still holds every figure, a new cue and source: one event.
    const ok = await post(`/api/claims/${statement.id}/corrections`, {
      kind: 'edit',
      fields: {
        content: at(
          'Russia has lost 14 aircraft, 8 helicopters, 102 tanks, 536 BBMs, 15 heavy machine guns and 1 BUK missile since February 24.',
        ),
        cue: at('said'),
        source: at('Ukraine'),
        sourceCanonical: 'Ukrainian Armed Forces',
      },
      version: statement.version,
    });
    expect(ok.status).toBe(201);
    expect(Object.keys(ok.body.correction.after).sort()).toEqual(['content', 'cue', 'source', 'sourceCanonical']);
    expect(ok.body.claim.text.endsWith('February 24.')).toBe(true);
  });

  it('v1 sync consumers see each correction: an edit as a changed claim, a rejection as a removal, a restore and an add as items', async () => {
    const article = await importSeed();
    const v1 = async (cursor?: string) =>
      (
        await request(ctx.app)
          .get(`/api/v1/claims?limit=500${cursor ? `&updatedSince=${cursor}` : ''}`)
          .auth(ctx.apiKey, { type: 'bearer' })
      ).body as { items: Claim[]; removed: string[]; syncCursor: string };
    const tanks = find(article, '102 tanks');
    const statement = find(article, 'they have detained 471', 'statement');
    const figures = article.claims.filter((c) => c.statementId === statement.statementId && c.kind === 'figure');
    let cursor = (await v1()).syncCursor;

    const edit = await post(`/api/claims/${tanks.id}/corrections`, {
      kind: 'edit',
      fields: { category: 'armoured_vehicles', value: 103 },
      version: tanks.version,
    });
    expect(edit.status).toBe(201);
    let page = await v1(cursor);
    expect(page.removed).toEqual([]);
    expect(page.items.map((c) => c.id)).toEqual([tanks.id]);
    expect(page.items[0]?.figure).toMatchObject({ category: 'armoured_vehicles', value: 103 });
    cursor = page.syncCursor;

    const reject = await post(`/api/claims/${statement.id}/corrections`, {
      kind: 'reject',
      version: statement.version,
    });
    expect(reject.status).toBe(201);
    page = await v1(cursor);
    expect(page.items).toEqual([]);
    expect(page.removed.sort()).toEqual([statement.id, ...figures.map((f) => f.id)].sort());
    cursor = page.syncCursor;

    const restore = await post(`/api/claims/${statement.id}/corrections`, {
      kind: 'restore',
      version: reject.body.claim.version,
    });
    expect(restore.status).toBe(201);
    page = await v1(cursor);
    expect(page.removed).toEqual([]);
    expect(page.items.map((c) => c.id).sort()).toEqual([statement.id, ...figures.map((f) => f.id)].sort());
    cursor = page.syncCursor;

    const added = await post(`/api/articles/${article.id}/claims`, {
      kind: 'statement',
      content: at('The fighting between the Russia armed forces and the Ukrainian military has been brutal'),
      sourceCanonical: 'Jagran News Desk',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    page = await v1(cursor);
    expect(page.items.map((c) => c.id)).toEqual([added.body.claim.id]);
    expect(page.items[0]).toMatchObject({ origin: 'editor', sourceCanonical: 'Jagran News Desk', status: 'pending' });
  });

  it('webhooks hear of corrections to claims with a public verdict (corrected, rejected, restored), and of no other', async () => {
    const article = await importSeed();
    const hook = await test.db.prisma.webhook.create({ data: { url: 'http://127.0.0.1:9/corr', secret: 'whsec_c' } });
    const deliveries = async () =>
      (await test.db.prisma.webhookDelivery.findMany({ where: { webhookId: hook.id }, orderBy: { createdAt: 'asc' } }))
        .map((d) => webhookPayloadSchema.parse(JSON.parse(d.payload)))
        .map((p) => ({
          event: p.event,
          claimId: p.claim.id,
          status: p.verdict.status,
          isRejected: p.claim.isRejected,
        }));
    const statement = find(article, 'they have detained 471', 'statement');
    const servicemen = find(article, '471 Ukrainian');
    const sites = find(article, '975 military');
    const published = await post(`/api/claims/${servicemen.id}/verdicts`, {
      status: 'disputed',
      note: 'the ministry gave 371',
      version: servicemen.version,
      publish: true,
    });
    expect(published.status).toBe(201);
    // A draft on the other figure: consumers never saw it, so its corrections send nothing.
    expect(
      (await post(`/api/claims/${sites.id}/verdicts`, { status: 'verified', version: sites.version })).status,
    ).toBe(201);
    expect(await deliveries()).toEqual([
      { event: 'verdict.published', claimId: servicemen.id, status: 'disputed', isRejected: false },
    ]);

    const edit = await post(`/api/claims/${servicemen.id}/corrections`, {
      kind: 'edit',
      fields: { value: 371 },
      version: published.body.claim.version,
    });
    expect(edit.status).toBe(201);
    const reject = await post(`/api/claims/${statement.id}/corrections`, {
      kind: 'reject',
      version: statement.version,
    });
    expect(reject.status).toBe(201);
    const restore = await post(`/api/claims/${statement.id}/corrections`, {
      kind: 'restore',
      version: reject.body.claim.version,
    });
    expect(restore.status).toBe(201);
    expect((await deliveries()).slice(1)).toEqual([
      { event: 'claim.corrected', claimId: servicemen.id, status: 'disputed', isRejected: false },
      { event: 'claim.rejected', claimId: servicemen.id, status: 'disputed', isRejected: true },
      { event: 'claim.restored', claimId: servicemen.id, status: 'disputed', isRejected: false },
    ]);
    await test.db.prisma.webhook.delete({ where: { id: hook.id } });
  });
});
