import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type ConnectionConfig, type Database, migrateDatabase, openDatabase, toPgPoolConfig } from '@claimdesk/db';

/**
 * Every API test runs on both databases the product supports: a real SQLite file and a real
 * PostgreSQL database. Each call makes a fresh, migrated, empty database and a way to drop it.
 */
export const DATABASE_KINDS = ['sqlite', 'postgresql'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

export interface TestDatabase {
  kind: DatabaseKind;
  /** A DATABASE_URL that points at this database (for child processes). */
  url: string;
  config: ConnectionConfig;
  db: Database;
  drop(): Promise<void>;
}

/** Admin connection used to create and drop throwaway PostgreSQL databases. */
export const PG_ADMIN_URL = process.env.PG_TEST_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-test-'));
    const url = join(dir, 'test.db');
    const config: ConnectionConfig = { provider: 'sqlite', url };
    await migrateDatabase(config);
    const db = await openDatabase(config);
    return {
      kind,
      url,
      config,
      db,
      async drop() {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `claimdesk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(toPgPoolConfig(PG_ADMIN_URL));
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const adminUrl = new URL(PG_ADMIN_URL);
  adminUrl.pathname = `/${name}`;
  const url = adminUrl.toString();
  const config: ConnectionConfig = { provider: 'postgresql', url };
  await migrateDatabase(config);
  const db = await openDatabase(config);
  return {
    kind,
    url,
    config,
    db,
    async drop() {
      await db.close();
      const c = new pg.Client(toPgPoolConfig(PG_ADMIN_URL));
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
