import type { Qualifier, ReferenceRelation } from '@claimdesk/contracts';

export interface SeriesPoint {
  date: string;
  value: number;
  qualifier: string;
}

export interface FigureToRelate {
  value: number;
  qualifier: Qualifier;
  asOf: string;
  since: string | null;
}

/** How far (in days) a reference total may lie from the date it stands in for. */
export const MAX_GAP_DAYS = 3;
/** The slack for an approximate figure ("about 4,300") on either side. */
export const APPROX_TOLERANCE = 0.1;

const DAY = 86_400_000;
export const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1 });

/**
 * The totals that bracket a day: the last one before it and the one on it (or, with no total on
 * the day, the first after it), each at most MAX_GAP_DAYS away. A figure given "as of" a day may
 * be the total published that morning or a count made during the day, so the series allows
 * anything from the one to the other.
 */
export function bracketDay(points: SeriesPoint[], day: string) {
  const sorted = [...points].sort((a, b) => a.date.localeCompare(b.date));
  const before = sorted.filter((p) => p.date < day && p.date >= addDays(day, -MAX_GAP_DAYS)).at(-1);
  const on = sorted.find((p) => p.date >= day && p.date <= addDays(day, MAX_GAP_DAYS));
  if (!before && !on) return null;
  const values = [before, on].filter((p): p is SeriesPoint => p !== undefined);
  return {
    before,
    on,
    low: Math.min(...values.map((p) => p.value)),
    high: Math.max(...values.map((p) => p.value)),
    isApprox: values.some((p) => p.qualifier !== 'exact'),
  };
}

const describe = (p: SeriesPoint | undefined) => (p ? `${fmt(p.value)} on ${p.date}` : null);

/**
 * The relation of a claimed figure to a reference series (advice for the editor, not a verdict).
 *
 * The series allows the range [low, high] spanned by its totals on the day before the as-of date
 * and on it (see bracketDay). When the claim counts from a later day than the series (`since`
 * after `cumulativeFrom`), the totals around the since date are subtracted: the losses from S to
 * D are total(D) - total(S - 1), so the range runs from low(D) - high(S) to high(D) - low(S).
 * An approximate figure or total widens the range by 10% either side. Then:
 * exact/approx: consistent inside the range, above or below it otherwise; at_least/more_than
 * ("over 3,500"): consistent unless the figure is above the range; up_to/less_than: consistent
 * unless below it. Above/below by N% is measured from the nearer end of the range.
 */
export function relateFigure(
  figure: FigureToRelate,
  points: SeriesPoint[],
  cumulativeFrom: string | null,
): ReferenceRelation {
  const none = (explanation: string): ReferenceRelation => ({
    kind: 'no_reference',
    percent: null,
    low: null,
    high: null,
    explanation,
  });
  const at = bracketDay(points, figure.asOf);
  if (!at) return none(`the series has no total within ${MAX_GAP_DAYS} days of ${figure.asOf}`);
  let { low, high } = at;
  let isApprox = at.isApprox || figure.qualifier === 'approx';
  const atText = [describe(at.before), describe(at.on)].filter(Boolean).join(' and ');
  let basis = at.before && at.on ? `between ${atText}` : `${atText}`;

  const countsLater = figure.since !== null && cumulativeFrom !== null && figure.since > addDays(cumulativeFrom, 1);
  if (countsLater && figure.since) {
    const base = bracketDay(points, figure.since);
    if (!base) return none(`the series has no total within ${MAX_GAP_DAYS} days of the since date ${figure.since}`);
    low = Math.max(0, low - base.high);
    high = Math.max(0, high - base.low);
    isApprox ||= base.isApprox;
    const baseText = [describe(base.before), describe(base.on)].filter(Boolean).join(' and ');
    basis = `since ${figure.since}: ${atText} less ${baseText}`;
  }
  if (isApprox) {
    low *= 1 - APPROX_TOLERANCE;
    high *= 1 + APPROX_TOLERANCE;
  }
  low = Math.round(low * 10) / 10;
  high = Math.round(high * 10) / 10;
  const range = low === high ? `${fmt(low)}` : `${fmt(low)} to ${fmt(high)}`;
  const slack = isApprox ? ', with 10% slack for an approximate figure' : '';
  const v = figure.value;
  const allowsMore = figure.qualifier === 'at_least' || figure.qualifier === 'more_than';
  const allowsLess = figure.qualifier === 'up_to' || figure.qualifier === 'less_than';
  const percentFrom = (edge: number) => (edge === 0 ? null : Math.round((Math.abs(v - edge) / edge) * 1000) / 10);
  if (v > high && !allowsLess) {
    const percent = percentFrom(high);
    return {
      kind: 'above',
      percent,
      low,
      high,
      explanation: `${fmt(v)} is above the series (${basis}: ${range}${slack})${percent === null ? '' : ` by ${percent}%`}`,
    };
  }
  if (v < low && !allowsMore) {
    const percent = percentFrom(low);
    return {
      kind: 'below',
      percent,
      low,
      high,
      explanation: `${fmt(v)} is below the series (${basis}: ${range}${slack})${percent === null ? '' : ` by ${percent}%`}`,
    };
  }
  return {
    kind: 'consistent',
    percent: null,
    low,
    high,
    explanation: `${figure.qualifier === 'exact' ? '' : `${figure.qualifier.replace('_', ' ')} `}${fmt(v)} is consistent with the series (${basis}: ${range}${slack})`,
  };
}
