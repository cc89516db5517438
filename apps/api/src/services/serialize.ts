import { parseHeader } from '@claimdesk/parser';
import type {
  ArticleDetail,
  ArticleSummary,
  Claim,
  ReferenceEvidence,
  Statement,
  StatusCounts,
  Verdict,
} from '@claimdesk/contracts';
import type { Prisma } from '@claimdesk/db';

type VerdictReferenceRow = {
  pointId: string | null;
  dataset: string;
  publisher: string;
  licence: string;
  url: string;
  date: string;
  category: string;
  subject: string;
  value: number;
  qualifier: string;
};
type VerdictRow = {
  id: string;
  claimId: string;
  status: string;
  note: string;
  evidence: string;
  authorName: string;
  version: number;
  createdAt: Date;
  publishedAt: Date | null;
  publishedByName: string | null;
  retractedAt: Date | null;
  retractedByName: string | null;
  retractionNote: string | null;
  /** Loaded with `verdictInclude`; a verdict read without it shows none. */
  references?: VerdictReferenceRow[];
};
type ClaimRow = {
  id: string;
  articleId: string;
  statementId: string;
  kind: string;
  text: string;
  start: number;
  end: number;
  sourceCanonical: string | null;
  side: string;
  asOf: string | null;
  value: number | null;
  qualifier: string | null;
  category: string | null;
  unit: string | null;
  subject: string | null;
  since: string | null;
  figureKind: string | null;
  status: string;
  publishedStatus: string;
  version: number;
  isFound: boolean;
  origin: string;
  isCorrected: boolean;
  isRejected: boolean;
  sourceId?: string | null;
  createdAt: Date;
  updatedAt: Date;
  verdicts?: VerdictRow[];
};
type StatementRow = {
  id: string;
  key: string;
  sourceText: string | null;
  sourceStart: number | null;
  sourceEnd: number | null;
  sourceCanonical: string | null;
  side: string;
  cueText: string | null;
  cueStart: number | null;
  cueEnd: number | null;
  contentText: string;
  contentStart: number;
  contentEnd: number;
  direct: boolean;
  asOf: string | null;
};
type ArticleRow = {
  id: string;
  title: string;
  fileName: string | null;
  publishedOn: string | null;
  dateline: string;
  outlet: string | null;
  byline: string | null;
  url: string | null;
  contentHash: string;
  parserVersion: string;
  createdAt: Date;
};

/** A verdict with the reference rows it used as evidence, in the order the editor added them. */
export const verdictInclude = { references: { orderBy: { ordinal: 'asc' } } } satisfies Prisma.VerdictInclude;

export const latestVerdictInclude = {
  verdicts: { orderBy: [{ createdAt: 'desc' }, { version: 'desc' }], take: 1, include: verdictInclude },
} satisfies Prisma.ClaimInclude;

export function toReferenceEvidence(row: VerdictReferenceRow): ReferenceEvidence {
  return {
    pointId: row.pointId,
    dataset: row.dataset,
    publisher: row.publisher,
    licence: row.licence,
    url: row.url,
    date: row.date,
    category: row.category as ReferenceEvidence['category'],
    subject: row.subject as ReferenceEvidence['subject'],
    value: row.value,
    qualifier: row.qualifier as ReferenceEvidence['qualifier'],
  };
}

export function toVerdict(row: VerdictRow): Verdict {
  return {
    id: row.id,
    claimId: row.claimId,
    status: row.status as Verdict['status'],
    note: row.note,
    evidence: JSON.parse(row.evidence) as string[],
    references: (row.references ?? []).map(toReferenceEvidence),
    author: row.authorName,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: row.publishedByName,
    retractedAt: row.retractedAt?.toISOString() ?? null,
    retractedBy: row.retractedByName,
    retractionNote: row.retractionNote,
  };
}

/** The retraction of a verdict, as a claim carries it. */
export function toRetraction(row: VerdictRow | undefined): Claim['retraction'] {
  return row?.retractedAt
    ? {
        verdictId: row.id,
        retractedAt: row.retractedAt.toISOString(),
        retractedBy: row.retractedByName ?? '',
        note: row.retractionNote ?? '',
      }
    : null;
}

export function toClaim(row: ClaimRow): Claim {
  const latest = row.verdicts?.[0];
  return {
    id: row.id,
    articleId: row.articleId,
    statementId: row.statementId,
    kind: row.kind as Claim['kind'],
    text: row.text,
    start: row.start,
    end: row.end,
    sourceCanonical: row.sourceCanonical,
    sourceId: row.sourceId ?? null,
    side: row.side as Claim['side'],
    asOf: row.asOf,
    figure:
      row.kind === 'figure' && row.value !== null
        ? {
            value: row.value,
            qualifier: (row.qualifier ?? 'exact') as NonNullable<Claim['figure']>['qualifier'],
            category: (row.category ?? 'other') as NonNullable<Claim['figure']>['category'],
            unit: row.unit ?? '',
            subject: (row.subject ?? 'unknown') as NonNullable<Claim['figure']>['subject'],
            since: row.since,
            kind: (row.figureKind ?? null) as NonNullable<Claim['figure']>['kind'],
          }
        : null,
    status: row.status as Claim['status'],
    publishedStatus: row.publishedStatus as Claim['status'],
    version: row.version,
    isFound: row.isFound,
    origin: row.origin === 'editor' ? 'editor' : 'parser',
    isCorrected: row.isCorrected,
    isRejected: row.isRejected,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    latestVerdict: latest ? toVerdict(latest) : null,
    retraction: toRetraction(latest),
  };
}

const span = (text: string | null, start: number | null, end: number | null) =>
  text !== null && start !== null && end !== null ? { text, start, end } : null;

export function toStatement(row: StatementRow): Statement {
  return {
    id: row.id,
    key: row.key,
    source: span(row.sourceText, row.sourceStart, row.sourceEnd),
    sourceCanonical: row.sourceCanonical,
    side: row.side as Statement['side'],
    cue: span(row.cueText, row.cueStart, row.cueEnd),
    content: { text: row.contentText, start: row.contentStart, end: row.contentEnd },
    direct: row.direct,
    asOf: row.asOf,
  };
}

export function emptyCounts(): StatusCounts {
  return { pending: 0, verified: 0, disputed: 0, unverifiable: 0, total: 0 };
}

export function addCount(counts: StatusCounts, status: string, n: number): void {
  if (status === 'pending' || status === 'verified' || status === 'disputed' || status === 'unverifiable')
    counts[status] += n;
  counts.total += n;
}

export function toArticleSummary(row: ArticleRow, counts: StatusCounts): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    fileName: row.fileName,
    publishedOn: row.publishedOn,
    dateline: JSON.parse(row.dateline) as string[],
    outlet: row.outlet,
    byline: row.byline,
    url: row.url,
    contentHash: row.contentHash,
    parserVersion: row.parserVersion,
    createdAt: row.createdAt.toISOString(),
    counts,
  };
}

export function toArticleDetail(
  row: ArticleRow & { text: string; version?: number; statements: StatementRow[]; claims: ClaimRow[] },
  counts: StatusCounts,
): ArticleDetail {
  return {
    ...toArticleSummary(row, counts),
    text: row.text,
    bodyStart: parseHeader(row.text).bodyStart,
    version: row.version ?? 1,
    statements: row.statements.map(toStatement),
    claims: row.claims.map(toClaim),
  };
}
