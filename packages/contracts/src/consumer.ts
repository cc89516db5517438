import { z } from 'zod';
import { claimDetailSchema, claimSchema, verdictSchema } from './claims.ts';
import { claimReferenceSchema, relatedClaimsSchema } from './reference.ts';
import { sourceSummarySchema } from './sources.ts';
import {
  INT32_MAX,
  idSchema,
  categorySchema,
  isoDateSchema,
  lineSchema,
  reviewStatusSchema,
  sideSchema,
  verdictStatusSchema,
} from './common.ts';

/** The latest year a date-time position may name; the earliest is 1970 (no change is older). */
const EARLIEST = 0;
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59);

/**
 * A position in the change feed: `c<change number>` from a previous page (change numbers are
 * 32-bit on PostgreSQL), or an ISO date-time between 1970 and 9999 (PostgreSQL has no year 0).
 */
export function isFeedPosition(value: string): boolean {
  const cursor = /^c(\d{1,10})$/.exec(value);
  if (cursor?.[1]) return Number(cursor[1]) <= INT32_MAX;
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && time >= EARLIEST && time <= LATEST;
}

const feedPositionSchema = lineSchema(100).refine(
  isFeedPosition,
  'expected a cursor from a previous response (c123) or an ISO date-time from 1970 on',
);

/** Query of the versioned read API. `cursor` comes from the previous page's `nextCursor`. */
export const v1ClaimsQuerySchema = z.object({
  status: z
    .preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(reviewStatusSchema))
    .optional(),
  side: z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(sideSchema)).optional(),
  category: z
    .preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(categorySchema))
    .optional(),
  articleId: lineSchema(100).optional(),
  source: lineSchema(200).optional(),
  /** Claims of one source entity, whichever spelling their article used. */
  sourceId: idSchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  /** Incremental sync: only claims changed after this change cursor (or ISO timestamp). */
  updatedSince: feedPositionSchema.optional(),
  cursor: feedPositionSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const v1ClaimPageSchema = z.object({
  items: z.array(claimSchema),
  /** Pass as `cursor` to get the next page; also valid later as `updatedSince` to get only changes. */
  nextCursor: z.string().nullable(),
  /** Always present: store it and poll with `updatedSince=<syncCursor>` to get every later change once. */
  syncCursor: z.string(),
  hasMore: z.boolean(),
  /** Claims removed in the same range of changes (a re-parse drops pending claims it no longer finds): delete them. */
  removed: z.array(z.string()),
});
export type V1ClaimPage = z.infer<typeof v1ClaimPageSchema>;

export const createWebhookRequestSchema = z
  .object({
    url: lineSchema(2000)
      .pipe(z.string().url('url must be an http(s) URL'))
      .refine((u) => /^https?:\/\//i.test(u), 'url must be an http(s) URL'),
  })
  .strict();

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

/** The body of every webhook delivery: one verdict and the claim as it stands after the event. */
export const webhookPayloadSchema = z.object({
  /**
   * Sent when a verdict becomes public, and when a public one is retracted; never for drafts. A
   * correction of a claim with a public verdict is sent too, with that verdict: `claim.corrected`
   * (its reading changed), `claim.rejected` (not a claim: it leaves every public list, as the v1
   * sync's `removed` says) and `claim.restored`.
   */
  event: z.enum(['verdict.published', 'verdict.retracted', 'claim.corrected', 'claim.rejected', 'claim.restored']),
  verdict: verdictSchema,
  claim: claimSchema,
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

const organizationSchema = z.object({
  '@type': z.literal('Organization'),
  name: z.string(),
  url: z.string().optional(),
});

/** schema.org ClaimReview (https://schema.org/ClaimReview), as /api/v1/claims/:id/claimreview sends it. */
export const claimReviewSchema = z.object({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('ClaimReview'),
  /** The claim's page in the app, under CLAIMDESK_PUBLIC_URL (left out when that is not configured). */
  url: z.string().optional(),
  claimReviewed: z.string(),
  /** The date of the verdict (YYYY-MM-DD). */
  datePublished: z.string(),
  /** The organisation of this installation (CLAIMDESK_ORG_NAME; url: CLAIMDESK_ORG_URL, else CLAIMDESK_PUBLIC_URL). */
  author: organizationSchema,
  reviewRating: z.object({
    '@type': z.literal('Rating'),
    ratingValue: z.number().int(),
    bestRating: z.number().int(),
    worstRating: z.number().int(),
    /** The verdict: verified, disputed or unverifiable. */
    alternateName: verdictStatusSchema,
    /** The editor's note. */
    ratingExplanation: z.string(),
  }),
  itemReviewed: z.object({
    '@type': z.literal('Claim'),
    /** The source of the claim. */
    author: z.object({ '@type': z.enum(['Person', 'Organization']), name: z.string() }),
    datePublished: z.string().optional(),
    /** The article the claim appeared in; url is where it was originally published (left out when unknown). */
    appearance: z.object({
      '@type': z.literal('CreativeWork'),
      url: z.string().optional(),
      headline: z.string(),
      datePublished: z.string().optional(),
      publisher: organizationSchema.optional(),
    }),
  }),
  /** Reference rows the editor cited as evidence (schema.org `citation`), each as the Dataset it comes from. */
  citation: z
    .array(
      z.object({
        '@type': z.literal('Dataset'),
        name: z.string(),
        url: z.string(),
        license: z.string(),
        publisher: organizationSchema,
        /** The row: "146 tanks (russia's losses) on 2022-02-26". */
        description: z.string(),
        temporalCoverage: z.string(),
        variableMeasured: z.string(),
      }),
    )
    .optional(),
});
export type ClaimReview = z.infer<typeof claimReviewSchema>;

/** One claim for consumers: its verdict history, the reference relation and the related claims. */
export const v1ClaimDetailSchema = claimDetailSchema.extend({
  reference: claimReferenceSchema.omit({ claimId: true }),
  related: relatedClaimsSchema.omit({ claimId: true }),
  /** The source entity (canonical name, aliases, side, role); null when the claim names no source. */
  sourceEntity: sourceSummarySchema.nullable(),
});
export type V1ClaimDetail = z.infer<typeof v1ClaimDetailSchema>;

export const claimReviewFeedSchema = z.object({
  '@context': z.literal('https://schema.org'),
  '@graph': z.array(claimReviewSchema.omit({ '@context': true })),
});
export type ClaimReviewFeed = z.infer<typeof claimReviewFeedSchema>;
