import { z } from 'zod';
import { claimKindSchema, lineSchema, reviewStatusSchema, sideSchema } from './common.ts';

/**
 * The search page: one box over claims, sources and articles. `highlights` are [start, end)
 * character ranges of the shown text that the query matched (whole words, after folding case,
 * accents and transliteration); the app draws them as text, never as HTML.
 */
export const highlightsSchema = z.array(z.tuple([z.number().int(), z.number().int()]));
export type Highlights = z.infer<typeof highlightsSchema>;

export const searchQuerySchema = z.object({
  q: lineSchema(200),
  /** Results per group. */
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.input<typeof searchQuerySchema>;

export const searchResultsSchema = z.object({
  q: z.string(),
  claims: z.object({
    /** At least this many when `totalCapped` (counted up to SEARCH_COUNT_CAP, as the queue's search). */
    total: z.number().int(),
    totalCapped: z.boolean(),
    items: z.array(
      z.object({
        id: z.string(),
        articleId: z.string(),
        kind: claimKindSchema,
        text: z.string(),
        textHighlights: highlightsSchema,
        sourceCanonical: z.string().nullable(),
        sourceHighlights: highlightsSchema,
        status: reviewStatusSchema,
      }),
    ),
  }),
  sources: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        nameHighlights: highlightsSchema,
        side: sideSchema,
        /** The aliases the query matched, when the name itself did not. */
        matchedAliases: z.array(z.object({ name: z.string(), highlights: highlightsSchema })),
        claimCount: z.number().int(),
      }),
    ),
  }),
  articles: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        titleHighlights: highlightsSchema,
        outlet: z.string().nullable(),
        outletHighlights: highlightsSchema,
        publishedOn: z.string().nullable(),
      }),
    ),
  }),
});
export type SearchResults = z.infer<typeof searchResultsSchema>;
