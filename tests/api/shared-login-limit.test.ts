import { createApp, createUser } from '@claimdesk/api';
import { type Database, openDatabase } from '@claimdesk/db';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../support/api-client.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

const WINDOW_MS = 15 * 60 * 1000;

/** A clock the test moves by hand: no waiting, no timed assertions. */
function manualClock(start = Date.parse('2026-03-01T10:00:00Z')) {
  let now = start;
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

describe.each(DATABASE_KINDS)('the login rate limit shared through the database on %s', (kind) => {
  let test: TestDatabase;
  let second: Database;
  let clock: ReturnType<typeof manualClock>;
  /** Two API processes over one database, as behind a load balancer. */
  let apps: [ReturnType<typeof createApp>, ReturnType<typeof createApp>];
  let email: string;

  const attempt = (which: 0 | 1, password: string, address = '203.0.113.7') =>
    request(apps[which]).post('/api/session').set('x-forwarded-for', address).send({ email, password });

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    clock = manualClock();
    const config = { rateLimits: { loginAttempts: 4, publicApiPerMinute: 600 }, clock: clock.now, secureCookies: true };
    // Each with its own connection (pool), as two processes would have.
    second = await openDatabase(test.config);
    apps = [createApp({ db: test.db, config }), createApp({ db: second, config })];
    email = `limited-${Math.random().toString(36).slice(2, 8)}@example.org`;
    await createUser(test.db, { email, password: PASSWORD, role: 'viewer' });
  });
  afterAll(async () => {
    await second.close();
    await test.drop();
  });

  it('gives two app instances one budget, then answers 429 with Retry-After and the JSON error', async () => {
    const statuses = [];
    for (const which of [0, 1, 0, 1] as const) statuses.push((await attempt(which, 'wrong password')).status);
    expect(statuses).toEqual([401, 401, 401, 401]);

    clock.advance(5 * 60 * 1000);
    for (const which of [0, 1] as const) {
      const limited = await attempt(which, PASSWORD);
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual({
        error: {
          code: 'rate_limited',
          message: 'too many failed sign-in attempts; wait 10 minutes and try again',
          path: [],
        },
      });
      expect(limited.headers['retry-after']).toBe(String(10 * 60));
      expect(limited.headers['ratelimit-policy']).toBe('"login";q=4;w=900');
      expect(limited.headers.ratelimit).toBe('"login";r=0;t=600');
      expect(limited.headers['set-cookie']).toBeUndefined();
    }
    // One bucket per address and email, one per address; keys are hashes: the table holds neither
    // the email nor the address.
    const rows = await test.db.prisma.rateLimitBucket.findMany({ orderBy: { key: 'asc' } });
    expect(rows.map((r) => r.key.replace(/[0-9a-f]{64}$/, 'HASH'))).toEqual(['login-address:HASH', 'login:HASH']);
    const stored = JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
    expect(stored).not.toContain(email);
    expect(stored).not.toContain('203.0.113');
    // Another address, or the same address with another email, has its own budget.
    expect((await attempt(1, PASSWORD, '198.51.100.9')).status).toBe(200);
  });

  it('says one minute near the end of the window, and starts over once it has passed', async () => {
    clock.advance(10 * 60 * 1000 - 30_000);
    const late = await attempt(0, PASSWORD);
    expect(late.status).toBe(429);
    expect(late.body.error.message).toBe('too many failed sign-in attempts; wait 1 minute and try again');
    expect(late.headers['retry-after']).toBe('30');

    clock.advance(30_000);
    const again = await attempt(1, PASSWORD);
    expect(again.status).toBe(200);
    expect(again.headers.ratelimit).toBe('"login";r=3;t=900');
  });

  it('does not count sign-ins that succeed', async () => {
    clock.advance(WINDOW_MS);
    for (let i = 0; i < 6; i += 1) expect((await attempt((i % 2) as 0 | 1, PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await attempt((i % 2) as 0 | 1, 'wrong')).status).toBe(401);
    expect((await attempt(0, PASSWORD)).status).toBe(429);
  });

  it('counts attempts sent in parallel to both instances exactly once each', async () => {
    clock.advance(WINDOW_MS);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => attempt((i % 2) as 0 | 1, 'wrong', '192.0.2.50')),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
  });

  it('prunes the rows of windows that have ended', async () => {
    clock.advance(WINDOW_MS + 60_000);
    const before = (await test.db.prisma.rateLimitBucket.findMany()).map((r) => r.key);
    expect(before.length).toBeGreaterThan(0);
    expect((await attempt(0, PASSWORD, '192.0.2.99')).status).toBe(200);
    // Only the buckets of the attempt just made are left (forgiven: their counts are 0).
    const rows = await test.db.prisma.rateLimitBucket.findMany();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(before).not.toContain(row.key);
      expect(row.count).toBe(0);
    }
  });
});
