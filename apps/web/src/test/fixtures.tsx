import type { ArticleDetail, Claim, ClaimDetail, ClaimList, Verdict } from '@claimdesk/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';

/** Fresh values for every test: a figure claim inside the seed's loss list. */
export const ARTICLE_TEXT =
  'date 2022-02-27 Kyiv | Desk: Intro. On Saturday, Ukraine said Russia has lost 14 aircraft, 102 tanks and 8 helicopters since February 24. It added more.';

export function makeClaim(overrides: Partial<Claim> = {}): Claim {
  const start = ARTICLE_TEXT.indexOf('102 tanks');
  return {
    id: 'c-tanks',
    articleId: 'a1',
    statementId: 's1',
    kind: 'figure',
    text: '102 tanks',
    start,
    end: start + 9,
    sourceCanonical: 'Ukraine',
    sourceId: 'src-ukraine',
    side: 'ukraine',
    asOf: '2022-02-26',
    figure: {
      value: 102,
      qualifier: 'exact',
      category: 'tanks',
      unit: 'tanks',
      subject: 'russia',
      since: '2022-02-24',
      kind: 'loss',
    },
    status: 'pending',
    publishedStatus: 'pending',
    version: 0,
    isFound: true,
    origin: 'parser',
    isCorrected: false,
    isRejected: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    latestVerdict: null,
    retraction: null,
    ...overrides,
  };
}

export function makeVerdict(overrides: Partial<Verdict> = {}): Verdict {
  return {
    id: 'v1',
    claimId: 'c-tanks',
    status: 'verified',
    note: 'Matches the General Staff',
    evidence: ['https://example.org/report'],
    references: [],
    author: 'Ana P',
    version: 1,
    createdAt: '2026-03-04T10:15:00.000Z',
    publishedAt: null,
    publishedBy: null,
    retractedAt: null,
    retractedBy: null,
    retractionNote: null,
    ...overrides,
  };
}

export function makeDetail(claim: Claim, verdicts: Verdict[] = []): ClaimDetail {
  return {
    ...claim,
    verdicts,
    corrections: [],
    statement: {
      id: 's1',
      source: 'Ukraine',
      sourceCanonical: 'Ukraine',
      side: 'ukraine',
      cue: 'said',
      content: 'Russia has lost 14 aircraft, 102 tanks and 8 helicopters since February 24',
      direct: false,
    },
    article: { id: 'a1', title: 'Seed', publishedOn: '2022-02-27', outlet: 'Desk' },
  };
}

export function makeArticle(claims: Claim[]): ArticleDetail {
  return {
    id: 'a1',
    title: 'Seed',
    fileName: null,
    publishedOn: '2022-02-27',
    dateline: ['Kyiv'],
    outlet: 'Desk',
    byline: null,
    url: null,
    contentHash: 'h',
    parserVersion: 'test',
    createdAt: '2026-01-01T00:00:00.000Z',
    counts: { pending: claims.length, verified: 0, disputed: 0, unverifiable: 0, total: claims.length },
    text: ARTICLE_TEXT,
    version: 1,
    bodyStart: 0,
    statements: [],
    claims,
  };
}

export function makeClaimList(items: Claim[], overrides: Partial<ClaimList> = {}): ClaimList {
  return {
    items,
    page: 1,
    pageSize: 100,
    total: items.length,
    totalCapped: false,
    countsCapped: false,
    counts: { pending: items.length, verified: 0, disputed: 0, unverifiable: 0, total: items.length },
    ...overrides,
  };
}

export const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

type Handler = (url: URL, init: RequestInit | undefined) => Response | Promise<Response>;

/** Replaces fetch with a router over `handlers` (first matching "METHOD /path" prefix wins) and records calls. */
export function mockFetch(handlers: Record<string, Handler>) {
  const calls: Array<{ method: string; url: URL; body: unknown }> = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    // A figure's panel also asks for its reference series and related claims; unless a test
    // answers those itself, there is none (the claim's own handler would match them by prefix).
    const extra = /^\/api\/claims\/([^/]+)\/(reference|related)$/.exec(url.pathname);
    if (method === 'GET' && extra && !handlers[`GET ${url.pathname}`])
      return json(
        200,
        extra[2] === 'reference'
          ? {
              claimId: extra[1],
              relation: { kind: 'no_reference', percent: null, low: null, high: null, explanation: 'no series' },
              comparisons: [],
            }
          : { claimId: extra[1], withinDays: 3, groups: [] },
      );
    const key = Object.keys(handlers).find((k) => {
      const [m, path] = k.split(' ');
      return m === method && url.pathname.startsWith(path ?? '');
    });
    if (!key)
      return json(404, { error: { code: 'not_found', message: `no mock for ${method} ${url.pathname}`, path: [] } });
    return (handlers[key] as Handler)(url, init);
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

export function createTestQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY }, mutations: { retry: false } },
  });
}

/** The providers the app gives every component: a query client and a router (panels link to pages). */
export function withQueryClient(client: QueryClient, children: ReactNode) {
  return (
    <QueryClientProvider client={client}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>
  );
}
