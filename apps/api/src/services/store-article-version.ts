import type { Database } from '@claimdesk/db';
import type { ParsedArticle } from '@claimdesk/parser';
import { VERSION_SIMILARITY, shinglesInSlices, textSimilarity } from '../intake/similarity.ts';
import { articleSearchText } from '../search/search-claims.ts';
import { chunks } from './chunks.ts';
import { buildArticleRowsInSlices } from './import-article.ts';
import { insertRows } from './insert-rows.ts';
import { nextTurn } from './next-turn.ts';
import { linkArticleSources } from './source-entities.ts';

/** Articles compared with a new text at most: those with its URL, or its outlet and date. */
const MAX_CANDIDATES = 50;

export interface VersionTarget {
  id: string;
  similarity: number;
}

/**
 * The stored article a new text is a version of, if any: the same URL, or the same outlet and
 * date, and nearly the same words (Jaccard index of word shingles >= 0.8). Another report of the
 * same outlet on the same day shares too few words to count.
 */
export async function findVersionTarget(
  db: Database,
  text: string,
  meta: { url?: string | null; outlet: string | null; publishedOn: string | null },
): Promise<VersionTarget | null> {
  const or: Array<Record<string, unknown>> = [];
  if (meta.url) or.push({ url: meta.url });
  if (meta.outlet && meta.publishedOn) or.push({ outlet: meta.outlet, publishedOn: meta.publishedOn });
  if (or.length === 0) return null;
  const candidates = await db.prisma.article.findMany({
    where: { OR: or },
    select: { id: true, text: true },
    orderBy: { createdAt: 'desc' },
    take: MAX_CANDIDATES,
  });
  if (candidates.length === 0) return null;
  const mine = await shinglesInSlices(text, nextTurn);
  let best: VersionTarget | null = null;
  for (const c of candidates) {
    const similarity = textSimilarity(mine, await shinglesInSlices(c.text, nextTurn));
    if (similarity >= VERSION_SIMILARITY && (!best || similarity > best.similarity)) best = { id: c.id, similarity };
  }
  return best;
}

export interface VersionChanges {
  /** Claims whose text is in the new version too: they keep their id, verdicts, corrections and history. */
  kept: number;
  /** Claims only the new version has: pending. */
  added: number;
  /** Pending claims the new version no longer has: removed (consumers see them in `removed`). */
  removed: number;
  /** Judged, corrected or added claims the new version no longer has: kept, marked not found. */
  notFound: number;
}

type Row = Record<string, unknown> & { id: string };

/**
 * Stores `text` as the next version of article `articleId`, in one transaction: the text it
 * replaces goes to ArticleVersion (with its hash, so importing it again is a no-op); the new
 * parse's statements replace the old ones; a claim whose kind and text are unchanged keeps its row
 * (id, status, verdicts, corrections, history) and moves to its new offsets; claims an editor
 * corrected, rejected or added stay as they are; new claims are pending; pending claims the text no
 * longer has go, and judged ones stay marked not found. Every claim that changed gets a change.
 */
