import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { claimdeskSync } from '../support/node-process.ts';
import { openSqlite } from '../support/sqlite.ts';
import { PG_ADMIN_URL, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

// Every step spawns the real CLI (tsx, Prisma, argon2): a loaded machine takes its time.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

function claimdesk(args: string[], env: Record<string, string>, input?: string) {
  const result = claimdeskSync(args, {
    env: { ...process.env, ...env },
    ...(input === undefined ? {} : { input }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI names an operator's database problem and what to do, as the API does. */
describe('claimdesk on a database that cannot take the write', () => {
  const databases: TestDatabase[] = [];
  beforeAll(async () => {
    databases.push(await createTestDatabase('sqlite'), await createTestDatabase('postgresql'));
  });
  afterAll(async () => {
    for (const test of databases) await test.drop();
  });

  it('on SQLite, says that another process holds the write lock', async () => {
    const test = databases[0] as TestDatabase;
    await test.db.close();
    const other = openSqlite(test.url);
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      const out = claimdesk(['keys', 'create', '--name', 'while locked'], { DATABASE_URL: test.url });
      expect(out.code).not.toBe(0);
      expect(out.stderr).toContain('claimdesk: another process holds the SQLite write lock');
      expect(out.stderr).toContain('try again in a moment');
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    const after = claimdesk(['keys', 'create', '--name', 'after the lock'], { DATABASE_URL: test.url });
    expect(after.code, after.stderr).toBe(0);
  });

  it('on PostgreSQL, says that the server refuses writes and what to do', async () => {
    const test = databases[1] as TestDatabase;
    const name = new URL(test.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = on`);
    try {
      const out = claimdesk(['keys', 'create', '--name', 'read-only'], { DATABASE_URL: test.url });
      expect(out.code).not.toBe(0);
      expect(out.stderr).toContain('claimdesk: the PostgreSQL server refuses writes');
      expect(out.stderr).toContain('point DATABASE_URL at the primary');
    } finally {
      await admin.query(`ALTER DATABASE "${name}" RESET default_transaction_read_only`);
      await admin.end();
    }
  });
});
