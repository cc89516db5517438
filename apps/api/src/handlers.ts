import { createHash } from 'node:crypto';
import {
  type RouteId,
  buildOpenApiDocument,
  changePasswordRequestSchema,
  createApiKeyRequestSchema,
  createUserRequestSchema,
  createWebhookRequestSchema,
  figureSeriesQuerySchema,
  referenceSeriesQuerySchema,
  idParamsSchema,
  importFileRequestSchema,
  importUrlRequestSchema,
  articleVersionDiffQuerySchema,
  listArticleTitlesQuerySchema,
  listArticlesQuerySchema,
  listClaimsQuerySchema,
  listSourcesQuerySchema,
  searchQuerySchema,
  loginRequestSchema,
  updateUserRequestSchema,
  v1ClaimsQuerySchema,
} from '@claimdesk/contracts';
import { type Database, type DatabaseFault, checkMigrations, describeDatabaseFault } from '@claimdesk/db';
import { PARSER_VERSION } from '@claimdesk/parser';
import type { Request, RequestHandler, Response } from 'express';
import { sha256 } from './auth/secrets.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './auth/api-keys.ts';
import { CSRF_COOKIE, SESSION_COOKIE, actorName } from './auth/authenticate.ts';
import { SESSION_TTL_MS, createSessionPruner, login, logout } from './auth/sessions.ts';
import { changeOwnPassword, createUser, listUsers, setPassword, updateUser } from './auth/users.ts';
import { docsPage } from './consumer/docs-page.ts';
import { AppError } from './errors.ts';
import type { FaultMonitor } from './fault-monitor.ts';
import { listClaimFeed } from './services/claim-feed.ts';
import { claimReviewFeed, claimReviewFor, exportClaimsCsv } from './services/export-claims.ts';
import { deleteArticle } from './services/delete-article.ts';
import { importArticleFile } from './services/import-article-file.ts';
import { parseFieldMap } from './intake/read-articles.ts';
import { sendJsonInSlices } from './send-json-in-slices.ts';
import { fetchArticleFile } from './services/fetch-article-file.ts';
import { diffArticleVersions, listArticleVersions } from './services/article-versions.ts';
import { getArticle, listArticleTitles, listArticles } from './services/get-article.ts';
import type { ArticleLimits } from './services/check-article-text.ts';
import type { ParseFn } from './intake/parse-pool.ts';
import { importArticle } from './services/import-article.ts';
import { getClaimReference } from './services/get-claim-reference.ts';
import { getV1Claim } from './services/get-v1-claim.ts';
import { searchAll } from './services/search-all.ts';
import { listReferenceSeries } from './services/list-reference-series.ts';
import { listRelatedClaims } from './services/list-related-claims.ts';
import { getSource, listSources, mergeSource, splitSource, updateSource } from './services/source-entities.ts';
import { getClaim, listClaims } from './services/list-claims.ts';
import { listFigureSeries } from './services/list-figure-series.ts';
import { addClaim } from './services/add-claim.ts';
import { correctClaim } from './services/correct-claim.ts';
import { markClaim } from './services/mark-claim.ts';
import { viewOf } from './services/publication.ts';
import {
  listClaimStates,
  publishArticle,
  publishClaim,
  retractClaim,
  withdrawDraft,
} from './services/publish-claim.ts';
import { markClaims } from './services/mark-claims.ts';
import { reparseArticle, reparseProgress } from './services/reparse-article.ts';
import { updateArticle } from './services/update-article.ts';
import { createWebhook, deactivateWebhook, listDeliveries, listWebhooks } from './services/webhooks.ts';
import { type ResolveHost, createOutboundPolicy } from './consumer/outbound.ts';
import { createLoginLimiter } from './rate-limits.ts';
import { validate } from './validate.ts';

export interface AppConfig {
  organisation: { name: string; url: string | null };
  /** Base of the links in ClaimReview output (CLAIMDESK_PUBLIC_URL); null: no links to this installation. */
  publicUrl: string | null;
  /** Secure cookies: on behind HTTPS. */
  secureCookies: boolean;
  /** Failed sign-ins per IP and email in 15 minutes, and consumer API requests per caller a minute. */
  rateLimits: { loginAttempts: number; loginAttemptsPerAddress?: number; publicApiPerMinute: number };
  /** The time the login limit counts by (tests move it forward instead of waiting). */
  clock: () => Date;
  /** What an imported article may be (CLAIMDESK_MAX_ARTICLE_CHARS). */
  articleLimits: ArticleLimits;
  /** Where imported texts are parsed: a pool of worker threads (createApp makes one when not given). */
  parse?: ParseFn;
  /** Who a webhook may call (CLAIMDESK_WEBHOOK_ALLOW, and DNS: stubbed in tests), checked at registration. */
  outbound?: { allow?: string | readonly string[]; resolve?: ResolveHost };
}

