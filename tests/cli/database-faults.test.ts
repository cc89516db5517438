import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SEED_PATH } from '../support/api-client.ts';
import { claimdeskSync, systemToolSync } from '../support/node-process.ts';
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

/**
 * A volume of its own for one SQLite file: a tmpfs of a chosen size, so the disk is really full,
 * and remounted read-only, so the file really cannot be written. Mounting needs root, as
 * `npm test` has here (it installs Chromium with apt).
 */
function smallVolume(sizeKb: number) {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-volume-'));
  const mount = (...args: string[]) => systemToolSync('mount', args);
  mount('-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir);
  return {
    dir,
    remount: (options: string) => mount('-o', `remount,${options}`, dir),
    remove() {
      systemToolSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('claimdesk on a SQLite file whose volume is full or read-only', () => {
  let migrated: TestDatabase;
  let other: string;
  beforeAll(async () => {
    migrated = await createTestDatabase('sqlite');
    // Closed, so the file holds everything (no -wal beside it) and can be copied onto a volume.
    await migrated.db.close();
    other = join(mkdtempSync(join(tmpdir(), 'claimdesk-articles-')), 'second.txt');
    writeFileSync(
      other,
      'date 2022-03-02 Kyiv | Test Desk: The General Staff said on Wednesday that 12 more tanks had been destroyed.\n',
    );
  });
  afterAll(async () => {
    await migrated.drop();
    rmSync(join(other, '..'), { recursive: true, force: true });
  });

  it('on a full disk, names the cause, stops the run, stores nothing, and a re-run after freeing space stores all', () => {
    // Room for the empty desk and a few pages more: the seed's claims do not fit.
    const volume = smallVolume(Math.ceil(statSync(migrated.url).size / 1024) + 48);
    try {
      const url = join(volume.dir, 'desk.db');
      copyFileSync(migrated.url, url);
      const full = claimdesk(['import', SEED_PATH, other], { DATABASE_URL: url });
      expect(full.code, full.stderr).toBe(1);
      expect(full.stdout).toContain('the disk that holds the database is full');
      expect(full.stdout).toContain('1 failed, 1 not tried');
      expect(full.stderr).toContain('claimdesk: stopped: the disk that holds the database is full');
      expect(full.stderr).toContain('free space on it');
      const none = openSqlite(url);
      expect(none.prepare('SELECT count(*) AS n FROM Article').get()).toEqual({ n: 0 });
      none.close();

      volume.remount('size=8m');
      const again = claimdesk(['import', SEED_PATH, other], { DATABASE_URL: url });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toContain('2 files: 2 imported, 0 already stored, 0 failed');
    } finally {
      volume.remove();
    }
  });

  it('on a read-only volume, says so for every command that writes, and works once it is writable', () => {
    const volume = smallVolume(8192);
    try {
      const url = join(volume.dir, 'desk.db');
      copyFileSync(migrated.url, url);
      volume.remount('ro');
      const readOnly = 'claimdesk: the database file is read-only for claimdesk: nothing was saved';
      for (const args of [
        ['keys', 'create', '--name', 'read-only'],
        ['db', 'migrate'],
      ]) {
        const out = claimdesk(args, { DATABASE_URL: url });
        expect(out.code, out.stderr).not.toBe(0);
        expect(out.stderr).toContain(readOnly);
        expect(out.stderr).toContain('make the file and its folder writable');
      }
      const imported = claimdesk(['import', SEED_PATH], { DATABASE_URL: url });
      expect(imported.code).toBe(1);
      expect(`${imported.stdout}${imported.stderr}`).toContain('the database file is read-only for claimdesk');

      volume.remount('rw');
      const after = claimdesk(['keys', 'create', '--name', 'writable again'], { DATABASE_URL: url });
      expect(after.code, after.stderr).toBe(0);
    } finally {
      volume.remove();
    }
  });
});
