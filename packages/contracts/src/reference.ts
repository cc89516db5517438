import { z } from 'zod';
import { categorySchema, isoDateSchema, qualifierSchema, reviewStatusSchema, sideSchema } from './common.ts';

/** A published series to check figures against, with where it comes from and under which licence. */
export const referenceDatasetSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  publisher: z.string(),
  licence: z.string(),
  url: z.string(),
  /** Values are running totals counted from this date; null when each value stands for its day. */
  cumulativeFrom: isoDateSchema.nullable(),
});
export type ReferenceDataset = z.infer<typeof referenceDatasetSchema>;

export const referencePointSchema = z.object({
  id: z.string(),
  date: isoDateSchema,
  value: z.number(),
  qualifier: qualifierSchema,
});
export type ReferencePoint = z.infer<typeof referencePointSchema>;

/**
 * How a claimed figure stands to a reference series (advice: the editor decides).
 * - consistent: the value lies in the range the series allows for its dates (see `low`, `high`);
 * - above / below: outside that range, by `percent` of the nearer end;
 * - no_reference: no series for this category and whose loss, or none near its date.
 */
export const referenceRelationKindSchema = z.enum(['consistent', 'above', 'below', 'no_reference']);
export type ReferenceRelationKind = z.infer<typeof referenceRelationKindSchema>;

export const referenceRelationSchema = z.object({
  kind: referenceRelationKindSchema,
  /** above / below: the distance to the nearer end of the range, in per cent of it (null from 0). */
  percent: z.number().nullable(),
  /** The range of values the series allows for the claim's dates (null without a reference). */
  low: z.number().nullable(),
  high: z.number().nullable(),
  /** One sentence: what was compared with what. */
  explanation: z.string(),
});
export type ReferenceRelation = z.infer<typeof referenceRelationSchema>;

export const referenceComparisonSchema = z.object({
  dataset: referenceDatasetSchema,
  category: categorySchema,
  subject: sideSchema,
  /** The series on the days around the claim's as-of date (a week either side, for the chart). */
  points: z.array(referencePointSchema),
  /** The series around the since date, when the claim counts from a later day than the series. */
  sincePoints: z.array(referencePointSchema),
  relation: referenceRelationSchema,
  /** The row one key adds to the verdict's evidence: on the as-of date, else the nearest before it. */
  evidencePoint: referencePointSchema.nullable(),
});
export type ReferenceComparison = z.infer<typeof referenceComparisonSchema>;

export const claimReferenceSchema = z.object({
  claimId: z.string(),
  /** The relation to the first dataset that has a series for the claim; no_reference otherwise. */
  relation: referenceRelationSchema,
  comparisons: z.array(referenceComparisonSchema),
});
export type ClaimReference = z.infer<typeof claimReferenceSchema>;

/** A reference row used as a verdict's evidence, as the editor saw it. */
export const referenceEvidenceSchema = z.object({
  /** null once the dataset row is gone (the copy below stays). */
  pointId: z.string().nullable(),
  dataset: z.string(),
  publisher: z.string(),
  licence: z.string(),
  url: z.string(),
  date: isoDateSchema,
  category: categorySchema,
  subject: sideSchema,
  value: z.number(),
  qualifier: qualifierSchema,
});
export type ReferenceEvidence = z.infer<typeof referenceEvidenceSchema>;

/** Another claim about the same quantity (or, for statements, the same words) in another article. */
export const relatedClaimSchema = z.object({
  id: z.string(),
  articleId: z.string(),
  articleTitle: z.string(),
  outlet: z.string().nullable(),
  publishedOn: z.string().nullable(),
  kind: z.enum(['statement', 'figure']),
  text: z.string(),
  sourceCanonical: z.string().nullable(),
  side: sideSchema,
  asOf: z.string().nullable(),
  value: z.number().nullable(),
  qualifier: qualifierSchema.nullable(),
  status: reviewStatusSchema,
  version: z.number().int(),
  /** Statements: how alike the two texts are (1 = the same words). */
  similarity: z.number().nullable(),
});
export type RelatedClaim = z.infer<typeof relatedClaimSchema>;

export const relatedClaimsSchema = z.object({
  claimId: z.string(),
  /** Figures: same category and whose loss, as-of within this many days. */
  withinDays: z.number().int(),
  /** Grouped by the side of the source; sides with no claim are left out. */
  groups: z.array(z.object({ side: sideSchema, claims: z.array(relatedClaimSchema) })),
});
export type RelatedClaims = z.infer<typeof relatedClaimsSchema>;

/** A stretch of every reference series of one category and whose loss (the figures chart draws it beside the claims). */
export const referenceSeriesQuerySchema = z.object({
  category: categorySchema,
  subject: sideSchema,
  from: isoDateSchema,
  to: isoDateSchema,
});
export type ReferenceSeriesQuery = z.input<typeof referenceSeriesQuerySchema>;

export const referenceSeriesSchema = z.object({
  category: categorySchema,
  subject: sideSchema,
  series: z.array(z.object({ dataset: referenceDatasetSchema, points: z.array(referencePointSchema) })),
});
export type ReferenceSeries = z.infer<typeof referenceSeriesSchema>;