const id = (req: Request) => validate(idParamsSchema, req.params, []).id;

/** Who a desk write is recorded as: the user and their display name. */
/** Who did an audited admin action: the display name, as everywhere; the address only in the audit's details. */
const auditActor = (actor: Request['actor']) =>
  actor?.kind === 'user'
    ? { id: actor.user.id, name: actorName(actor), email: actor.user.email }
    : { id: null, name: actorName(actor) };

const deskActor = (req: Request) => ({
  userId: req.actor?.kind === 'user' ? req.actor.user.id : null,
  name: actorName(req.actor),
});

/** Reads answer 304 when the client already has this exact body (ETag over the JSON). */
function sendCached(req: Request, res: Response, body: unknown, type = 'application/json'): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const etag = `"${createHash('sha1').update(text).digest('base64url')}"`;
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', 'no-store');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.type(type).send(text);
}

/** One handler per route id: parse input with the contract, call one service, send the answer. */
export function createHandlers(db: Database, config: AppConfig, faults: FaultMonitor): Record<RouteId, RequestHandler> {
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'strict' as const,
    // Secure behind a TLS proxy, and whenever the public URL is https.
    secure: config.secureCookies || (config.publicUrl?.startsWith('https:') ?? false),
    path: '/',
    maxAge: SESSION_TTL_MS,
  };
  const pruneSessions = createSessionPruner();
  const outbound = createOutboundPolicy(config.outbound ?? {});
  const loginLimiter = createLoginLimiter(db, {
    limit: config.rateLimits.loginAttempts,
    ...(config.rateLimits.loginAttemptsPerAddress
      ? { limitPerAddress: config.rateLimits.loginAttemptsPerAddress }
      : {}),
    clock: config.clock,
  });
  const openapi = buildOpenApiDocument({
    title: 'claimdesk API',
    version: '1.0.0',
    serverUrl: config.publicUrl ?? undefined,
  });

  return {
    health: async (_req, res) => {
      const problems: DatabaseFault[] = [];
      try {
        await db.prisma.$queryRawUnsafe('SELECT 1');
        problems.push(...(await checkMigrations(db)));
      } catch (error) {
        const fault = describeDatabaseFault(error, db.provider);
        if (!fault) throw error;
        problems.push(fault);
      }
      for (const fault of faults.recent()) if (!problems.some((p) => p.fault === fault.fault)) problems.push(fault);
      res.setHeader('Cache-Control', 'no-store');
      res.json({
        status: problems.length > 0 ? 'degraded' : 'ok',
        database: db.provider,
        parserVersion: PARSER_VERSION,
        problems,
        reparse: reparseProgress(db),
      });
    },
    openapi: (_req, res) => {
      res.json(openapi);
    },
    docs: (_req, res) => {
      res.type('html').send(docsPage(openapi));
    },

    login: async (req, res) => {
      const body = validate(loginRequestSchema, req.body);
      await pruneSessions(db);
      const attempt = await loginLimiter.countAttempt(res, req.ip, body.email);
      const { token, csrfToken, user } = await login(db, body.email, body.password);
      await loginLimiter.forgive(attempt);
      res.cookie(SESSION_COOKIE, token, cookieOptions);
      // Readable by the app's script (not httpOnly) so it can echo it in X-CSRF-Token.
      res.cookie(CSRF_COOKIE, csrfToken, { ...cookieOptions, httpOnly: false });
      res.json({ user, csrfToken });
    },
    getSession: (req, res) => {
      const actor = req.actor;
      if (actor?.kind !== 'user') throw new AppError('unauthorized', 'sign in first', { path: [] });
      res.json({ user: actor.user, csrfToken: actor.csrfToken });
    },
    changePassword: async (req, res) => {
      const actor = req.actor;
      if (actor?.kind !== 'user') throw new AppError('unauthorized', 'sign in first', { path: [] });
      const body = validate(changePasswordRequestSchema, req.body);
      await changeOwnPassword(db, actor.user.id, sha256(actor.sessionToken), body);
      res.status(204).end();
    },
    logout: async (req, res) => {
      if (req.actor?.kind === 'user') await logout(db, req.actor.sessionToken);
      // Cleared with the attributes they were set with, so that every browser drops them.
      const { maxAge: _maxAge, ...clearOptions } = cookieOptions;
      res.clearCookie(SESSION_COOKIE, clearOptions);
      res.clearCookie(CSRF_COOKIE, { ...clearOptions, httpOnly: false });
      res.status(204).end();
    },

    listArticles: async (req, res) =>
      sendCached(req, res, await listArticles(db, validate(listArticlesQuerySchema, req.query, []), viewOf(req.actor))),
    listArticleTitles: async (req, res) =>
      sendCached(req, res, await listArticleTitles(db, validate(listArticleTitlesQuerySchema, req.query, []))),
    createArticle: async (req, res) => {
      const { article, created } = await importArticle(db, req.body, config.articleLimits, {
        parse: config.parse,
        storedBy: actorName(req.actor),
      });
      // A long article's answer is serialised in slices between turns of the event loop.
      await sendJsonInSlices(res, created ? 201 : 200, article);
    },
    getArticle: async (req, res) => sendCached(req, res, await getArticle(db, id(req), viewOf(req.actor))),
    articleVersions: async (req, res) => sendCached(req, res, await listArticleVersions(db, id(req))),
    articleVersionDiff: async (req, res) =>
      sendCached(
        req,
        res,
        await diffArticleVersions(db, id(req), validate(articleVersionDiffQuerySchema, req.query, [])),
      ),
    publishArticle: async (req, res) => {
      res.json(await publishArticle(db, id(req), req.body, deskActor(req)));
    },
    claimStates: async (req, res) => sendCached(req, res, await listClaimStates(db, id(req))),
    updateArticle: async (req, res) => {
      res.json(await updateArticle(db, id(req), req.body));
    },
    importFile: async (req, res) => {
      const body = validate(importFileRequestSchema, req.body);
      const map = body.map ? parseFieldMap(body.map) : undefined;
      const bytes = Buffer.from(body.content, 'base64');
      res.json({
        results: await importArticleFile(db, body.fileName, bytes, {
          limits: config.articleLimits,
          parse: config.parse,
          storedBy: actorName(req.actor),
          ...(map ? { map } : {}),
        }),
      });
    },
    importUrl: async (req, res) => {
      const body = validate(importUrlRequestSchema, req.body);
      const map = body.map ? parseFieldMap(body.map) : undefined;
      // Not fetched (a private address, no answer, an error status, too large): 400 with the reason, path ["url"].
      const fetched = await fetchArticleFile(body.url, { policy: outbound, limits: config.articleLimits });
      const results = await importArticleFile(db, fetched.fileName, fetched.bytes, {
        limits: config.articleLimits,
        parse: config.parse,
        storedBy: actorName(req.actor),
        defaults: { url: body.url },
        ...(map ? { map } : {}),
      });
      // Labels name the address, with the line or row of a record in it.
      res.json({
        results: results.map((r) => ({ ...r, label: `${body.url}${r.label.slice(fetched.fileName.length)}` })),
      });
    },
    deleteArticle: async (req, res) => {
      res.json(await deleteArticle(db, id(req), auditActor(req.actor)));
    },
    reparseArticle: async (req, res) => {
      res.json(await reparseArticle(db, id(req)));
    },

    listClaims: async (req, res) =>
      sendCached(req, res, await listClaims(db, validate(listClaimsQuerySchema, req.query, []), viewOf(req.actor))),
    getClaim: async (req, res) => sendCached(req, res, await getClaim(db, id(req), viewOf(req.actor))),
    claimReference: async (req, res) => sendCached(req, res, await getClaimReference(db, id(req))),
    relatedClaims: async (req, res) => sendCached(req, res, await listRelatedClaims(db, id(req), viewOf(req.actor))),
    search: async (req, res) =>
      sendCached(req, res, await searchAll(db, validate(searchQuerySchema, req.query, []), viewOf(req.actor))),
    listSources: async (req, res) =>
      sendCached(req, res, await listSources(db, validate(listSourcesQuerySchema, req.query, []))),
    getSource: async (req, res) => sendCached(req, res, await getSource(db, id(req), viewOf(req.actor))),
    updateSource: async (req, res) => {
      res.json(await updateSource(db, id(req), req.body));
    },
    mergeSource: async (req, res) => {
      res.json(await mergeSource(db, id(req), req.body, auditActor(req.actor)));
    },
    splitSource: async (req, res) => {
      res.status(201).json(await splitSource(db, id(req), req.body, auditActor(req.actor)));
    },
    referenceSeries: async (req, res) =>
      sendCached(req, res, await listReferenceSeries(db, validate(referenceSeriesQuerySchema, req.query, []))),
    figureSeries: async (req, res) =>
      sendCached(
        req,
        res,
        await listFigureSeries(db, validate(figureSeriesQuerySchema, req.query, []), viewOf(req.actor)),
      ),
    createVerdict: async (req, res) => {
      res.status(201).json(await markClaim(db, id(req), req.body, deskActor(req)));
    },
    publishClaim: async (req, res) => {
      res.json(await publishClaim(db, id(req), req.body, deskActor(req)));
    },
    withdrawDraft: async (req, res) => {
      res.json(await withdrawDraft(db, id(req), req.body, deskActor(req)));
    },
    retractClaim: async (req, res) => {
      res.json(await retractClaim(db, id(req), req.body, deskActor(req)));
    },
    createCorrection: async (req, res) => {
      const actor = req.actor;
      const result = await correctClaim(db, id(req), req.body, {
        userId: actor?.kind === 'user' ? actor.user.id : null,
        name: actorName(actor),
      });
      res.status(201).json(result);
    },
    addClaim: async (req, res) => {
      const actor = req.actor;
      const result = await addClaim(db, id(req), req.body, {
        userId: actor?.kind === 'user' ? actor.user.id : null,
        name: actorName(actor),
      });
      res.status(201).json(result);
    },
    markClaims: async (req, res) => {
      const actor = req.actor;
      const result = await markClaims(db, req.body, {
        userId: actor?.kind === 'user' ? actor.user.id : null,
        name: actorName(actor),
      });
      res.status(201).json(result);
    },

    v1ListClaims: async (req, res) =>
      sendCached(req, res, await listClaimFeed(db, validate(v1ClaimsQuerySchema, req.query, []))),
    v1GetClaim: async (req, res) => sendCached(req, res, await getV1Claim(db, id(req))),
    v1ClaimReview: async (req, res) => {
      sendCached(req, res, await claimReviewFor(db, id(req), config), 'application/ld+json');
    },
    v1ClaimReviewFeed: async (req, res) => {
      sendCached(req, res, await claimReviewFeed(db, config), 'application/ld+json');
    },
    v1ExportCsv: async (req, res) => {
      res.setHeader('Content-Disposition', 'attachment; filename="claimdesk-claims.csv"');
      sendCached(req, res, await exportClaimsCsv(db), 'text/csv; charset=utf-8');
    },

    listUsers: async (_req, res) => {
      res.json({ items: await listUsers(db) });
    },
    createUser: async (req, res) => {
      res.status(201).json(await createUser(db, validate(createUserRequestSchema, req.body)));
    },
    updateUser: async (req, res) => {
      res.json(await updateUser(db, id(req), validate(updateUserRequestSchema, req.body)));
    },
    resetPassword: async (req, res) => {
      const { user, password } = await setPassword(db, id(req), null);
      res.json({ user, password });
    },
    listApiKeys: async (_req, res) => {
      res.json({ items: await listApiKeys(db) });
    },
    createApiKey: async (req, res) => {
      res.status(201).json(await createApiKey(db, validate(createApiKeyRequestSchema, req.body).name));
    },
    revokeApiKey: async (req, res) => {
      res.json(await revokeApiKey(db, id(req)));
    },
    listWebhooks: async (_req, res) => {
      res.json(await listWebhooks(db));
    },
    createWebhook: async (req, res) => {
      res.status(201).json(await createWebhook(db, validate(createWebhookRequestSchema, req.body).url, outbound));
    },
    deleteWebhook: async (req, res) => {
      await deactivateWebhook(db, id(req));
      res.status(204).end();
    },
    listWebhookDeliveries: async (req, res) => {
      res.json(await listDeliveries(db, id(req)));
    },
  };
}
