import { migrateDatabase } from '@claimdesk/db';
import { CliError } from '../cli-error.ts';
import { dbUsage } from '../usage.ts';
import { readConnectionConfig } from '../env.ts';

export async function runDb(argv: string[]): Promise<number> {
  const [sub] = argv;
  if (sub !== 'migrate') throw new CliError(`db: unknown subcommand ${sub ?? '(none)'}\n${dbUsage}`);
  const config = readConnectionConfig();
  const applied = await migrateDatabase(config);
  const where = config.provider === 'sqlite' ? config.url : 'PostgreSQL';
  console.log(applied.length === 0 ? `${where}: up to date` : `${where}: applied ${applied.join(', ')}`);
  return 0;
}
