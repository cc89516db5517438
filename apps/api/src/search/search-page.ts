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

/**
 * "Claim `c` matches this word", checked on the row itself (no index): its folded text holds the
 * term, or its source entity or article matched it. For plans that read claims some other way
 * (an index in the page's sort order, or another word's index) and test each row.
 */
export function rowCheck(sql: SqlParts, m: WordMatch): string {
  const inText = sql.pg
    ? `strpos(c."searchText", ${sql.p(m.term)}) > 0`
    : `instr(c."searchText", ${sql.p(m.term)}) > 0`;
  const parts = [inText];
  if (m.sourceIds.length) parts.push(sql.inList('c."sourceId"', m.sourceIds));
  if (m.articleIds.length) parts.push(sql.inList('c."articleId"', m.articleIds));
  return `(${parts.join(' OR ')})`;
}

/**
 * The word whose index drives a capped read: the longest one the trigram index can take (a long
 * word is the likelier to be rare), else the longest.
 */
export function drivingWord(matches: WordMatch[]): WordMatch {
  const indexed = matches.filter((m) => m.term.length >= 3);
  const pool = indexed.length ? indexed : matches;
  return pool.reduce((best, m) => (m.term.length > best.term.length ? m : best));
}

/**
 * The claims that match every word and every filter, read from at most `limit` rows of each of the
 * driving word's three ways in, so a common word stops early instead of reading all its matches:
 * its text through the search index (SQLite FTS5 streams rowids; PostgreSQL's pg_trgm GIN index),
 * its source entities' claims and its articles' claims through their foreign-key indexes (few
 * entities and articles match: they are resolved first, matchTerms). Each row read is checked for
 * the other words and the filters (`conditions`, built into `sql` where they appear). A union of
 * distinct matching claims: when no part reached `limit`, it holds every match; when one did, at
 * least `limit` claims match. `columns` are of `c`, named.
 */
export function matchedRowsSql(
  sql: SqlParts,
  matches: WordMatch[],
  conditions: (sql: SqlParts) => string[],
  limit: number,
  columns: string,
): string {
  const driver = drivingWord(matches);
  const check = () => [...conditions(sql), ...matches.map((m) => rowCheck(sql, m))].join(' AND ');
  const parts: string[] = [];
  if (driver.term.length < 3) {
    // A word of 1-2 characters (trigrams cannot index it): the table in its own order, checked
    // row by row (the check covers its sources and articles too), stopped at the limit.
    parts.push(`SELECT ${columns} FROM "Claim" c WHERE ${check()} LIMIT ${sql.p(limit)}`);
  } else {
    // The other words that only claim text can match (no source entity or article holds them) are
    // looked up in the same index, which intersects them there ("tanks Mariupol": the claims whose
    // text has both, not every claim that says Mariupol, checked one by one).
    const textOnly = matches.filter(
      (m) => m !== driver && m.term.length >= 3 && m.sourceIds.length === 0 && m.articleIds.length === 0,
    );
    const inText = [driver, ...textOnly];
    parts.push(
      sql.pg
        ? `SELECT ${columns} FROM "Claim" c WHERE ${inText
            .map((m) => `c."searchText" LIKE ${sql.p(`%${likeEscaped(m.term)}%`)}`)
            .join(' AND ')} AND ${check()} LIMIT ${sql.p(limit)}`
        : // Phrases in double quotes: the trigram tokenizer matches each as a substring, literally.
          `SELECT ${columns} FROM "ClaimSearch" JOIN "Claim" c ON c.rowid = "ClaimSearch".rowid
           WHERE "ClaimSearch" MATCH ${sql.p(inText.map((m) => `"${m.term}"`).join(' AND '))} AND ${check()} LIMIT ${sql.p(limit)}`,
    );
    if (driver.sourceIds.length)
      parts.push(
        `SELECT ${columns} FROM "Claim" c WHERE ${sql.inList('c."sourceId"', driver.sourceIds)} AND ${check()} LIMIT ${sql.p(limit)}`,
      );
    if (driver.articleIds.length)
      parts.push(
        `SELECT ${columns} FROM "Claim" c WHERE ${sql.inList('c."articleId"', driver.articleIds)} AND ${check()} LIMIT ${sql.p(limit)}`,
      );
  }
  // LIMIT inside a member of a UNION needs its own subquery (SQLite).
  return parts.map((p, i) => `SELECT * FROM (${p}) AS m${i}`).join(' UNION ');
}
