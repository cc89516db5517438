import { z } from 'zod';
import { claimSchema, httpUrlSchema } from './claims.ts';
import {
  INT32_MAX,
  hasControlCharacters,
  idSchema,
  isoDateSchema,
  lineSchema,
  sideSchema,
  spanSchema,
} from './common.ts';

/**
 * What the server stores is checked there (size limit from its configuration, empty, binary or
 * unreadable text: apps/api check-article-text.ts), so that every way in refuses the same way.
 */
export const createArticleRequestSchema = z.object({
  text: z
    .string({ error: 'is required and must be a string' })
    .refine(
      (v) => !hasControlCharacters(v, true),
      'must not contain control characters (tab and line breaks are fine)',
    ),
  fileName: lineSchema(255).optional(),
  /** Where the article was originally published: ClaimReview's appearance.url. */
  url: httpUrlSchema.optional(),
  /** Metadata from the source (a page's headline, a CSV column): each wins over the text's header. */
  title: lineSchema(500).optional(),
  outlet: lineSchema(200).optional(),
  publishedOn: isoDateSchema.optional(),
  byline: lineSchema(300).optional(),
});
export type CreateArticleRequest = z.infer<typeof createArticleRequestSchema>;

export const statusCountsSchema = z.object({
  pending: z.number().int(),
  verified: z.number().int(),
  disputed: z.number().int(),
  unverifiable: z.number().int(),
  total: z.number().int(),
});
export type StatusCounts = z.infer<typeof statusCountsSchema>;

export const articleSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  fileName: z.string().nullable(),
  publishedOn: z.string().nullable(),
  dateline: z.array(z.string()),
  outlet: z.string().nullable(),
  byline: z.string().nullable(),
  /** Where the article was originally published, when known. */
  url: z.string().nullable(),
  contentHash: z.string(),
  parserVersion: z.string(),
  createdAt: z.string(),
  counts: statusCountsSchema,
});
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

export const statementSchema = z.object({
  id: z.string(),
  key: z.string(),
  source: spanSchema.nullable(),
  sourceCanonical: z.string().nullable(),
  side: sideSchema,
  cue: spanSchema.nullable(),
  content: spanSchema,
  direct: z.boolean(),
  asOf: z.string().nullable(),
});
export type Statement = z.infer<typeof statementSchema>;

export const articleDetailSchema = articleSummarySchema.extend({
  text: z.string(),
  /** Where the body starts after the header line (`date ... | Outlet:`); 0 when there is none. Offsets stay those of `text`. */
  bodyStart: z.number().int(),
  /** 1, or the number of the latest version when a near-duplicate import replaced the text. */
  version: z.number().int(),
  statements: z.array(statementSchema),
  claims: z.array(claimSchema),
});
export type ArticleDetail = z.infer<typeof articleDetailSchema>;

/** How the Articles list is ordered: newest import (default), date published, outlet, title or pending claims. */
export const ARTICLE_SORTS = ['imported', 'date', 'outlet', 'title', 'pending'] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

/**
 * The article list grows with the desk: it is paged and never carries texts. `sort` with `dir`
 * (each sort's natural direction by default: newest, A to Z, most pending first), `q` (every word
 * in the title; case, accents and transliteration ignored, as in the queue's search) and `outlet`
 * (exactly that outlet).
 */
export const listArticlesQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(INT32_MAX, `page must be at most ${INT32_MAX}`).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.enum(ARTICLE_SORTS).default('imported'),
  dir: z.enum(['asc', 'desc']).optional(),
  q: lineSchema(200).optional(),
  outlet: lineSchema(200).optional(),
});
export type ListArticlesQuery = z.input<typeof listArticlesQuerySchema>;

export const articleListSchema = z.object({
  items: z.array(articleSummarySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Articles matching `q` and `outlet` (all of them without). */
  total: z.number().int(),
  /** Every outlet on the desk, A to Z: what the outlet filter offers. */
  outlets: z.array(z.string()),
});
export type ArticleList = z.infer<typeof articleListSchema>;

/**
 * A few article titles: those matching `q` (for the queue's article filter, which searches as the
 * editor types instead of listing every article) or those named by `ids` (the titles beside a
 * page of claims).
 */
export const listArticleTitlesQuerySchema = z.object({
  q: lineSchema(200).optional(),
  ids: z
    .preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(idSchema).max(200))
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type ListArticleTitlesQuery = z.input<typeof listArticleTitlesQuerySchema>;

export const articleTitleSchema = z.object({
  id: z.string(),
  title: z.string(),
  publishedOn: z.string().nullable(),
  outlet: z.string().nullable(),
});
export type ArticleTitle = z.infer<typeof articleTitleSchema>;
export const articleTitleListSchema = z.object({ items: z.array(articleTitleSchema) });
export type ArticleTitleList = z.infer<typeof articleTitleListSchema>;

/** What an admin may change on a stored article: its original URL (null removes it). */
export const updateArticleRequestSchema = z.object({ url: httpUrlSchema.nullable() }).strict();
export type UpdateArticleRequest = z.infer<typeof updateArticleRequestSchema>;

export const idParamsSchema = z.object({ id: idSchema });

/** What a deleted article took with it (the audit log keeps the same, with who did it). */
export const deletedArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  claimsRemoved: z.number().int(),
  verdictsRemoved: z.number().int(),
  auditEventId: z.string(),
});
export type DeletedArticle = z.infer<typeof deletedArticleSchema>;

