import type { z } from 'zod';
import {
  articleDetailSchema,
  articleListSchema,
  articleTitleListSchema,
  createArticleRequestSchema,
  idParamsSchema,
  listArticleTitlesQuerySchema,
  listArticlesQuerySchema,
  updateArticleRequestSchema,
  deletedArticleSchema,
} from './articles.ts';
import {
  apiKeyListSchema,
  apiKeySchema,
  changePasswordRequestSchema,
  createApiKeyRequestSchema,
  createUserRequestSchema,
  createdApiKeySchema,
  loginRequestSchema,
  resetPasswordResponseSchema,
  sessionInfoSchema,
  updateUserRequestSchema,
  userListSchema,
  userSchema,
} from './auth.ts';
import {
  claimDetailSchema,
  claimListSchema,
  createVerdictRequestSchema,
  createVerdictResponseSchema,
  figureSeriesQuerySchema,
  figureSeriesSchema,
  listClaimsQuerySchema,
  markClaimsRequestSchema,
  markClaimsResponseSchema,
} from './claims.ts';
import { healthSchema } from './common.ts';
import { addClaimRequestSchema, correctionResponseSchema, createCorrectionRequestSchema } from './corrections.ts';
import { claimReferenceSchema, relatedClaimsSchema } from './reference.ts';
import {
  claimReviewFeedSchema,
  claimReviewSchema,
  createWebhookRequestSchema,
  createdWebhookSchema,
  v1ClaimDetailSchema,
  v1ClaimPageSchema,
  v1ClaimsQuerySchema,
  webhookDeliveryListSchema,
  webhookListSchema,
} from './consumer.ts';

/**
 * Who may call a route. `public`: anyone; the others: a signed-in user with at least that role.
 * `apiKey`: an API key (read-only) is also accepted.
 */
export type Access = 'public' | 'viewer' | 'editor' | 'admin';

export interface RouteDef {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Express path syntax (`:id`). */
  path: string;
  access: Access;
  apiKey: boolean;
  summary: string;
  tag: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  successStatus?: number;
  /** Media type of the success response when it is not JSON. */
  produces?: string;
}

const route = <const T extends RouteDef>(def: T): T => def;

/**
 * Every route of the API. The server registers handlers by these ids (a route without a handler
 * fails at start), the OpenAPI document is generated from this table, and the authorisation test
 * walks it, so no route can be added without a role.
 */
