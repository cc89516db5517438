import type { ReferenceSeries, ReferenceSeriesQuery } from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';

const MAX_POINTS = 5000;

/** Every reference series of one category and whose loss between two days, for the figures chart. */
export async function listReferenceSeries(
  db: Database,
  query: Required<ReferenceSeriesQuery>,
): Promise<ReferenceSeries> {
  const { category, subject, from, to } = query;
  const datasets = await db.prisma.referenceDataset.findMany({
    where: { points: { some: { category, subject } } },
    orderBy: { createdAt: 'asc' },
  });
  const series = [];
  for (const d of datasets) {
    const points = await db.prisma.referencePoint.findMany({
      where: { datasetId: d.id, category, subject, date: { gte: from, lte: to } },
      orderBy: { date: 'asc' },
      take: MAX_POINTS,
      select: { id: true, date: true, value: true, qualifier: true },
    });
    series.push({
      dataset: {
        id: d.id,
        slug: d.slug,
        name: d.name,
        publisher: d.publisher,
        licence: d.licence,
        url: d.url,
        cumulativeFrom: d.cumulativeFrom,
      },
      points: points.map((p) => ({
        ...p,
        qualifier: p.qualifier as ReferenceSeries['series'][number]['points'][number]['qualifier'],
      })),
    });
  }
  return { category, subject, series };
}
