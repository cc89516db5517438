import { randomUUID } from 'node:crypto';
import type { ArticleDetail } from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import { PARSER_VERSION, parseArticle } from '@claimdesk/parser';
import { AppError } from '../errors.ts';
import { getArticle } from './get-article.ts';
import { chunks } from './chunks.ts';
import { LARGE_WRITE_TRANSACTION, buildArticleRows } from './import-article.ts';
import { groupByColumns, insertRows, updateRows } from './insert-rows.ts';
import { linkArticleSources } from './source-entities.ts';

/** Claim's columns that are not text, for the casts of a multi-row UPDATE on PostgreSQL. */
const CLAIM_COLUMN_TYPES: Record<string, string> = {
  ordinal: 'integer',
  start: 'integer',
  end: 'integer',
  value: 'double precision',
  version: 'integer',
  isFound: 'boolean',
  isCorrected: 'boolean',
  isRejected: 'boolean',
  createdAt: 'timestamp(3)',
  updatedAt: 'timestamp(3)',
};

type OldClaim = {
  id: string;
  kind: string;
  text: string;
  start: number;
  end: number;
  status: string;
  value?: number | null;
  /** An editor corrected it: its value may be the editor's, so overlap alone pairs it. */
  isCorrected?: boolean;
};
type NewClaim = { id: string; kind: string; text: string; start: number; end: number; value?: number | null };

/** Intersection over union of two spans: how much of the same text two claims cover. */
function spanOverlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (inter <= 0) return 0;
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

/** The minimum overlap for a re-parsed span to count as the same claim (the eval's threshold). */
const MIN_OVERLAP = 0.5;

/**
 * Pairs old and new claims, one to one, so that an editor's verdict follows its claim across
 * parser versions: the same kind and text at the same offsets first; then the same kind and text
 * at the nearest offset (the article text is fixed, so this is a repeated phrase); then the same
 * kind with overlapping spans (IoU >= 0.5), best overlap first, where a figure must also keep its
 * value (a boundary moved, "102 tanks" became "102 tanks and"; a changed number is a new claim),
 * unless an editor corrected the old one (its value is then the editor's reading of that text).
 */
export function matchClaims<O extends OldClaim>(oldClaims: O[], newClaims: NewClaim[]): Map<string, O> {
  const matches = new Map<string, O>();
  const used = new Set<string>();
  const pair = (n: NewClaim, o: O) => {
    matches.set(n.id, o);
    used.add(o.id);
  };
  for (const n of newClaims) {
    const exact = oldClaims.find(
      (o) => !used.has(o.id) && o.kind === n.kind && o.text === n.text && o.start === n.start,
    );
    if (exact) pair(n, exact);
  }
  for (const n of newClaims) {
    if (matches.has(n.id)) continue;
    const best = oldClaims
      .filter((o) => !used.has(o.id) && o.kind === n.kind && o.text === n.text)
      .sort((a, b) => Math.abs(a.start - n.start) - Math.abs(b.start - n.start))[0];
    if (best) pair(n, best);
  }
  const candidates: Array<{ n: NewClaim; o: O; overlap: number }> = [];
  for (const n of newClaims) {
    if (matches.has(n.id)) continue;
    for (const o of oldClaims) {
      if (used.has(o.id) || o.kind !== n.kind) continue;
      if (n.kind === 'figure' && !o.isCorrected && (o.value ?? null) !== (n.value ?? null)) continue;
      const overlap = spanOverlap(n, o);
      if (overlap >= MIN_OVERLAP) candidates.push({ n, o, overlap });
    }
  }
  candidates.sort((a, b) => b.overlap - a.overlap);
  for (const { n, o } of candidates) if (!matches.has(n.id) && !used.has(o.id)) pair(n, o);
  return matches;
}

/**
 * The claims' order after a re-parse: the new parse's claims in its order (under the ids they
 * keep), and each claim kept without it (added by an editor, or judged and no longer found) before
 * the first claim that comes after it in the text, as an added claim is placed.
 */
