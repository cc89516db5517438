import type { ApiKey, ImportFileResponse, Role, User } from '@claimdesk/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client.ts';

/** What the admin pages read and change: users, API keys, webhooks and their deliveries. */
export interface Webhook {
  id: string;
  url: string;
  isActive: boolean;
  createdAt: string;
}
export interface WebhookDelivery {
  id: string;
  webhookId: string;
  verdictId: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
  updatedAt: string;
}

export const adminKeys = {
  users: ['admin', 'users'] as const,
  apiKeys: ['admin', 'keys'] as const,
  webhooks: ['admin', 'webhooks'] as const,
  deliveries: (id: string) => ['admin', 'webhooks', id, 'deliveries'] as const,
};

export const usersQuery = queryOptions({
  queryKey: adminKeys.users,
  queryFn: () => apiFetch<{ items: User[] }>('/api/users'),
});
export const apiKeysQuery = queryOptions({
  queryKey: adminKeys.apiKeys,
  queryFn: () => apiFetch<{ items: ApiKey[] }>('/api/keys'),
});
export const webhooksQuery = queryOptions({
  queryKey: adminKeys.webhooks,
  queryFn: () => apiFetch<{ items: Webhook[] }>('/api/webhooks'),
});
export const deliveriesQuery = (id: string) =>
  queryOptions({
    queryKey: adminKeys.deliveries(id),
    queryFn: () => apiFetch<{ items: WebhookDelivery[] }>(`/api/webhooks/${encodeURIComponent(id)}/deliveries`),
  });

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; name: string; password: string; role: Role }) =>
      apiFetch<User>('/api/users', { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; role?: Role; isDisabled?: boolean; name?: string }) =>
      apiFetch<User>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string }) => apiFetch<ApiKey & { key: string }>('/api/keys', { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.apiKeys }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<ApiKey>(`/api/keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.apiKeys }),
  });
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { url: string }) =>
      apiFetch<Webhook & { secret: string }>('/api/webhooks', { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.webhooks }),
  });
}

export function useStopWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/webhooks/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.webhooks }),
  });
}

/** Imports one file (its bytes in base64: the server decides whether they are UTF-8); lists are read again. */
export function useImportFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { fileName: string; content: string; map?: string }) =>
      apiFetch<ImportFileResponse>('/api/imports', { method: 'POST', body }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['articles'] });
      void queryClient.invalidateQueries({ queryKey: ['claims'] });
    },
  });
}

/** Fetch a page or file by URL and import it (the server refuses private addresses not on its allow-list). */
export function useImportUrl() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { url: string; map?: string }) =>
      apiFetch<ImportFileResponse>('/api/imports/url', { method: 'POST', body }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['articles'] });
      void queryClient.invalidateQueries({ queryKey: ['claims'] });
    },
  });
}

/** An admin's reset: the answer holds a one-time password, shown once; the user must change it. */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ user: User; password: string }>(`/api/users/${encodeURIComponent(id)}/password`, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}
