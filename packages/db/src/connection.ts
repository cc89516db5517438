import { isAbsolute, resolve } from 'node:path';

export type Provider = 'sqlite' | 'postgresql';

export interface ConnectionConfig {
  provider: Provider;
  /** For SQLite: the absolute file path (or ':memory:'); for PostgreSQL: the connection string. */
  url: string;
}

/**
 * Reads a DATABASE_URL-style string: postgres:// or postgresql:// selects PostgreSQL; anything else
 * is a SQLite file (`file:` prefix optional), resolved against `baseDir`.
 */
export function parseDatabaseUrl(databaseUrl: string | undefined, baseDir: string): ConnectionConfig {
  const value = (databaseUrl ?? '').trim();
  if (/^postgres(ql)?:\/\//i.test(value)) return { provider: 'postgresql', url: value };
  const path = value === '' ? 'data/claimdesk.db' : value.replace(/^file:/i, '');
  if (path === ':memory:') return { provider: 'sqlite', url: path };
  return { provider: 'sqlite', url: isAbsolute(path) ? path : resolve(baseDir, path) };
}

/** Splits a PostgreSQL URL into pool options (see stack-notes: the migration adapter needs them apart). */
export function toPgPoolConfig(url: string): {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  ssl?: boolean;
} {
  const u = new URL(url);
  const config: { host: string; port: number; user: string; password?: string; database: string; ssl?: boolean } = {
    host: decodeURIComponent(u.hostname) || 'localhost',
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || 'postgres',
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
  };
  if (u.password) config.password = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode && sslmode !== 'disable') config.ssl = true;
  return config;
}
