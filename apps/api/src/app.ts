import compression from 'compression';
import zlib from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Access, type RouteDef, type RouteId, routes } from '@claimdesk/contracts';
import { type Database, describeDatabaseFault } from '@claimdesk/db';
import express, { type ErrorRequestHandler, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { type Logger, pino } from 'pino';
import { pinoHttp } from 'pino-http';
import { authenticate, requireAccess } from './auth/authenticate.ts';
import { AppError } from './errors.ts';
import { type FaultMonitor, createFaultMonitor } from './fault-monitor.ts';
import { type AppConfig, createHandlers } from './handlers.ts';
import { publicApiLimiter } from './rate-limits.ts';
import { DEFAULT_MAX_ARTICLE_CHARS } from './services/check-article-text.ts';
import { type ParsePool, createParsePool } from './intake/parse-pool.ts';

const MB = 1024 * 1024;

export interface CreateAppOptions {
  db: Database;
  logger?: Logger;
  /** The built web app (apps/web/dist); served at / with a single-page fallback. */
  webDistDir?: string;
  config?: Partial<AppConfig>;
}

/** Cookies, authorization headers and CSRF tokens never reach the logs. */
const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

/** What a user whose password was reset may do before choosing a new one. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set<RouteId>(['getSession', 'logout', 'changePassword']);

export function createApp({ db, logger, webDistDir, config }: CreateAppOptions): express.Express {
  const log = logger ?? pino({ level: 'silent' });
  const appConfig: AppConfig = {
    organisation: { name: 'claimdesk newsroom', url: null },
    publicUrl: null,
    secureCookies: false,
    rateLimits: { loginAttempts: 10, loginAttemptsPerAddress: 30, publicApiPerMinute: 600 },
    clock: () => new Date(),
    articleLimits: { maxChars: DEFAULT_MAX_ARTICLE_CHARS },
    ...config,
  };
  // Imports parse in worker threads, never on the thread that answers requests. The workers
  // start on the first import; startServer closes them with the server.
  let ownPool: ParsePool | null = null;
  if (!appConfig.parse) {
    ownPool = createParsePool();
    appConfig.parse = ownPool.parse;
  }
  // The longest article as a file in base64 (POST /api/imports): 3 bytes of UTF-8 a character, 4/3 for base64.
  const bodyLimit = Math.max(5 * MB, appConfig.articleLimits.maxChars * 4 + MB);
  const app = express();
  app.locals.parsePool = ownPool;
  app.disable('x-powered-by');
  if (appConfig.secureCookies) app.set('trust proxy', 1);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  // gzip or brotli (whichever the client prefers) for API answers and the app's files: JSON of
  // claims and the app's JavaScript shrink 5-10x. Answers under 1 KB go as they are.
  app.use(compression({ brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } }));
  app.use(
    pinoHttp({
      logger: log,
      redact: { paths: REDACT, remove: true },
      autoLogging: { ignore: (req) => !req.url?.startsWith('/api') },
    }),
  );
  app.use('/api', express.json({ limit: bodyLimit, type: ['application/json', 'application/*+json'] }));
  // API answers hold personal data (users, verdict authors) and secrets (keys, tokens): no cache,
  // shared or private, keeps a copy. ETags still let a client ask whether anything changed.
  app.use('/api', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', authenticate(db));
  app.use('/api/v1', publicApiLimiter(appConfig.rateLimits.publicApiPerMinute));

  const faults = createFaultMonitor(appConfig.clock);
  const handlers = createHandlers(db, appConfig, faults);
  for (const [id, def] of Object.entries(routes) as Array<[RouteId, RouteDef]>) {
    const handler = handlers[id];
    if (!handler) throw new Error(`route ${id} (${def.method} ${def.path}) has no handler`);
    app[def.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](
      def.path,
      requireAccess(def.access as Access, def.apiKey, {
        isAllowedBeforePasswordChange: ALLOWED_BEFORE_PASSWORD_CHANGE.has(id),
      }),
      handler,
    );
  }

  app.all('/api/{*rest}', (req: Request) => {
    throw new AppError('not_found', `no route ${req.method} ${req.path}`, { path: [] });
  });

  const dist = webDistDir ?? join(import.meta.dirname, '../../web/dist');
  if (existsSync(join(dist, 'index.html'))) {
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    app.get('/{*splat}', (_req: Request, res: Response) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(dist, 'index.html'));
    });
  } else {
    app.get('/{*splat}', (_req: Request, res: Response) => {
      res
        .status(503)
        .type('text/plain')
        .send('The web app is not built yet: run `npm run build` (npm start does it for you).');
    });
  }

  app.use(errorHandler(log, bodyLimit, db, faults));
  return app;
}

function errorHandler(log: Logger, bodyLimit: number, db: Database, faults: FaultMonitor): ErrorRequestHandler {
  return (error, req, res, _next) => {
    let appError: AppError;
    const fault = error instanceof AppError ? null : describeDatabaseFault(error, db.provider);
    if (error instanceof AppError) {
      appError = error;
    } else if (error?.type === 'entity.parse.failed') {
      appError = new AppError('invalid_json', 'the request body is not valid JSON', { path: [] });
    } else if (error?.type === 'entity.too.large') {
      appError = new AppError('payload_too_large', `the request body is larger than ${Math.round(bodyLimit / MB)} MB`, {
        path: [],
      });
    } else if (typeof error?.status === 'number' && error.status >= 400 && error.status < 500) {
      appError = new AppError('validation_error', String(error.message ?? 'bad request'), { path: [] });
    } else if (fault) {
      // An operator's problem, not a bug: the answer and the log name the cause and what to do.
      faults.record(fault);
      log.error({ err: error, url: req.url, fault: fault.fault }, fault.message);
      appError = new AppError('unavailable', fault.message, {
        path: [],
        details: { fault: fault.fault },
        retryAfterSeconds: fault.fault === 'database_busy' ? 1 : 30,
      });
    } else {
      // The reference ties what the caller sees to the one log line that says what happened.
      const reference = randomBytes(6).toString('hex');
      log.error({ err: error, url: req.url, reference }, `unhandled error (reference ${reference})`);
      appError = new AppError(
        'internal_error',
        `something went wrong on our side; the change was not saved (reference ${reference})`,
        { path: [], reference },
      );
    }
    if (appError.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(appError.retryAfterSeconds));
    res.status(appError.status).json(appError.toBody());
  };
}
