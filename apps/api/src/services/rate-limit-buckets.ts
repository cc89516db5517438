import type { Database } from '@claimdesk/db';

export interface BucketHit {
  key: string;
  /** Attempts counted in the current window, this one included. */
  count: number;
  windowStart: number;
  /** When the window ends, in milliseconds since the epoch. */
  resetAt: number;
}

/**
 * Counts one attempt for `key` in a fixed window, in one statement, so that concurrent attempts
 * from any number of API processes are each counted exactly once (INSERT ... ON CONFLICT DO
 * UPDATE is atomic on SQLite and PostgreSQL alike). A window that has ended starts over at 1.
 */
export async function hitBucket(db: Database, key: string, windowMs: number, now: number): Promise<BucketHit> {
  const nowMs = BigInt(Math.floor(now));
  const startedBefore = nowMs - BigInt(windowMs);
  const rows = await db.prisma.$queryRaw<Array<{ count: number | bigint; windowStart: number | bigint }>>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${nowMs}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= ${startedBefore} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${startedBefore} THEN ${nowMs} ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count", "windowStart"`;
  const row = rows[0];
  if (!row) throw new Error(`rate limit bucket ${key}: the upsert returned no row`);
  const windowStart = Number(row.windowStart);
  return { key, count: Number(row.count), windowStart, resetAt: windowStart + windowMs };
}

/** Takes back one attempt (say, a sign-in that succeeded), only in the window that counted it. */
export async function forgiveBucketHit(db: Database, hit: BucketHit): Promise<void> {
  await db.prisma.$executeRaw`
    UPDATE "RateLimitBucket" SET "count" = "count" - 1
    WHERE "key" = ${hit.key} AND "windowStart" = ${BigInt(hit.windowStart)} AND "count" > 0`;
}

/**
 * Drops the rows of `scope` (keys are `scope:...`) whose window ended before `now`: they would
 * start over at the next attempt anyway.
 */
export async function pruneBuckets(db: Database, scope: string, windowMs: number, now: number): Promise<number> {
  return db.prisma.$executeRaw`
    DELETE FROM "RateLimitBucket"
    WHERE "key" LIKE ${`${scope}:%`} AND "windowStart" <= ${BigInt(Math.floor(now) - windowMs)}`;
}
