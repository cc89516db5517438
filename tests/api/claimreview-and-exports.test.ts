import { importArticle, publicLinksFromEnv, readEnv } from '@claimdesk/api';
import { type Claim, type RouteDef, routes } from '@claimdesk/contracts';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedText } from '../support/api-client.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

const ORGANISATION = { name: 'Kyiv Fact Desk', url: 'https://factdesk.example.org' };
const PUBLIC_URL = 'https://claimdesk.example.org';
const ORIGINAL_URL = 'https://www.jagran.example/world/ukraine-talks-2022-02-27';

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let isQuoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (isQuoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') isQuoted = false;
      else cell += ch;
    } else if (ch === '"') isQuoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += ch;
  }
  return rows;
}

describe.each(DATABASE_KINDS)('ClaimReview, feed, CSV and OpenAPI on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let claims: Claim[];
  let articleId: string;
  let tanks: Claim;
  let peskov: Claim;
  const note = 'The General Staff counted 80 tanks for 26 February, not 102.';

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ctx = await createTestApp(test.db, { config: { organisation: ORGANISATION, publicUrl: PUBLIC_URL } });
    const { article } = await importArticle(test.db, { text: seedText(), url: ORIGINAL_URL });
    claims = article.claims;
    articleId = article.id;
    tanks = claims.find((c) => c.text === '102 tanks') as Claim;
    expect(tanks.sourceCanonical).toEqual(expect.any(String));
    expect(tanks.asOf).toMatch(/^2022-02-2\d$/);
    peskov = claims.find((c) => c.kind === 'statement' && c.sourceCanonical === 'Dmitry Peskov') as Claim;
    const post = (claim: Claim, body: object) =>
      ctx.editor.agent
        .post(`/api/claims/${claim.id}/verdicts`)
        .set('x-csrf-token', ctx.editor.csrf)
        .send({ ...body, publish: true });
    expect((await post(tanks, { status: 'verified', version: 0 })).status).toBe(201);
    expect(
      (await post(tanks, { status: 'disputed', note, evidence: ['https://example.org/general-staff'], version: 1 }))
        .status,
    ).toBe(201);
    expect(
      (await post(peskov, { status: 'unverifiable', note: 'No second source; Gomel =SUM(A1) "quoted"', version: 0 }))
        .status,
    ).toBe(201);
  });
  afterAll(async () => {
    await test.drop();
  });

  it("serves a claim's current verdict as schema.org ClaimReview JSON-LD, every field", async () => {
    const res = await request(ctx.app)
      .get(`/api/v1/claims/${tanks.id}/claimreview`)
      .set('authorization', `Bearer ${ctx.apiKey}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/ld+json');
    const review = JSON.parse(res.text);
    const today = new Date().toISOString().slice(0, 10);
    const verdictDate = (
      await test.db.prisma.verdict.findFirstOrThrow({ where: { claimId: tanks.id }, orderBy: { version: 'desc' } })
    ).createdAt
      .toISOString()
      .slice(0, 10);
    expect(verdictDate).toBe(today);
    expect(review).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `${PUBLIC_URL}/articles/${articleId}?claim=${tanks.id}`,
      claimReviewed: `${tanks.sourceCanonical}: 102 tanks`,
      datePublished: verdictDate,
      author: { '@type': 'Organization', name: ORGANISATION.name, url: ORGANISATION.url },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 1,
        bestRating: 3,
        worstRating: 1,
        alternateName: 'disputed',
        ratingExplanation: note,
      },
      itemReviewed: {
        '@type': 'Claim',
        // The source: "Ukraine" speaks as an organisation.
        author: {
          '@type': /\s/.test(tanks.sourceCanonical ?? '')
            ? expect.stringMatching(/^(Person|Organization)$/)
            : 'Organization',
          name: tanks.sourceCanonical,
        },
        datePublished: tanks.asOf,
        appearance: {
          '@type': 'CreativeWork',
          url: ORIGINAL_URL,
          headline: expect.stringContaining('ready for talks'),
          datePublished: '2022-02-27',
          publisher: { '@type': 'Organization', name: 'Jagran News Desk' },
        },
      },
    });
  });

  it('names a person as a person, and rates by the latest verdict', async () => {
    const res = await request(ctx.app)
      .get(`/api/v1/claims/${peskov.id}/claimreview`)
      .set('authorization', `Bearer ${ctx.apiKey}`);
    const review = JSON.parse(res.text);
    expect(review.claimReviewed).toBe(peskov.text);
    expect(review.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Dmitry Peskov' });
    expect(review.itemReviewed.datePublished).toBe(peskov.asOf);
    expect(review.reviewRating).toMatchObject({
      alternateName: 'unverifiable',
      ratingValue: 2,
      ratingExplanation: 'No second source; Gomel =SUM(A1) "quoted"',
    });
  });

  it('answers 404 for a claim without a verdict, and for an unknown claim', async () => {
    const pending = claims.find((c) => c.id !== tanks.id && c.id !== peskov.id) as Claim;
    const res = await request(ctx.app)
      .get(`/api/v1/claims/${pending.id}/claimreview`)
      .set('authorization', `Bearer ${ctx.apiKey}`);
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'not_found', path: ['id'] });
    const unknown = await request(ctx.app)
      .get('/api/v1/claims/nope/claimreview')
      .set('authorization', `Bearer ${ctx.apiKey}`);
    expect(unknown.status).toBe(404);
  });

  it('lists every verdicted claim, and only those, in the ClaimReview feed', async () => {
    const res = await request(ctx.app).get('/api/v1/claimreviews').set('authorization', `Bearer ${ctx.apiKey}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/ld+json');
    const feed = JSON.parse(res.text);
    expect(feed['@context']).toBe('https://schema.org');
    const urls = (feed['@graph'] as Array<{ url: string; '@type': string }>).map((r) => r.url).sort();
    expect(urls).toEqual([tanks.id, peskov.id].map((id) => `${PUBLIC_URL}/articles/${articleId}?claim=${id}`).sort());
    expect(feed['@graph'].every((r: { '@type': string }) => r['@type'] === 'ClaimReview')).toBe(true);
    const single = JSON.parse(
      (
        await request(ctx.app)
          .get(`/api/v1/claims/${tanks.id}/claimreview`)
          .set('authorization', `Bearer ${ctx.apiKey}`)
      ).text,
    );
    const { '@context': _c, ...withoutContext } = single;
    expect(feed['@graph']).toContainEqual(withoutContext);
  });

  it('exports every claim with its current verdict as CSV, safe for spreadsheets', async () => {
    const res = await request(ctx.app).get('/api/v1/claims.csv').set('authorization', `Bearer ${ctx.apiKey}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('attachment');
    const rows = parseCsv(res.text);
    const [header, ...body] = rows;
    expect(header?.slice(0, 3)).toEqual(['claim_id', 'article_id', 'article_title']);
    expect(body).toHaveLength(claims.length);
    const col = (name: string) => header?.indexOf(name) ?? -1;
    const tanksRow = body.find((r) => r[col('claim_id')] === tanks.id) ?? [];
    expect(tanksRow[col('status')]).toBe('disputed');
    expect(tanksRow[col('version')]).toBe('2');
    expect(tanksRow[col('verdict_note')]).toBe(note);
    expect(tanksRow[col('verdict_evidence')]).toBe('https://example.org/general-staff');
    expect(tanksRow[col('verdict_author')]).toBe(ctx.names.editor);
    expect(tanksRow[col('value')]).toBe('102');
    expect(tanksRow[col('category')]).toBe('tanks');
    const peskovRow = body.find((r) => r[col('claim_id')] === peskov.id) ?? [];
    expect(peskovRow[col('verdict_note')]).toBe('No second source; Gomel =SUM(A1) "quoted"');
    const pendingRow = body.find((r) => r[col('status')] === 'pending') ?? [];
    expect(pendingRow[col('verdict_note')]).toBe('');
    // No cell starts as a spreadsheet formula.
    expect(body.flat().some((cell) => /^[=+@]/.test(cell))).toBe(false);
    const cached = await request(ctx.app)
      .get('/api/v1/claims.csv')
      .set('authorization', `Bearer ${ctx.apiKey}`)
      .set('if-none-match', res.headers.etag as string);
    expect(cached.status).toBe(304);
  });

  it('reads the organisation of ClaimReview from the environment', () => {
    const env = readEnv({ CLAIMDESK_ORG_NAME: 'Kyiv Fact Desk', CLAIMDESK_ORG_URL: 'https://factdesk.example.org' });
    expect(env).toMatchObject({
      CLAIMDESK_ORG_NAME: 'Kyiv Fact Desk',
      CLAIMDESK_ORG_URL: 'https://factdesk.example.org',
    });
    expect(() => readEnv({ CLAIMDESK_ORG_URL: 'not a url' })).toThrow(/CLAIMDESK_ORG_URL/);
    // Links come only from what is configured: the public URL stands in for the organisation's.
    expect(publicLinksFromEnv(readEnv({ CLAIMDESK_PUBLIC_URL: PUBLIC_URL }))).toEqual({
      organisation: { name: 'claimdesk newsroom', url: PUBLIC_URL },
      publicUrl: PUBLIC_URL,
    });
    expect(publicLinksFromEnv(readEnv({}))).toEqual({
      organisation: { name: 'claimdesk newsroom', url: null },
      publicUrl: null,
    });
  });

  it('documents every route of the table in /api/openapi.json (OpenAPI 3.1) and shows it at /api/docs', async () => {
    const res = await request(ctx.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          {
            operationId: string;
            'x-access': string;
            requestBody?: {
              content: Record<string, { schema: { properties?: object; oneOf?: object[]; anyOf?: object[] } }>;
            };
            responses: Record<string, { content?: Record<string, { schema?: { properties?: object } }> }>;
            parameters: Array<{ name: string; in: string }>;
          }
        >
      >;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['apiKey', 'session']);
    const docs = await request(ctx.app).get('/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
    let operations = 0;
    for (const [id, def] of Object.entries(routes) as Array<[string, RouteDef]>) {
      const path = def.path.replace(/:([A-Za-z]+)/g, '{$1}');
      const op = doc.paths[path]?.[def.method.toLowerCase()];
      expect(op, `${def.method} ${def.path}`).toBeDefined();
      operations += 1;
      expect(op?.operationId).toBe(id);
      expect(op?.['x-access']).toBe(def.access);
      const success = op?.responses[String(def.successStatus ?? 200)];
      expect(success, `${id} success response`).toBeDefined();
      if (def.response)
        expect(
          success?.content?.[def.produces ?? 'application/json']?.schema?.properties,
          `${id} response schema`,
        ).toBeDefined();
      if (def.body) {
        // an object, or a union of objects told apart by a field (corrections: kind)
        const body = op?.requestBody?.content['application/json']?.schema;
        expect(body?.properties ?? body?.oneOf ?? body?.anyOf, `${id} body schema`).toBeDefined();
      }
      for (const name of (def.path.match(/:([A-Za-z]+)/g) ?? []).map((p) => p.slice(1))) {
        expect(op?.parameters).toContainEqual(expect.objectContaining({ name, in: 'path' }));
      }
      if (def.access !== 'public') expect(op?.responses).toHaveProperty('401');
      expect(docs.text).toContain(`<code>${path}</code>`);
    }
    const documented = Object.values(doc.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
    expect(documented).toBe(operations);
    const v1 = doc.paths['/api/v1/claims']?.get;
    expect(v1?.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'status',
        'side',
        'category',
        'articleId',
        'source',
        'from',
        'to',
        'updatedSince',
        'cursor',
        'limit',
      ]),
    );
  });
});
