import { createHash, randomUUID } from 'node:crypto';
import { type ArticleDetail, createArticleRequestSchema } from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import type { ParsedArticle } from '@claimdesk/parser';
import { type ParseFn, parseHere } from '../intake/parse-pool.ts';
import { foldText } from '../search/fold.ts';
import { articleSearchText, joinSearchText } from '../search/search-claims.ts';
import { validate } from '../validate.ts';
import { type ArticleLimits, DEFAULT_MAX_ARTICLE_CHARS, findTextRefusal } from './check-article-text.ts';
import { insertRows } from './insert-rows.ts';
import { nextTurn, turnBudget } from './next-turn.ts';
import { type VersionChanges, findVersionTarget, storeArticleVersion } from './store-article-version.ts';
import { getArticle } from './get-article.ts';
import { addCount, emptyCounts, toArticleDetail, toClaim, toStatement } from './serialize.ts';
import { sourcesForNewClaims } from './source-entities.ts';

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const HEADER = /^\s*date\s+\d{4}-\d{2}-\d{2}[^|\n]*\|[^:\n]*:\s*/;

/**
 * What an editor recognises an article by. A text without the header whose first line stands
 * alone (a line of its own, at most 200 characters, not ending in a full stop) is a headline, as in
 * a .txt saved from a page or a wire: that line. Otherwise the first sentence of the first
 * paragraph, after the header.
 */
export function articleTitle(text: string): string {
  const hasHeader = HEADER.test(text);
  const body = text.replace(HEADER, '').trim();
  const [firstLine = '', ...rest] = body.split(/\r?\n/);
  const line = firstLine.trim();
  const isHeadline =
    !hasHeader && rest.some((l) => l.trim() !== '') && line.length > 0 && line.length <= 200 && !/[.:,;]$/.test(line);
  const sentence = isHeadline ? line : (/^(.{20,}?[.!?])(\s|$)/.exec(line)?.[1] ?? line);
  const clean = sentence.replace(/\s+/g, ' ').trim();
  return clean.length > 160 ? `${clean.slice(0, 157).trimEnd()}…` : clean || 'Untitled article';
}

/**
 * The rows of one statement: every statement is a claim, and so is every figure inside it, except
 * that a statement whose content is exactly its one figure is that one claim. Written out field by
 * field: a row built with object spreads (`...denormalised`) cost 100-200 us in V8's slow path,
 * seconds for a 2 MB article's 20,000 claims, all of it on the request thread.
 */
function statementRows(articleId: string, parsed: ParsedArticle, index: number, firstOrdinal: number) {
  const s = parsed.statements[index] as ParsedArticle['statements'][number];
  let ordinal = firstOrdinal;
  const statementId = randomUUID();
  const sourceSearch = foldText(s.sourceCanonical ?? '');
  const statement = {
    id: statementId,
    articleId,
    key: s.id,
    ordinal: index,
    sourceText: s.source?.text ?? null,
    sourceStart: s.source?.start ?? null,
    sourceEnd: s.source?.end ?? null,
    sourceCanonical: s.sourceCanonical,
    side: s.sourceSide,
    cueText: s.cue?.text ?? null,
    cueStart: s.cue?.start ?? null,
    cueEnd: s.cue?.end ?? null,
    contentText: s.content.text,
    contentStart: s.content.start,
    contentEnd: s.content.end,
    direct: s.direct,
    asOf: s.asOf,
  };
  const claims: ClaimRowInput[] = [];
  // One claim per span: a statement that is exactly its one figure (a ministry's tally line,
  // "tanks ‒ 732 од") is judged once, as the figure, which the chart follows.
  const [only] = s.figures;
  const isTallyLine =
    s.figures.length === 1 && only !== undefined && only.start === s.content.start && only.end === s.content.end;
  if (!isTallyLine) {
    claims.push({
      id: randomUUID(),
      articleId,
      statementId,
      kind: 'statement',
      ordinal: ordinal++,
      text: s.content.text,
      start: s.content.start,
      end: s.content.end,
      sourceCanonical: s.sourceCanonical,
      side: s.sourceSide,
      asOf: s.asOf,
      publishedOn: parsed.publishedOn,
      searchText: joinSearchText(foldText(s.content.text), sourceSearch),
    });
  }
  for (const f of s.figures) {
    claims.push({
      id: randomUUID(),
      articleId,
      statementId,
      kind: 'figure',
      ordinal: ordinal++,
      text: f.text,
      start: f.start,
      end: f.end,
      sourceCanonical: s.sourceCanonical,
      side: s.sourceSide,
      asOf: s.asOf,
      publishedOn: parsed.publishedOn,
      searchText: joinSearchText(foldText(f.text), sourceSearch),
      value: f.value,
      qualifier: f.qualifier,
      category: f.category,
      unit: f.unit,
      subject: f.subject,
      since: f.since,
      figureKind: f.kind,
    });
  }
  return { statement, claims };
}

