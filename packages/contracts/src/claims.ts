import { z } from 'zod';
import {
  categorySchema,
  claimKindSchema,
  figureKindSchema,
  INT32_MAX,
  idSchema,
  int32Schema,
  isoDateSchema,
  lineSchema,
  qualifierSchema,
  textSchema,
  trimInvisible,
  reviewStatusSchema,
  sideSchema,
  verdictStatusSchema,
} from './common.ts';
import { correctionSchema } from './correction-events.ts';
import { referenceEvidenceSchema } from './reference.ts';

export const figureSchema = z.object({
  value: z.number(),
  qualifier: qualifierSchema,
  category: categorySchema,
  unit: z.string(),
  subject: sideSchema,
  since: z.string().nullable(),
  /** What it counts (loss, count, money, amount, other); null when stored by a parser before kinds. */
  kind: figureKindSchema.nullable(),
});
export type Figure = z.infer<typeof figureSchema>;

export const verdictSchema = z.object({
  id: z.string(),
  claimId: z.string(),
  status: verdictStatusSchema,
  note: z.string(),
  evidence: z.array(z.string()),
  /** Rows of reference series the editor used as evidence (copied as they were then). */
  references: z.array(referenceEvidenceSchema),
  author: z.string(),
  /** The claim version this verdict produced. */
  version: z.number().int(),
  createdAt: z.string(),
  /** null while a draft: only the desk sees it. */
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  /** Set when a published verdict was taken back; consumers then see the claim unrated. */
  retractedAt: z.string().nullable(),
  retractedBy: z.string().nullable(),
  retractionNote: z.string().nullable(),
});
export type Verdict = z.infer<typeof verdictSchema>;

export const claimSchema = z.object({
  id: z.string(),
  articleId: z.string(),
  statementId: z.string(),
  kind: claimKindSchema,
  /** The claim's own span in the article text (statement content, or the figure). */
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  sourceCanonical: z.string().nullable(),
  /** The source entity (GET /api/sources/:id) that sourceCanonical is a spelling of. */
  sourceId: z.string().nullable(),
  side: sideSchema,
  asOf: z.string().nullable(),
  figure: figureSchema.nullable(),
  /** On the desk: the latest verdict's status, draft or not. For API keys and /api/v1: the published one. */
  status: reviewStatusSchema,
  /** What consumers see: the status of the latest published verdict (pending if none or retracted). */
  publishedStatus: reviewStatusSchema,
  version: z.number().int(),
  /** false when a re-parse no longer found this (judged) claim. */
  isFound: z.boolean(),
  /** parser, or editor: added by an editor where the parser missed it. */
  origin: z.enum(['parser', 'editor']),
  /** An editor corrected, rejected or added it (see `corrections` on the claim). */
  isCorrected: z.boolean(),
  /** Rejected as not a claim: only editors see it (with its history); consumers never do. */
  isRejected: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  latestVerdict: verdictSchema.nullable(),
  /** The latest published verdict when it was retracted (its note says why); else null. */
  retraction: z
    .object({ verdictId: z.string(), retractedAt: z.string(), retractedBy: z.string(), note: z.string() })
    .nullable(),
});
export type Claim = z.infer<typeof claimSchema>;

export const claimDetailSchema = claimSchema.extend({
  verdicts: z.array(verdictSchema),
  /** Corrections of the extraction, newest first: beside the verdicts, never among them. */
  corrections: z.array(correctionSchema),
  statement: z.object({
    id: z.string(),
    source: z.string().nullable(),
    sourceCanonical: z.string().nullable(),
    side: sideSchema,
    cue: z.string().nullable(),
    content: z.string(),
    direct: z.boolean(),
  }),
  article: z.object({
    id: z.string(),
    title: z.string(),
    publishedOn: z.string().nullable(),
    outlet: z.string().nullable(),
  }),
});
export type ClaimDetail = z.infer<typeof claimDetailSchema>;

export const MAX_EVIDENCE = 20;

export const httpUrlSchema = z
  .string()
  .pipe(lineSchema(2000))
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

export const createVerdictRequestSchema = z
  .object({
    status: verdictStatusSchema,
    /** Invisible characters at either end go first: a note of zero-width spaces is no note. */
    note: z.string().overwrite(trimInvisible).pipe(textSchema(5000)).default(''),
    evidence: z.array(httpUrlSchema).max(MAX_EVIDENCE, `at most ${MAX_EVIDENCE} evidence links`).default([]),
    /** Ids of reference rows (GET /api/claims/:id/reference) used as evidence. */
    references: z
      .array(z.string().min(1).max(100))
      .max(MAX_EVIDENCE, `at most ${MAX_EVIDENCE} reference rows`)
      .default([]),
    /** The claim version the editor saw; a stale one is refused with 409. */
    version: z.number({ error: 'version is required: the claim version this verdict is based on' }).pipe(int32Schema),
    /** false (default): a draft only the desk sees, until published; true: save and publish at once. */
    publish: z.boolean().default(false),
  })
  .strict();
