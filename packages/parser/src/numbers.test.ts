import { describe, expect, it } from 'vitest';
import { readNumber } from './numbers.ts';

const read = (text: string) => readNumber(text, 0);

describe('readNumber', () => {
  it.each([
    ['3,500 soldiers', 3500, '3,500'],
    ['125,600', 125_600, '125,600'],
    ['19600 осіб', 19_600, '19600'],
    ['1.5m refugees', 1_500_000, '1.5m'],
    ['40bn', 40_000_000_000, '40bn'],
    ['37bn', 37_000_000_000, '37bn'],
    ['40 billion', 40_000_000_000, '40 billion'],
    ['2.3 million inmates', 2_300_000, '2.3 million'],
    ['three helicopters', 3, 'three'],
    ['twenty-five tanks', 25, 'twenty-five'],
    ['one and a half million citizens', 1_500_000, 'one and a half million'],
    ['two hundred and fifty people', 250, 'two hundred and fifty'],
    ['a hundred people', 100, 'a hundred'],
    ['half a million people', 500_000, 'half a million'],
    ['a million refugees', 1_000_000, 'a million'],
    ['two dozen tanks', 24, 'two dozen'],
    ['36\u00a0350 persons', 36_350, '36\u00a0350'],
  ] as const)('%s -> %d', (text, value, span) => {
    const n = read(text);
    expect(n?.value).toBe(value);
    expect(text.slice(n?.start ?? 0, n?.end ?? 0)).toBe(span);
  });

  it('returns null where no number starts', () => {
    expect(read('soldiers')).toBeNull();
    expect(read('a few')).toBeNull();
    expect(read('')).toBeNull();
  });

  it('does not let a dangling "and" join the number', () => {
    const text = 'three and the rest';
    const n = read(text);
    expect(text.slice(n?.start ?? 0, n?.end ?? 0)).toBe('three');
  });
});
