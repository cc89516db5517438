import { parseArgs } from 'node:util';
import { createApiKey, listApiKeys, revokeApiKey } from '@claimdesk/api';
import { createApiKeyRequestSchema } from '@claimdesk/contracts';
import { CliError } from '../cli-error.ts';
import { keysUsage } from '../usage.ts';
import { parseInput, printTable, withDatabase } from './admin-db.ts';

export async function runKeys(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    console.log(keysUsage);
    return sub === undefined ? 2 : 0;
  }
  switch (sub) {
    case 'create': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { name: { type: 'string' } },
        allowPositionals: true,
      });
      const name = values.name ?? positionals[0];
      if (name === undefined) throw new CliError(`keys create: --name is required\n${keysUsage}`);
      const input = parseInput(createApiKeyRequestSchema, { name }, 'keys create');
      const key = await withDatabase((db) => createApiKey(db, input.name));
      console.log(`created API key "${key.name}" (id ${key.id}, prefix ${key.prefix}); read-only`);
      console.log(`key: ${key.key}`);
      console.log('This key is shown once: it is stored hashed. Send it as Authorization: Bearer <key>.');
      return 0;
    }
    case 'list': {
      const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' } } });
      const keys = await withDatabase((db) => listApiKeys(db));
      if (values.json) {
        console.log(JSON.stringify(keys, null, 2));
        return 0;
      }
      printTable(
        ['NAME', 'PREFIX', 'STATUS', 'CREATED', 'LAST USED', 'ID'],
        keys.map((k) => [
          k.name,
          k.prefix,
          k.revokedAt ? `revoked ${k.revokedAt.slice(0, 10)}` : 'active',
          k.createdAt.slice(0, 10),
          k.lastUsedAt?.slice(0, 10) ?? 'never',
          k.id,
        ]),
      );
      return 0;
    }
    case 'revoke': {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true });
      const [which] = positionals;
      if (!which || positionals.length > 1) throw new CliError(`keys revoke: expected ID|PREFIX\n${keysUsage}`);
      const key = await withDatabase((db) => revokeApiKey(db, which));
      console.log(`revoked API key "${key.name}" (prefix ${key.prefix})`);
      return 0;
    }
    default:
      throw new CliError(`keys: unknown subcommand "${sub}" (expected create, list or revoke)\n${keysUsage}`);
  }
}
