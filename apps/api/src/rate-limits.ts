import { createHash } from 'node:crypto';
import type { Database } from '@claimdesk/db';
import type { Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { AppError } from './errors.ts';
import { type BucketHit, forgiveBucketHit, hitBucket, pruneBuckets } from './services/rate-limit-buckets.ts';

const LOGIN_SCOPE = 'login';
const ADDRESS_SCOPE = 'login-address';
const PRUNE_EVERY_MS = 60 * 1000;

export interface LoginLimiter {
  /**
   * Counts one sign-in attempt for this address and email, and one for this address across every
   * email, before the password is checked, so that parallel guesses are counted too; over either
   * limit it throws `429 rate_limited` with a Retry-After header. Sets the RateLimit-Policy and
   * RateLimit headers (of the per-account budget) either way.
   */
  countAttempt(res: Response, ip: string | undefined, email: string): Promise<BucketHit[]>;
  /** A sign-in that succeeded does not count against the budgets. */
  forgive(hits: BucketHit[]): Promise<void>;
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Password guessing: `limit` failed attempts per address and email in `windowMs` (a fixed window
 * from the first attempt), and `limitPerAddress` per address whatever the email, so that one
 * address trying one password on many accounts is stopped too. Counted in the database, so every
 * API process behind a load balancer shares the budgets; keys are SHA-256, so the table holds
 * neither emails nor addresses.
 */
export function createLoginLimiter(
  db: Database,
  {
    limit,
    limitPerAddress = 30,
    windowMs = 15 * 60 * 1000,
    clock,
  }: { limit: number; limitPerAddress?: number; windowMs?: number; clock: () => Date },
): LoginLimiter {
  let lastPrunedAt = Number.NEGATIVE_INFINITY;
  const policy = `"${LOGIN_SCOPE}";q=${limit};w=${Math.round(windowMs / 1000)}`;
  return {
    async countAttempt(res, ip, email) {
      const now = clock().getTime();
      if (now - lastPrunedAt >= PRUNE_EVERY_MS) {
        lastPrunedAt = now;
        await pruneBuckets(db, LOGIN_SCOPE, windowMs, now);
        await pruneBuckets(db, ADDRESS_SCOPE, windowMs, now);
      }
      const address = ipKeyGenerator(ip ?? 'unknown');
      const hit = await hitBucket(
        db,
        `${LOGIN_SCOPE}:${digest(`${address}|${email.trim().toLowerCase()}`)}`,
        windowMs,
        now,
      );
      const byAddress = await hitBucket(db, `${ADDRESS_SCOPE}:${digest(address)}`, windowMs, now);
      const retryAfter = Math.max(1, Math.ceil((hit.resetAt - now) / 1000));
      res.setHeader('RateLimit-Policy', policy);
      res.setHeader('RateLimit', `"${LOGIN_SCOPE}";r=${Math.max(0, limit - hit.count)};t=${retryAfter}`);
      const over = hit.count > limit ? hit : byAddress.count > limitPerAddress ? byAddress : null;
      if (over) {
        const wait = Math.max(1, Math.ceil((over.resetAt - now) / 1000));
        res.setHeader('Retry-After', String(wait));
        const minutes = Math.ceil(wait / 60);
        throw new AppError(
          'rate_limited',
          `too many failed sign-in attempts${over === byAddress ? ' from your address' : ''}; wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and try again`,
          { path: [] },
        );
      }
      return [hit, byAddress];
    },
    forgive: async (hits) => {
      for (const hit of hits) await forgiveBucketHit(db, hit);
    },
  };
}

/**
 * The consumer API: `limit` requests a minute per caller. Runs after authentication, so the bucket
 * is the resolved key or user (a made-up Authorization header never reaches it: it gets 401 first),
 * else the IP. Kept in process memory on purpose: a database write per read would cost more than
 * the limit protects (reads are cheap), so N processes allow N x `limit` (documented in the README).
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
