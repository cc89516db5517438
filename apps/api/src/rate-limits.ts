import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { AppError } from './errors.ts';

/**
 * Password guessing: 10 failed attempts per IP and email in 15 minutes. Kept in process memory:
 * behind a load balancer each process counts on its own (documented in the README).
 */
export function loginLimiter() {
  return rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: 10,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? 'unknown')}|${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
    handler: (_req, _res, next, options) => {
      const minutes = Math.ceil(options.windowMs / 60_000);
      next(new AppError('rate_limited', `too many failed sign-in attempts; wait ${minutes} minutes and try again`, { path: [] }));
    },
  });
}

/** The consumer API: 600 requests a minute per key or IP. */
export function publicApiLimiter() {
  return rateLimit({
    windowMs: 60 * 1000,
    limit: 600,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => req.get('authorization') ?? ipKeyGenerator(req.ip ?? 'unknown'),
    handler: (_req, _res, next) => next(new AppError('rate_limited', 'rate limit: at most 600 requests a minute', { path: [] })),
  });
}
