import { describe, expect, it } from 'vitest';
import { relateFigure } from './relate-figure.ts';

const tanks = [
  { date: '2022-02-25', value: 80, qualifier: 'exact' },
  { date: '2022-02-26', value: 146, qualifier: 'exact' },
  { date: '2022-02-27', value: 150, qualifier: 'exact' },
  { date: '2022-02-28', value: 150, qualifier: 'exact' },
  { date: '2022-03-01', value: 198, qualifier: 'exact' },
];
const fig = (value: number, asOf: string, qualifier = 'exact' as const, since: string | null = '2022-02-24') => ({
  value,
  asOf,
  qualifier,
  since,
});

describe('relateFigure', () => {
  it("finds the seed's 102 tanks as of 2022-02-26 consistent: between the totals of the day before (80) and the day (146)", () => {
    const relation = relateFigure(fig(102, '2022-02-26'), tanks, '2022-02-24');
    expect(relation).toMatchObject({ kind: 'consistent', low: 80, high: 146, percent: null });
    expect(relation.explanation).toBe(
      '102 is consistent with the series (between 80 on 2022-02-25 and 146 on 2022-02-26: 80 to 146)',
    );
  });

  it('says above or below by how much, from the nearer end of the range', () => {
    expect(relateFigure(fig(175.2, '2022-02-27'), tanks, '2022-02-24')).toMatchObject({
      kind: 'above',
      low: 146,
      high: 150,
      percent: 16.8,
    });
    expect(relateFigure(fig(40, '2022-02-26'), tanks, '2022-02-24')).toMatchObject({ kind: 'below', percent: 50 });
  });

  it('reads "more than" as a floor and "up to" as a ceiling', () => {
    expect(relateFigure(fig(20, '2022-02-26', 'more_than' as never), tanks, null).kind).toBe('consistent');
    expect(relateFigure(fig(160, '2022-02-26', 'more_than' as never), tanks, null).kind).toBe('above');
    expect(relateFigure(fig(500, '2022-02-26', 'up_to' as never), tanks, null).kind).toBe('consistent');
    expect(relateFigure(fig(50, '2022-02-26', 'up_to' as never), tanks, null).kind).toBe('below');
  });

  it('gives an approximate figure 10% either side', () => {
    expect(relateFigure(fig(160, '2022-02-26', 'approx' as never), tanks, null)).toMatchObject({
      kind: 'consistent',
      low: 72,
      high: 160.6,
    });
  });

  it('subtracts the totals around a later since date (losses from that day on)', () => {
    // From 2022-02-27 to 2022-03-01: 198 (or 150 the day before) less 146..150 around the 27th.
    const relation = relateFigure(fig(48, '2022-03-01', 'exact', '2022-02-27'), tanks, '2022-02-24');
    expect(relation).toMatchObject({ kind: 'consistent', low: 0, high: 52 });
    expect(relation.explanation).toContain('since 2022-02-27');
  });

  it('has no reference far from any total', () => {
    expect(relateFigure(fig(102, '2022-06-01'), tanks, '2022-02-24')).toMatchObject({
      kind: 'no_reference',
      low: null,
    });
  });
});