/** A claim row as import writes it; a statement's own claim has no figure fields (they stay NULL). */
type ParsedStatement = ParsedArticle['statements'][number];
type ParsedFigure = ParsedStatement['figures'][number];
type ClaimRowInput = {
  id: string;
  articleId: string;
  statementId: string;
  kind: 'statement' | 'figure';
  ordinal: number;
  text: string;
  start: number;
  end: number;
  sourceCanonical: ParsedStatement['sourceCanonical'];
  side: ParsedStatement['sourceSide'];
  asOf: ParsedStatement['asOf'];
  publishedOn: ParsedArticle['publishedOn'];
  searchText: string;
  value?: ParsedFigure['value'];
  qualifier?: ParsedFigure['qualifier'];
  category?: ParsedFigure['category'];
  unit?: ParsedFigure['unit'];
  subject?: ParsedFigure['subject'];
  since?: ParsedFigure['since'];
  figureKind?: ParsedFigure['kind'];
  /** Set by import once the claim's source entity is known. */
  sourceId?: string | null;
};

type StatementRows = ReturnType<typeof statementRows>;
interface ArticleRows {
  statements: Array<StatementRows['statement']>;
  claims: ClaimRowInput[];
}

/**
 * Fills `out` a statement at a time, stopping whenever `isSpent` says the thread has been held long
 * enough, so that an async caller lets other requests in between (folding 20,000 claims' search
 * text held the event loop for over a second).
 */
function* articleRowSlices(articleId: string, parsed: ParsedArticle, out: ArticleRows, isSpent: () => boolean) {
  let ordinal = 0;
  for (let index = 0; index < parsed.statements.length; index++) {
    if (isSpent()) yield;
    const rows = statementRows(articleId, parsed, index, ordinal);
    out.statements.push(rows.statement);
    for (const c of rows.claims) out.claims.push(c);
    ordinal += rows.claims.length;
  }
}

/** The rows of one parsed article, at once (re-parse, the CLI's tools). */
export function buildArticleRows(articleId: string, parsed: ParsedArticle): ArticleRows {
  const out: ArticleRows = { statements: [], claims: [] };
  for (const _ of articleRowSlices(articleId, parsed, out, () => false));
  return out;
}

