import type {
  AddClaimRequest,
  ArticleDetail,
  Claim,
  CorrectableFields,
  CorrectionResponse,
} from '@claimdesk/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client.ts';
import { keys } from './queries.ts';

export type CorrectionInput =
  | { claim: Claim; kind: 'edit'; fields: CorrectableFields; note?: string }
  | { claim: Claim; kind: 'reject' | 'restore'; note?: string };

/**
 * Corrections change what the parser read, so every view of the claim (the article, its history,
 * the queue, the chart) is read again; the answer patches the article at once, with the other
 * claims the same action changed (a statement's figures).
 */
function useRefreshAfterCorrection(articleId: string) {
  const queryClient = useQueryClient();
  return {
    patch: (result: CorrectionResponse) => {
      const changed = new Map([result.claim, ...result.alsoChanged].map((c) => [c.id, c]));
      queryClient.setQueryData<ArticleDetail>(keys.article(articleId), (a) =>
        a ? { ...a, claims: a.claims.map((c) => changed.get(c.id) ?? c) } : a,
      );
    },
    invalidate: (claimId?: string) => {
      void queryClient.invalidateQueries({ queryKey: keys.article(articleId) });
      if (claimId) void queryClient.invalidateQueries({ queryKey: keys.claim(claimId) });
      void queryClient.invalidateQueries({ queryKey: keys.articles });
      void queryClient.invalidateQueries({ queryKey: ['claims'] });
      void queryClient.invalidateQueries({ queryKey: ['figures'] });
    },
  };
}

export function useCorrectClaim(articleId: string) {
  const refresh = useRefreshAfterCorrection(articleId);
  return useMutation({
    mutationFn: ({ claim, ...body }: CorrectionInput) =>
      apiFetch<CorrectionResponse>(`/api/claims/${encodeURIComponent(claim.id)}/corrections`, {
        method: 'POST',
        body: { ...body, version: claim.version },
      }),
    onSuccess: (result) => refresh.patch(result),
    onSettled: (_data, _error, input) => refresh.invalidate(input.claim.id),
  });
}

export function useAddClaim(articleId: string) {
  const refresh = useRefreshAfterCorrection(articleId);
  return useMutation({
    mutationFn: (body: AddClaimRequest) =>
      apiFetch<CorrectionResponse>(`/api/articles/${encodeURIComponent(articleId)}/claims`, { method: 'POST', body }),
    onSettled: () => refresh.invalidate(),
  });
}
