import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeArticleBytes, importArticle, readEnv } from '@claimdesk/api';
import { httpUrlSchema } from '@claimdesk/contracts';
import { CliError } from '../cli-error.ts';
import { importUsage } from '../usage.ts';
import { collectArticleFiles } from '../collect-files.ts';
import { readConnectionConfig } from '../env.ts';
import { openMigratedDatabase } from './admin-db.ts';

export async function runImport(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    options: { help: { type: 'boolean', short: 'h' }, url: { type: 'string' } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(importUsage);
    return 0;
  }
  if (positionals.length === 0) throw new CliError(`import: no file or folder given\n${importUsage}`);
  const limits = { maxChars: readEnv().CLAIMDESK_MAX_ARTICLE_CHARS };
  const files = collectArticleFiles(positionals, { keepMissing: true });
  if (values.url !== undefined) {
    // One address belongs to one article: given for a folder it would be wrong for all but one.
    if (files.length !== 1) throw new CliError(`import: --url names one article's address; give exactly one file`);
    const checked = httpUrlSchema.safeParse(values.url);
    if (!checked.success) throw new CliError(`import: --url must be an http(s) URL, not "${values.url}"`);
  }
  const db = await openMigratedDatabase(readConnectionConfig());
  let imported = 0;
  let existing = 0;
  let failed = 0;
  try {
    for (const file of files) {
      try {
        // Bytes, not a string: invalid UTF-8 is refused rather than stored as replacement characters.
        const text = decodeArticleBytes(readFileSync(file), limits);
        const { article, created } = await importArticle(
          db,
          { text, fileName: basename(file), ...(values.url ? { url: values.url } : {}) },
          limits,
        );
        const figures = article.claims.filter((c) => c.kind === 'figure').length;
        const line = `${article.statements.length} statements, ${figures} figures, id ${article.id}`;
        if (created) {
          imported += 1;
          console.log(`imported  ${file}: ${line}`);
        } else {
          existing += 1;
          console.log(`existing  ${file}: already stored (${line})`);
        }
      } catch (error) {
        failed += 1;
        console.log(`FAILED    ${file}: ${describeError(error)}`);
      }
    }
  } finally {
    await db.close();
  }
  console.log(
    `${files.length} ${files.length === 1 ? 'file' : 'files'}: ${imported} imported, ${existing} already stored, ${failed} failed`,
  );
  return failed > 0 ? 1 : 0;
}

/**
 * One line that says what went wrong, never an empty one: Prisma's messages start with a blank
 * line and the call site, so only their last line (the cause) is kept.
 */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder, not an article';
  if (code === 'EACCES') return 'cannot be read (permission denied)';
  const message = error instanceof Error ? error.message : String(error);
  const lines = message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const cause = lines.at(-1) ?? (error instanceof Error ? error.name : 'unknown error');
  return typeof code === 'string' ? `${cause} (${code})` : cause;
}
