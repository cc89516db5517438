import { z } from 'zod';
import { statusCountsSchema } from './articles.ts';
import { claimKindSchema, idSchema, lineSchema, reviewStatusSchema, sideSchema } from './common.ts';

/** A source entity: one person or body, whatever spelling an article used. */
export const sourceAliasSchema = z.object({
  id: z.string(),
  /** The spelling as first seen in an article. */
  name: z.string(),
  /** The spellings of it that claims use (they fold to the same key: "Zelenskiy", "Zelenskyy"). */
  spellings: z.array(z.string()),
  /** Claims whose source is this alias. */
  claimCount: z.number().int(),
});
export type SourceAlias = z.infer<typeof sourceAliasSchema>;

export const sourceSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  side: sideSchema,
  role: z.string().nullable(),
  aliases: z.array(sourceAliasSchema),
  claimCount: z.number().int(),
});
export type SourceSummary = z.infer<typeof sourceSummarySchema>;

export const sourceClaimSchema = z.object({
  id: z.string(),
  articleId: z.string(),
  articleTitle: z.string(),
  outlet: z.string().nullable(),
  publishedOn: z.string().nullable(),
  kind: claimKindSchema,
  text: z.string(),
  /** The spelling this claim's article used. */
  sourceCanonical: z.string().nullable(),
  asOf: z.string().nullable(),
  value: z.number().nullable(),
  /** On the desk the latest verdict's status; for API keys the published one. */
  status: reviewStatusSchema,
});
export type SourceClaim = z.infer<typeof sourceClaimSchema>;

/** A source with its claims across articles and its verdict record. */
export const sourceDetailSchema = sourceSummarySchema.extend({
  /** Claims per status (the verdict record), rejected claims left out. */
  record: statusCountsSchema,
  /** Its claims, newest article first (at most `claimLimit`). */
  claims: z.array(sourceClaimSchema),
  claimLimit: z.number().int(),
});
export type SourceDetail = z.infer<typeof sourceDetailSchema>;

export const listSourcesQuerySchema = z.object({
  /** Part of a name or alias; case, accents and transliteration do not matter. */
  q: lineSchema(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListSourcesQuery = z.input<typeof listSourcesQuerySchema>;

export const sourceListSchema = z.object({
  items: z.array(sourceSummarySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type SourceList = z.infer<typeof sourceListSchema>;

export const updateSourceRequestSchema = z
  .object({
    name: lineSchema(200)
      .transform((v) => v.trim())
      .pipe(z.string().min(1, 'must not be empty'))
      .optional(),
    side: sideSchema.optional(),
    role: lineSchema(200)
      .transform((v) => v.trim() || null)
      .nullable()
      .optional(),
  })
  .strict();

export const mergeSourceRequestSchema = z.object({
  /** The entity that keeps its name: this one's aliases and claims move to it, and this one goes. */
  into: idSchema,
});

export const splitSourceRequestSchema = z.object({
  /** The alias that becomes an entity of its own, with the claims that used that spelling. */
  aliasId: idSchema,
});

export const sourceChangeResponseSchema = z.object({
  source: sourceDetailSchema,
  /** Claims that moved to `source`. */
  claimsMoved: z.number().int(),
  auditEventId: z.string(),
});
export type SourceChangeResponse = z.infer<typeof sourceChangeResponseSchema>;
