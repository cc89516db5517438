// Writes a new migration for both providers: the SQL from the last snapshot of the schema to the
// current one, computed by the wasm schema engine without a shadow database.
// Usage: npm run db:diff -- NAME
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffSchemas, repoRoot } from '../src/index.ts';
import type { ConnectionConfig, Provider } from '../src/index.ts';

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_');
if (!name) {
  console.error('usage: npm run db:diff -- NAME');
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const connections: Record<Provider, ConnectionConfig> = {
  sqlite: { provider: 'sqlite', url: ':memory:' },
  postgresql: {
    provider: 'postgresql',
    url: process.env.PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  },
};
for (const provider of ['sqlite', 'postgresql'] as const) {
  const dir = join(repoRoot, 'prisma', provider);
  const current = readFileSync(join(dir, 'schema.prisma'), 'utf8');
  const snapshotPath = join(dir, 'migrations', 'schema.snapshot.prisma');
  const previous = existsSync(snapshotPath) ? readFileSync(snapshotPath, 'utf8') : null;
  const sql = await diffSchemas(connections[provider], previous, current);
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log(`${provider}: no change`);
    continue;
  }
  const migrationDir = join(dir, 'migrations', `${stamp}_${name}`);
  mkdirSync(migrationDir, { recursive: true });
  writeFileSync(join(migrationDir, 'migration.sql'), sql);
  writeFileSync(join(dir, 'migrations', 'migration_lock.toml'), `provider = "${provider}"\n`);
  writeFileSync(snapshotPath, current);
  console.log(`${provider}: wrote ${migrationDir}`);
}
