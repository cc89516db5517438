import { z } from 'zod';

/**
 * edit: extracted fields changed; reject: not a claim (a parser error, never a rating of the
 * speaker); restore: a rejection undone; add: a claim the parser missed.
 */
export const correctionKindSchema = z.enum(['edit', 'reject', 'restore', 'add']);
export type CorrectionKind = z.infer<typeof correctionKindSchema>;

/** One correction event, append-only, beside (never inside) the verdict history. */
export const correctionSchema = z.object({
  id: z.string(),
  claimId: z.string(),
  kind: correctionKindSchema,
  /** The corrected fields as they were, and as they became (only the fields that changed). */
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  note: z.string(),
  author: z.string(),
  /** The claim version this correction produced. */
  version: z.number().int(),
  createdAt: z.string(),
});
export type Correction = z.infer<typeof correctionSchema>;
