import type { Database } from '@claimdesk/db';
import { toClaimReview } from '../consumer/claim-review.ts';
import { toCsv } from '../consumer/csv.ts';
import { AppError } from '../errors.ts';
import type { AppConfig } from '../handlers.ts';
import { publishedVerdictInclude, toPublicClaim } from './publication.ts';
import { toVerdict } from './serialize.ts';

const articleSelect = { id: true, title: true, publishedOn: true, outlet: true, url: true } as const;

export async function claimReviewFor(db: Database, claimId: string, config: AppConfig) {
  const row = await db.prisma.claim.findUnique({
    where: { id: claimId },
    include: { ...publishedVerdictInclude, article: { select: articleSelect } },
  });
  // A rejected claim is a parser error, not a claim: there is nothing to review.
  if (!row || row.isRejected) throw new AppError('not_found', `no claim ${claimId}`, { path: ['id'] });
  // Consumers review what was published: a draft is nothing yet, a retracted verdict no longer stands.
  const latest = row.verdicts[0];
  if (!latest || latest.retractedAt)
    throw new AppError('not_found', `claim ${claimId} has no published verdict: there is nothing to review`, {
      path: ['id'],
    });
  return toClaimReview({
    claim: toPublicClaim(row),
    verdict: toVerdict(latest),
    article: row.article,
    organisation: config.organisation,
    baseUrl: config.publicUrl,
  });
}

/** Every claim with a verdict, newest verdict first, as a JSON-LD graph. */
export async function claimReviewFeed(db: Database, config: AppConfig) {
  const rows = await db.prisma.claim.findMany({
    where: { publishedStatus: { not: 'pending' }, isRejected: false },
    include: { ...publishedVerdictInclude, article: { select: articleSelect } },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
  });
  const graph = rows.flatMap((row) => {
    const latest = row.verdicts[0];
    if (!latest || latest.retractedAt) return [];
    const { '@context': _context, ...review } = toClaimReview({
      claim: toPublicClaim(row),
      verdict: toVerdict(latest),
      article: row.article,
      organisation: config.organisation,
      baseUrl: config.publicUrl,
    });
    return [review];
  });
  return { '@context': 'https://schema.org', '@graph': graph };
}

export const CSV_COLUMNS = [
  'claim_id',
  'article_id',
  'article_title',
  'published_on',
  'kind',
  'text',
  'start',
  'end',
  'source',
  'side',
  'as_of',
  'value',
  'qualifier',
  'category',
  'unit',
  'subject',
  'since',
  'status',
  'version',
  'verdict_note',
  'verdict_evidence',
  'verdict_author',
  'verdict_at',
  'still_found',
  'figure_kind',
];

export async function exportClaimsCsv(db: Database): Promise<string> {
  const rows = await db.prisma.claim.findMany({
    where: { isRejected: false },
    include: { ...publishedVerdictInclude, article: { select: articleSelect } },
    orderBy: [{ articleId: 'asc' }, { ordinal: 'asc' }],
  });
  return toCsv(
    CSV_COLUMNS,
    rows.map((r) => {
      // The published verdict only: a draft is the desk's, a retracted one no longer stands.
      const published = r.verdicts[0];
      const v = published && !published.retractedAt ? published : undefined;
      const pub = toPublicClaim(r);
      return [
        r.id,
        r.articleId,
        r.article.title,
        r.article.publishedOn,
        r.kind,
        r.text,
        r.start,
        r.end,
        r.sourceCanonical,
        r.side,
        r.asOf,
        r.value,
        r.qualifier,
        r.category,
        r.unit,
        r.subject,
        r.since,
        pub.status,
        pub.version,
        v?.note,
        v ? (JSON.parse(v.evidence) as string[]).join(' ') : '',
        v?.authorName,
        v?.createdAt.toISOString(),
        r.isFound,
        r.figureKind,
      ];
    }),
  );
}