export function articleOrder(
  newClaims: Array<{ id: string; start: number; end: number }>,
  matches: Map<string, { id: string }>,
  kept: Array<{ id: string; start: number; end: number }>,
): Map<string, number> {
  // The new claims by start, with the smallest parse position from each one on: the first claim
  // (in the parse's order) that starts after an offset is found by one binary search.
  const byStart = newClaims.map((n, i) => ({ start: n.start, end: n.end, i })).sort((a, b) => a.start - b.start);
  const suffixMin = new Array<number>(byStart.length + 1).fill(newClaims.length);
  for (let j = byStart.length - 1; j >= 0; j--) suffixMin[j] = Math.min(suffixMin[j + 1] ?? 0, byStart[j]?.i ?? 0);
  const firstAfter = (k: { start: number; end: number }) => {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((byStart[mid]?.start ?? 0) > k.start) hi = mid;
      else lo = mid + 1;
    }
    let at = suffixMin[lo] ?? newClaims.length;
    // Same start, ending inside it (a figure at the start of a kept statement) comes after it too.
    for (let j = lo - 1; j >= 0 && byStart[j]?.start === k.start; j--) {
      const c = byStart[j];
      if (c && c.end < k.end) at = Math.min(at, c.i);
    }
    return at;
  };
  const keyed = [
    ...newClaims.map((n, i) => ({ id: matches.get(n.id)?.id ?? n.id, at: i, before: 1, start: n.start, end: n.end })),
    ...kept.map((k) => ({ id: k.id, at: firstAfter(k), before: 0, start: k.start, end: k.end })),
  ];
  keyed.sort((a, b) => a.at - b.at || a.before - b.before || a.start - b.start || b.end - a.end);
  return new Map(keyed.map((c, i) => [c.id, i]));
}

/** Every field of `fresh` (but its id) has the same value on `stored`. */
function isSameRow(stored: object, fresh: object, ignore: string[]): boolean {
  const row = stored as Record<string, unknown>;
  return Object.entries(fresh).every(([k, v]) => ignore.includes(k) || v === undefined || row[k] === v);
}

/**
 * The new parse finds exactly what is stored: the same statements in the same order, and every
 * claim matched to a stored one with the same fields, none corrected or lost.
 */
function isUnchanged<O extends OldClaim & { statementId: string; isFound: boolean }>(
  article: { statements: Array<{ id: string; ordinal: number; isCorrected?: boolean }>; claims: O[] },
  statements: Array<{ id: string; ordinal: number }>,
  claims: Array<{ id: string; statementId: string }>,
  matches: Map<string, O>,
): boolean {
  if (statements.length !== article.statements.length || claims.length !== article.claims.length) return false;
  const oldByOrdinal = new Map(article.statements.map((s) => [s.ordinal, s]));
  const newToOld = new Map<string, string>();
  for (const s of statements) {
    const o = oldByOrdinal.get(s.ordinal);
    if (!o || o.isCorrected || !isSameRow(o, s, ['id'])) return false;
    newToOld.set(s.id, o.id);
  }
  return claims.every((n) => {
    const o = matches.get(n.id);
    return (
      o !== undefined &&
      o.isFound &&
      !o.isCorrected &&
      o.statementId === newToOld.get(n.statementId) &&
      isSameRow(o, n, ['id', 'statementId'])
    );
  });
}

/**
 * Re-runs the current parser on a stored article. Editors' work is never lost: a claim an editor
 * corrected, rejected or added stays exactly as it is (the new parse's version of it is dropped,
 * so it does not come back twice), and a statement whose source, side, cue, content or date an
 * editor corrected keeps its row and takes the new parse's claims of that statement. A matched
 * judged claim keeps its id, status, version and verdicts (moved to the new statement); an
 * unmatched judged claim stays, marked isFound = false; unmatched pending claims go.
 */
