import { type FigurePoint, type Side, categorySchema, sideSchema } from '@claimdesk/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type MouseEvent, useLayoutEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { currentUrlParams } from '../components/url-params.ts';
import { figureSeriesQuery, referenceSeriesQuery } from '../api/queries.ts';
import { ReferenceLegend, ReferenceSeriesLines } from '../components/reference-series-line.tsx';
import { STATUS_LABEL, StatusBadge } from '../components/status.tsx';

const MAX_WIDTH = 920;
const M_WIDE = { top: 24, right: 56, bottom: 48, left: 72 };
/** On a phone the chart is drawn at the width it is shown at, so its labels stay legible (12 px). */
const NARROW = 600;
const M_NARROW = { top: 24, right: 28, bottom: 48, left: 56 };

/** The width the chart is shown at (the figure's content box), MAX_WIDTH at most. */
function useChartWidth(figure: HTMLElement | null): number {
  const [width, setWidth] = useState(MAX_WIDTH);
  useLayoutEffect(() => {
    if (!figure) return;
    const measure = () => {
      const style = getComputedStyle(figure);
      const inner = figure.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      if (inner > 0) setWidth(Math.round(Math.min(MAX_WIDTH, Math.max(280, inner))));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(figure);
    return () => observer.disconnect();
  }, [figure]);
  return width;
}
const DAY = 86_400_000;
const TABLE_ROWS = 300;
const words = (s: string) => s.replaceAll('_', ' ');

/** Each side has a colour and a marker shape of its own: the chart never relies on colour alone. */
const MAX_VALUE_LABELS = 30;
export const SERIES: Record<
  Side,
  { colour: string; shape: 'circle' | 'square' | 'triangle' | 'diamond'; label: string }
> = {
  ukraine: { colour: '#1f5fbf', shape: 'circle', label: 'according to Ukraine' },
  russia: { colour: '#b3261e', shape: 'square', label: 'according to Russia' },
  other: { colour: '#2f6b1f', shape: 'triangle', label: 'according to others' },
  unknown: { colour: '#5c6370', shape: 'diamond', label: 'source side unknown' },
};

export function Marker({
  side,
  x,
  y,
  size = 6,
  filled = true,
}: {
  side: Side;
  x: number;
  y: number;
  size?: number;
  filled?: boolean;
}) {
  const { colour, shape } = SERIES[side];
  const common = { fill: filled ? colour : '#fff', stroke: colour, strokeWidth: 2 };
  if (shape === 'circle') return <circle cx={x} cy={y} r={size} {...common} />;
  if (shape === 'square') return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} {...common} />;
  if (shape === 'triangle')
    return (
      <polygon points={`${x},${y - size - 1} ${x + size + 1},${y + size} ${x - size - 1},${y + size}`} {...common} />
    );
  return (
    <polygon
      points={`${x},${y - size - 1} ${x + size + 1},${y} ${x},${y + size + 1} ${x - size - 1},${y}`}
      {...common}
    />
  );
}

const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const fmtDate = (t: number) => new Date(t).toISOString().slice(0, 10);
const linkTo = (p: FigurePoint) => `/articles/${p.articleId}?claim=${p.claimId}`;

/** The chart's x range: the claims' days with a margin of a tenth of their span, a week at least. */
export function chartWindow(times: number[]): { x0: number; x1: number } | null {
  if (times.length === 0) return null;
  const first = Math.min(...times);
  const last = Math.max(...times);
  const margin = Math.max(7 * DAY, Math.round((last - first) / DAY / 10) * DAY);
  return { x0: first - margin, x1: last + margin };
}

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