export type CreateVerdictRequest = z.input<typeof createVerdictRequestSchema>;

/** One verdict for several identical claims (the same quote from several outlets): each gets its own history entry. */
export const MAX_CLAIMS_MARKED_TOGETHER = 50;
export const markClaimsRequestSchema = createVerdictRequestSchema
  .omit({ version: true })
  .extend({
    claims: z
      .array(
        z
          .object({
            id: idSchema,
            version: int32Schema,
          })
          .strict(),
      )
      .min(1, 'name at least one claim')
      .max(MAX_CLAIMS_MARKED_TOGETHER, `at most ${MAX_CLAIMS_MARKED_TOGETHER} claims at once`)
      .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'a claim is named twice'),
  })
  .strict();
export type MarkClaimsRequest = z.input<typeof markClaimsRequestSchema>;

export const claimSortSchema = z.enum(['article', 'updated', 'value', 'status', 'asOf']);

const optionalList = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item)).optional();

export const listClaimsQuerySchema = z.object({
  status: optionalList(reviewStatusSchema),
  side: optionalList(sideSchema),
  category: optionalList(categorySchema),
  kind: claimKindSchema.optional(),
  articleId: lineSchema(100).optional(),
  source: lineSchema(200).optional(),
  /** Claims of one source entity, whichever spelling their article used. */
  sourceId: idSchema.optional(),
  q: lineSchema(200).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  /** Claims rejected as not claims: left out unless asked for (editors undo a rejection from here). */
  rejected: z.enum(['exclude', 'include', 'only']).default('exclude'),
  sort: claimSortSchema.default('article'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(INT32_MAX, `page must be at most ${INT32_MAX}`).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListClaimsQuery = z.input<typeof listClaimsQuerySchema>;

/**
 * A search (`q`) counts its matches only up to this many past the page's first row: a common word
 * matching tens of thousands of claims is answered without reading them all. Past it, `total` and
 * `counts` are lower bounds ("1,000+"), flagged by `totalCapped` and `countsCapped`.
 */
export const SEARCH_COUNT_CAP = 1000;

export const claimListSchema = z.object({
  items: z.array(claimSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Claims that match; at least this many when `totalCapped`. */
  total: z.number().int(),
  /**
   * True when a search matched more claims than it counted (SEARCH_COUNT_CAP past the page's first
   * row): `total` is then a lower bound, and a later page counts further. Never true without `q`.
   */
  totalCapped: z.boolean(),
  /** True when the per-status `counts` are lower bounds (a search counted up to its cap). */
  countsCapped: z.boolean(),
  counts: z.object({
    pending: z.number().int(),
    verified: z.number().int(),
    disputed: z.number().int(),
    unverifiable: z.number().int(),
    total: z.number().int(),
  }),
});
export type ClaimList = z.infer<typeof claimListSchema>;

export const createVerdictResponseSchema = z.object({ claim: claimSchema, verdict: verdictSchema });
export type CreateVerdictResponse = z.infer<typeof createVerdictResponseSchema>;

export const markClaimsResponseSchema = z.object({ items: z.array(createVerdictResponseSchema) });
export type MarkClaimsResponse = z.infer<typeof markClaimsResponseSchema>;

/**
 * Losses over time: one point per stored figure claim of kind loss (a count, an amount of money or
 * a historical or imagined toll is no point on a loss chart), for a chart per category and side.
 */
export const figureSeriesQuerySchema = z.object({
  category: categorySchema.default('tanks'),
  /** Whose loss or count (the figure's subject); omitted: every subject. */
  subject: sideSchema.optional(),
  /** As-of range, inclusive: a chart of a long war reads a window of it. */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  /** At most this many points, earliest first; `hasMore` says there were more (ask from the last date). */
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
});
export type FigureSeriesQuery = z.input<typeof figureSeriesQuerySchema>;

export const figurePointSchema = z.object({
  claimId: z.string(),
  articleId: z.string(),
  articleTitle: z.string(),
  /** The side of the source that gave the figure: the series it belongs to. */
  side: sideSchema,
  sourceCanonical: z.string().nullable(),
  subject: sideSchema,
  text: z.string(),
  value: z.number(),
  qualifier: qualifierSchema,
  asOf: isoDateSchema,
  status: reviewStatusSchema,
});
export type FigurePoint = z.infer<typeof figurePointSchema>;

export const figureSeriesSchema = z.object({
  category: categorySchema,
  subject: sideSchema.nullable(),
  /** Sorted by as-of date; figures without a date cannot be placed on the axis and are left out. */
  points: z.array(figurePointSchema),
  /** How many figures of this category had no as-of date. */
  undated: z.number().int(),
  /** More points follow the last one (the answer stopped at `limit`). */
  hasMore: z.boolean(),
});
export type FigureSeries = z.infer<typeof figureSeriesSchema>;
