import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client.ts';
import { PrismaClient as PgClient } from './generated/postgresql/client.ts';
import { type ConnectionConfig, toPgPoolConfig } from './connection.ts';

/**
 * Both generated clients expose the same model API; the SQLite one stands for both in types.
 * This is the one module of the project that creates a Prisma client.
 */
export type PrismaDb = SqliteClient;

export interface Database {
  prisma: PrismaDb;
  provider: ConnectionConfig['provider'];
  close(): Promise<void>;
}

export async function openDatabase(config: ConnectionConfig): Promise<Database> {
  if (config.provider === 'postgresql') {
    const adapter = new PrismaPg({ ...toPgPoolConfig(config.url), max: 10 });
    const prisma = new PgClient({ adapter }) as unknown as PrismaDb;
    return { prisma, provider: 'postgresql', close: () => prisma.$disconnect() };
  }
  if (config.url !== ':memory:') mkdirSync(dirname(config.url), { recursive: true });
  const adapter = new PrismaBetterSqlite3({ url: config.url, timeout: 10_000 });
  const prisma = new SqliteClient({ adapter });
  // WAL lets readers go on while a writer commits; several processes may share the file.
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await prisma.$queryRawUnsafe('PRAGMA busy_timeout = 10000');
  await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  return { prisma, provider: 'sqlite', close: () => prisma.$disconnect() };
}