/** Stored figure claims of one category by as-of date, one line per side of the source. */
export function FiguresPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const category = categorySchema.safeParse(params.get('category')).data ?? 'tanks';
  const subjectParam = params.get('subject');
  const subject = subjectParam === 'any' ? null : (sideSchema.safeParse(subjectParam).data ?? 'russia');
  const api = new URLSearchParams({ category });
  if (subject) api.set('subject', subject);
  const series = useQuery({ ...figureSeriesQuery(api), placeholderData: keepPreviousData });
  const points = series.data?.points ?? [];
  // The reference series of this category and whose loss, over the days the claims span and a
  // margin either side (a week at least), so one claimed figure still has a line to sit beside.
  const span = chartWindow(points.map((p) => toTime(p.asOf)));
  const referenceParams =
    subject && span ? new URLSearchParams({ category, subject, from: isoDay(span.x0), to: isoDay(span.x1) }) : null;
  const reference = useQuery({
    ...referenceSeriesQuery(referenceParams ?? new URLSearchParams()),
    enabled: referenceParams !== null,
  });
  const referenceData = referenceParams ? reference.data : undefined;

  const update = (key: string, value: string) =>
    setParams(() => {
      const next = currentUrlParams();
      next.set(key, value);
      return next;
    });

  const [figure, setFigure] = useState<HTMLElement | null>(null);
  const WIDTH = useChartWidth(figure);
  const narrow = WIDTH < NARROW;
  const HEIGHT = narrow ? 300 : 380;
  const M = narrow ? M_NARROW : M_WIDE;
  const chart = useMemo(() => {
    const times = points.map((p) => toTime(p.asOf));
    const span = chartWindow(times);
    if (!span) return null;
    const { x0, x1 } = span;
    const referenceValues = referenceData?.series.flatMap((s) => s.points.map((p) => p.value)) ?? [];
    const yMax = niceMax(Math.max(...points.map((p) => p.value), ...referenceValues) * 1.05);
    const sx = (t: number) => M.left + ((t - x0) / (x1 - x0)) * (WIDTH - M.left - M.right);
    const sy = (v: number) => HEIGHT - M.bottom - (v / yMax) * (HEIGHT - M.top - M.bottom);
    // Ticks fall on whole days, so a label names the day under it.
    const stepDays = Math.max(1, Math.ceil((x1 - x0) / DAY / (narrow ? 3 : 6)));
    const xTicks: number[] = [];
    // Evenly spaced, never the claims' own days: close days would print their labels on top of each other.
    for (let t = x0; t <= x1; t += stepDays * DAY) xTicks.push(t);
    const yTicks = Array.from({ length: 6 }, (_, i) => (yMax * i) / 5);
    const bySide = new Map<Side, FigurePoint[]>();
    for (const p of points) bySide.set(p.side, [...(bySide.get(p.side) ?? []), p]);
    return { sx, sy, xTicks, yTicks, bySide };
  }, [points, referenceData, WIDTH, HEIGHT, M, narrow]);

  const open = (e: MouseEvent, p: FigurePoint) => {
    e.preventDefault();
    void navigate(linkTo(p));
  };
  const shown = series.data?.category ?? category;
  const shownSubject = series.data ? series.data.subject : subject;
  const title = `${words(shown)}${shownSubject ? `, ${shownSubject === 'other' || shownSubject === 'unknown' ? `subject ${shownSubject}` : `${shownSubject[0]?.toUpperCase()}${shownSubject.slice(1)}'s losses`}` : ''}`;

  return (
    <section aria-labelledby="figures-title">
      <h1 id="figures-title">Figures over time</h1>
      <p className="hint">
        Every stored loss of one category (people killed, wounded or captured, equipment destroyed or lost; not counts,
        money or historical tolls), placed by its as-of date; one line per side of the source. Select a point to open
        its claim.
      </p>
      <form className="filters" aria-label="Chart options" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="f-category">Category</label>
          <select id="f-category" value={category} onChange={(e) => update('category', e.target.value)}>
            {categorySchema.options.map((c) => (
              <option key={c} value={c}>
                {words(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-whose-loss">Whose loss</label>
          <select id="f-whose-loss" value={subject ?? 'any'} onChange={(e) => update('subject', e.target.value)}>
            <option value="any">anyone</option>
            {sideSchema.options.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      </form>
      {series.isLoading && (
        <p className="state" role="status">
          Loading figures…
        </p>
      )}
      {series.isError && (
        <div className="state" role="alert">
          <p>The figures could not be loaded: {series.error.message}</p>
          <button type="button" className="btn" onClick={() => void series.refetch()}>
            Try again
          </button>
        </div>
      )}
      {series.data && points.length === 0 && (
        <p className="state">
          No dated figure of this kind is stored yet
          {series.data.undated > 0 ? ` (${series.data.undated} without an as-of date)` : ''}.
        </p>
      )}
      {chart && (
        <figure className="chart" ref={setFigure}>
          <figcaption id="chart-caption">
            <strong>{title}</strong>: {points.length} {points.length === 1 ? 'figure' : 'figures'}
            {series.data && series.data.undated > 0
              ? ` (${series.data.undated} without an as-of date are not shown)`
              : ''}
            {series.data?.hasMore ? ', the earliest ones: later figures are not shown' : ''}
          </figcaption>
          <ul className="chart-legend" aria-label="Series">
            {[...chart.bySide.keys()].map((side) => (
              <li key={side}>
                <svg width="18" height="18" aria-hidden="true">
                  <title>{SERIES[side].label}</title>
                  <Marker side={side} x={9} y={9} size={5} />
                </svg>{' '}
                {SERIES[side].label}
              </li>
            ))}
            <ReferenceLegend reference={referenceData} />
            <li className="hint">Point label: ✓ verified, ✗ disputed, ? unverifiable, ○ pending (hollow marker)</li>
          </ul>
          {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a <fieldset>; role=group keeps its links reachable (role=img would hide them) */}
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="chart-svg" role="group" aria-labelledby="chart-caption">
            {chart.yTicks.map((v) => (
              <g key={v}>
                <line x1={M.left} x2={WIDTH - M.right} y1={chart.sy(v)} y2={chart.sy(v)} stroke="#e3e6ea" />
                <text x={M.left - 8} y={chart.sy(v) + 4} textAnchor="end" fontSize="12" fill="#5c6370">
                  {Math.round(v).toLocaleString('en-GB')}
                </text>
              </g>
            ))}
            {chart.xTicks.map((t) => (
              <text key={t} x={chart.sx(t)} y={HEIGHT - M.bottom + 20} textAnchor="middle" fontSize="12" fill="#5c6370">
                {fmtDate(t)}
              </text>
            ))}
            <line x1={M.left} x2={WIDTH - M.right} y1={HEIGHT - M.bottom} y2={HEIGHT - M.bottom} stroke="#9aa1ab" />
            <text x={WIDTH / 2} y={HEIGHT - 6} textAnchor="middle" fontSize="12" fill="#5c6370">
              as-of date
            </text>
            <text
              x={14}
              y={HEIGHT / 2}
              textAnchor="middle"
              fontSize="12"
              fill="#5c6370"
              transform={`rotate(-90 14 ${HEIGHT / 2})`}
            >
              {words(shown)}
            </text>
            <ReferenceSeriesLines reference={referenceData} sx={chart.sx} sy={chart.sy} />
            {[...chart.bySide.entries()].map(([side, list]) => (
              <g key={side}>
                {list.length > 1 && (
                  <polyline
                    fill="none"
                    stroke={SERIES[side].colour}
                    strokeWidth={2}
                    strokeDasharray={side === 'ukraine' ? undefined : side === 'russia' ? '6 3' : '2 3'}
                    points={list.map((p) => `${chart.sx(toTime(p.asOf))},${chart.sy(p.value)}`).join(' ')}
                  />
                )}
                {list.map((p) => {
                  const x = chart.sx(toTime(p.asOf));
                  const y = chart.sy(p.value);
                  const label = `${p.value.toLocaleString('en-GB')} ${words(category)} as of ${p.asOf}, ${SERIES[side].label} (${p.sourceCanonical ?? 'unknown source'}): ${STATUS_LABEL[p.status].label}`;
                  return (
                    <a
                      key={p.claimId}
                      href={linkTo(p)}
                      onClick={(e) => open(e, p)}
                      aria-label={label}
                      className="chart-point"
                    >
                      <title>{label}</title>
                      <Marker side={side} x={x} y={y} filled={p.status !== 'pending'} />
                      {/* Near the right edge the label goes left of its point, or the value is cut off. */}
                      <text
                        x={x > WIDTH - 90 ? x - 9 : x + 9}
                        y={y - 8}
                        textAnchor={x > WIDTH - 90 ? 'end' : 'start'}
                        fontSize="13"
                        fontWeight="700"
                        fill={SERIES[side].colour}
                      >
                        {STATUS_LABEL[p.status].symbol}
                        {/* The value beside its point, while there are few enough to read without overlapping. */}
                        {points.length <= MAX_VALUE_LABELS && ` ${p.value.toLocaleString('en-GB')}`}
                      </text>
                    </a>
                  );
                })}
              </g>
            ))}
          </svg>
        </figure>
      )}
      {points.length > 0 && (
        <details className="figures-details" open={points.length <= 20}>
          <summary>The same figures as a table ({points.length})</summary>
          <table className="articles figures-table">
            <caption className="sr-only">The same figures as a table</caption>
            <thead>
              <tr>
                <th scope="col">As of</th>
                <th scope="col">Value</th>
                <th scope="col">Source</th>
                <th scope="col">Side</th>
                <th scope="col">Whose loss</th>
                <th scope="col">Status</th>
                <th scope="col">Claim</th>
              </tr>
            </thead>
            <tbody>
              {points.slice(0, TABLE_ROWS).map((p) => (
                <tr key={p.claimId}>
                  <td data-label="As of">{p.asOf}</td>
                  <td data-count="value" data-label="Value">
                    {p.qualifier === 'exact' ? '' : `${words(p.qualifier)} `}
                    {p.value.toLocaleString('en-GB')}
                  </td>
                  <td data-label="Source">{p.sourceCanonical ?? 'unknown'}</td>
                  <td data-label="Side">{p.side}</td>
                  <td data-label="Whose loss">{p.subject}</td>
                  <td>
                    <StatusBadge status={p.status} />
                  </td>
                  <td>
                    <Link to={linkTo(p)}>{p.text}</Link>{' '}
                    <span className="hint">
                      in {p.articleTitle.length > 50 ? `${p.articleTitle.slice(0, 50)}…` : p.articleTitle}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {points.length > TABLE_ROWS && (
        <p className="hint">
          The table shows the first {TABLE_ROWS} of {points.length} figures; the chart shows all of them.
        </p>
      )}
    </section>
  );
}
