import type { Database } from '@claimdesk/db';
import { articlesWithTerm, sourcesWithTerms } from './search-claims.ts';

/**
 * The queue's page and counts for a search, as two SQL statements that keep the match inside the
 * database: the index answers which claims match (SQLite: FTS5 trigram rowids, intersected per
 * word; PostgreSQL: the pg_trgm GIN index with the source and article ids in one bitmap), and the
 * page is sorted and limited there, so no list of matching ids ever comes back to Node (the old
 * path carried up to 5,000 ids per word through Prisma, or scanned every row with LIKE when a word
 * was common, and joined and counted twice).
 */

/** A statement built part by part: each parameter is pushed in the order it appears in the text. */
export class SqlParts {
  readonly params: unknown[] = [];
  constructor(readonly pg: boolean) {}
  /** A placeholder for one value. */
  p(value: unknown): string {
    this.params.push(value);
    return this.pg ? `$${this.params.length}` : '?';
  }
  /** `column IN (list)` without one parameter per element (no parameter limit, no statement per length). */
  inList(column: string, values: readonly string[]): string {
    if (values.length === 0) return 'FALSE';
    return this.pg
      ? `${column} = ANY(${this.p(values)}::text[])`
      : `${column} IN (SELECT value FROM json_each(${this.p(JSON.stringify(values))}))`;
  }
}

export interface WordMatch {
  /** The folded word as it is looked for (searchTerm: " word", the start of a stored word). */
  term: string;
  sourceIds: string[];
  articleIds: string[];
}

/** What each term of a query matches besides claim text: source entities and articles (small tables). */
export async function matchTerms(db: Database, terms: string[]): Promise<WordMatch[]> {
  const sources = await sourcesWithTerms(db.prisma, terms);
  return Promise.all(
    terms.map(async (term) => ({
      term,
      sourceIds: [...(sources.get(term) ?? [])],
      articleIds: await articlesWithTerm(db, term),
    })),
  );
}

const likeEscaped = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The condition "claim `c` matches every word": in its folded text, through its source entity or
 * through its article. SQLite: a set of rowids per word from the FTS5 index (words of 1-2
 * characters with its space, which trigrams cannot index, by instr over the column), intersected. PostgreSQL:
 * one OR per word over three indexed columns, which the planner combines as a BitmapOr.
 */
export function matchCondition(sql: SqlParts, matches: WordMatch[]): string {
  if (sql.pg) {
    return matches
      .map(
        (m) =>
          `(c."searchText" LIKE ${sql.p(`%${likeEscaped(m.term)}%`)} OR ${sql.inList('c."sourceId"', m.sourceIds)} OR ${sql.inList('c."articleId"', m.articleIds)})`,
      )
      .join(' AND ');
  }
  const sets = matches.map((m) => {
    const parts = [
      m.term.length >= 3
        ? // A phrase in double quotes: the trigram tokenizer matches it as a substring, literally.
          `SELECT rowid AS rid FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ${sql.p(`"${m.term}"`)}`
        : `SELECT rowid AS rid FROM "Claim" WHERE instr("searchText", ${sql.p(m.term)}) > 0`,
    ];
    if (m.sourceIds.length)
      parts.push(`SELECT rowid AS rid FROM "Claim" WHERE ${sql.inList('"sourceId"', m.sourceIds)}`);
    if (m.articleIds.length)
      parts.push(`SELECT rowid AS rid FROM "Claim" WHERE ${sql.inList('"articleId"', m.articleIds)}`);
    return `SELECT rid FROM (${parts.join(' UNION ')})`;
  });
  return `c.rowid IN (${sets.join(' INTERSECT ')})`;
}
