import type { FigureSeries, figureSeriesQuerySchema } from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import type { z } from 'zod';
import type { View } from './publication.ts';

type FigureSeriesQuery = z.output<typeof figureSeriesQuerySchema>;

/**
 * Every stored loss figure of one category, ordered by its as-of date, so the app can draw one line
 * per side of the source (what Ukraine says Russia lost, against what others say). Only kind loss:
 * "950 new carriages will be purchased" or a Second World War toll is no loss. Bounded: at most
 * `limit` points of an as-of window, read in order along the `(category, asOf, value)` index; only
 * the columns the chart needs are read.
 */
export async function listFigureSeries(
  db: Database,
  query: FigureSeriesQuery,
  view: View = 'desk',
): Promise<FigureSeries> {
  const where = {
    kind: 'figure',
    isRejected: false,
    figureKind: 'loss',
    category: query.category,
    value: { not: null },
    ...(query.subject ? { subject: query.subject } : {}),
  };
  const [rows, undated] = await Promise.all([
    db.prisma.claim.findMany({
      where: {
        ...where,
        asOf: { not: null, ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lte: query.to } : {}) },
      },
      orderBy: [{ asOf: 'asc' }, { value: 'asc' }, { id: 'asc' }],
      take: query.limit + 1,
      select: {
        id: true,
        articleId: true,
        side: true,
        sourceCanonical: true,
        subject: true,
        text: true,
        value: true,
        qualifier: true,
        asOf: true,
        status: true,
        publishedStatus: true,
        article: { select: { title: true } },
      },
    }),
    db.prisma.claim.count({ where: { ...where, asOf: null } }),
  ]);
  const hasMore = rows.length > query.limit;
  if (hasMore) rows.pop();
  return {
    category: query.category,
    subject: query.subject ?? null,
    undated,
    hasMore,
    points: rows.flatMap((r) =>
      r.value === null || r.asOf === null
        ? []
        : [
            {
              claimId: r.id,
              articleId: r.articleId,
              articleTitle: r.article.title,
              side: r.side as FigureSeries['points'][number]['side'],
              sourceCanonical: r.sourceCanonical,
              subject: (r.subject ?? 'unknown') as FigureSeries['points'][number]['subject'],
              text: r.text,
              value: r.value,
              qualifier: (r.qualifier ?? 'exact') as FigureSeries['points'][number]['qualifier'],
              asOf: r.asOf,
              status: (view === 'public' ? r.publishedStatus : r.status) as FigureSeries['points'][number]['status'],
            },
          ],
    ),
  };
}