/**
 * A file to import as the app's Import page sends it: its bytes in base64 (so the server, not the
 * browser, decides whether they are UTF-8), its name (the extension chooses the format) and, for
 * CSV, which column holds which field (`text=articles,publishedOn=published`).
 */
export const importFileRequestSchema = z
  .object({
    fileName: lineSchema(255).refine((v) => v.trim().length > 0, 'must not be empty'),
    content: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
    map: lineSchema(500).optional(),
  })
  .strict();
export type ImportFileRequest = z.infer<typeof importFileRequestSchema>;

/**
 * A page or file to fetch and import (the app's "paste a URL"): fetched with a timeout and a size
 * cap through the webhooks' outbound guard (public addresses only, or ones on the allow-list), no
 * redirects followed; its content type or extension picks the format.
 */
export const importUrlRequestSchema = z
  .object({
    url: httpUrlSchema,
    map: lineSchema(500).optional(),
  })
  .strict();
export type ImportUrlRequest = z.infer<typeof importUrlRequestSchema>;

export const importResultSchema = z.object({
  /** The file, or the file with the line or row of one of its records. */
  label: z.string(),
  /** version: stored as the next version of an article with nearly the same text (`version` says which). */
  status: z.enum(['stored', 'version', 'existing', 'refused']),
  /** Why it was refused: one line. */
  reason: z.string().nullable(),
  articleId: z.string().nullable(),
  title: z.string().nullable(),
  claims: z.number().int().nullable(),
  /** The article's version number now (null when it was not stored). */
  version: z.number().int().nullable().optional(),
  /** What the new version changed, in claims. */
  changes: z
    .object({ kept: z.number().int(), added: z.number().int(), removed: z.number().int(), notFound: z.number().int() })
    .nullable()
    .optional(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const importFileResponseSchema = z.object({ results: z.array(importResultSchema) });
export type ImportFileResponse = z.infer<typeof importFileResponseSchema>;

/** Claim counts of what one version of an article changed from the one before it. */
export const versionChangesSchema = z.object({
  /** Claims whose text is unchanged: they kept their id, verdicts, corrections and history. */
  kept: z.number().int(),
  /** Claims only this version has (pending). */
  added: z.number().int(),
  /** Pending claims this version no longer has: removed (consumers see them in `removed`). */
  removed: z.number().int(),
  /** Judged, corrected or added claims this version no longer has: kept, marked not found. */
  notFound: z.number().int(),
});
export type VersionChanges = z.infer<typeof versionChangesSchema>;

export const articleVersionSchema = z.object({
  version: z.number().int(),
  /** When this text was stored (the first import, or the import that made it the next version). */
  storedAt: z.string(),
  /** Who stored it: a user's display name, `cli:<os user>`, or null when not recorded. */
  storedBy: z.string().nullable(),
  title: z.string(),
  /** Whether this is the article's text now. */
  current: z.boolean(),
  /** What this version changed from the one before it; null for the first. */
  changes: versionChangesSchema.nullable(),
});
export type ArticleVersion = z.infer<typeof articleVersionSchema>;

/** Every version of an article, the first first. */
export const articleVersionListSchema = z.object({ items: z.array(articleVersionSchema) });
export type ArticleVersionList = z.infer<typeof articleVersionListSchema>;

/** Which two versions to compare: `to` defaults to the current one, `from` to the one before `to`. */
export const articleVersionDiffQuerySchema = z.object({
  from: z.coerce.number().int().min(1).max(INT32_MAX, `from must be at most ${INT32_MAX}`).optional(),
  to: z.coerce.number().int().min(1).max(INT32_MAX, `to must be at most ${INT32_MAX}`).optional(),
});
export type ArticleVersionDiffQuery = z.input<typeof articleVersionDiffQuerySchema>;

/**
 * What changed between two versions' texts, sentence by sentence (a line break ends a sentence
 * too): the parts in order; long unchanged stretches keep their first and last sentences and say
 * how many characters were left out between them (`skipped`).
 */
export const articleVersionDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  parts: z.array(
    z.object({
      kind: z.enum(['same', 'added', 'removed', 'skipped']),
      text: z.string(),
      /** For `skipped`: how many unchanged characters are left out. */
      chars: z.number().int().optional(),
    }),
  ),
  /** Sentences only `to` has, and sentences only `from` has. */
  added: z.number().int(),
  removed: z.number().int(),
});
export type ArticleVersionDiff = z.infer<typeof articleVersionDiffSchema>;