export async function reparseArticle(db: Database, articleId: string): Promise<ArticleDetail>;
export async function reparseArticle(
  db: Database,
  articleId: string,
  options: { readBack: false },
): Promise<ArticleDetail | undefined>;
export async function reparseArticle(
  db: Database,
  articleId: string,
  options: { readBack?: boolean } = {},
): Promise<ArticleDetail | undefined> {
  const [article] = await loadArticles(db, [articleId]);
  if (!article) throw new AppError('not_found', `no article ${articleId}`, { path: ['id'] });
  const unchanged = await reparseLoaded(db, article);
  // Most articles read the same under a new parser: then only the version moves (one write,
  // no change for consumers), which keeps a re-parse of the whole desk within a minute.
  if (unchanged) await bumpVersions(db, [unchanged]);
  // A background re-parse of the whole desk does not read each article back.
  return options.readBack === false ? undefined : getArticle(db, articleId);
}

/** Articles with their claims and statements: three statements for the lot. */
function loadArticles(db: Database, ids: string[]) {
  return db.prisma.article.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      text: true,
      fileName: true,
      publishedOn: true,
      claims: true,
      statements: true,
    },
  });
}
type LoadedArticle = Awaited<ReturnType<typeof loadArticles>>[number];
/** publishedOn is left out when the article keeps its date (then one UPDATE records a whole batch). */
type VersionBump = { id: string; parserVersion: string; publishedOn?: string | null };

