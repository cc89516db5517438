import type { Database, Prisma } from '@claimdesk/db';
import { foldText, foldWords } from './fold.ts';

/**
 * The queue's search box: every word of the query must be found (as a part of a word, after
 * folding case, accents and transliteration) in the claim's text or source name, in a name or alias
 * of its source entity, or in its article's title or outlet. `%` and `_` are literal characters.
 *
 * Indexed: SQLite reads the FTS5 trigram index "ClaimSearch" for words of 3 or more characters
 * (a word found in more than FTS_ID_LIMIT claims is matched by a scan of the folded column
 * instead, which is faster than carrying that many ids); PostgreSQL's LIKE reads the pg_trgm index.
 */
const FTS_ID_LIMIT = 5000;

type Tx = Pick<Database['prisma'], '$queryRaw' | 'sourceAlias' | 'source'>;

/** What a claim is found by: its text and the spelling of its source (a separator no word holds). */
export function claimSearchText(text: string, sourceCanonical: string | null): string {
  return `${foldText(text)} | ${foldText(sourceCanonical ?? '')}`;
}

/** What an article is found by: its title and outlet. */
export function articleSearchText(title: string, outlet: string | null): string {
  return `${foldText(title)} | ${foldText(outlet ?? '')}`;
}

const likeEscaped = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

async function claimsWithWord(db: Database, word: string): Promise<Record<string, unknown>> {
  if (db.provider === 'postgresql') return { searchText: { contains: likeEscaped(word) } };
  if (word.length >= 3) {
    // A phrase in double quotes: the trigram tokenizer matches it as a substring, literally.
    const rows = await db.prisma.$queryRaw<Array<{ id: string }>>`
      SELECT c."id" FROM "ClaimSearch" s JOIN "Claim" c ON c.rowid = s.rowid
      WHERE "ClaimSearch" MATCH ${`"${word}"`} LIMIT ${FTS_ID_LIMIT + 1}`;
    if (rows.length <= FTS_ID_LIMIT) return { id: { in: rows.map((r) => r.id) } };
  }
  // SQLite's LIKE has no escape character Prisma can name: with a wildcard in it, instr().
  if (/[%_]/.test(word)) {
    const rows = await db.prisma.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "Claim" WHERE instr("searchText", ${word}) > 0`;
    return { id: { in: rows.map((r) => r.id) } };
  }
  return { searchText: { contains: word } };
}

async function articlesWithWord(db: Database, word: string): Promise<string[]> {
  const rows =
    db.provider === 'postgresql'
      ? await db.prisma.$queryRaw<Array<{ id: string }>>`
          SELECT "id" FROM "Article" WHERE strpos("searchText", ${word}) > 0`
      : await db.prisma.$queryRaw<Array<{ id: string }>>`
          SELECT "id" FROM "Article" WHERE instr("searchText", ${word}) > 0`;
  return rows.map((r) => r.id);
}

/** Source entities with a name or alias that holds the word (a few thousand rows at most: read whole). */
async function sourcesWithWord(tx: Tx, words: string[]): Promise<Map<string, Set<string>>> {
  const [aliases, sources] = await Promise.all([
    tx.sourceAlias.findMany({ select: { key: true, sourceId: true } }),
    tx.source.findMany({ select: { id: true, name: true } }),
  ]);
  const keys = [
    ...aliases.map((a) => [a.sourceId, a.key] as const),
    ...sources.map((s) => [s.id, foldText(s.name)] as const),
  ];
  return new Map(words.map((w) => [w, new Set(keys.filter(([, key]) => key.includes(w)).map(([id]) => id))]));
}

/** The Prisma filter for a search query: one condition per word, all of which must hold. */
export async function searchFilter(db: Database, q: string): Promise<Array<Record<string, unknown>>> {
  const words = [...new Set(foldWords(q))];
  // Only punctuation: nothing can match it.
  if (words.length === 0) return q.trim() ? [{ id: { in: [] } }] : [];
  const sources = await sourcesWithWord(db.prisma, words);
  return Promise.all(
    words.map(async (word) => {
      const [inClaim, articleIds] = await Promise.all([claimsWithWord(db, word), articlesWithWord(db, word)]);
      const sourceIds = [...(sources.get(word) ?? [])];
      return {
        OR: [
          inClaim,
          ...(sourceIds.length ? [{ sourceId: { in: sourceIds } }] : []),
          ...(articleIds.length ? [{ articleId: { in: articleIds } }] : []),
        ],
      };
    }),
  );
}

/** Fills the folded search text of claims and articles stored before search (background at start). */
export async function fillSearchText(db: Database, batch = 500): Promise<number> {
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
    await db.prisma.$transaction(async (tx: Prisma.TransactionClient) => {
      for (const c of claims) await updateClaimSearchText(tx, c.id, claimSearchText(c.text, c.sourceCanonical));
    });
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
