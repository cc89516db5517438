import { readFileSync } from 'node:fs';
import { CliError } from './cli-error.ts';
import { readConnectionConfig } from './env.ts';
import {
  articlesUsage,
  correctionsUsage,
  dbUsage,
  importUsage,
  keysUsage,
  parseUsage,
  referenceUsage,
  serveUsage,
  usersUsage,
} from './usage.ts';

const usage = `claimdesk: turn war reporting into reviewable claims

Commands:
${[parseUsage, importUsage, articlesUsage, referenceUsage, correctionsUsage, dbUsage, serveUsage, usersUsage, keysUsage].map((u) => `  ${u.replaceAll('\n', '\n  ')}`).join('\n\n')}

claimdesk --version   (this version and the Node that runs it)

Environment: DATABASE_URL (postgres://... for PostgreSQL, else a SQLite file; default data/claimdesk.db), PORT,\nCLAIMDESK_ADMIN_EMAIL and CLAIMDESK_ADMIN_PASSWORD (the first admin, on first start).`;

/** Each command is loaded on demand: `parse` must not pay for Prisma or Express. */
const commands: Record<string, () => Promise<(argv: string[]) => number | Promise<number>>> = {
  parse: async () => (await import('./commands/parse.ts')).runParse,
  import: async () => (await import('./commands/import.ts')).runImport,
  articles: async () => (await import('./commands/articles.ts')).runArticles,
  corrections: async () => (await import('./commands/corrections.ts')).runCorrections,
  db: async () => (await import('./commands/db.ts')).runDb,
  serve: async () => (await import('./commands/serve.ts')).runServe,
  users: async () => (await import('./commands/users.ts')).runUsers,
  keys: async () => (await import('./commands/keys.ts')).runKeys,
  reference: async () => (await import('./commands/reference.ts')).runReference,
};

/** Runs one command and returns the exit code; a usage error never shows a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(usage);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === 'version') {
    // The Node line matters: better-sqlite3 is built per line (README: supported Node.js versions).
    // apps/cli/package.json, one level above both src/ and the bundle's dist/.
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    console.log(`claimdesk ${version} on Node ${process.version}`);
    return 0;
  }
  try {
    const load = commands[command];
    if (!load) throw new CliError(`unknown command "${command}"\n\n${usage}`);
    return await (await load())(rest);
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`claimdesk: ${error.message}`);
      return error.exitCode;
    }
    if ((error as NodeJS.ErrnoException | null)?.code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`claimdesk: ${(error as Error).message}`);
      return 2;
    }
    // A full disk, a read-only file or a held lock: the cause and what to do, as the API says it.
    // Loaded here, not at the top: `parse` must not pay for Prisma.
    const { describeDatabaseFault } = await import('@claimdesk/db');
    const fault = describeDatabaseFault(error, readConnectionConfig().provider);
    console.error(`claimdesk: ${fault ? fault.message : error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
