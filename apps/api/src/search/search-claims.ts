import type { Database, Prisma } from '@claimdesk/db';
import { foldText, foldWords, isWordLike } from './fold.ts';

/**
 * The search box: every word of the query must start a word (after folding case, accents and
 * transliteration) of the claim's text or source name, of a name or alias of its source entity, or
 * of its article's title or outlet. `%` and `_` are literal characters. The query itself runs in
 * search-page.ts, inside the index (SQLite FTS5 trigram, PostgreSQL pg_trgm).
 */

type Tx = Pick<Database['prisma'], '$queryRaw' | 'sourceAlias' | 'source'>;

/**
 * Stored search text: folded words, each after a space (the text starts with one), so that a word
 * is searched as " word": the start of a folded word, never its middle ("Kyiv" does not find
 * "Kharkiv"). Parts are kept apart by a separator no word holds.
 */
export function joinSearchText(...foldedParts: string[]): string {
  return ` ${foldedParts.join(' | ')}`;
}

/** What a claim is found by: its text and the spelling of its source. */
export function claimSearchText(text: string, sourceCanonical: string | null): string {
  return joinSearchText(foldText(text), foldText(sourceCanonical ?? ''));
}

/** What an article is found by: its title and outlet. */
export function articleSearchText(title: string, outlet: string | null): string {
  return joinSearchText(foldText(title), foldText(outlet ?? ''));
}

/**
 * What a folded query word is looked for as: the start of a stored word (" word"). A word of only
 * `%` and `_` (no letter or digit) is looked for anywhere ("%" finds "50%").
 */
export const searchTerm = (word: string) => (isWordLike(word) ? ` ${word}` : word);

/** Articles whose folded title or outlet holds the search term (one row per article: read by a scan). */
export async function articlesWithTerm(db: Database, term: string): Promise<string[]> {
  const rows =
    db.provider === 'postgresql'
      ? await db.prisma.$queryRaw<Array<{ id: string }>>`
          SELECT "id" FROM "Article" WHERE strpos("searchText", ${term}) > 0`
      : await db.prisma.$queryRaw<Array<{ id: string }>>`
          SELECT "id" FROM "Article" WHERE instr("searchText", ${term}) > 0`;
  return rows.map((r) => r.id);
}

/**
 * Source entities with a name or alias that holds each search term (a few thousand rows at most:
 * read whole), by the search fold of the name as written (alias keys are in the older fold).
 */
export async function sourcesWithTerms(tx: Tx, terms: string[]): Promise<Map<string, Set<string>>> {
  // Raw reads: Prisma's query compiler cost more than the read itself on every search.
  const [aliases, sources] = await Promise.all([
    tx.$queryRaw<Array<{ name: string; sourceId: string }>>`SELECT "name", "sourceId" FROM "SourceAlias"`,
    tx.$queryRaw<Array<{ id: string; name: string }>>`SELECT "id", "name" FROM "Source"`,
  ]);
  const names = [
    ...aliases.map((a) => [a.sourceId, joinSearchText(foldText(a.name))] as const),
    ...sources.map((s) => [s.id, joinSearchText(foldText(s.name))] as const),
  ];
  return new Map(
    terms.map((t) => [t, new Set(names.filter(([, name]) => name.includes(t)).map(([id]) => id))] as const),
  );
}

/** The distinct search terms of a query (see searchTerm); none when it is only punctuation. */
export const searchTerms = (q: string) => [...new Set(foldWords(q).map(searchTerm))];

/**
 * Fills the folded search text of claims and articles stored before search (background at start).
 * Claims go in transactions of `batch` single-row updates (one commit each on SQLite) with a
 * generous timeout: 500 in Prisma's default 15 s ran out on a loaded PostgreSQL (P2028), which
 * stopped the fill and left the rest unsearchable until the next start.
 */
export async function fillSearchText(db: Database, batch = 100): Promise<number> {
  let filled = 0;
  for (;;) {
    const articles = await db.prisma.article.findMany({
      where: { searchText: '' },
      select: { id: true, title: true, outlet: true },
      take: batch,
    });
    // Raw updates: filling an index is not a change of the row (updatedAt, ETags and feeds stay).
    for (const a of articles)
      await db.prisma
        .$executeRaw`UPDATE "Article" SET "searchText" = ${articleSearchText(a.title, a.outlet)} WHERE "id" = ${a.id}`;
    if (articles.length < batch) break;
  }
  for (;;) {
    const claims = await db.prisma.claim.findMany({
      where: { searchText: '' },
      select: { id: true, text: true, sourceCanonical: true },
      take: batch,
    });
    await db.prisma.$transaction(
      async (tx: Prisma.TransactionClient) => {
        for (const c of claims) await updateClaimSearchText(tx, c.id, claimSearchText(c.text, c.sourceCanonical));
      },
      { timeout: 120_000 },
    );
    filled += claims.length;
    if (claims.length < batch) break;
  }
  return filled;
}

async function updateClaimSearchText(tx: Pick<Database['prisma'], '$executeRaw'>, id: string, searchText: string) {
  await tx.$executeRaw`UPDATE "Claim" SET "searchText" = ${searchText} WHERE "id" = ${id}`;
}

/** Brings the search text of an article's claims up to date after an edit (corrections, re-parse, added claims). */
export async function refreshClaimSearchText(tx: Prisma.TransactionClient, articleId: string): Promise<void> {
  const claims = await tx.claim.findMany({
    where: { articleId },
    select: { id: true, text: true, sourceCanonical: true, searchText: true },
  });
  for (const c of claims) {
    const searchText = claimSearchText(c.text, c.sourceCanonical);
    if (searchText !== c.searchText) await updateClaimSearchText(tx, c.id, searchText);
  }
}