export async function storeArticleVersion(
  db: Database,
  articleId: string,
  next: {
    text: string;
    contentHash: string;
    title: string;
    fileName: string | null;
    url: string | null;
    /** Who stores it (shown in the article's versions). */
    storedBy: string | null;
    parsed: ParsedArticle;
  },
  transactionOptions: { maxWait: number; timeout: number },
): Promise<{ version: number; changes: VersionChanges }> {
  const { statements, claims } = await buildArticleRowsInSlices(articleId, next.parsed);
  return db.prisma.$transaction(async (tx) => {
    const article = await tx.article.findUniqueOrThrow({
      where: { id: articleId },
      select: {
        id: true,
        text: true,
        contentHash: true,
        title: true,
        version: true,
        url: true,
        fileName: true,
        storedBy: true,
      },
    });
    const old = await tx.claim.findMany({
      where: { articleId },
      select: {
        id: true,
        kind: true,
        text: true,
        start: true,
        status: true,
        origin: true,
        isCorrected: true,
        isRejected: true,
        isFound: true,
      },
      orderBy: { ordinal: 'asc' },
    });
    // Pair each new claim with an unchanged old one: same kind and text, in order of appearance.
    const byText = new Map<string, typeof old>();
    for (const o of old) {
      const key = `${o.kind}\u0000${o.text}`;
      byText.set(key, [...(byText.get(key) ?? []), o]);
    }
    const matched = new Map<string, (typeof old)[number]>();
    for (const n of claims) {
      const list = byText.get(`${n.kind}\u0000${n.text}`);
      const o = list?.shift();
      if (o) matched.set(n.id, o);
    }
    const matchedOld = new Set([...matched.values()].map((o) => o.id));
    // An editor's own reading (corrected, added or rejected) stays exactly as it is.
    const isEditors = (o: (typeof old)[number]) => o.isCorrected || o.isRejected || o.origin !== 'parser';
    const fresh: Row[] = claims.filter((n) => !matched.has(n.id));
    const kept = matched.size;
    const lost = old.filter((o) => !matchedOld.has(o.id));
    const removed = lost.filter((o) => o.status === 'pending' && !isEditors(o)).map((o) => o.id);
    const isRemoved = new Set(removed);
    const notFound = lost.filter((o) => !isRemoved.has(o.id) && o.isFound).map((o) => o.id);
    const changes: VersionChanges = { kept, added: fresh.length, removed: removed.length, notFound: notFound.length };

    await tx.articleVersion.create({
      data: {
        articleId,
        version: article.version,
        text: article.text,
        contentHash: article.contentHash,
        title: article.title,
        changes: JSON.stringify(changes),
        storedBy: article.storedBy,
      },
    });
    await tx.article.update({
      where: { id: articleId },
      data: {
        text: next.text,
        contentHash: next.contentHash,
        title: next.title,
        searchText: articleSearchText(next.title, next.parsed.outlet),
        version: article.version + 1,
        storedBy: next.storedBy,
        fileName: next.fileName ?? article.fileName,
        url: next.url ?? article.url,
        publishedOn: next.parsed.publishedOn,
        dateline: JSON.stringify(next.parsed.dateline),
        outlet: next.parsed.outlet,
        byline: next.parsed.byline,
        parserVersion: next.parsed.parserVersion,
      },
    });
    // The new text's statements first: the claims that are kept move into them.
    await insertRows(db, tx, 'Statement', statements);
    let updates = 0;
    for (const n of claims) {
      const o = matched.get(n.id);
      if (!o || isEditors(o)) continue;
      const { id: _newId, ...fields } = n;
      await tx.claim.update({ where: { id: o.id }, data: { ...fields, isFound: true } });
      if (++updates % 200 === 0) await nextTurn();
    }
    const now = new Date();
    await insertRows(db, tx, 'Claim', fresh, { createdAt: now, updatedAt: now });
    for (const part of chunks(removed)) await tx.claim.deleteMany({ where: { articleId, id: { in: part } } });
    for (const part of chunks(notFound))
      await tx.claim.updateMany({ where: { articleId, id: { in: part } }, data: { isFound: false } });
    const changed = [
      ...fresh.map((c) => c.id),
      ...[...matched.values()].filter((o) => !isEditors(o)).map((o) => o.id),
      ...removed,
      ...notFound,
    ];
    await insertRows(
      db,
      tx,
      'ClaimChange',
      changed.map((claimId) => ({ claimId })),
      { createdAt: now },
    );
    // Old statements no claim lives in any more (those of corrected or lost claims stay).
    await tx.statement.deleteMany({ where: { articleId, claims: { none: {} } } });
    await linkArticleSources(tx, db.provider, articleId);
    return { version: article.version + 1, changes };
  }, transactionOptions);
}
