import type { RelatedClaim, RelatedClaims, Side } from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import { AppError } from '../errors.ts';
import type { View } from './publication.ts';
import { addDays } from '../reference/relate-figure.ts';

/** Figures about the same quantity: as-of dates at most this many days apart. */
export const RELATED_WITHIN_DAYS = 3;
/** Statements: the share of the shorter text's word pairs found in the other (1 = contained whole). */
export const NEAR_DUPLICATE_SIMILARITY = 0.6;
/** Statements this short ("he said no") say too little to be the same quote. */
const MIN_WORDS = 4;
/** Statements compared per request: near the date (or from the same source), newest first. */
const MAX_CANDIDATES = 2000;
const SIDE_ORDER: Side[] = ['ukraine', 'russia', 'other', 'unknown'];

const relatedSelect = {
  id: true,
  articleId: true,
  kind: true,
  text: true,
  sourceCanonical: true,
  side: true,
  asOf: true,
  value: true,
  qualifier: true,
  status: true,
  publishedStatus: true,
  version: true,
  article: { select: { title: true, outlet: true, publishedOn: true } },
} as const;

type Row = {
  id: string;
  articleId: string;
  kind: string;
  text: string;
  sourceCanonical: string | null;
  side: string;
  asOf: string | null;
  value: number | null;
  qualifier: string | null;
  status: string;
  publishedStatus: string;
  version: number;
  article: { title: string; outlet: string | null; publishedOn: string | null };
};

/** Word pairs of a text, with case, accents, quotes and punctuation ignored. */
export function wordPairs(text: string): Set<string> {
  const words = text
    .normalize('NFKD')
    .replaceAll(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const pairs = new Set<string>();
  if (words.length < MIN_WORDS) return pairs;
  for (let i = 0; i + 1 < words.length; i++) pairs.add(`${words[i]} ${words[i + 1]}`);
  return pairs;
}

/** How much of the shorter text the other holds: outlets cut a quote at different places. */
export function quoteSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const pair of small) if (large.has(pair)) shared++;
  return shared / small.size;
}

const toRelated = (row: Row, similarity: number | null, view: View): RelatedClaim => ({
  id: row.id,
  articleId: row.articleId,
  articleTitle: row.article.title,
  outlet: row.article.outlet,
  publishedOn: row.article.publishedOn,
  kind: row.kind as RelatedClaim['kind'],
  text: row.text,
  sourceCanonical: row.sourceCanonical,
  side: row.side as Side,
  asOf: row.asOf,
  value: row.value,
  qualifier: row.qualifier as RelatedClaim['qualifier'],
  // Consumers (v1, API keys) see the published status: another article's draft verdict never shows.
  status: (view === 'public' ? row.publishedStatus : row.status) as RelatedClaim['status'],
  version: row.version,
  similarity,
});

/**
 * Claims in other articles about the same thing, grouped by the side of their source. A figure:
 * the same category and whose loss, as of a date at most three days away. A statement: near
 * duplicates (the same quote reported by several outlets), compared by word pairs.
 */
export async function listRelatedClaims(db: Database, claimId: string, view: View = 'desk'): Promise<RelatedClaims> {
  const claim = await db.prisma.claim.findUnique({ where: { id: claimId } });
  if (!claim) throw new AppError('not_found', `no claim ${claimId}`, { path: ['id'] });
  let related: RelatedClaim[] = [];
  const near = claim.asOf
    ? { asOf: { gte: addDays(claim.asOf, -RELATED_WITHIN_DAYS), lte: addDays(claim.asOf, RELATED_WITHIN_DAYS) } }
    : null;
  if (claim.kind === 'figure') {
    if (near && claim.category && claim.subject) {
      const rows = await db.prisma.claim.findMany({
        where: {
          kind: 'figure',
          isRejected: false,
          category: claim.category,
          subject: claim.subject,
          articleId: { not: claim.articleId },
          ...near,
        },
        select: relatedSelect,
        orderBy: [{ asOf: 'asc' }, { value: 'asc' }],
      });
      related = rows.map((r) => toRelated(r, null, view));
    }
  } else {
    const mine = wordPairs(claim.text);
    if (mine.size > 0 && (near || claim.sourceCanonical)) {
      const rows = await db.prisma.claim.findMany({
        where: {
          kind: 'statement',
          isRejected: false,
          articleId: { not: claim.articleId },
          ...(near ?? { sourceCanonical: claim.sourceCanonical }),
        },
        select: relatedSelect,
        orderBy: { createdAt: 'desc' },
        take: MAX_CANDIDATES,
      });
      related = rows
        .map((r) => ({ row: r, similarity: quoteSimilarity(mine, wordPairs(r.text)) }))
        .filter((r) => r.similarity >= NEAR_DUPLICATE_SIMILARITY)
        .sort((a, b) => b.similarity - a.similarity)
        .map((r) => toRelated(r.row, Math.round(r.similarity * 100) / 100, view));
    }
  }
  return {
    claimId,
    withinDays: RELATED_WITHIN_DAYS,
    groups: SIDE_ORDER.map((side) => ({ side, claims: related.filter((r) => r.side === side) })).filter(
      (g) => g.claims.length > 0,
    ),
  };
}
