export { createApp } from './app.ts';
export type { CreateAppOptions } from './app.ts';
export { startServer } from './server.ts';
export type { StartServerOptions } from './server.ts';
export { publicLinksFromEnv, readEnv } from './env.ts';
export type { Env } from './env.ts';
export { AppError } from './errors.ts';
export { articleTitle, buildArticleRows, contentHash, importArticle } from './services/import-article.ts';
export { deleteArticle } from './services/delete-article.ts';
export { importArticleFile } from './services/import-article-file.ts';
export { createParsePool, defaultParseWorkers, parseHere } from './intake/parse-pool.ts';
export type { ParseFn, ParsePool, ParseTaskEvent } from './intake/parse-pool.ts';
export { fetchArticleFile } from './services/fetch-article-file.ts';
export { ARTICLE_FILE_EXTENSIONS, parseFieldMap, readArticleFile } from './intake/read-articles.ts';
export type { FieldMap } from './intake/read-articles.ts';
export type { AuditActor } from './services/delete-article.ts';
export { decodeArticleBytes, findTextRefusal, DEFAULT_MAX_ARTICLE_CHARS } from './services/check-article-text.ts';
export type { ArticleLimits } from './services/check-article-text.ts';
export { getArticle, hasArticles, listArticleTitles, listArticles } from './services/get-article.ts';
export { reparseArticle, reparseOutdatedArticles, reparseProgress } from './services/reparse-article.ts';
export { createWebhookDispatcher, deliverDueWebhooks } from './services/webhooks.ts';
export type { WebhookDeliveryOptions } from './services/webhooks.ts';
export { checkTarget, createOutboundPolicy, OutboundRefused } from './consumer/outbound.ts';
export type { ResolveHost } from './consumer/outbound.ts';
export {
  changeOwnPassword,
  createUser,
  defaultDisplayName,
  ensureFirstAdmin,
  listUsers,
  setPassword,
  updateUser,
} from './auth/users.ts';
export { updateArticle } from './services/update-article.ts';
export { createApiKey, listApiKeys, revokeApiKey } from './auth/api-keys.ts';
export { verifySignature, SIGNATURE_HEADER } from './consumer/webhook-signature.ts';
export { markClaim } from './services/mark-claim.ts';
export { correctClaim } from './services/correct-claim.ts';
export { addClaim } from './services/add-claim.ts';
export { listClaimFeed, numberChanges } from './services/claim-feed.ts';
export { hasReferenceDataset, importReference } from './services/import-reference.ts';
export type { ImportReferenceReport, ReferenceDatasetInput } from './services/import-reference.ts';
export { readReferenceFiles, REFERENCE_FORMATS } from './reference/read-reference-files.ts';
export { GENERAL_STAFF_DATASET } from './reference/general-staff-categories.ts';
export type { ReferenceFormat } from './reference/read-reference-files.ts';
export { parseColumnMapping } from './reference/reference-csv.ts';
export { exportCorrectedArticles } from './services/export-corrections.ts';
export type { CorrectedArticle } from './services/export-corrections.ts';
export {
  getSource,
  linkUnlinkedSources,
  listSources,
  mergeSource,
  splitSource,
  updateSource,
} from './services/source-entities.ts';
export { foldText, foldWords } from './search/fold.ts';
export { articleSearchText, claimSearchText, fillSearchText } from './search/search-claims.ts';
export { listClaims } from './services/list-claims.ts';
