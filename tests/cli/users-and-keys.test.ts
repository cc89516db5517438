import { createApp } from '@claimdesk/api';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ChildProcess, claimdeskSpawn, claimdeskSync } from '../support/node-process.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

// Every step spawns the real CLI (tsx, Prisma, argon2): a loaded machine takes its time.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const PASSWORD = 'a long enough password';

function claimdesk(args: string[], env: Record<string, string>, input?: string) {
  const result = claimdeskSync(args, {
    env: { ...process.env, ...env },
    ...(input === undefined ? {} : { input }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `claimdesk serve` and resolves with everything it printed up to the "serving" line. */
function serve(env: Record<string, string>): Promise<{ child: ChildProcess; output: string; baseUrl: string }> {
  const child = claimdeskSpawn(['serve', '--port', '0'], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const match = /serving on (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1]) resolve({ child, output, baseUrl: match[1] });
    });
    child.stderr?.on('data', (chunk: string) => {
      output += chunk;
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    // Already gone: ended by itself (exitCode) or by a signal (signalCode).
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe.each(DATABASE_KINDS)('claimdesk users and keys on %s', (kind) => {
  let test: TestDatabase;
  let env: Record<string, string>;
  const login = (email: string, password: string) =>
    request(createApp({ db: test.db }))
      .post('/api/session')
      .send({ email, password });

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    env = { DATABASE_URL: test.url };
  });
  afterAll(async () => {
    await test.drop();
  });

  it('users create: makes an account with the given password, stored as an argon2 hash', async () => {
    const { code, stdout, stderr } = claimdesk(
      [
        'users',
        'create',
        '--email',
        'Editor@Example.org',
        '--role',
        'editor',
        '--name',
        'Olena',
        '--password',
        PASSWORD,
      ],
      env,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^created editor editor@example\.org "Olena" \(id [0-9a-f-]{36}\)\n$/);
    const row = await test.db.prisma.user.findUniqueOrThrow({ where: { email: 'editor@example.org' } });
    expect(row).toMatchObject({ role: 'editor', name: 'Olena', isDisabled: false });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await login('editor@example.org', PASSWORD)).status).toBe(200);
  });

  it('users set-password: a one-time password printed once, or one from stdin; weak ones refused', async () => {
    const made = claimdesk(
      ['users', 'create', '--email', 'reset-me@example.org', '--role', 'viewer', '--password', PASSWORD],
      env,
    );
    expect(made.code, made.stderr).toBe(0);
    const session = await login('reset-me@example.org', PASSWORD);
    const cookie = String(session.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    const once = claimdesk(['users', 'set-password', 'reset-me@example.org'], env);
    expect(once.code, once.stderr).toBe(0);
    const oneTime = /password: (\S+)/.exec(once.stdout)?.[1] ?? '';
    expect(oneTime.length).toBeGreaterThanOrEqual(20);
    expect(once.stdout).toContain('must be changed at the next sign-in');
    // Every session ended; the old password is gone; the new one must be changed first.
    const app = createApp({ db: test.db });
    expect((await request(app).get('/api/session').set('cookie', cookie)).status).toBe(401);
    expect((await login('reset-me@example.org', PASSWORD)).status).toBe(401);
    const signedIn = await login('reset-me@example.org', oneTime);
    expect(signedIn.body.user.mustChangePassword).toBe(true);

    const weak = claimdesk(
      ['users', 'set-password', 'reset-me@example.org', '--password-stdin'],
      env,
      'password1234\n',
    );
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toMatch(/^claimdesk: .*too easy to guess/);
    const chosen = claimdesk(
      ['users', 'set-password', 'reset-me@example.org', '--password-stdin'],
      env,
      'a chosen passphrase for tests\n',
    );
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(chosen.stdout).not.toContain('password:');
    const after = await login('reset-me@example.org', 'a chosen passphrase for tests');
    expect(after.status).toBe(200);
    expect(after.body.user.mustChangePassword).toBe(false);
    const missing = claimdesk(['users', 'set-password', 'nobody@example.org'], env);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('no user nobody@example.org');
  });

  it('users create: without a password, generates one and prints it once; --password-stdin reads it', async () => {
    const made = claimdesk(['users', 'create', '--email', 'admin2@example.org', '--role', 'admin'], env);
    expect(made.code).toBe(0);
    const password = /password: (\S+)/.exec(made.stdout)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect((await login('admin2@example.org', password)).status).toBe(200);
    const piped = claimdesk(
      ['users', 'create', '--email', 'viewer@example.org', '--role', 'viewer', '--password-stdin'],
      env,
      `${PASSWORD}\n`,
    );
    expect(piped.code).toBe(0);
    expect(piped.stdout).not.toContain(PASSWORD);
    expect((await login('viewer@example.org', PASSWORD)).status).toBe(200);
  });

  it('users create: says what is wrong and exits non-zero, creating nothing', async () => {
    const before = await test.db.prisma.user.count();
    const cases: Array<[string[], number, string]> = [
      [
        ['users', 'create', '--email', 'x@example.org', '--role', 'owner', '--password', PASSWORD],
        2,
        'claimdesk: users create: --role must be admin, editor or viewer, not "owner"',
      ],
      [
        ['users', 'create', '--email', 'not-an-email', '--role', 'viewer', '--password', PASSWORD],
        2,
        'claimdesk: users create: email must look like name@host',
      ],
      [
        ['users', 'create', '--email', 'x@example.org', '--role', 'viewer', '--password', 'short'],
        2,
        'claimdesk: users create: password must be at least 12 characters',
      ],
      [['users', 'create', '--role', 'viewer'], 2, 'claimdesk: users create: --email is required'],
      [
        ['users', 'create', '--email', 'editor@example.org', '--role', 'viewer', '--password', PASSWORD],
        1,
        'claimdesk: a user with email editor@example.org already exists',
      ],
      [
        ['users', 'create', '--email', 'x@example.org', '--role', 'viewer', '--pasword', PASSWORD],
        2,
        "claimdesk: Unknown option '--pasword'",
      ],
      [['users', 'promote', 'x@example.org'], 2, 'claimdesk: users: unknown subcommand "promote"'],
    ];
    for (const [args, exitCode, message] of cases) {
      const { code, stderr, stdout } = claimdesk(args, env);
      expect(code, args.join(' ')).toBe(exitCode);
      expect(stderr.split('\n')[0], args.join(' ')).toContain(message);
      expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(stdout).not.toContain('created');
    }
    expect(await test.db.prisma.user.count()).toBe(before);
  });

  it('users list: one line per account, or JSON', () => {
    const table = claimdesk(['users', 'list'], env);
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^EMAIL\s+NAME\s+ROLE\s+STATUS\s+CREATED\s+ID$/);
    expect(lines.some((l) => /^editor@example\.org\s+Olena\s+editor\s+active\s/.test(l))).toBe(true);
    // Without --name, the part of the address before the @.
    expect(lines.some((l) => /^admin2@example\.org\s+admin2\s+admin\s/.test(l))).toBe(true);
    // The header, editor, reset-me (set-password test), admin2 and viewer.
    expect(lines).toHaveLength(5);
    const json = JSON.parse(claimdesk(['users', 'list', '--json'], env).stdout) as Array<{
      email: string;
      role: string;
    }>;
    expect(json.map((u) => `${u.email}:${u.role}`).sort()).toEqual([
      'admin2@example.org:admin',
      'editor@example.org:editor',
      'reset-me@example.org:viewer',
      'viewer@example.org:viewer',
    ]);
    expect(table.stdout + JSON.stringify(json)).not.toContain('argon2');
  });

  it('users set-name sets the display name, and refuses an address or nothing', async () => {
    const named = claimdesk(['users', 'set-name', 'viewer@example.org', 'Ivan', 'P.'], env);
    expect(named.stderr).toBe('');
    expect(named.stdout).toBe('viewer@example.org is now shown as "Ivan P."\n');
    expect((await test.db.prisma.user.findUniqueOrThrow({ where: { email: 'viewer@example.org' } })).name).toBe(
      'Ivan P.',
    );
    const address = claimdesk(['users', 'set-name', 'viewer@example.org', 'ivan@example.org'], env);
    expect(address.code).toBe(2);
    expect(address.stderr).toContain('claimdesk: users set-name: name must be a name, not an e-mail address');
    expect(claimdesk(['users', 'set-name', 'viewer@example.org'], env).code).toBe(2);
  });

  it('users set-role and disable change the account, and refuse what would leave no admin', async () => {
    const promoted = claimdesk(['users', 'set-role', 'viewer@example.org', 'editor'], env);
    expect(promoted.code).toBe(0);
    expect(promoted.stdout).toBe('viewer@example.org is now editor\n');
    expect((await test.db.prisma.user.findUniqueOrThrow({ where: { email: 'viewer@example.org' } })).role).toBe(
      'editor',
    );
    const badRole = claimdesk(['users', 'set-role', 'viewer@example.org', 'boss'], env);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('claimdesk: users set-role: role must be admin, editor or viewer, not "boss"');
    const nobody = claimdesk(['users', 'set-role', 'nobody@example.org', 'viewer'], env);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toBe('claimdesk: no user nobody@example.org\n');
    const lastAdmin = claimdesk(['users', 'disable', 'admin2@example.org'], env);
    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.stderr).toContain('claimdesk: this is the last active admin');
    expect((await test.db.prisma.user.findUniqueOrThrow({ where: { email: 'admin2@example.org' } })).isDisabled).toBe(
      false,
    );

    const disabled = claimdesk(['users', 'disable', 'editor@example.org'], env);
    expect(disabled.code).toBe(0);
    expect((await test.db.prisma.user.findUniqueOrThrow({ where: { email: 'editor@example.org' } })).isDisabled).toBe(
      true,
    );
    expect((await login('editor@example.org', PASSWORD)).status).toBe(403);
    expect(claimdesk(['users', 'list'], env).stdout).toMatch(/editor@example\.org\s+Olena\s+editor\s+disabled/);
    expect(claimdesk(['users', 'enable', 'editor@example.org'], env).code).toBe(0);
    expect((await login('editor@example.org', PASSWORD)).status).toBe(200);
  });

  it('keys create prints a read-only key once; keys list never shows it; keys revoke ends it', async () => {
    const made = claimdesk(['keys', 'create', '--name', 'newsroom sync'], env);
    expect(made.code).toBe(0);
    const key = /key: (cd_\S+)/.exec(made.stdout)?.[1] ?? '';
    const prefix = /prefix (\S+)\)/.exec(made.stdout)?.[1] ?? '';
    expect(key).toMatch(new RegExp(`^cd_${prefix}_`));
    const app = createApp({ db: test.db });
    expect((await request(app).get('/api/v1/claims').set('authorization', `Bearer ${key}`)).status).toBe(200);
    expect(
      (await request(app).post('/api/articles').set('authorization', `Bearer ${key}`).send({ text: 'x' })).status,
    ).toBe(403);
    const stored = await test.db.prisma.apiKey.findUniqueOrThrow({ where: { prefix } });
    expect(JSON.stringify(stored)).not.toContain(key);

    const listed = claimdesk(['keys', 'list'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`newsroom sync\\s+${prefix}\\s+active`));
    expect(listed.stdout).not.toContain(key);

    const revoked = claimdesk(['keys', 'revoke', prefix], env);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toBe(`revoked API key "newsroom sync" (prefix ${prefix})\n`);
    expect((await request(app).get('/api/v1/claims').set('authorization', `Bearer ${key}`)).status).toBe(401);
    expect(claimdesk(['keys', 'list'], env).stdout).toMatch(new RegExp(`newsroom sync\\s+${prefix}\\s+revoked`));

    const noName = claimdesk(['keys', 'create'], env);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain('claimdesk: keys create: --name is required');
    const unknown = claimdesk(['keys', 'revoke', 'nope'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('claimdesk: no API key nope\n');
  });
});

describe('the first admin, created by `claimdesk serve` (what npm start runs)', () => {
  const started: ChildProcess[] = [];
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const child of started) await stop(child);
    for (const db of databases) await db.drop();
  });

  it('on an empty database creates admin@localhost with a random password, prints it once, and it signs in', async () => {
    const test = await createTestDatabase('sqlite');
    databases.push(test);
    const first = await serve({ DATABASE_URL: test.url, CLAIMDESK_ADMIN_EMAIL: '', CLAIMDESK_ADMIN_PASSWORD: '' });
    started.push(first.child);
    expect(first.output).toContain('email:    admin@localhost');
    const password = /password: (\S+)/.exec(first.output)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);
    const res = await fetch(`${first.baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@localhost', password }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { role: string } }).user.role).toBe('admin');
    await stop(first.child);
    const second = await serve({ DATABASE_URL: test.url, CLAIMDESK_ADMIN_EMAIL: '', CLAIMDESK_ADMIN_PASSWORD: '' });
    started.push(second.child);
    expect(second.output).not.toContain('password');
    expect(second.output).not.toContain(password);
    await stop(second.child);
    expect(await test.db.prisma.user.count()).toBe(1);
  });

  it.each(DATABASE_KINDS)(
    'takes CLAIMDESK_ADMIN_EMAIL and CLAIMDESK_ADMIN_PASSWORD on first start (%s)',
    async (kind) => {
      const test = await createTestDatabase(kind);
      databases.push(test);
      const server = await serve({
        DATABASE_URL: test.url,
        CLAIMDESK_ADMIN_EMAIL: 'chief@newsroom.example',
        CLAIMDESK_ADMIN_PASSWORD: PASSWORD,
      });
      started.push(server.child);
      expect(server.output).toContain(
        'created the admin account chief@newsroom.example (password from CLAIMDESK_ADMIN_PASSWORD)',
      );
      expect(server.output).not.toContain(PASSWORD);
      const res = await fetch(`${server.baseUrl}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'chief@newsroom.example', password: PASSWORD }),
      });
      expect(res.status).toBe(200);
      await stop(server.child);
      const users = await test.db.prisma.user.findMany();
      expect(users.map((u) => `${u.email}:${u.role}`)).toEqual(['chief@newsroom.example:admin']);
    },
  );

  it('refuses a too-short CLAIMDESK_ADMIN_PASSWORD with a clear message', async () => {
    const test = await createTestDatabase('sqlite');
    databases.push(test);
    const { code, stderr } = claimdesk(['serve', '--port', '0'], {
      DATABASE_URL: test.url,
      CLAIMDESK_ADMIN_EMAIL: 'a@example.org',
      CLAIMDESK_ADMIN_PASSWORD: 'short',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('CLAIMDESK_ADMIN_PASSWORD must be at least 12 characters');
    expect(await test.db.prisma.user.count()).toBe(0);
  });
});
