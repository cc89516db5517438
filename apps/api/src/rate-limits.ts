import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { AppError } from './errors.ts';

/**
 * Password guessing: 10 failed attempts per IP and email in 15 minutes. Kept in process memory:
 * behind a load balancer each process counts on its own (documented in the README).
 */
export function loginLimiter(limit = 10) {
  return rateLimit({
    windowMs: 15 * 60 * 1000,
    limit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) =>
      `${ipKeyGenerator(req.ip ?? 'unknown')}|${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
    handler: (_req, _res, next, options) => {
      const minutes = Math.ceil(options.windowMs / 60_000);
      next(
        new AppError('rate_limited', `too many failed sign-in attempts; wait ${minutes} minutes and try again`, {
          path: [],
        }),
      );
    },
  });
}

/**
 * The consumer API: `limit` requests a minute per caller. Runs after authentication, so the bucket
 * is the resolved key or user (a made-up Authorization header never reaches it: it gets 401 first),
 * else the IP.
 */
export function publicApiLimiter(limit = 600) {
  return rateLimit({
    windowMs: 60 * 1000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const actor = req.actor;
      if (actor?.kind === 'apiKey') return `key:${actor.keyId}`;
      if (actor?.kind === 'user') return `user:${actor.user.id}`;
      return `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    handler: (_req, _res, next) =>
      next(
        new AppError(
          'rate_limited',
          `rate limit: at most ${limit} requests a minute; retry after the RateLimit-Reset header's seconds`,
          { path: [] },
        ),
      ),
  });
}
