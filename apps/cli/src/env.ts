import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDatabaseUrl } from '@claimdesk/db';

/** The repository root: relative SQLite paths and the sample data resolve against it. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');

export function readConnectionConfig(env: NodeJS.ProcessEnv = process.env) {
  return parseDatabaseUrl(env.DATABASE_URL, repoRoot);
}
