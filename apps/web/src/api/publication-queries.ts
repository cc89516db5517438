import type {
  ArticleDetail,
  Claim,
  ClaimChangeResponse,
  ClaimStates,
  PublishArticleResponse,
} from '@claimdesk/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client.ts';
import { keys } from './queries.ts';

/** Each claim's version and who changed it last: the live desk polls it every second (ETag: 304 while nothing changed). */
export const claimStatesQuery = (articleId: string) =>
  queryOptions({
    queryKey: ['claim-states', articleId] as const,
    queryFn: () => apiFetch<ClaimStates>(`/api/articles/${encodeURIComponent(articleId)}/claim-states`),
    refetchInterval: 1000,
    refetchIntervalInBackground: true,
  });

/** The one place a claim's newer state enters the article's cache: never over a newer one. */
export function patchClaim(article: ArticleDetail | undefined, claim: Claim): ArticleDetail | undefined {
  if (!article) return article;
  return {
    ...article,
    claims: article.claims.map((c) => (c.id === claim.id && claim.version >= c.version ? claim : c)),
  };
}

type ClaimAction = 'publish' | 'withdraw' | 'retract';

/** Publish a claim's draft, withdraw it (undo), or retract its public verdict with a note, at the version on screen. */
export function useClaimAction(articleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ claim, action, note }: { claim: Claim; action: ClaimAction; note?: string }) =>
      apiFetch<ClaimChangeResponse>(`/api/claims/${encodeURIComponent(claim.id)}/${action}`, {
        method: 'POST',
        body: action === 'retract' ? { version: claim.version, note: note ?? '' } : { version: claim.version },
      }),
    onSuccess: (result) => {
      queryClient.setQueryData<ArticleDetail>(keys.article(articleId), (a) => patchClaim(a, result.claim));
    },
    onSettled: (_data, _error, input) => {
      void queryClient.invalidateQueries({ queryKey: keys.claim(input.claim.id) });
      void queryClient.invalidateQueries({ queryKey: keys.article(articleId) });
      void queryClient.invalidateQueries({ queryKey: keys.articles });
    },
  });
}

/** "Publish all reviewed": the drafts on screen, each at the version seen (one stale: nothing published). */
export function usePublishArticle(articleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (drafts: Claim[]) =>
      apiFetch<PublishArticleResponse>(`/api/articles/${encodeURIComponent(articleId)}/publish`, {
        method: 'POST',
        body: { claims: drafts.map((c) => ({ id: c.id, version: c.version })) },
      }),
    onSuccess: (result) => {
      queryClient.setQueryData<ArticleDetail>(keys.article(articleId), (a) =>
        result.claims.reduce<ArticleDetail | undefined>((acc, c) => patchClaim(acc, c), a),
      );
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: keys.article(articleId) });
      void queryClient.invalidateQueries({ queryKey: ['claim'] });
    },
  });
}

/** A claim whose public verdict consumers see now: it can be retracted (with a note). */
export const isPublic = (claim: Claim) => claim.publishedStatus !== 'pending';

/** A claim whose latest verdict is a draft: the desk sees it, consumers do not yet. */
export const isDraft = (claim: Claim) => claim.latestVerdict !== null && claim.latestVerdict.publishedAt === null;
