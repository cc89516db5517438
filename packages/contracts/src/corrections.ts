import { z } from 'zod';
import { claimSchema } from './claims.ts';
import {
  categorySchema,
  figureKindSchema,
  int32Schema,
  isoDateSchema,
  lineSchema,
  qualifierSchema,
  sideSchema,
  textSchema,
  trimInvisible,
} from './common.ts';
import { correctionSchema } from './correction-events.ts';

/** A slice of the article's raw text by offsets; the server reads the text itself. */
export const offsetsSchema = z
  // Offsets are Int columns: 32-bit on PostgreSQL (see int32Schema).
  .object({ start: int32Schema, end: int32Schema })
  .strict()
  .refine((o) => o.end > o.start, { message: 'end must be after start', path: ['end'] });
export type Offsets = z.infer<typeof offsetsSchema>;

const note = z.string().overwrite(trimInvisible).pipe(textSchema(5000)).default('');
const version = z
  .number({ error: 'version is required: the claim version this correction is based on' })
  .pipe(int32Schema);
const canonicalName = z
  .string()
  .overwrite(trimInvisible)
  .pipe(lineSchema(200))
  .refine((v) => v.length > 0, 'must not be empty');

/**
 * The fields an editor may correct. Source, side, cue, content, date and directness belong to the
 * statement (a figure's are its statement's, so correcting them on a figure corrects the
 * statement); span, value, qualifier, category, unit, subject and since belong to a figure.
 */
export const correctableFieldsSchema = z
  .object({
    source: offsetsSchema.nullable(),
    sourceCanonical: canonicalName.nullable(),
    side: sideSchema,
    cue: offsetsSchema.nullable(),
    content: offsetsSchema,
    asOf: isoDateSchema.nullable(),
    direct: z.boolean(),
    span: offsetsSchema,
    value: z.number().finite().nonnegative().max(1e15, 'must be at most 10^15'),
    qualifier: qualifierSchema,
    category: categorySchema,
    /** loss, count, money, amount or other: only losses are drawn in the figures chart. */
    figureKind: figureKindSchema,
    unit: z.string().overwrite(trimInvisible).pipe(lineSchema(100)),
    subject: sideSchema,
    since: isoDateSchema.nullable(),
  })
  .partial()
  .strict()
  .refine((f) => Object.keys(f).length > 0, 'name at least one field to correct');
export type CorrectableFields = z.infer<typeof correctableFieldsSchema>;

export const STATEMENT_FIELDS = ['source', 'sourceCanonical', 'side', 'cue', 'content', 'asOf', 'direct'] as const;
export const FIGURE_FIELDS = [
  'span',
  'value',
  'qualifier',
  'category',
  'figureKind',
  'unit',
  'subject',
  'since',
] as const;

export const createCorrectionRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('edit'), fields: correctableFieldsSchema, note, version }).strict(),
  z.object({ kind: z.literal('reject'), note, version }).strict(),
  z.object({ kind: z.literal('restore'), note, version }).strict(),
]);
export type CreateCorrectionRequest = z.input<typeof createCorrectionRequestSchema>;

/** A claim the parser missed, from a selection of the article text. */
export const addClaimRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('statement'),
      content: offsetsSchema,
      source: offsetsSchema.nullable().default(null),
      sourceCanonical: canonicalName,
      side: sideSchema.default('unknown'),
      cue: offsetsSchema.nullable().default(null),
      /** Omitted: the article's date. */
      asOf: isoDateSchema.nullable().optional(),
      direct: z.boolean().default(false),
      note,
    })
    .strict(),
  z
    .object({
      kind: z.literal('figure'),
      span: offsetsSchema,
      value: z
        .number({ error: 'value is required: the number the figure states' })
        .finite()
        .nonnegative()
        .max(1e15, 'must be at most 10^15'),
      qualifier: qualifierSchema.default('exact'),
      category: categorySchema.default('other'),
      /** Omitted: money for money, count for refugees, displaced and evacuated, other for other, else loss. */
      figureKind: figureKindSchema.optional(),
      unit: z.string().overwrite(trimInvisible).pipe(lineSchema(100)).default(''),
      subject: sideSchema.default('unknown'),
      since: isoDateSchema.nullable().default(null),
      note,
    })
    .strict(),
]);
export type AddClaimRequest = z.input<typeof addClaimRequestSchema>;

export const correctionResponseSchema = z.object({
  claim: claimSchema,
  correction: correctionSchema,
  /** Other claims the same action changed (a statement's figures, rejected with it). */
  alsoChanged: z.array(claimSchema),
});
export type CorrectionResponse = z.infer<typeof correctionResponseSchema>;
