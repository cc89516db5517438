import { Writable } from 'node:stream';
import { createApiKey, createApp, createUser, ensureFirstAdmin, importArticle } from '@claimdesk/api';
import request from 'supertest';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, TEST_OUTBOUND, createTestApp, seedText } from '../support/api-client.ts';
import { readSetCookie, signInForCredentials } from '../support/credentials.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

const cookieLine = (setCookie: string[], name: string) => setCookie.find((c) => c.startsWith(`${name}=`)) ?? '';

describe.each(DATABASE_KINDS)('sessions, CSRF, rate limits and API keys on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let claimId: string;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ctx = await createTestApp(test.db, { config: { rateLimits: { loginAttempts: 3, publicApiPerMinute: 5 } } });
    const { article } = await importArticle(test.db, { text: seedText() });
    claimId = article.claims[0]?.id ?? '';
  });
  afterAll(async () => {
    await test.drop();
  });

  describe('passwords and sessions', () => {
    it('stores passwords as argon2id hashes, never as given', async () => {
      const row = await test.db.prisma.user.findUniqueOrThrow({ where: { email: ctx.emails.editor } });
      expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(row.passwordHash).not.toContain(PASSWORD);
    });

    it('signs in with an httpOnly, SameSite=Strict session cookie, not Secure over plain HTTP', async () => {
      const { setCookie, token } = await signInForCredentials(ctx.app, ctx.emails.viewer);
      const session = cookieLine(setCookie, 'claimdesk_session');
      expect(session).toMatch(/HttpOnly/i);
      expect(session).toMatch(/SameSite=Strict/i);
      expect(session).toMatch(/Path=\//);
      expect(session).not.toMatch(/Secure/i);
      // The CSRF cookie is readable by the app's script (it echoes it), so it is not httpOnly.
      expect(cookieLine(setCookie, 'claimdesk_csrf')).not.toMatch(/HttpOnly/i);
      // The database keeps a hash of the token, never the token.
      const rows = await test.db.prisma.session.findMany();
      expect(rows.some((r) => r.id === token)).toBe(false);
      expect(rows.length).toBeGreaterThan(0);
    });

    it('marks the cookies Secure behind HTTPS', async () => {
      const app = createApp({ db: test.db, config: { secureCookies: true } });
      const res = await request(app)
        .post('/api/session')
        .set('x-forwarded-proto', 'https')
        .send({ email: ctx.emails.viewer, password: PASSWORD });
      expect(res.status).toBe(200);
      const setCookie = readSetCookie(res.headers['set-cookie']);
      expect(cookieLine(setCookie, 'claimdesk_session')).toMatch(/;\s*Secure/i);
      expect(cookieLine(setCookie, 'claimdesk_csrf')).toMatch(/;\s*Secure/i);
    });

    it('tells who is signed in, and refuses wrong passwords and unknown emails alike', async () => {
      const me = await ctx.editor.agent.get('/api/session');
      expect(me.status).toBe(200);
      expect(me.body.user).toMatchObject({ email: ctx.emails.editor, role: 'editor', isDisabled: false });
      expect(me.body.csrfToken).toBe(ctx.editor.csrf);
      expect(me.body.user).not.toHaveProperty('passwordHash');
      const wrong = await request(ctx.app)
        .post('/api/session')
        .send({ email: ctx.emails.editor, password: 'not the password' });
      const unknown = await request(ctx.app)
        .post('/api/session')
        .send({ email: 'nobody@example.org', password: 'not the password' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual({ error: { code: 'unauthorized', message: 'wrong email or password', path: [] } });
      expect(unknown.body).toEqual(wrong.body);
      expect(readSetCookie(wrong.headers['set-cookie'])).toEqual([]);
    });

    it('signs out: the cookie is cleared and the old session token no longer works', async () => {
      const creds = await signInForCredentials(ctx.app, ctx.emails.editor);
      const before = await request(ctx.app).get('/api/session').set('cookie', creds.cookie);
      expect(before.status).toBe(200);
      const out = await request(ctx.app)
        .delete('/api/session')
        .set('cookie', creds.cookie)
        .set('x-csrf-token', creds.csrf);
      expect(out.status).toBe(204);
      expect(cookieLine(readSetCookie(out.headers['set-cookie']), 'claimdesk_session')).toMatch(
        /claimdesk_session=;.*Expires=Thu, 01 Jan 1970/,
      );
      // A client that kept the cookie anyway is signed out on the server too.
      const after = await request(ctx.app).get('/api/session').set('cookie', creds.cookie);
      expect(after.status).toBe(401);
      const write = await request(ctx.app)
        .post(`/api/claims/${claimId}/verdicts`)
        .set('cookie', creds.cookie)
        .set('x-csrf-token', creds.csrf)
        .send({ status: 'verified', version: 0 });
      expect(write.status).toBe(401);
    });

    it('ends an expired session', async () => {
      const creds = await signInForCredentials(ctx.app, ctx.emails.viewer);
      await test.db.prisma.session.updateMany({
        where: { user: { email: ctx.emails.viewer } },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      const res = await request(ctx.app).get('/api/articles').set('cookie', creds.cookie);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    });

    it('a disabled user is signed out at once and cannot sign in; a role change takes effect at once', async () => {
      const email = `temp-${kind}@example.org`;
      const user = await createUser(test.db, { email, password: PASSWORD, role: 'editor' });
      const creds = await signInForCredentials(ctx.app, email);
      const demote = await ctx.admin.agent
        .patch(`/api/users/${user.id}`)
        .set('x-csrf-token', ctx.admin.csrf)
        .send({ role: 'viewer' });
      expect(demote.status).toBe(200);
      expect(demote.body).toMatchObject({ email, role: 'viewer' });
      expect((await request(ctx.app).get('/api/session').set('cookie', creds.cookie)).status).toBe(401);
      const again = await signInForCredentials(ctx.app, email);
      const refused = await request(ctx.app)
        .post(`/api/claims/${claimId}/verdicts`)
        .set('cookie', again.cookie)
        .set('x-csrf-token', again.csrf)
        .send({ status: 'verified', version: 0 });
      expect(refused.status).toBe(403);
      const disable = await ctx.admin.agent
        .patch(`/api/users/${user.id}`)
        .set('x-csrf-token', ctx.admin.csrf)
        .send({ isDisabled: true });
      expect(disable.body).toMatchObject({ isDisabled: true });
      expect((await request(ctx.app).get('/api/session').set('cookie', again.cookie)).status).toBe(401);
      const login = await request(ctx.app).post('/api/session').send({ email, password: PASSWORD });
      expect(login.status).toBe(403);
      expect(login.body.error).toEqual({
        code: 'forbidden',
        message: 'this account is disabled; ask an admin',
        path: [],
      });
    });

    it('creates one account when two admins add the same email at once; the other gets 409', async () => {
      const email = `race-${kind}@example.org`;
      const results = await Promise.all(
        [1, 2, 3].map(() =>
          ctx.admin.agent
            .post('/api/users')
            .set('x-csrf-token', ctx.admin.csrf)
            .send({ email, password: PASSWORD, role: 'viewer' }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      expect(await test.db.prisma.user.count({ where: { email } })).toBe(1);
    });

    it('never demotes or disables the last active admin', async () => {
      const admin = await test.db.prisma.user.findUniqueOrThrow({ where: { email: ctx.emails.admin } });
      const res = await ctx.admin.agent
        .patch(`/api/users/${admin.id}`)
        .set('x-csrf-token', ctx.admin.csrf)
        .send({ role: 'editor' });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'conflict', path: ['role'] });
      expect((await test.db.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe('admin');
    });

    it('validates new users and refuses a duplicate email, leaving the users as they were', async () => {
      const count = await test.db.prisma.user.count();
      const short = await ctx.admin.agent
        .post('/api/users')
        .set('x-csrf-token', ctx.admin.csrf)
        .send({ email: 'short@example.org', password: 'short', role: 'viewer' });
      expect(short.status).toBe(400);
      expect(short.body.error).toMatchObject({ code: 'validation_error', path: ['password'] });
      const badRole = await ctx.admin.agent
        .post('/api/users')
        .set('x-csrf-token', ctx.admin.csrf)
        .send({ email: 'role@example.org', password: PASSWORD, role: 'owner' });
      expect(badRole.body.error).toMatchObject({ code: 'validation_error', path: ['role'] });
      const duplicate = await ctx.admin.agent
        .post('/api/users')
        .set('x-csrf-token', ctx.admin.csrf)
        .send({ email: ctx.emails.editor.toUpperCase(), password: PASSWORD, role: 'viewer' });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.error).toMatchObject({ code: 'conflict', path: ['email'] });
      expect(await test.db.prisma.user.count()).toBe(count);
      const list = await ctx.admin.agent.get('/api/users');
      expect(list.body.items.map((u: { email: string }) => u.email)).toEqual(
        expect.arrayContaining([ctx.emails.admin, ctx.emails.editor, ctx.emails.viewer]),
      );
      expect(JSON.stringify(list.body)).not.toContain('argon2');
    });
  });

  describe('CSRF', () => {
    it('refuses a cookie-authenticated write without the X-CSRF-Token header, or with a wrong one, and changes nothing', async () => {
      const before = await test.db.prisma.claim.findUniqueOrThrow({ where: { id: claimId } });
      const verdicts = await test.db.prisma.verdict.count();
      const missing = await ctx.editor.agent
        .post(`/api/claims/${claimId}/verdicts`)
        .send({ status: 'verified', version: before.version });
      expect(missing.status).toBe(403);
      expect(missing.body).toEqual({
        error: { code: 'csrf_failed', message: 'missing or wrong X-CSRF-Token header', path: [] },
      });
      const wrong = await ctx.editor.agent
        .post(`/api/claims/${claimId}/verdicts`)
        .set('x-csrf-token', ctx.viewer.csrf)
        .send({ status: 'verified', version: before.version });
      expect(wrong.status).toBe(403);
      expect(wrong.body.error.code).toBe('csrf_failed');
      const logout = await ctx.editor.agent.delete('/api/session');
      expect(logout.status).toBe(403);
      expect((await ctx.editor.agent.get('/api/session')).status).toBe(200);
      const after = await test.db.prisma.claim.findUniqueOrThrow({ where: { id: claimId } });
      expect(after.version).toBe(before.version);
      expect(await test.db.prisma.verdict.count()).toBe(verdicts);
      const ok = await ctx.editor.agent
        .post(`/api/claims/${claimId}/verdicts`)
        .set('x-csrf-token', ctx.editor.csrf)
        .send({ status: 'verified', version: before.version });
      expect(ok.status).toBe(201);
    });
  });

  describe('login rate limit', () => {
    it('answers 429 with a clear JSON error after too many failed attempts, even for the right password', async () => {
      const email = ctx.emails.viewer;
      for (let i = 0; i < 3; i += 1) {
        const res = await request(ctx.app)
          .post('/api/session')
          .send({ email, password: `wrong ${i}` });
        expect(res.status).toBe(401);
      }
      const limited = await request(ctx.app).post('/api/session').send({ email, password: PASSWORD });
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual({
        error: {
          code: 'rate_limited',
          message: 'too many failed sign-in attempts; wait 15 minutes and try again',
          path: [],
        },
      });
      expect(limited.headers).toHaveProperty('ratelimit-policy');
      // Another account from the same address is not locked out by these attempts.
      const other = await request(ctx.app).post('/api/session').send({ email: ctx.emails.editor, password: PASSWORD });
      expect(other.status).toBe(200);
    });
  });

  describe('API keys', () => {
    it('shows a new key once, stores only its hash, and lists keys without them', async () => {
      const created = await ctx.admin.agent
        .post('/api/keys')
        .set('x-csrf-token', ctx.admin.csrf)
        .send({ name: 'newsroom sync' });
      expect(created.status).toBe(201);
      const { key, id, prefix } = created.body as { key: string; id: string; prefix: string };
      expect(key).toMatch(new RegExp(`^cd_${prefix}_[A-Za-z0-9_-]{40,}$`));
      const row = await test.db.prisma.apiKey.findUniqueOrThrow({ where: { id } });
      expect(JSON.stringify(row)).not.toContain(key.split('_').at(-1));
      expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
      const list = await ctx.admin.agent.get('/api/keys');
      expect(list.status).toBe(200);
      const listed = (list.body.items as Array<Record<string, unknown>>).find((k) => k.id === id);
      expect(listed).toMatchObject({ name: 'newsroom sync', prefix, revokedAt: null });
      expect(listed).not.toHaveProperty('key');
      expect(JSON.stringify(list.body)).not.toContain(key);
    });

    it('reads with Authorization: Bearer, is read-only, and stops working once revoked', async () => {
      const { key, id } = await createApiKey(test.db, 'to revoke');
      const read = await request(ctx.app).get(`/api/claims/${claimId}`).set('authorization', `Bearer ${key}`);
      expect(read.status).toBe(200);
      const write = await request(ctx.app)
        .post(`/api/claims/${claimId}/verdicts`)
        .set('authorization', `Bearer ${key}`)
        .send({ status: 'verified', version: 1 });
      expect(write.status).toBe(403);
      expect(write.body.error).toEqual({
        code: 'forbidden',
        message: 'API keys are read-only and cannot use this route',
        path: [],
      });
      const admin = await request(ctx.app).get('/api/users').set('authorization', `Bearer ${key}`);
      expect(admin.status).toBe(403);
      const tampered = await request(ctx.app)
        .get('/api/articles')
        .set('authorization', `Bearer ${key.slice(0, -2)}xx`);
      expect(tampered.status).toBe(401);

      const revoke = await ctx.admin.agent.delete(`/api/keys/${id}`).set('x-csrf-token', ctx.admin.csrf);
      expect(revoke.status).toBe(200);
      expect(revoke.body.revokedAt).toEqual(expect.any(String));
      const after = await request(ctx.app).get(`/api/claims/${claimId}`).set('authorization', `Bearer ${key}`);
      expect(after.status).toBe(401);
      expect(after.body).toEqual({
        error: { code: 'unauthorized', message: 'the API key is invalid or revoked', path: [] },
      });
      const listed = await ctx.admin.agent.get('/api/keys');
      expect(
        (listed.body.items as Array<{ id: string; revokedAt: string | null }>).find((k) => k.id === id)?.revokedAt,
      ).toBe(revoke.body.revokedAt);
      const missing = await ctx.admin.agent.delete('/api/keys/no-such-key').set('x-csrf-token', ctx.admin.csrf);
      expect(missing.status).toBe(404);
    });

    it('rate-limits the public API per caller with a JSON 429', async () => {
      const { key } = await createApiKey(test.db, 'busy consumer');
      for (let i = 0; i < 5; i += 1) {
        const res = await request(ctx.app)
          .get('/api/v1/claims')
          .query({ limit: 1 })
          .set('authorization', `Bearer ${key}`);
        expect(res.status).toBe(200);
      }
      const limited = await request(ctx.app).get('/api/v1/claims').set('authorization', `Bearer ${key}`);
      expect(limited.status).toBe(429);
      expect(limited.body.error).toMatchObject({ code: 'rate_limited', path: [] });
      expect(limited.body.error.message).toContain('at most 5 requests a minute');
      // Another consumer has its own budget.
      const other = await request(ctx.app)
        .get('/api/v1/claims')
        .query({ limit: 1 })
        .set('authorization', `Bearer ${ctx.apiKey}`);
      expect(other.status).toBe(200);
    });
  });

  describe('headers and logs', () => {
    it('sends secure headers (helmet)', async () => {
      const res = await request(ctx.app).get('/api/health');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toContain('max-age=');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers).not.toHaveProperty('x-powered-by');
    });

    it('logs every API request as JSON, and never a password, session token, CSRF token, API key or webhook secret', async () => {
      const lines: string[] = [];
      const stream = new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const logger = pino({ level: 'info' }, stream);
      const app = createApp({ db: test.db, logger, config: { outbound: TEST_OUTBOUND } });
      const password = 'a very secret password 123';
      const email = `logged-${kind}@example.org`;
      await createUser(test.db, { email, password, role: 'admin' });
      const secrets: string[] = [password];
      const creds = await signInForCredentials(app, email, password);
      secrets.push(creds.token, creds.csrf);
      await request(app)
        .post('/api/session')
        .send({ email, password: `${password} wrong` });
      secrets.push(`${password} wrong`);
      const key = await request(app)
        .post('/api/keys')
        .set('cookie', creds.cookie)
        .set('x-csrf-token', creds.csrf)
        .send({ name: 'logged key' });
      expect(key.status).toBe(201);
      secrets.push(key.body.key);
      await request(app).get('/api/v1/claims').query({ limit: 1 }).set('authorization', `Bearer ${key.body.key}`);
      await request(app).get('/api/articles').set('authorization', `Bearer ${key.body.key}`);
      const hook = await request(app)
        .post('/api/webhooks')
        .set('cookie', creds.cookie)
        .set('x-csrf-token', creds.csrf)
        .send({ url: 'http://127.0.0.1:9/logged' });
      expect(hook.status).toBe(201);
      secrets.push(hook.body.secret);
      const user = await request(app)
        .post('/api/users')
        .set('cookie', creds.cookie)
        .set('x-csrf-token', creds.csrf)
        .send({ email: `made-${kind}@example.org`, password: 'another secret password', role: 'viewer' });
      expect(user.status).toBe(201);
      secrets.push('another secret password');
      await request(app).delete('/api/session').set('cookie', creds.cookie).set('x-csrf-token', creds.csrf);

      const log = lines.join('');
      const entries = lines
        .flatMap((l) => l.split('\n'))
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { req?: { url?: string; method?: string }; res?: { statusCode?: number } });
      // The logger did see these requests: the absence of secrets below means something.
      expect(entries.filter((e) => e.req?.url?.startsWith('/api/')).length).toBeGreaterThanOrEqual(8);
      expect(entries.some((e) => e.req?.url === '/api/keys' && e.res?.statusCode === 201)).toBe(true);
      for (const secret of secrets) {
        expect(secret.length).toBeGreaterThan(8);
        expect(log).not.toContain(secret);
        expect(log).not.toContain(encodeURIComponent(secret));
      }
      expect(log).not.toMatch(/claimdesk_session=/);
    });
  });
});

describe.each(DATABASE_KINDS)('the first admin on %s', (kind) => {
  it('is created once when no admin exists, even by two processes starting together', async () => {
    const test = await createTestDatabase(kind);
    try {
      // An editor made beforehand with the CLI does not count as an admin.
      await createUser(test.db, { email: 'early@example.org', password: PASSWORD, role: 'editor' });
      const results = await Promise.all([ensureFirstAdmin(test.db, {}), ensureFirstAdmin(test.db, {})]);
      const made = results.filter((r) => r !== null);
      expect(made).toHaveLength(1);
      expect(made[0]?.email).toBe('admin@localhost');
      expect(made[0]?.generatedPassword?.length).toBeGreaterThanOrEqual(20);
      const app = createApp({ db: test.db });
      const login = await request(app)
        .post('/api/session')
        .send({ email: 'admin@localhost', password: made[0]?.generatedPassword });
      expect(login.status).toBe(200);
      expect(login.body.user.role).toBe('admin');
      expect(await ensureFirstAdmin(test.db, { email: 'other@example.org', password: PASSWORD })).toBeNull();
      expect(await test.db.prisma.user.count({ where: { role: 'admin' } })).toBe(1);
    } finally {
      await test.drop();
    }
  });
});
