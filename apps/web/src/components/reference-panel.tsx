import './reference.css';
import type {
  Claim,
  ReferenceComparison,
  ReferencePoint,
  ReferenceRelation,
  ReferenceRelationKind,
} from '@claimdesk/contracts';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { claimReferenceQuery } from '../api/queries.ts';
import { Marker, SERIES, niceMax } from '../pages/figures-page.tsx';

const W = 420;
const H = 170;
const M = { top: 14, right: 16, bottom: 26, left: 48 };
const DAY = 86_400_000;
const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const num = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1 });
const REFERENCE_COLOUR = '#3d4451';

/** What the relation says, in words and a symbol (never colour alone). */
export const RELATION_LABEL: Record<ReferenceRelationKind, { symbol: string; text: (r: ReferenceRelation) => string }> =
  {
    consistent: { symbol: '≈', text: () => 'consistent with the series' },
    above: { symbol: '▲', text: (r) => `above the series${r.percent === null ? '' : ` by ${num(r.percent)}%`}` },
    below: { symbol: '▼', text: (r) => `below the series${r.percent === null ? '' : ` by ${num(r.percent)}%`}` },
    no_reference: { symbol: '–', text: () => 'no reference' },
  };

export function RelationBadge({ relation }: { relation: ReferenceRelation }) {
  const label = RELATION_LABEL[relation.kind];
  return (
    <span className={`relation relation-${relation.kind}`} data-relation={relation.kind}>
      <span aria-hidden="true">{label.symbol}</span> {label.text(relation)}
    </span>
  );
}

/** The series around the claim's date, the claimed figure as a point beside it, and the range the series allows. */
function ReferenceChart({ claim, comparison }: { claim: Claim; comparison: ReferenceComparison }) {
  const figure = claim.figure;
  const points = comparison.points;
  if (!figure || !claim.asOf || points.length === 0) return null;
  const asOf = toTime(claim.asOf);
  const times = [...points.map((p) => toTime(p.date)), asOf];
  const x0 = Math.min(...times) - DAY / 2;
  const x1 = Math.max(...times) + DAY / 2;
  const yMax = niceMax(Math.max(figure.value, ...points.map((p) => p.value), comparison.relation.high ?? 0) * 1.05);
  const sx = (t: number) => M.left + ((t - x0) / (x1 - x0)) * (W - M.left - M.right);
  const sy = (v: number) => H - M.bottom - (v / yMax) * (H - M.top - M.bottom);
  const { low, high } = comparison.relation;
  const label = `${comparison.dataset.name}: ${points.map((p) => `${num(p.value)} on ${p.date}`).join(', ')}; the claim: ${num(figure.value)} as of ${claim.asOf}`;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="reference-chart" role="img" aria-label={label}>
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line x1={M.left} x2={W - M.right} y1={sy(yMax * f)} y2={sy(yMax * f)} stroke="#e3e6ea" />
          <text x={M.left - 6} y={sy(yMax * f) + 4} textAnchor="end" fontSize="11" fill="#5c6370">
            {num(yMax * f)}
          </text>
        </g>
      ))}
      {[points[0]?.date, claim.asOf, points.at(-1)?.date]
        .filter((d, i, all): d is string => d !== undefined && all.indexOf(d) === i)
        .map((d) => (
          <text key={d} x={sx(toTime(d))} y={H - 8} textAnchor="middle" fontSize="11" fill="#5c6370">
            {d.slice(5)}
          </text>
        ))}
      {low !== null && high !== null && (
        <rect
          x={sx(asOf) - 7}
          width={14}
          y={sy(high)}
          height={Math.max(2, sy(low) - sy(high))}
          fill="#f5d98a"
          opacity={0.7}
        >
          <title>
            the series allows {num(low)} to {num(high)} here
          </title>
        </rect>
      )}
      <polyline
        fill="none"
        stroke={REFERENCE_COLOUR}
        strokeWidth={2}
        points={points.map((p) => `${sx(toTime(p.date))},${sy(p.value)}`).join(' ')}
      />
      {points.map((p) => (
        <circle key={p.id} cx={sx(toTime(p.date))} cy={sy(p.value)} r={2.5} fill={REFERENCE_COLOUR} />
      ))}
      <Marker side={claim.side} x={sx(asOf)} y={sy(figure.value)} size={6} />
      <text
        x={sx(asOf) + (sx(asOf) > W - 90 ? -10 : 10)}
        y={sy(figure.value) + 4}
        textAnchor={sx(asOf) > W - 90 ? 'end' : 'start'}
        fontSize="12"
        fontWeight="700"
        fill={SERIES[claim.side].colour}
      >
        {num(figure.value)}
      </text>
    </svg>
  );
}

