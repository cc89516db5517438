import type { ImportResult } from '@claimdesk/contracts';
import { type Database, describeDatabaseFault } from '@claimdesk/db';
import type { ParseFn } from '../intake/parse-pool.ts';
import { type FieldMap, readArticleFile } from '../intake/read-articles.ts';
import type { ArticleLimits } from './check-article-text.ts';
import { importArticle } from './import-article.ts';

const oneLine = (error: unknown) => {
  const lines = (error instanceof Error ? error.message : String(error))
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.at(-1) ?? 'unknown error';
};

/**
 * Imports every article a file holds (any format `readArticleFile` reads), each in its own
 * transaction: one refused record does not stop the others. One result per article. A fault of
 * the database itself (a full disk, a read-only file, a held lock) is thrown, not reported as a
 * refused record: it is the operator's to fix, and the API and CLI name it as such.
 */
export async function importArticleFile(
  db: Database,
  fileName: string,
  bytes: Uint8Array,
  options: {
    limits: ArticleLimits;
    map?: FieldMap;
    /** Wins over what the file says (`import --url`). */
    overrides?: { url?: string };
    /** Used where the file says nothing (the address a page was fetched from). */
    defaults?: { url?: string };
    /** Where texts are parsed (a worker pool's `parse`); on this thread when not given. */
    parse?: ParseFn;
    /** Who imports: recorded with each stored text (its version list shows it). */
    storedBy?: string;
  },
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const read of readArticleFile(fileName, bytes, options)) {
    const none = { articleId: null, title: null, claims: null };
    if ('refusal' in read) {
      results.push({ label: read.label, status: 'refused', reason: read.refusal, ...none });
      continue;
    }
    try {
      const { article, created, version } = await importArticle(
        db,
        { ...options.defaults, ...read.record, ...options.overrides },
        options.limits,
        {
          ...(options.parse ? { parse: options.parse } : {}),
          ...(options.storedBy ? { storedBy: options.storedBy } : {}),
        },
      );
      results.push({
        label: read.label,
        status: version ? 'version' : created ? 'stored' : 'existing',
        reason: null,
        articleId: article.id,
        title: article.title,
        claims: article.claims.length,
        version: article.version,
        changes: version?.changes ?? null,
      });
    } catch (error) {
      if (describeDatabaseFault(error, db.provider)) throw error;
      results.push({ label: read.label, status: 'refused', reason: oneLine(error), ...none });
    }
  }
  return results;
}
