import { describe, expect, it } from 'vitest';
import { assignFolds, outletOf, spread } from './folds.ts';

const files = [
  '00_2022-02-27_jagran.json',
  '02_2022-02-24_guardian.json',
  '10_2022-03-10_guardian.json',
  '27_2022-05-04_guardian.json',
  '34_2022-06-13_guardian.json',
  '37_2022-06-25_guardian.json',
  '56_2022-07-27_guardian.json',
  '30_2022-05-19_nyt.json',
  '45_2022-07-08_nyt.json',
  '109_2022-05-13_nyt.json',
  '08_2022-03-06_kremlin.json',
  '115_2022-03-01_kremlin.json',
  '24_2022-04-12_mod.json',
  '42_2022-07-05_mod.json',
  '05_2022-02-24_zelenskyy.json',
  '14_2022-03-11_zelenskyy.json',
  '18_2022-03-26_zelenskyy.json',
];

describe('outletOf', () => {
  it('reads the suffix after the last underscore, without extension or folder', () => {
    expect(outletOf('12_2022-03-01_nyt.json')).toBe('nyt');
    expect(outletOf('/a/b/08_2022-03-06_Kremlin.txt')).toBe('kremlin');
    expect(outletOf('plain.json')).toBe('unknown');
    expect(outletOf('trailing_.json')).toBe('unknown');
  });
});

describe('assignFolds', () => {
  it('puts every file in exactly one of k folds', () => {
    const folds = assignFolds(files, 5);
    expect([...folds.keys()].sort()).toEqual([...files].sort());
    for (const f of folds.values()) expect([0, 1, 2, 3, 4]).toContain(f);
  });

  it('is deterministic and does not depend on the input order', () => {
    const a = assignFolds(files, 5);
    const b = assignFolds([...files].reverse(), 5);
    expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
  });

  it('keeps fold sizes within one of each other', () => {
    const sizes = [0, 0, 0, 0, 0];
    for (const f of assignFolds(files, 5).values()) sizes[f] = (sizes[f] ?? 0) + 1;
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('spreads each outlet over min(n, k) folds', () => {
    const folds = assignFolds(files, 5);
    const outlets = new Map<string, Set<number>>();
    const counts = new Map<string, number>();
    for (const [f, k] of folds) {
      const o = outletOf(f);
      outlets.set(o, (outlets.get(o) ?? new Set()).add(k));
      counts.set(o, (counts.get(o) ?? 0) + 1);
    }
    for (const [o, ks] of outlets) expect(ks.size).toBe(Math.min(counts.get(o) ?? 0, 5));
  });

  it('refuses a fold count that is not a positive integer', () => {
    expect(() => assignFolds(files, 0)).toThrow(RangeError);
    expect(() => assignFolds(files, 2.5)).toThrow(RangeError);
  });
});

describe('spread', () => {
  it('gives mean, std, min and max, skipping NaN', () => {
    const s = spread([0.5, 1, Number.NaN]);
    expect(s.mean).toBeCloseTo(0.75);
    expect(s.std).toBeCloseTo(0.25);
    expect([s.min, s.max, s.n]).toEqual([0.5, 1, 2]);
    expect(spread([]).n).toBe(0);
  });
});