/** The same rows, with a turn of the event loop whenever the turn budget is spent: what request handlers use. */
export async function buildArticleRowsInSlices(articleId: string, parsed: ParsedArticle): Promise<ArticleRows> {
  const out: ArticleRows = { statements: [], claims: [] };
  const budget = turnBudget();
  for (const _ of articleRowSlices(articleId, parsed, out, budget.isSpent)) await budget.turn();
  return out;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/** A long article's rows take a while to write; other writers wait for them (SQLite) or the lock. */
export const LARGE_WRITE_TRANSACTION = { maxWait: 10_000, timeout: 120_000 };

/**
 * Parses and stores an article with its statements and claims in one transaction. The same text
 * again (even from another process at the same moment) returns the stored article. A text that
 * cannot be served (empty, binary, over the size limit) is refused before anything is written.
 */
export async function importArticle(
  db: Database,
  input: unknown,
  limits: ArticleLimits = { maxChars: DEFAULT_MAX_ARTICLE_CHARS },
  /** Where the text is parsed: the API and the CLI pass their worker pool's `parse`. */
  { parse = parseHere, storedBy = null }: { parse?: ParseFn; storedBy?: string | null } = {},
): Promise<{ article: ArticleDetail; created: boolean; version?: { number: number; changes: VersionChanges } }> {
  const { text, fileName, url, title, outlet, publishedOn, byline } = validate(createArticleRequestSchema, input);
  const refusal = findTextRefusal(text, limits);
  if (refusal) throw refusal;
  const hash = contentHash(text);
  // The same text stored, as an article or an earlier version of one (that article, unchanged): one statement.
  const [existing] = await db.prisma.$queryRawUnsafe<Array<{ articleId: string }>>(
    db.provider === 'postgresql'
      ? 'SELECT "id" AS "articleId" FROM "Article" WHERE "contentHash" = $1 UNION ALL SELECT "articleId" FROM "ArticleVersion" WHERE "contentHash" = $2'
      : 'SELECT "id" AS "articleId" FROM "Article" WHERE "contentHash" = ? UNION ALL SELECT "articleId" FROM "ArticleVersion" WHERE "contentHash" = ?',
    hash,
    hash,
  );
  if (existing) return { article: await getArticle(db, existing.articleId), created: false };

  const read = await parse(text, fileName ? { file: fileName } : {});
  // Metadata given with the text (a page's date, a CSV column) wins over what its header says.
  const parsed = {
    ...read,
    publishedOn: publishedOn ?? read.publishedOn,
    outlet: outlet ?? read.outlet,
    byline: byline ?? read.byline,
  };
  // Nearly the same text as a stored article (same URL, or outlet and date): its next version.
  const target = await findVersionTarget(db, text, { url, outlet: parsed.outlet, publishedOn: parsed.publishedOn });
  if (target) {
    const stored = await storeArticleVersion(
      db,
      target.id,
      {
        text,
        contentHash: hash,
        title: title ?? articleTitle(text),
        fileName: fileName ?? null,
        url: url ?? null,
        storedBy,
        parsed,
      },
      LARGE_WRITE_TRANSACTION,
    );
    return {
      article: await getArticle(db, target.id),
      created: true,
      version: { number: stored.version, changes: stored.changes },
    };
  }
  const articleId = randomUUID();
  const { statements, claims } = await buildArticleRowsInSlices(articleId, parsed);
  // Every row as stored, so the answer is built from what is in hand instead of read back.
  const now = new Date();
  const articleRow = {
    id: articleId,
    text,
    contentHash: hash,
    title: title ?? articleTitle(text),
    searchText: articleSearchText(title ?? articleTitle(text), parsed.outlet),
    fileName: fileName ?? null,
    publishedOn: parsed.publishedOn,
    dateline: JSON.stringify(parsed.dateline),
    outlet: parsed.outlet,
    byline: parsed.byline,
    url: url ?? null,
    parserVersion: parsed.parserVersion,
    storedBy,
    createdAt: now,
    updatedAt: now,
  };
  // The rows are written without the columns the schema's defaults fill (fewer parameters); the
  // answer spells those defaults out. No copies of the 20,000 claim rows on the way: each one
  // built in one go held the event loop (and the garbage collector) for over a second.
  const stamps = { createdAt: now, updatedAt: now };
  let sourceIds = new Map<string, string | null>();
  try {
    await db.prisma.$transaction(async (tx) => {
      await tx.article.create({ data: articleRow, select: { id: true } });
      // Plain multi-row INSERTs between turns of the event loop (insert-rows.ts): a 2 MB article's
      // 20,000 claims neither hold up other requests nor take minutes in Prisma's query compiler.
      await nextTurn();
      await insertRows(db, tx, 'Statement', statements);
      // The claims go in linked to their source entities (created for new spellings), with the
      // search text they are found by: nothing to update or read back after.
      sourceIds = await sourcesForNewClaims(tx, db.provider, claims);
      const budget = turnBudget();
      for (const c of claims) {
        c.sourceId = c.sourceCanonical === null ? null : (sourceIds.get(c.sourceCanonical) ?? null);
        await budget.check();
      }
      await nextTurn();
      await insertRows(db, tx, 'Claim', claims, stamps);
      await nextTurn();
      await insertRows(
        db,
        tx,
        'ClaimChange',
        claims.map((c) => ({ claimId: c.id })),
        { createdAt: now },
      );
    }, LARGE_WRITE_TRANSACTION);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await db.prisma.article.findUnique({ where: { contentHash: hash }, select: { id: true } });
    if (!winner) throw error;
    return { article: await getArticle(db, winner.id), created: false };
  }
  const counts = emptyCounts();
  addCount(counts, 'pending', claims.length);
  const article = toArticleDetail({ ...articleRow, statements: [], claims: [] }, counts);
  // The answer's statements and claims as stored, between turns of the event loop.
  const budget = turnBudget();
  for (const s of statements) {
    article.statements.push(toStatement(s));
    await budget.check();
  }
  for (const c of claims) {
    article.claims.push(toClaim(storedClaim(c, now)));
    await budget.check();
  }
  return { article, created: true };
}

/** A new claim row as the database now holds it (the schema's defaults spelled out), without spreads. */
function storedClaim(c: ClaimRowInput, now: Date): Parameters<typeof toClaim>[0] {
  return {
    id: c.id,
    articleId: c.articleId,
    statementId: c.statementId,
    kind: c.kind,
    text: c.text,
    start: c.start,
    end: c.end,
    sourceCanonical: c.sourceCanonical,
    sourceId: c.sourceId ?? null,
    side: c.side,
    asOf: c.asOf,
    value: c.value ?? null,
    qualifier: c.qualifier ?? null,
    category: c.category ?? null,
    unit: c.unit ?? null,
    subject: c.subject ?? null,
    since: c.since ?? null,
    figureKind: c.figureKind ?? null,
    status: 'pending',
    publishedStatus: 'pending',
    version: 0,
    isFound: true,
    origin: 'parser',
    isCorrected: false,
    isRejected: false,
    createdAt: now,
    updatedAt: now,
    verdicts: [],
  };
}
