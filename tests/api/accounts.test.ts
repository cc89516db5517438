import { createApp, createUser } from '@claimdesk/api';
import { errorBodySchema, resetPasswordResponseSchema } from '@claimdesk/contracts';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, createTestApp, signIn } from '../support/api-client.ts';
import { readSetCookie, signInForCredentials } from '../support/credentials.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

/** Passwords, sessions and sign-in limits of accounts. */
describe.each(DATABASE_KINDS)('accounts on %s', (kind) => {
  let test: TestDatabase;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let counter = 0;
  const newEmail = () => `person-${kind}-${++counter}@example.org`;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ctx = await createTestApp(test.db);
  });
  afterAll(async () => {
    await test.drop();
  });

  it('changes your own password with the current one, and ends your other sessions', async () => {
    const email = newEmail();
    await createUser(test.db, { email, password: PASSWORD, role: 'editor' });
    const here = await signIn(ctx.app, email);
    const elsewhere = await signIn(ctx.app, email);
    const change = (body: object) => here.agent.post('/api/session/password').set('x-csrf-token', here.csrf).send(body);

    const wrong = await change({ currentPassword: 'not the password', newPassword: 'a fresh passphrase for spring' });
    expect(wrong.status).toBe(400);
    expect(errorBodySchema.parse(wrong.body).error.path).toEqual(['currentPassword']);
    expect((await change({ newPassword: 'a fresh passphrase for spring' })).status).toBe(400);

    expect((await change({ currentPassword: PASSWORD, newPassword: 'a fresh passphrase for spring' })).status).toBe(
      204,
    );
    expect((await here.agent.get('/api/session')).status).toBe(200);
    expect((await elsewhere.agent.get('/api/session')).status).toBe(401);
    expect((await request(ctx.app).post('/api/session').send({ email, password: PASSWORD })).status).toBe(401);
    await signIn(ctx.app, email, 'a fresh passphrase for spring');
  });

  it.each([['aaaaaaaaaaaa'], ['password1234'], ['            '], ['qwertyuiopasdf'], ['1234567890123']])(
    'refuses the weak password %j everywhere a password is set',
    async (weak) => {
      const create = await ctx.admin.agent
        .post('/api/users')
        .set('x-csrf-token', ctx.admin.csrf)
        .send({ email: newEmail(), password: weak, role: 'viewer' });
      expect(create.status).toBe(400);
      expect(errorBodySchema.parse(create.body).error.path).toEqual(['password']);
      const change = await ctx.viewer.agent
        .post('/api/session/password')
        .set('x-csrf-token', ctx.viewer.csrf)
        .send({ currentPassword: PASSWORD, newPassword: weak });
      expect(change.status).toBe(400);
      expect(errorBodySchema.parse(change.body).error.path).toEqual(['newPassword']);
      // Nothing changed: the viewer still signs in with the old password.
      await signIn(ctx.app, ctx.emails.viewer);
    },
  );

  it('lets an admin reset a password: shown once, to be changed at the next sign-in, sessions ended', async () => {
    const email = newEmail();
    const user = await createUser(test.db, { email, password: PASSWORD, role: 'editor' });
    const before = await signIn(ctx.app, email);
    const reset = await ctx.admin.agent.post(`/api/users/${user.id}/password`).set('x-csrf-token', ctx.admin.csrf);
    expect(reset.status).toBe(200);
    expect(reset.headers['cache-control']).toBe('no-store');
    const { password, user: after } = resetPasswordResponseSchema.parse(reset.body);
    expect(after.mustChangePassword).toBe(true);
    expect((await before.agent.get('/api/session')).status).toBe(401);
    // Not readable again anywhere.
    const listed = await ctx.admin.agent.get('/api/users');
    expect(JSON.stringify(listed.body)).not.toContain(password);

    const next = await signIn(ctx.app, email, password);
    const me = await next.agent.get('/api/session');
    expect(me.status).toBe(200);
    expect(me.body.user.mustChangePassword).toBe(true);
    const blocked = await next.agent.get('/api/articles');
    expect(blocked.status).toBe(403);
    expect(errorBodySchema.parse(blocked.body).error.code).toBe('password_change_required');
    const changed = await next.agent
      .post('/api/session/password')
      .set('x-csrf-token', next.csrf)
      .send({ currentPassword: password, newPassword: 'my own passphrase at last' });
    expect(changed.status).toBe(204);
    expect((await next.agent.get('/api/articles')).status).toBe(200);

    const viewerTries = await ctx.viewer.agent
      .post(`/api/users/${user.id}/password`)
      .set('x-csrf-token', ctx.viewer.csrf);
    expect(viewerTries.status).toBe(403);
  });

  it('sends Cache-Control: no-store with sessions, users, keys and webhook secrets', async () => {
    const login = await request(ctx.app).post('/api/session').send({ email: ctx.emails.viewer, password: PASSWORD });
    expect(login.headers['cache-control']).toBe('no-store');
    for (const path of ['/api/session', '/api/users', '/api/keys', '/api/webhooks', '/api/claims', '/api/articles']) {
      const res = await ctx.admin.agent.get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers['cache-control'], path).toBe('no-store');
    }
    const key = await ctx.admin.agent.post('/api/keys').set('x-csrf-token', ctx.admin.csrf).send({ name: 'cached?' });
    expect(key.headers['cache-control']).toBe('no-store');
  });

  it('prunes expired sessions', async () => {
    const email = newEmail();
    const user = await createUser(test.db, { email, password: PASSWORD, role: 'viewer' });
    await test.db.prisma.session.createMany({
      data: [1, 2, 3].map((n) => ({
        id: `expired-${kind}-${n}`,
        userId: user.id,
        csrfToken: 'x',
        expiresAt: new Date(Date.now() - n * 60_000),
      })),
    });
    // A fresh app: its first sign-in prunes.
    const app = createApp({ db: test.db });
    await signInForCredentials(app, email);
    expect(await test.db.prisma.session.count({ where: { expiresAt: { lte: new Date() } } })).toBe(0);
    expect(await test.db.prisma.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it('limits one address trying one password on many accounts', async () => {
    // Behind a proxy (secureCookies), so that X-Forwarded-For gives each test its own address.
    const app = createApp({
      db: test.db,
      config: {
        secureCookies: true,
        rateLimits: { loginAttempts: 10, loginAttemptsPerAddress: 5, publicApiPerMinute: 600 },
      },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await request(app)
        .post('/api/session')
        .set('x-forwarded-for', '203.0.113.7')
        .send({ email: `nobody-${kind}-${i}@example.org`, password: 'Winter2026!' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // A real user from that address is limited too, until the window passes.
    const blocked = await request(app)
      .post('/api/session')
      .set('x-forwarded-for', '203.0.113.7')
      .send({ email: ctx.emails.viewer, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(errorBodySchema.parse(blocked.body).error.message).toContain('from your address');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('marks the session cookie Secure when the public URL is https', async () => {
    const app = createApp({ db: test.db, config: { publicUrl: 'https://desk.newsroom.example' } });
    const res = await request(app).post('/api/session').send({ email: ctx.emails.viewer, password: PASSWORD });
    expect(res.status).toBe(200);
    const cookies = readSetCookie(res.headers['set-cookie']);
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).toMatch(/;\s*Secure/i);
    const plain = createApp({ db: test.db, config: { publicUrl: 'http://localhost:3000' } });
    const insecure = await request(plain).post('/api/session').send({ email: ctx.emails.viewer, password: PASSWORD });
    for (const cookie of readSetCookie(insecure.headers['set-cookie'])) expect(cookie).not.toMatch(/;\s*Secure/i);
  });
});