export const routes = {
  health: route({
    method: 'GET',
    path: '/api/health',
    access: 'public',
    apiKey: true,
    tag: 'system',
    summary: 'Liveness and the database in use',
    response: healthSchema,
  }),
  openapi: route({
    method: 'GET',
    path: '/api/openapi.json',
    access: 'public',
    apiKey: true,
    tag: 'system',
    summary: 'This API as OpenAPI 3.1',
  }),
  docs: route({
    method: 'GET',
    path: '/api/docs',
    access: 'public',
    apiKey: true,
    tag: 'system',
    summary: 'Human-readable API documentation',
    produces: 'text/html',
  }),

  login: route({
    method: 'POST',
    path: '/api/session',
    access: 'public',
    apiKey: false,
    tag: 'session',
    summary: 'Sign in with email and password; sets an httpOnly session cookie',
    body: loginRequestSchema,
    response: sessionInfoSchema,
  }),
  getSession: route({
    method: 'GET',
    path: '/api/session',
    access: 'viewer',
    apiKey: false,
    tag: 'session',
    summary: 'Who is signed in, with the CSRF token',
    response: sessionInfoSchema,
  }),
  logout: route({
    method: 'DELETE',
    path: '/api/session',
    access: 'viewer',
    apiKey: false,
    tag: 'session',
    summary: 'Sign out',
    successStatus: 204,
  }),

  changePassword: route({
    method: 'POST',
    path: '/api/session/password',
    access: 'viewer',
    apiKey: false,
    tag: 'session',
    summary: 'Change your own password (the current one is required); your other sessions end',
    body: changePasswordRequestSchema,
    successStatus: 204,
  }),

  listArticles: route({
    method: 'GET',
    path: '/api/articles',
    access: 'viewer',
    apiKey: true,
    tag: 'articles',
    summary: 'Articles with claim counts per status, newest first, paged (no texts)',
    query: listArticlesQuerySchema,
    response: articleListSchema,
  }),
  listArticleTitles: route({
    method: 'GET',
    path: '/api/article-titles',
    access: 'viewer',
    apiKey: true,
    tag: 'articles',
    summary: 'A few article titles: those matching q (newest first), or those named by ids',
    query: listArticleTitlesQuerySchema,
    response: articleTitleListSchema,
  }),
  createArticle: route({
    method: 'POST',
    path: '/api/articles',
    access: 'admin',
    apiKey: false,
    tag: 'articles',
    summary: 'Parse and store an article (201), or return the stored one with the same text (200)',
    body: createArticleRequestSchema,
    response: articleDetailSchema,
    successStatus: 201,
  }),
  getArticle: route({
    method: 'GET',
    path: '/api/articles/:id',
    access: 'viewer',
    apiKey: true,
    tag: 'articles',
    summary: 'An article with its statements, claims and figures',
    params: idParamsSchema,
    response: articleDetailSchema,
  }),
  updateArticle: route({
    method: 'PATCH',
    path: '/api/articles/:id',
    access: 'admin',
    apiKey: false,
    tag: 'articles',
    summary: "Change an article's original URL (where it was published; ClaimReview's appearance)",
    params: idParamsSchema,
    body: updateArticleRequestSchema,
    response: articleDetailSchema,
  }),
  deleteArticle: route({
    method: 'DELETE',
    path: '/api/articles/:id',
    access: 'admin',
    apiKey: false,
    tag: 'articles',
    summary: 'Delete an article with its claims and verdicts; v1 sync lists its claims as removed; audited',
    params: idParamsSchema,
    response: deletedArticleSchema,
  }),
  reparseArticle: route({
    method: 'POST',
    path: '/api/articles/:id/reparse',
    access: 'admin',
    apiKey: false,
    tag: 'articles',
    summary: 'Re-run the current parser, keeping every judged claim',
    params: idParamsSchema,
    response: articleDetailSchema,
  }),

  listClaims: route({
    method: 'GET',
    path: '/api/claims',
    access: 'viewer',
    apiKey: true,
    tag: 'claims',
    summary: 'Claims, filtered, sorted and paginated',
    query: listClaimsQuerySchema,
    response: claimListSchema,
  }),
  getClaim: route({
    method: 'GET',
    path: '/api/claims/:id',
    access: 'viewer',
    apiKey: true,
    tag: 'claims',
    summary: 'A claim with its verdict history',
    params: idParamsSchema,
    response: claimDetailSchema,
  }),
  claimReference: route({
    method: 'GET',
    path: '/api/claims/:id/reference',
    access: 'viewer',
    apiKey: true,
    tag: 'claims',
    summary:
      'A figure claim beside the reference series of its category and whose loss: the totals around its as-of (and since) date and the relation (consistent, above or below by N%, or no reference)',
    params: idParamsSchema,
    response: claimReferenceSchema,
  }),
  relatedClaims: route({
    method: 'GET',
    path: '/api/claims/:id/related',
    access: 'viewer',
    apiKey: true,
    tag: 'claims',
    summary:
      'Claims in other articles about the same thing, by side of the source: figures of the same category and whose loss as of 3 days either side; statements with nearly the same words',
    params: idParamsSchema,
    response: relatedClaimsSchema,
  }),
  figureSeries: route({
    method: 'GET',
    path: '/api/figures/series',
    access: 'viewer',
    apiKey: true,
    tag: 'claims',
    summary: 'Stored figure claims of one category by as-of date, per side of the source, with their status',
    query: figureSeriesQuerySchema,
    response: figureSeriesSchema,
  }),
  createVerdict: route({
    method: 'POST',
    path: '/api/claims/:id/verdicts',
    access: 'editor',
    apiKey: false,
    tag: 'claims',
    summary: 'Append a verdict; a stale version answers 409 with the claim as it stands',
    params: idParamsSchema,
    body: createVerdictRequestSchema,
    response: createVerdictResponseSchema,
    successStatus: 201,
  }),
  createCorrection: route({
    method: 'POST',
    path: '/api/claims/:id/corrections',
    access: 'editor',
    apiKey: false,
    tag: 'corrections',
    summary:
      "Correct the claim's extracted fields, reject it as not a claim, or restore it; a stale version answers 409 with the claim as it stands",
    params: idParamsSchema,
    body: createCorrectionRequestSchema,
    response: correctionResponseSchema,
    successStatus: 201,
  }),
  addClaim: route({
    method: 'POST',
    path: '/api/articles/:id/claims',
    access: 'editor',
    apiKey: false,
    tag: 'corrections',
    summary: 'Add a statement or figure the parser missed, from a span of the article text',
    params: idParamsSchema,
    body: addClaimRequestSchema,
    response: correctionResponseSchema,
    successStatus: 201,
  }),

  markClaims: route({
    method: 'POST',
    path: '/api/claims/verdicts',
    access: 'editor',
    apiKey: false,
    tag: 'claims',
    summary:
      'One verdict for several claims at once (identical claims in other articles): all or none are saved, each with its own history entry; a stale version answers 409',
    body: markClaimsRequestSchema,
    response: markClaimsResponseSchema,
    successStatus: 201,
  }),

  v1ListClaims: route({
    method: 'GET',
    path: '/api/v1/claims',
    access: 'viewer',
    apiKey: true,
    tag: 'v1',
    summary: 'Claims with cursor pagination and incremental sync (updatedSince)',
    query: v1ClaimsQuerySchema,
    response: v1ClaimPageSchema,
  }),
  v1GetClaim: route({
    method: 'GET',
    path: '/api/v1/claims/:id',
    access: 'viewer',
    apiKey: true,
    tag: 'v1',
    summary:
      'One claim with its verdict history, its relation to the reference series and the related claims in other articles',
    params: idParamsSchema,
    response: v1ClaimDetailSchema,
  }),
  v1ClaimReview: route({
    method: 'GET',
    path: '/api/v1/claims/:id/claimreview',
    access: 'viewer',
    apiKey: true,
    tag: 'v1',
    summary: "The claim's current verdict as schema.org ClaimReview JSON-LD",
    params: idParamsSchema,
    response: claimReviewSchema,
    produces: 'application/ld+json',
  }),
  v1ClaimReviewFeed: route({
    method: 'GET',
    path: '/api/v1/claimreviews',
    access: 'viewer',
    apiKey: true,
    tag: 'v1',
    summary: 'Every verdicted claim as ClaimReview JSON-LD',
    response: claimReviewFeedSchema,
    produces: 'application/ld+json',
  }),
  v1ExportCsv: route({
    method: 'GET',
    path: '/api/v1/claims.csv',
    access: 'viewer',
    apiKey: true,
    tag: 'v1',
    summary: 'CSV export of claims with their current verdicts',
    produces: 'text/csv',
  }),

  listUsers: route({
    method: 'GET',
    path: '/api/users',
    access: 'admin',
    apiKey: false,
    tag: 'admin',
    summary: 'Users',
    response: userListSchema,
  }),
  createUser: route({
    method: 'POST',
    path: '/api/users',
    access: 'admin',
    apiKey: false,
    tag: 'admin',
    summary: 'Create a user',
    body: createUserRequestSchema,
    response: userSchema,
    successStatus: 201,
  }),
  updateUser: route({
    method: 'PATCH',
    path: '/api/users/:id',
    access: 'admin',
    apiKey: false,
    tag: 'admin',
    summary: "Change a user's display name or role, or disable them",
    params: idParamsSchema,
    body: updateUserRequestSchema,
    response: userSchema,
  }),
  resetPassword: route({
    method: 'POST',
    path: '/api/users/:id/password',
    access: 'admin',
    apiKey: false,
    tag: 'admin',
    summary: "Reset a user's password: a one-time password, shown once, to be changed at the next sign-in",
    params: idParamsSchema,
    response: resetPasswordResponseSchema,
  }),
  listApiKeys: route({
    method: 'GET',
    path: '/api/keys',
    access: 'admin',
    apiKey: false,
    tag: 'admin',
    summary: 'API keys (never the keys themselves)',
    response: apiKeyListSchema,
  }),
  createApiKey: route({
    method: 'POST',
    path: '/api/keys',
    access: 'admin',
    apiKey: false,
    tag: 'admin',
    summary: 'Create a read-only API key; the key is shown once',
    body: createApiKeyRequestSchema,
    response: createdApiKeySchema,
    successStatus: 201,
  }),
  revokeApiKey: route({
    method: 'DELETE',
    path: '/api/keys/:id',
    access: 'admin',
    apiKey: false,
    tag: 'admin',
    summary: 'Revoke an API key',
    params: idParamsSchema,
    response: apiKeySchema,
  }),
  listWebhooks: route({
    method: 'GET',
    path: '/api/webhooks',
    access: 'admin',
    apiKey: false,
    tag: 'admin',
    summary: 'Webhooks',
    response: webhookListSchema,
  }),
  createWebhook: route({
    method: 'POST',
    path: '/api/webhooks',
    access: 'admin',
    apiKey: false,
    tag: 'admin',
    summary: 'Register a URL that receives every new verdict, signed',
    body: createWebhookRequestSchema,
    response: createdWebhookSchema,
    successStatus: 201,
  }),
  deleteWebhook: route({
    method: 'DELETE',
    path: '/api/webhooks/:id',
    access: 'admin',
    apiKey: false,
    tag: 'admin',
    summary: 'Stop a webhook',
    params: idParamsSchema,
    successStatus: 204,
  }),
  listWebhookDeliveries: route({
    method: 'GET',
    path: '/api/webhooks/:id/deliveries',
    access: 'admin',
    apiKey: false,
    tag: 'admin',
    summary: 'Every delivery of a webhook with its status',
    params: idParamsSchema,
    response: webhookDeliveryListSchema,
  }),
} as const satisfies Record<string, RouteDef>;

export type RouteId = keyof typeof routes;
