import type { SearchResults } from '@claimdesk/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiFetch } from './client.ts';

export const SEARCH_LIMIT = 20;

/** The search page: claims, sources and articles for one query, with the matched ranges. */
export const searchQuery = (q: string) =>
  queryOptions({
    queryKey: ['search', q] as const,
    queryFn: ({ signal }) =>
      apiFetch<SearchResults>(`/api/search?${new URLSearchParams({ q, limit: String(SEARCH_LIMIT) })}`, { signal }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
