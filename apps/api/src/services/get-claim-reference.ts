import type { ClaimReference, ReferenceComparison, ReferencePoint } from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import { AppError } from '../errors.ts';
import { MAX_GAP_DAYS, addDays, relateFigure } from '../reference/relate-figure.ts';

/** The chart beside a claim shows the series this many days either side of its as-of date. */
export const CHART_DAYS = 7;

const noReference = (claimId: string, explanation: string): ClaimReference => ({
  claimId,
  relation: { kind: 'no_reference', percent: null, low: null, high: null, explanation },
  comparisons: [],
});

const toPoint = (p: { id: string; date: string; value: number; qualifier: string }): ReferencePoint => ({
  id: p.id,
  date: p.date,
  value: p.value,
  qualifier: p.qualifier as ReferencePoint['qualifier'],
});

/**
 * A figure claim beside every reference series of its category and whose loss: the totals on the
 * days around its as-of date (and its since date) and how the figure stands to them.
 */
export async function getClaimReference(db: Database, claimId: string): Promise<ClaimReference> {
  const claim = await db.prisma.claim.findUnique({ where: { id: claimId } });
  if (!claim) throw new AppError('not_found', `no claim ${claimId}`, { path: ['id'] });
  if (claim.kind !== 'figure' || claim.value === null || !claim.category || !claim.subject)
    return noReference(claimId, 'not a figure: only figures are compared with reference series');
  const { category, subject } = claim;
  const whose = `${category.replaceAll('_', ' ')} (${subject}'s losses)`;
  const datasets = await db.prisma.referenceDataset.findMany({
    where: { points: { some: { category, subject } } },
    orderBy: { createdAt: 'asc' },
  });
  if (datasets.length === 0) return noReference(claimId, `no reference series for ${whose}`);
  if (!claim.asOf) return noReference(claimId, 'the figure has no as-of date to look up');
  const asOf = claim.asOf;

  const chart = { from: addDays(asOf, -CHART_DAYS), to: addDays(asOf, CHART_DAYS) };
  const windows = [chart];
  if (claim.since) windows.push({ from: addDays(claim.since, -MAX_GAP_DAYS), to: addDays(claim.since, MAX_GAP_DAYS) });
  const comparisons: ReferenceComparison[] = [];
  for (const dataset of datasets) {
    const rows = await db.prisma.referencePoint.findMany({
      where: {
        datasetId: dataset.id,
        category,
        subject,
        OR: windows.map((w) => ({ date: { gte: w.from, lte: w.to } })),
      },
      orderBy: { date: 'asc' },
    });
    const points = rows.filter((p) => p.date >= chart.from && p.date <= chart.to).map(toPoint);
    const relation = relateFigure(
      {
        value: claim.value,
        qualifier: (claim.qualifier ?? 'exact') as ReferencePoint['qualifier'],
        asOf,
        since: claim.since,
      },
      rows,
      dataset.cumulativeFrom,
    );
    const since = claim.since;
    const countsLater = since !== null && dataset.cumulativeFrom !== null && since > addDays(dataset.cumulativeFrom, 1);
    const evidence = [...points].reverse().find((p) => p.date <= asOf) ?? points.find((p) => p.date > asOf) ?? null;
    comparisons.push({
      dataset: {
        id: dataset.id,
        slug: dataset.slug,
        name: dataset.name,
        publisher: dataset.publisher,
        licence: dataset.licence,
        url: dataset.url,
        cumulativeFrom: dataset.cumulativeFrom,
      },
      category: category as ReferenceComparison['category'],
      subject: subject as ReferenceComparison['subject'],
      points,
      sincePoints:
        countsLater && since
          ? rows
              .filter((p) => p.date >= addDays(since, -MAX_GAP_DAYS) && p.date <= addDays(since, MAX_GAP_DAYS))
              .map(toPoint)
          : [],
      relation,
      evidencePoint: relation.kind === 'no_reference' ? null : evidence,
    });
  }
  const first = comparisons.find((c) => c.relation.kind !== 'no_reference') ?? comparisons[0];
  return {
    claimId,
    relation: first ? first.relation : noReference(claimId, `no reference series for ${whose}`).relation,
    comparisons,
  };
}