function ValuesTable({
  caption,
  points,
  day,
  evidenceId,
}: {
  caption: string;
  points: ReferencePoint[];
  day: string;
  evidenceId: string | null;
}) {
  return (
    <table className="reference-values">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Total</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.id} className={p.date === day ? 'is-day' : undefined}>
            <td>
              {p.date}
              {p.date === day && <span className="hint"> (the claim's day)</span>}
            </td>
            <td>
              {p.qualifier === 'exact' ? '' : `${p.qualifier.replace('_', ' ')} `}
              {num(p.value)}
              {p.id === evidenceId && <span className="hint"> · r cites this row</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const around = (points: ReferencePoint[], day: string, days: number) => {
  const t = toTime(day);
  return points.filter((p) => Math.abs(toTime(p.date) - t) <= days * DAY);
};

/**
 * A figure claim beside the reference series of its category and whose loss: the totals around
 * its as-of (and since) date, a small chart with the claim's point, and the relation as advice.
 */
export function ReferencePanel({
  claim,
  canReview,
  citedIds,
  onCite,
}: {
  claim: Claim;
  canReview: boolean;
  citedIds: string[];
  onCite: (comparison: ReferenceComparison) => void;
}) {
  const reference = useQuery({ ...claimReferenceQuery(claim.id), enabled: claim.kind === 'figure' });
  const ids = useId();
  if (claim.kind !== 'figure') return null;
  return (
    <section className="reference" aria-labelledby={`${ids}-reference`}>
      <h3 id={`${ids}-reference`}>Beside the reference series</h3>
      {reference.isLoading && <p className="hint">Loading the reference series…</p>}
      {reference.isError && (
        <p role="alert" className="message message-error">
          The reference series could not be loaded: {reference.error.message}{' '}
          <button type="button" className="btn-small" onClick={() => void reference.refetch()}>
            Retry
          </button>
        </p>
      )}
      {reference.data && reference.data.comparisons.length === 0 && (
        <p className="reference-advice">
          <RelationBadge relation={reference.data.relation} />: {reference.data.relation.explanation}.
        </p>
      )}
      {reference.data?.comparisons.map((c) => {
        const cited = c.evidencePoint !== null && citedIds.includes(c.evidencePoint.id);
        return (
          <div key={c.dataset.id} className="reference-comparison">
            <p className="reference-advice">
              <strong>Advice:</strong> <RelationBadge relation={c.relation} />. {c.relation.explanation}. The editor
              decides.
            </p>
            <ReferenceChart claim={claim} comparison={c} />
            <div className="reference-tables">
              {claim.asOf && (
                <ValuesTable
                  caption={`Around the as-of date, ${claim.asOf}`}
                  points={around(c.points, claim.asOf, 2)}
                  day={claim.asOf}
                  evidenceId={c.evidencePoint?.id ?? null}
                />
              )}
              {c.sincePoints.length > 0 && claim.figure?.since && (
                <ValuesTable
                  caption={`Around the since date, ${claim.figure.since}`}
                  points={c.sincePoints}
                  day={claim.figure.since}
                  evidenceId={null}
                />
              )}
            </div>
            <p className="hint reference-source">
              {c.dataset.name} ({c.dataset.publisher}),{' '}
              <a href={c.dataset.url} rel="noreferrer noopener" target="_blank">
                source
              </a>
              , licence {c.dataset.licence}
              {c.dataset.cumulativeFrom ? `; running totals since ${c.dataset.cumulativeFrom}` : ''}.
            </p>
            {canReview && c.evidencePoint && (
              <button
                type="button"
                className="btn-small"
                onClick={() => onCite(c)}
                disabled={cited}
                aria-keyshortcuts="r"
              >
                {cited
                  ? `Cited: ${num(c.evidencePoint.value)} on ${c.evidencePoint.date}`
                  : `Add ${num(c.evidencePoint.value)} on ${c.evidencePoint.date} as evidence`}{' '}
                <kbd>r</kbd>
              </button>
            )}
          </div>
        );
      })}
    </section>
  );
}
