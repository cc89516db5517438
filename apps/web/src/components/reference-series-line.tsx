import type { ReferenceSeries } from '@claimdesk/contracts';

/** Reference series are drawn in one grey, thin and dotted: beside the claims, never mistaken for a side. */
export const REFERENCE_LINE = { colour: '#6b7280', dash: '1 3' };

/** A reference series as a line on the figures chart (scales from the chart), with its name for screen readers. */
export function ReferenceSeriesLines({
  reference,
  sx,
  sy,
}: {
  reference: ReferenceSeries | undefined;
  sx: (t: number) => number;
  sy: (v: number) => number;
}) {
  if (!reference) return null;
  return (
    <>
      {reference.series
        .filter((s) => s.points.length > 0)
        .map((s) => (
          <polyline
            key={s.dataset.id}
            className="reference-line"
            fill="none"
            stroke={REFERENCE_LINE.colour}
            strokeWidth={2.5}
            strokeDasharray={REFERENCE_LINE.dash}
            strokeLinecap="round"
            points={s.points.map((p) => `${sx(Date.parse(`${p.date}T00:00:00Z`))},${sy(p.value)}`).join(' ')}
          >
            <title>{`${s.dataset.name}: ${s.points.length} daily totals`}</title>
          </polyline>
        ))}
    </>
  );
}

export function ReferenceLegend({ reference }: { reference: ReferenceSeries | undefined }) {
  return (
    <>
      {reference?.series
        .filter((s) => s.points.length > 0)
        .map((s) => (
          <li key={s.dataset.id}>
            <svg width="24" height="18" aria-hidden="true">
              <line
                x1={1}
                x2={23}
                y1={9}
                y2={9}
                stroke={REFERENCE_LINE.colour}
                strokeWidth={2.5}
                strokeDasharray={REFERENCE_LINE.dash}
                strokeLinecap="round"
              />
            </svg>{' '}
            reference: {s.dataset.name} ({s.dataset.licence})
          </li>
        ))}
    </>
  );
}
