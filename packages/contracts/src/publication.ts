import { z } from 'zod';
import { claimSchema } from './claims.ts';
import { int32Schema, lineSchema, textSchema, trimInvisible } from './common.ts';

const versionSchema = z.number({ error: 'version is required: the claim version this is based on' }).pipe(int32Schema);

/** Publish the claim's draft verdict (its latest) as the editor saw it. */
export const publishClaimRequestSchema = z.object({ version: versionSchema }).strict();

/** Take back the claim's draft verdict: it is removed, as if never saved. */
export const withdrawDraftRequestSchema = z.object({ version: versionSchema }).strict();

/** Take back a published verdict; consumers receive the claim unrated, with this note. */
export const retractClaimRequestSchema = z
  .object({
    version: versionSchema,
    note: z
      .string({ error: 'note is required: say why the verdict is retracted' })
      .overwrite(trimInvisible)
      .pipe(textSchema(5000))
      .refine((v) => v.trim().length > 0, 'note is required: say why the verdict is retracted'),
  })
  .strict();

/**
 * Publish every draft of an article. With `claims`, only those, each at the version the editor
 * saw: if any changed since, nothing is published (409).
 */
export const publishArticleRequestSchema = z
  .object({
    claims: z
      .array(z.object({ id: lineSchema(100), version: versionSchema }).strict())
      .min(1, 'claims: list at least one claim, or leave it out to publish every draft')
      .max(10_000)
      .optional(),
  })
  .strict();

export const claimChangeResponseSchema = z.object({ claim: claimSchema });
export type ClaimChangeResponse = z.infer<typeof claimChangeResponseSchema>;

export const publishArticleResponseSchema = z.object({
  /** How many drafts became public. */
  published: z.number().int(),
  claims: z.array(claimSchema),
});
export type PublishArticleResponse = z.infer<typeof publishArticleResponseSchema>;

/** The live desk: each claim's version and who changed it last, read every second by open pages. */
export const claimStatesSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      version: z.number().int(),
      changedById: z.string().nullable(),
      changedBy: z.string().nullable(),
    }),
  ),
});
export type ClaimStates = z.infer<typeof claimStatesSchema>;
