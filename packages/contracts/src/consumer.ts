import { z } from 'zod';
import { claimSchema } from './claims.ts';
import { categorySchema, isoDateSchema, reviewStatusSchema, sideSchema } from './common.ts';

/** Query of the versioned read API. `cursor` comes from the previous page's `nextCursor`. */
export const v1ClaimsQuerySchema = z.object({
  status: z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(reviewStatusSchema)).optional(),
  side: z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(sideSchema)).optional(),
  category: z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(categorySchema)).optional(),
  articleId: z.string().max(100).optional(),
  source: z.string().max(200).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  /** Incremental sync: only claims changed after this change cursor (or ISO timestamp). */
  updatedSince: z.string().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const v1ClaimPageSchema = z.object({
  items: z.array(claimSchema),
  /** Pass as `cursor` to get the next page; also valid later as `updatedSince` to get only changes. */
  nextCursor: z.string().nullable(),
  /** Always present: store it and poll with `updatedSince=<syncCursor>` to get every later change once. */
  syncCursor: z.string(),
  hasMore: z.boolean(),
});
export type V1ClaimPage = z.infer<typeof v1ClaimPageSchema>;

export const createWebhookRequestSchema = z.object({
  url: z.string().url('url must be an http(s) URL').refine((u) => /^https?:\/\//i.test(u), 'url must be an http(s) URL'),
}).strict();

export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  isActive: z.boolean(),
  createdAt: z.string(),
});
export const createdWebhookSchema = webhookSchema.extend({
  /** Shown once: the HMAC-SHA256 key of the signature header. */
  secret: z.string(),
});
export const webhookListSchema = z.object({ items: z.array(webhookSchema) });

export const webhookDeliverySchema = z.object({
  id: z.string(),
  webhookId: z.string(),
  verdictId: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const webhookDeliveryListSchema = z.object({ items: z.array(webhookDeliverySchema) });