/** The new parser version (and date) of articles whose rows the re-parse left as they were: one UPDATE per date. */
async function bumpVersions(db: Database, bumps: VersionBump[]): Promise<void> {
  const groups = new Map<string, VersionBump[]>();
  for (const b of bumps) {
    const key = JSON.stringify([b.parserVersion, b.publishedOn]);
    groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  for (const group of groups.values()) {
    const [{ parserVersion, publishedOn }] = group as [VersionBump];
    const data = publishedOn === undefined ? { parserVersion } : { parserVersion, publishedOn };
    for (const part of chunks(group.map((b) => b.id)))
      await db.prisma.article.updateMany({ where: { id: { in: part } }, data });
  }
}

/**
 * Re-parses one loaded article. When the parse finds exactly what is stored nothing is written and
 * the version to record is returned (the caller records several at once); otherwise the article's
 * rows are rewritten in one transaction.
 */
async function reparseLoaded(db: Database, article: LoadedArticle): Promise<VersionBump | null> {
  const articleId = article.id;
  const read = parseArticle(article.text, article.fileName ? { file: article.fileName } : {});
  // A date given at import (the text has no header) stays.
  const parsed = { ...read, publishedOn: read.publishedOn ?? article.publishedOn };
  const { statements, claims } = buildArticleRows(articleId, parsed);
  const matches = matchClaims(article.claims, claims);
  if (isUnchanged(article, statements, claims, matches)) {
    return parsed.publishedOn === article.publishedOn
      ? { id: articleId, parserVersion: parsed.parserVersion }
      : { id: articleId, parserVersion: parsed.parserVersion, publishedOn: parsed.publishedOn };
  }
  const matchedOld = new Set([...matches.values()].map((o) => o.id));
  const oldStatements = new Map(article.statements.map((s) => [s.id, s]));
  // Statements an editor rejected as not a claim (their statement claim is rejected).
  const rejectedStatements = new Set(
    article.claims.filter((c) => c.kind === 'statement' && c.isRejected).map((c) => c.statementId),
  );
  // A new statement that is a corrected (or rejected) old one lives on in the old row.
  const corrected = new Map<string, (typeof article.statements)[number]>();
  for (const n of claims) {
    const o = matches.get(n.id);
    const os = o ? oldStatements.get(o.statementId) : undefined;
    if (os && (os.isCorrected || rejectedStatements.has(os.id)) && !corrected.has(n.statementId))
      corrected.set(n.statementId, os);
  }
  const lost = article.claims.filter((o) => !matchedOld.has(o.id));
  const ordinals = articleOrder(claims, matches, lost);
  await db.prisma.$transaction(async (tx) => {
    // A claim with any verdict (a draft, a published one, a retracted one: a retraction leaves the
    // desk status pending) is the editors' record: it stays, even when the parser lost it.
    const judged = new Set<string>();
    const unjudged = lost.filter((o) => o.status === 'pending' && !o.isCorrected).map((o) => o.id);
    for (const part of chunks(unjudged)) {
      const rows = await tx.verdict.findMany({
        where: { claimId: { in: part } },
        select: { claimId: true },
        distinct: ['claimId'],
      });
      for (const r of rows) judged.add(r.claimId);
    }
    // What the parser now finds inside a rejected statement is rejected with it, as its figures
    // were: in the same group, so restoring the statement brings it back with them.
    const rejectGroups = new Map<string, string>();
    for (const statementId of rejectedStatements) {
      const statementClaim = article.claims.find((c) => c.statementId === statementId && c.kind === 'statement');
      const last = statementClaim
        ? await tx.claimCorrection.findFirst({
            where: { claimId: statementClaim.id, kind: 'reject' },
            orderBy: { createdAt: 'desc' },
            select: { groupId: true },
          })
        : null;
      rejectGroups.set(statementId, last?.groupId ?? randomUUID());
    }
    // Every write below is a multi-row statement of a fixed chunk size (insert-rows.ts): the rows
    // are built here first, then written a kind at a time. One statement per claim (an UPDATE and
    // an INSERT of its change) made a changed article cost 60-120 ms and more under load.
    const now = new Date();
    const corrections: Array<Record<string, unknown>> = [];
    const rejectWithStatement = (claimId: string, statementId: string, version: number) => {
      corrections.push({
        id: randomUUID(),
        claimId,
        kind: 'reject',
        before: JSON.stringify({ rejected: false }),
        after: JSON.stringify({ rejected: true }),
        note: 'found by a re-parse inside a statement rejected as not a claim: rejected with it',
        groupId: rejectGroups.get(statementId) ?? randomUUID(),
        authorId: null,
        authorName: 're-parse',
        version,
        createdAt: now,
      });
    };
    // The change feed's rows, in the order the claims were written one by one before.
    const changed: string[] = [];
    const updates: Array<Record<string, unknown> & { id: string }> = [];
    const creates: Array<Record<string, unknown>> = [];

    const fresh = statements.filter((s) => !corrected.has(s.id));
    await insertRows(db, tx, 'Statement', fresh);
    for (const n of claims) {
      const old = matches.get(n.id);
      const home = corrected.get(n.statementId);
      const placed = home
        ? { ...n, statementId: home.id, sourceCanonical: home.sourceCanonical, side: home.side, asOf: home.asOf }
        : n;
      const intoRejected = home !== undefined && rejectedStatements.has(home.id);
      const ordinal = ordinals.get(old?.id ?? n.id) ?? n.ordinal;
      if (old?.isCorrected) {
        const data = {
          ...(!old.isFound && old.origin === 'parser' ? { isFound: true } : {}),
          ...(old.ordinal !== ordinal ? { ordinal } : {}),
        };
        if (Object.keys(data).length > 0) updates.push({ id: old.id, ...data, updatedAt: now });
        if (data.isFound) changed.push(old.id);
      } else if (old) {
        const { id: _newId, ...fields } = placed;
        const rejected = intoRejected ? { isRejected: true, isCorrected: true, version: old.version + 1 } : {};
        updates.push({ ...fields, id: old.id, ordinal, isFound: true, ...rejected, updatedAt: now });
        if (intoRejected && home) rejectWithStatement(old.id, home.id, old.version + 1);
        changed.push(old.id);
      } else {
        // Every row names the same columns (a multi-row INSERT fills a missing one with NULL).
        const flags = intoRejected
          ? { isRejected: true, isCorrected: true, version: 1 }
          : { isRejected: false, isCorrected: false, version: 0 };
        creates.push({ ...placed, ordinal, ...flags });
        if (intoRejected && home) rejectWithStatement(n.id, home.id, 1);
        changed.push(n.id);
      }
    }
    const removed = unjudged.filter((id) => !judged.has(id));
    const isRemoved = new Set(removed);
    // Judged and corrected claims stay; those the parser once found are marked no longer found.
    const notFound = lost.filter((o) => !isRemoved.has(o.id) && o.origin === 'parser' && o.isFound).map((o) => o.id);
    for (const o of lost) {
      const ordinal = ordinals.get(o.id);
      if (!isRemoved.has(o.id) && ordinal !== undefined && ordinal !== o.ordinal)
        updates.push({ id: o.id, ordinal, updatedAt: now });
    }
    for (const group of groupByColumns(updates)) await updateRows(db, tx, 'Claim', group, CLAIM_COLUMN_TYPES);
    await insertRows(db, tx, 'Claim', creates, { createdAt: now, updatedAt: now });
    await insertRows(db, tx, 'ClaimCorrection', corrections);
    for (const part of chunks(removed)) await tx.claim.deleteMany({ where: { id: { in: part } } });
    if (notFound.length > 0) {
      await updateRows(
        db,
        tx,
        'Claim',
        notFound.map((id) => ({ id, isFound: false, updatedAt: now })),
        CLAIM_COLUMN_TYPES,
      );
    }
    // A removal is a change too: the change feed tells consumers which claims are gone.
    await insertRows(
      db,
      tx,
      'ClaimChange',
      [...changed, ...removed, ...notFound].map((claimId) => ({ claimId })),
      { createdAt: now },
    );
    // Old statements that no claim lives in any more (and new ones that were corrected old ones).
    await tx.statement.deleteMany({ where: { articleId, claims: { none: {} } } });
    await tx.article.update({
      where: { id: articleId },
      data: { parserVersion: parsed.parserVersion, publishedOn: parsed.publishedOn },
    });
    await linkArticleSources(tx, db.provider, articleId);
  }, LARGE_WRITE_TRANSACTION);
  return null;
}

/** Articles read (and, when unchanged, updated) together by the re-parse of the whole desk. */
const REPARSE_BATCH = 50;

export interface ReparseProgress {
  done: number;
  total: number;
}

/** The background re-parse of each open database, for the health route (null when none runs). */
const running = new WeakMap<Database, ReparseProgress>();
export const reparseProgress = (db: Database): ReparseProgress | null => running.get(db) ?? null;

/**
 * Re-parses every article stored by another parser version, so that an upgrade shows the improved
 * claims while every judged claim keeps its verdicts. One transaction per article, so the server
 * answers (and editors save verdicts) while it runs; `reparseProgress` and `onProgress` tell how
 * far it is. Returns how many articles were re-parsed.
 */
export async function reparseOutdatedArticles(
  db: Database,
  onProgress?: (progress: ReparseProgress) => void,
): Promise<number> {
  // Raw SQL: this runs on every start, and usually finds nothing (see ensureFirstAdmin).
  const outdated = await db.prisma.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "Article" WHERE "parserVersion" <> ${PARSER_VERSION}`;
  const progress = { done: 0, total: outdated.length };
  if (outdated.length === 0) return 0;
  running.set(db, progress);
  try {
    // Read in batches (three statements per batch), and the articles the new parser reads the
    // same (most of them) get their new version in one UPDATE per batch. An article that changed
    // is rewritten in its own transaction, so the server answers meanwhile.
    for (const batch of chunks(
      outdated.map((o) => o.id),
      REPARSE_BATCH,
    )) {
      const doneBefore = progress.done;
      const bumps: VersionBump[] = [];
      for (const article of await loadArticles(db, batch)) {
        const unchanged = await reparseLoaded(db, article);
        if (unchanged) bumps.push(unchanged);
        else {
          progress.done += 1;
          onProgress?.({ ...progress });
        }
      }
      await bumpVersions(db, bumps);
      // (An article deleted meanwhile counts as done too.)
      progress.done = doneBefore + batch.length;
      onProgress?.({ ...progress });
    }
  } finally {
    running.delete(db);
  }
  return outdated.length;
}
