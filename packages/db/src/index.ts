export { parseDatabaseUrl, toPgPoolConfig } from './connection.ts';
export type { ConnectionConfig, Provider } from './connection.ts';
export { openDatabase } from './client.ts';
export type { Database, OpenDatabaseOptions, PrismaDb } from './client.ts';
export { migrateDatabase, diffSchemas, repoRoot } from './migrate.ts';
export type { Prisma } from './generated/sqlite/client.ts';
export { DatabaseBusyError } from './busy-retry.ts';
export { checkMigrations, describeDatabaseFault } from './faults.ts';
export type { DatabaseFault } from './faults.ts';
