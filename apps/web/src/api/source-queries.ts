import type { SourceChangeResponse, SourceDetail, SourceList } from '@claimdesk/contracts';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client.ts';

export const sourceKeys = {
  all: ['sources'] as const,
  list: (q: string, page: number) => ['sources', 'list', q, page] as const,
  one: (id: string) => ['sources', 'one', id] as const,
};

export const SOURCES_PAGE_SIZE = 50;

/** Source entities, most claims first; q matches names and aliases whatever the transliteration. */
export const sourcesQuery = (q: string, page = 1) =>
  queryOptions({
    queryKey: sourceKeys.list(q, page),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ page: String(page), pageSize: String(SOURCES_PAGE_SIZE) });
      if (q) params.set('q', q);
      return apiFetch<SourceList>(`/api/sources?${params}`, { signal });
    },
    placeholderData: keepPreviousData,
  });

export const sourceQuery = (id: string) =>
  queryOptions({
    queryKey: sourceKeys.one(id),
    queryFn: ({ signal }) => apiFetch<SourceDetail>(`/api/sources/${encodeURIComponent(id)}`, { signal }),
  });

/**
 * Merging or splitting moves claims: every source and claim read may have changed. `onDone` runs
 * first (the page moves to the source that now holds the claims), before the merged one's page
 * would refetch into a 404.
 */
function useSourceChange<TVars>(
  run: (vars: TVars) => Promise<SourceChangeResponse>,
  onDone?: (result: SourceChangeResponse) => void,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      client.setQueryData(sourceKeys.one(result.source.id), result.source);
      onDone?.(result);
      await client.invalidateQueries({ queryKey: sourceKeys.all });
      await client.invalidateQueries({ queryKey: ['claims'] });
      await client.invalidateQueries({ queryKey: ['claim'] });
    },
  });
}

export const useMergeSource = (onDone?: (result: SourceChangeResponse) => void) =>
  useSourceChange(
    ({ id, into }: { id: string; into: string }) =>
      apiFetch<SourceChangeResponse>(`/api/sources/${encodeURIComponent(id)}/merge`, {
        method: 'POST',
        body: { into },
      }),
    onDone,
  );

export const useSplitSource = (onDone?: (result: SourceChangeResponse) => void) =>
  useSourceChange(
    ({ id, aliasId }: { id: string; aliasId: string }) =>
      apiFetch<SourceChangeResponse>(`/api/sources/${encodeURIComponent(id)}/split`, {
        method: 'POST',
        body: { aliasId },
      }),
    onDone,
  );

export function useUpdateSource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; name?: string; side?: string; role?: string | null }) =>
      apiFetch<SourceDetail>(`/api/sources/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: async (source) => {
      client.setQueryData(sourceKeys.one(source.id), source);
      await client.invalidateQueries({ queryKey: sourceKeys.all });
    },
  });
}
