// The claim-format vocabulary (../shared/docs/claim-format.md) has one home: the parser that produces it.
import { CATEGORIES, QUALIFIERS, SIDES } from '@claimdesk/parser';
import { z } from 'zod';

export const sideSchema = z.enum(SIDES);
export type Side = z.infer<typeof sideSchema>;

export const reviewStatusSchema = z.enum(['pending', 'verified', 'disputed', 'unverifiable']);
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;

export const verdictStatusSchema = z.enum(['verified', 'disputed', 'unverifiable']);
export type VerdictStatus = z.infer<typeof verdictStatusSchema>;

export const qualifierSchema = z.enum(QUALIFIERS);
export type Qualifier = z.infer<typeof qualifierSchema>;

export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

export const claimKindSchema = z.enum(['statement', 'figure']);
export type ClaimKind = z.infer<typeof claimKindSchema>;

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** A slice of the article's raw text: `text.slice(start, end)`. */
export const spanSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Span = z.infer<typeof spanSchema>;

export const errorCodeSchema = z.enum([
  'validation_error',
  'invalid_json',
  'unauthorized',
  'forbidden',
  'csrf_failed',
  'not_found',
  'version_conflict',
  'conflict',
  'payload_too_large',
  'rate_limited',
  'internal_error',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** Every error the API sends has this one shape. */
export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    /** Path of the offending field in the request ([] when the request as a whole is at fault). */
    path: z.array(z.union([z.string(), z.number()])),
    /** Every problem found, when there are several. */
    issues: z.array(z.object({ message: z.string(), path: z.array(z.union([z.string(), z.number()])) })).optional(),
    /** Extra, code-specific data (for version_conflict: the claim as it now stands). */
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgresql']),
  parserVersion: z.string(),
});
export type Health = z.infer<typeof healthSchema>;
