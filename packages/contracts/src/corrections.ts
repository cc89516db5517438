import { z } from 'zod';
import { claimSchema } from './claims.ts';
import { categorySchema, figureKindSchema, isoDateSchema, qualifierSchema, sideSchema } from './common.ts';
import { correctionSchema } from './correction-events.ts';

/** A slice of the article's raw text by offsets; the server reads the text itself. */
export const offsetsSchema = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .strict()
  .refine((o) => o.end > o.start, { message: 'end must be after start', path: ['end'] });
export type Offsets = z.infer<typeof offsetsSchema>;

const note = z.string().max(5000, 'note must be at most 5000 characters').default('');
const version = z
  .number({ error: 'version is required: the claim version this correction is based on' })
  .int()
  .nonnegative();
const canonicalName = z.string().trim().min(1, 'must not be empty').max(200);

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
    value: z.number().finite().nonnegative(),
    qualifier: qualifierSchema,
    category: categorySchema,
    /** loss, count, money, amount or other: only losses are drawn in the figures chart. */
    figureKind: figureKindSchema,
    unit: z.string().trim().max(100),
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
      value: z.number({ error: 'value is required: the number the figure states' }).finite().nonnegative(),
      qualifier: qualifierSchema.default('exact'),
      category: categorySchema.default('other'),
      /** Omitted: money for money, count for refugees, displaced and evacuated, other for other, else loss. */
      figureKind: figureKindSchema.optional(),
      unit: z.string().trim().max(100).default(''),
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
