// The claim-format vocabulary (../shared/docs/claim-format.md) has one home: the parser that produces it.
import { CATEGORIES, FIGURE_KINDS, QUALIFIERS, SIDES } from '@claimdesk/parser';
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

/** What a figure counts: loss | count | money | amount | other (the parser's FIGURE_KINDS). */
export const figureKindSchema = z.enum(FIGURE_KINDS);
export type FigureKind = z.infer<typeof figureKindSchema>;

export const claimKindSchema = z.enum(['statement', 'figure']);
export type ClaimKind = z.infer<typeof claimKindSchema>;

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/**
 * Every number that reaches a database column is bounded by that column's type: Int columns are
 * 32-bit on PostgreSQL, so 2^31 would fail there (500) while SQLite stored it. Refused here, both
 * databases answer the same 400.
 */
export const INT32_MAX = 2_147_483_647;

/** Ids are UUIDs (or an API key's prefix): anything else cannot name a row, so it never reaches a query. */
export const idSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be an id: letters, digits, - and _');
export const int32Schema = z.number().int().min(0).max(INT32_MAX, `must be at most ${INT32_MAX}`);

/**
 * Control characters never belong in what people type: PostgreSQL refuses NUL in text (it answered
 * 500), terminals and CSV readers act on the others. Texts of several lines keep tab, LF and CR;
 * one-line values (names, ids, queries, URLs) refuse every C0 and C1 control.
 */
export function hasControlCharacters(value: string, isMultiline = false): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20) {
      if (isMultiline && (code === 0x09 || code === 0x0a || code === 0x0d)) continue;
      return true;
    }
    if (code === 0x7f || (!isMultiline && code >= 0x80 && code <= 0x9f)) return true;
  }
  return false;
}

/** A one-line string of at most `max` characters without control characters. */
export const lineSchema = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !hasControlCharacters(v), 'must not contain control characters');

/** A text of several lines (a note, an article) of at most `max` characters without control characters. */
export const textSchema = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine(
      (v) => !hasControlCharacters(v, true),
      'must not contain control characters (tab and line breaks are fine)',
    );

/**
 * Characters that take no room on screen: zero-width space, joiners and non-joiners, word joiner,
 * invisible operators, byte-order mark, soft hyphen, bidi marks and isolates, Hangul fillers. A note
 * made only of them looks empty to every reader, so it counts as empty.
 */
const INVISIBLE = new Set([
  0x00ad, 0x034f, 0x061c, 0x115f, 0x1160, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c,
  0x202d, 0x202e, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0x206a, 0x206b, 0x206c,
  0x206d, 0x206e, 0x206f, 0x3164, 0xfeff, 0xffa0,
]);
const isBlank = (char: string) => INVISIBLE.has(char.charCodeAt(0)) || /\s/.test(char);

export function trimInvisible(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isBlank(value.charAt(start))) start++;
  while (end > start && isBlank(value.charAt(end - 1))) end--;
  return value.slice(start, end);
}

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
  'password_change_required',
  'not_found',
  'version_conflict',
  'conflict',
  'payload_too_large',
  'rate_limited',
  'internal_error',
  'unavailable',
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
    /** For internal_error: the id of the log line that holds what happened. */
    reference: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const databaseFaultSchema = z.object({
  fault: z.enum(['database_busy', 'disk_full', 'read_only', 'schema_mismatch']),
  /** The cause and what to do. */
  message: z.string(),
});

export const healthSchema = z.object({
  /** `degraded`: the API answers, but `problems` keeps it from saving (or soon will). */
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['sqlite', 'postgresql']),
  parserVersion: z.string(),
  /** Faults found now (migrations, a read-only file) or met by a request in the last minute. */
  problems: z.array(databaseFaultSchema),
  /** A re-parse after a parser upgrade running in the background: articles done of total. */
  reparse: z.object({ done: z.number().int(), total: z.number().int() }).nullable().optional(),
});
export type Health = z.infer<typeof healthSchema>;
