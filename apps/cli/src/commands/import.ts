import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ARTICLE_FILE_EXTENSIONS, type FieldMap, importArticleFile, parseFieldMap, readEnv } from '@claimdesk/api';
import { type ImportResult, httpUrlSchema } from '@claimdesk/contracts';
import { CliError } from '../cli-error.ts';
import { importUsage } from '../usage.ts';
import { collectArticleFiles } from '../collect-files.ts';
import { readConnectionConfig } from '../env.ts';
import { openMigratedDatabase } from './admin-db.ts';

export async function runImport(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    options: { help: { type: 'boolean', short: 'h' }, url: { type: 'string' }, map: { type: 'string' } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(importUsage);
    return 0;
  }
  if (positionals.length === 0) throw new CliError(`import: no file or folder given\n${importUsage}`);
  const limits = { maxChars: readEnv().CLAIMDESK_MAX_ARTICLE_CHARS };
  const files = collectArticleFiles(positionals, { keepMissing: true, extensions: ARTICLE_FILE_EXTENSIONS });
  if (values.url !== undefined) {
    // One address belongs to one article: given for a folder it would be wrong for all but one.
    if (files.length !== 1) throw new CliError(`import: --url names one article's address; give exactly one file`);
    const checked = httpUrlSchema.safeParse(values.url);
    if (!checked.success) throw new CliError(`import: --url must be an http(s) URL, not "${values.url}"`);
  }
  const map = values.map ? parseMapOption(values.map) : undefined;
  const db = await openMigratedDatabase(readConnectionConfig());
  let imported = 0;
  let existing = 0;
  let failed = 0;
  try {
    for (const file of files) {
      let results: ImportResult[];
      try {
        // Bytes, not a string: invalid UTF-8 is refused rather than stored as replacement characters.
        const bytes = readFileSync(file);
        results = await importArticleFile(db, basename(file), bytes, {
          limits,
          ...(map ? { map } : {}),
          ...(values.url ? { overrides: { url: values.url } } : {}),
        });
      } catch (error) {
        failed += 1;
        console.log(`FAILED    ${file}: ${describeError(error)}`);
        continue;
      }
      for (const r of results) {
        // The label names the file as given (a path), with the line or row of a record in it.
        const label = `${file}${r.label.slice(basename(file).length)}`;
        const line = `${r.claims} claims, id ${r.articleId}`;
        if (r.status === 'stored') {
          imported += 1;
          console.log(`imported  ${label}: ${line}`);
        } else if (r.status === 'existing') {
          existing += 1;
          console.log(`existing  ${label}: already stored (${line})`);
        } else {
          failed += 1;
          console.log(`FAILED    ${label}: ${r.reason || 'refused'}`);
        }
      }
    }
  } finally {
    await db.close();
  }
  const articles = imported + existing + failed;
  console.log(
    `${files.length} ${files.length === 1 ? 'file' : 'files'}${articles !== files.length ? ` (${articles} articles)` : ''}: ${imported} imported, ${existing} already stored, ${failed} failed`,
  );
  return failed > 0 ? 1 : 0;
}

function parseMapOption(value: string): FieldMap {
  try {
    return parseFieldMap(value);
  } catch (error) {
    throw new CliError(`import: --${(error as Error).message}`);
  }
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
