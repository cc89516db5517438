import { readFile } from 'node:fs/promises';
import { availableParallelism, userInfo } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ARTICLE_FILE_EXTENSIONS,
  type FieldMap,
  createOutboundPolicy,
  createParsePool,
  fetchArticleFile,
  importArticleFile,
  parseFieldMap,
  readEnv,
} from '@claimdesk/api';
import { type ImportResult, httpUrlSchema } from '@claimdesk/contracts';
import { type DatabaseFault, describeDatabaseFault } from '@claimdesk/db';
import { CliError } from '../cli-error.ts';
import { importUsage } from '../usage.ts';
import { collectArticleFiles } from '../collect-files.ts';
import { readConnectionConfig } from '../env.ts';
import { openMigratedDatabase } from './admin-db.ts';

export async function runImport(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    options: {
      help: { type: 'boolean', short: 'h' },
      url: { type: 'string' },
      map: { type: 'string' },
      concurrency: { type: 'string' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(importUsage);
    return 0;
  }
  if (positionals.length === 0) throw new CliError(`import: no file or folder given\n${importUsage}`);
  const isUrl = (p: string) => /^https?:\/\//i.test(p);
  const env = readEnv();
  const files = [
    ...positionals.filter(isUrl),
    ...collectArticleFiles(
      positionals.filter((p) => !isUrl(p)),
      { keepMissing: true, extensions: ARTICLE_FILE_EXTENSIONS },
    ),
  ];
  if (values.url !== undefined) {
    // One address belongs to one article: given for a folder it would be wrong for all but one.
    if (files.length !== 1) throw new CliError(`import: --url names one article's address; give exactly one file`);
    const checked = httpUrlSchema.safeParse(values.url);
    if (!checked.success) throw new CliError(`import: --url must be an http(s) URL, not "${values.url}"`);
  }
  const concurrency = parseConcurrency(values.concurrency);
  const limits = { maxChars: env.CLAIMDESK_MAX_ARTICLE_CHARS };
  // Pages by URL go through the webhooks' outbound guard and its allow-list.
  const policy = createOutboundPolicy({ allow: env.CLAIMDESK_WEBHOOK_ALLOW });
  const map = values.map ? parseMapOption(values.map) : undefined;
  const db = await openMigratedDatabase(readConnectionConfig());
  // Several files at once: texts are parsed in worker threads (as many as the machine has cores,
  // at most --concurrency) while others are written; one at a time parses on this thread.
  const pool = concurrency > 1 ? createParsePool({ size: Math.min(concurrency, availableParallelism()) }) : null;
  const progress = progressLine(process.stderr);
  let imported = 0;
  let existing = 0;
  let versions = 0;
  let failed = 0;
  let started = 0;
  let finished = 0;
  // A full disk, a read-only file or a schema from another version fails every file the same way:
  // the run stops at the first, says why and what to do, and a re-run goes on from there.
  let stoppedBy: DatabaseFault | null = null;
  const showProgress = (file: string) =>
    progress.show(
      `[${finished}/${files.length}] ${imported} imported, ${existing} already stored, ${failed} failed · ${file}`,
    );
  const importOne = async (file: string) => {
    showProgress(file);
    let results: ImportResult[];
    try {
      // Bytes, not a string: invalid UTF-8 is refused rather than stored as replacement characters.
      const { fileName, bytes } = isUrl(file)
        ? await fetchArticleFile(file, { policy, limits })
        : { fileName: basename(file), bytes: await readFile(file) };
      results = await importArticleFile(db, fileName, bytes, {
        limits,
        storedBy: `cli:${userInfo().username}`,
        ...(pool ? { parse: pool.parse } : {}),
        ...(map ? { map } : {}),
        ...(values.url ? { overrides: { url: values.url } } : {}),
        ...(isUrl(file) ? { defaults: { url: file } } : {}),
      });
      if (isUrl(file)) results = results.map((r) => ({ ...r, label: `${file}${r.label.slice(fileName.length)}` }));
    } catch (error) {
      failed += 1;
      progress.clear();
      const fault = describeDatabaseFault(error, db.provider);
      console.log(`FAILED    ${file}: ${fault ? fault.message : describeError(error)}`);
      if (fault && fault.fault !== 'database_busy') stoppedBy ??= fault;
      return;
    }
    progress.clear();
    for (const r of results) {
      // The label names the file as given (a path), with the line or row of a record in it.
      const label = isUrl(file) ? r.label : `${file}${r.label.slice(basename(file).length)}`;
      const line = `${r.claims} claims, id ${r.articleId}`;
      if (r.status === 'stored') {
        imported += 1;
        console.log(`imported  ${label}: ${line}`);
      } else if (r.status === 'version') {
        versions += 1;
        const c = r.changes;
        const what = c
          ? `: ${c.kept} claims kept, ${c.added} new, ${c.removed} removed, ${c.notFound} judged not found`
          : '';
        console.log(`version   ${label}: version ${r.version} of ${r.articleId}${what}`);
      } else if (r.status === 'existing') {
        existing += 1;
        console.log(`existing  ${label}: already stored (${line})`);
      } else {
        failed += 1;
        console.log(`FAILED    ${label}: ${r.reason || 'refused'}`);
      }
    }
  };
  try {
    // --concurrency lanes, each taking the next file when it is done with one.
    await Promise.all(
      Array.from({ length: Math.min(concurrency, files.length) }, async () => {
        while (started < files.length && !stoppedBy) {
          const file = files[started++] as string;
          await importOne(file);
          finished += 1;
        }
      }),
    );
  } finally {
    progress.clear();
    await pool?.close();
    await db.close();
  }
  const articles = imported + versions + existing + failed;
  const notTried = files.length - started;
  console.log(
    `${files.length} ${files.length === 1 ? 'file' : 'files'}${articles !== started ? ` (${articles} articles)` : ''}: ${imported} imported, ${versions > 0 ? `${versions} new versions, ` : ''}${existing} already stored, ${failed} failed${notTried > 0 ? `, ${notTried} not tried` : ''}`,
  );
  // Set inside the lanes' closures, which TypeScript's narrowing does not follow.
  const stopped = stoppedBy as DatabaseFault | null;
  if (stopped) {
    console.error(
      `claimdesk: stopped: ${stopped.message}${notTried > 0 ? '; run the same command again afterwards: what is stored is skipped' : ''}`,
    );
  }
  return failed > 0 ? 1 : 0;
}

/**
 * A progress line on a terminal (stderr, rewritten in place); nothing when stderr is a file or a
 * pipe, where the per-article lines on stdout are the record.
 */
function progressLine(stream: NodeJS.WriteStream) {
  const isShown = Boolean(stream.isTTY);
  let isVisible = false;
  return {
    show(text: string) {
      if (!isShown) return;
      const width = Math.max(20, (stream.columns || 80) - 1);
      stream.write(`\r\x1b[K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
      isVisible = true;
    },
    clear() {
      if (!isVisible) return;
      stream.write('\r\x1b[K');
      isVisible = false;
    },
  };
}

/** How many files are imported at once: 1 (the default) to 64. */
function parseConcurrency(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 64)
    throw new CliError(`import: --concurrency must be a whole number from 1 to 64, not "${value}"`);
  return n;
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
  // An AppError's message is already the reason; other errors (Prisma's) name their code too.
  return typeof code === 'string' && (error as Error).name !== 'AppError' ? `${cause} (${code})` : cause;
}
