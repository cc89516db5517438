import type {
  ArticleDetail,
  ArticleList,
  ArticleTitleList,
  ArticleVersionDiff,
  ArticleVersionList,
  Claim,
  ClaimDetail,
  ClaimList,
  ClaimReference,
  ReferenceSeries,
  RelatedClaims,
  CreateVerdictResponse,
  MarkClaimsRequest,
  MarkClaimsResponse,
  DeletedArticle,
  FigureSeries,
  SessionInfo,
  VerdictStatus,
} from '@claimdesk/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch } from './client.ts';

export const keys = {
  session: ['session'] as const,
  articles: ['articles'] as const,
  article: (id: string) => ['articles', id] as const,
  claims: (params: string) => ['claims', params] as const,
  claim: (id: string) => ['claim', id] as const,
  claimReference: (id: string) => ['claim', id, 'reference'] as const,
  relatedClaims: (id: string) => ['claim', id, 'related'] as const,
  referenceSeries: (params: string) => ['reference-series', params] as const,
  figures: (params: string) => ['figures', params] as const,
};

export const sessionQuery = queryOptions({
  queryKey: keys.session,
  queryFn: async (): Promise<SessionInfo | null> => {
    try {
      return await apiFetch<SessionInfo>('/api/session');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

/** The Articles page reads the list a page at a time: a desk holds thousands. */
export const ARTICLES_PAGE_SIZE = 50;
/** One page of the list as the page URL asks it (`sort`, `dir`, `q`, `outlet`, `page`). */
export const articlesQuery = (params: URLSearchParams) => {
  const query = new URLSearchParams(params);
  query.set('pageSize', String(ARTICLES_PAGE_SIZE));
  query.sort();
  return queryOptions({
    queryKey: [...keys.articles, 'list', query.toString()] as const,
    queryFn: () => apiFetch<ArticleList>(`/api/articles?${query.toString()}`),
  });
};

/** A few titles: matching a search (the queue's article filter), or by id (beside a page of claims). */
export const articleTitlesQuery = ({ q, ids }: { q?: string; ids?: string[] }) => {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (ids) params.set('ids', ids.join(','));
  return queryOptions({
    queryKey: [...keys.articles, 'titles', params.toString()] as const,
    queryFn: () => apiFetch<ArticleTitleList>(`/api/article-titles?${params.toString()}`),
    enabled: ids === undefined || ids.length > 0,
    staleTime: 60_000,
  });
};

export const articleQuery = (id: string) =>
  queryOptions({
    queryKey: keys.article(id),
    queryFn: () => apiFetch<ArticleDetail>(`/api/articles/${encodeURIComponent(id)}`),
  });

/** An article's versions (near-duplicate imports), read when its Versions list is opened. */
export const articleVersionsQuery = (id: string) =>
  queryOptions({
    queryKey: [...keys.article(id), 'versions'] as const,
    queryFn: () => apiFetch<ArticleVersionList>(`/api/articles/${encodeURIComponent(id)}/versions`),
  });

/** What changed between two versions' texts. */
export const articleVersionDiffQuery = (id: string, from: number, to: number) =>
  queryOptions({
    queryKey: [...keys.article(id), 'versions', 'diff', from, to] as const,
    queryFn: () =>
      apiFetch<ArticleVersionDiff>(`/api/articles/${encodeURIComponent(id)}/versions/diff?from=${from}&to=${to}`),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const claimsQuery = (params: URLSearchParams) =>
  queryOptions({
    queryKey: keys.claims(params.toString()),
    queryFn: ({ signal }) => apiFetch<ClaimList>(`/api/claims?${params.toString()}`, { signal }),
  });

/** The queue reads fixed-size pages by number, so a reader can jump anywhere in 20,000 claims. */
export const QUEUE_PAGE_SIZE = 100;
export const claimsPageQuery = (filters: URLSearchParams, page: number) => {
  const params = new URLSearchParams(filters);
  params.set('page', String(page));
  params.set('pageSize', String(QUEUE_PAGE_SIZE));
  return claimsQuery(params);
};

export const figureSeriesQuery = (params: URLSearchParams) =>
  queryOptions({
    queryKey: keys.figures(params.toString()),
    queryFn: () => apiFetch<FigureSeries>(`/api/figures/series?${params.toString()}`),
  });

export const claimQuery = (id: string) =>
  queryOptions({
    queryKey: keys.claim(id),
    queryFn: () => apiFetch<ClaimDetail>(`/api/claims/${encodeURIComponent(id)}`),
  });

/** The reference series beside a figure claim, with the relation (advice) and the row to cite. */
export const claimReferenceQuery = (id: string) =>
  queryOptions({
    queryKey: keys.claimReference(id),
    queryFn: () => apiFetch<ClaimReference>(`/api/claims/${encodeURIComponent(id)}/reference`),
    staleTime: 60_000,
  });

/** Claims about the same thing in other articles, by side of the source. */
export const relatedClaimsQuery = (id: string) =>
  queryOptions({
    queryKey: keys.relatedClaims(id),
    queryFn: () => apiFetch<RelatedClaims>(`/api/claims/${encodeURIComponent(id)}/related`),
  });

/** A stretch of the reference series of one category and whose loss (the figures chart). */
export const referenceSeriesQuery = (params: URLSearchParams) =>
  queryOptions({
    queryKey: keys.referenceSeries(params.toString()),
    queryFn: () => apiFetch<ReferenceSeries>(`/api/reference/series?${params.toString()}`),
    staleTime: 5 * 60_000,
  });

export interface MarkClaimInput {
  claim: Claim;
  status: VerdictStatus;
  note: string;
  evidence: string[];
  /** Ids of reference rows cited as evidence. */
  references?: string[];
}

function patchClaimInArticle(article: ArticleDetail | undefined, claim: Claim): ArticleDetail | undefined {
  if (!article) return article;
  return { ...article, claims: article.claims.map((c) => (c.id === claim.id ? claim : c)) };
}

export interface MarkClaimHandlers {
  onSuccess?: (result: CreateVerdictResponse, input: MarkClaimInput) => void;
  onError?: (error: Error, input: MarkClaimInput) => void;
}

export const markClaimKey = (articleId: string) => ['mark-claim', articleId] as const;

/**
 * Marks a claim: the article shows the new status at once; if the server refuses, that one claim
 * goes back to what it was (other verdicts saved meanwhile stay) and the error is reported. A 409
 * brings the other editor's version into the cache. Several claims may be saving at once, so the
 * results come through hook-level handlers, which fire for every call (mutate's own callbacks
 * fire only for the last one).
 */
export function useMarkClaim(articleId: string, handlers: MarkClaimHandlers = {}) {
  const queryClient = useQueryClient();
  const patch = (claim: Claim) =>
    queryClient.setQueryData<ArticleDetail>(keys.article(articleId), (a) => patchClaimInArticle(a, claim));
  return useMutation({
    mutationKey: markClaimKey(articleId),
    mutationFn: ({ claim, status, note, evidence, references = [] }: MarkClaimInput) =>
      apiFetch<CreateVerdictResponse>(`/api/claims/${encodeURIComponent(claim.id)}/verdicts`, {
        method: 'POST',
        body: { status, note, evidence, ...(references.length > 0 ? { references } : {}), version: claim.version },
      }),
    onMutate: async ({ claim, status }) => {
      await queryClient.cancelQueries({ queryKey: keys.article(articleId) });
      patch({ ...claim, status });
    },
    onError: (error, input) => {
      const current =
        error instanceof ApiError && error.code === 'version_conflict'
          ? (error.details as { claim?: Claim } | undefined)?.claim
          : undefined;
      patch(current ?? input.claim);
      handlers.onError?.(error, input);
    },
    onSuccess: (result, input) => {
      patch(result.claim);
      handlers.onSuccess?.(result, input);
    },
    onSettled: (_data, _error, input) => {
      // A refetch while other verdicts are still on their way would briefly undo them on screen.
      if (queryClient.isMutating({ mutationKey: markClaimKey(articleId) }) <= 1) {
        void queryClient.invalidateQueries({ queryKey: keys.article(articleId) });
      }
      void queryClient.invalidateQueries({ queryKey: keys.claim(input.claim.id) });
      void queryClient.invalidateQueries({ queryKey: keys.articles });
      void queryClient.invalidateQueries({ queryKey: ['claims'] });
      void queryClient.invalidateQueries({ queryKey: ['figures'] });
    },
  });
}

/** One verdict for several identical claims at once; every view of claims is refreshed after. */
export function useMarkClaims() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkClaimsRequest) =>
      apiFetch<MarkClaimsResponse>('/api/claims/verdicts', { method: 'POST', body }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['articles'] });
      void queryClient.invalidateQueries({ queryKey: ['claim'] });
      void queryClient.invalidateQueries({ queryKey: ['claims'] });
      void queryClient.invalidateQueries({ queryKey: ['figures'] });
    },
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      apiFetch<SessionInfo>('/api/session', { method: 'POST', body }),
    onSuccess: (session) => {
      // Another user's data must not linger; the session query itself stays observed.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      queryClient.setQueryData(keys.session, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>('/api/session', { method: 'DELETE' }),
    onSettled: () => {
      queryClient.setQueryData(keys.session, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
  });
}

/** Deletes an article; everything that listed it or its claims is read again. */
export function useDeleteArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<DeletedArticle>(`/api/articles/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: keys.article(id) });
      void queryClient.invalidateQueries({ queryKey: keys.articles });
      void queryClient.invalidateQueries({ queryKey: ['claims'] });
      void queryClient.invalidateQueries({ queryKey: ['claim'] });
      void queryClient.invalidateQueries({ queryKey: ['figures'] });
    },
  });
}

/** Changes the signed-in user's own password; the session is read again (no change is forced any more). */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      apiFetch<void>('/api/session/password', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.session }),
  });
}
