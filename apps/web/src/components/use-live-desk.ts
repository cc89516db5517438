import type { ArticleDetail, ClaimDetail } from '@claimdesk/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { apiFetch } from '../api/client.ts';
import { claimStatesQuery, patchClaim } from '../api/publication-queries.ts';
import { keys } from '../api/queries.ts';

export interface LiveNotice {
  claimId: string;
  by: string;
  text: string;
}

/**
 * The live desk: every second the page asks the database (through any API process) for each
 * claim's version; a claim that moved is fetched once and written into both the article and the
 * claim's own cache, so badge, highlight, progress and history come from the same answer. A
 * change by someone else leaves a "changed by" notice.
 */
export function useLiveDesk(articleId: string, myUserId: string | null) {
  const queryClient = useQueryClient();
  const states = useQuery(claimStatesQuery(articleId));
  const [notices, setNotices] = useState<LiveNotice[]>([]);
  const inFlight = useRef(new Set<string>());

  useEffect(() => {
    const items = states.data?.items;
    const article = queryClient.getQueryData<ArticleDetail>(keys.article(articleId));
    if (!items || !article) return;
    const cached = new Map(article.claims.map((c) => [c.id, c]));
    if (items.length !== article.claims.length || items.some((s) => !cached.has(s.id))) {
      // Claims added, removed or re-parsed: the article itself is what changed.
      void queryClient.invalidateQueries({ queryKey: keys.article(articleId) });
      return;
    }
    for (const state of items) {
      const claim = cached.get(state.id);
      if (!claim || state.version <= claim.version || inFlight.current.has(state.id)) continue;
      inFlight.current.add(state.id);
      void apiFetch<ClaimDetail>(`/api/claims/${encodeURIComponent(state.id)}`)
        .then((detail) => {
          queryClient.setQueryData(keys.claim(state.id), detail);
          const { verdicts: _v, statement: _s, article: _a, corrections: _c, ...fresh } = detail;
          queryClient.setQueryData<ArticleDetail>(keys.article(articleId), (a) => patchClaim(a, fresh));
          if (state.changedById !== myUserId && state.changedBy) {
            const by = state.changedBy;
            setNotices((n) => [
              { claimId: state.id, by, text: detail.text },
              ...n.filter((x) => x.claimId !== state.id),
            ]);
          }
        })
        .catch(() => queryClient.invalidateQueries({ queryKey: keys.article(articleId) }))
        .finally(() => inFlight.current.delete(state.id));
    }
  }, [states.data, articleId, myUserId, queryClient]);

  const dismiss = (claimId: string) => setNotices((n) => n.filter((x) => x.claimId !== claimId));
  return { notices, dismiss };
}
