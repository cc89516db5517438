import { describe, expect, it } from 'vitest';
import { matchClaims } from './reparse-article.ts';

const old = (
  id: string,
  kind: string,
  text: string,
  start: number,
  extra: { value?: number; status?: string } = {},
) => ({
  id,
  kind,
  text,
  start,
  end: start + text.length,
  status: extra.status ?? 'verified',
  value: extra.value ?? null,
});
const fresh = (id: string, kind: string, text: string, start: number, value: number | null = null) => ({
  id,
  kind,
  text,
  start,
  end: start + text.length,
  value,
});

describe('matchClaims', () => {
  it('pairs the same text at the same offsets', () => {
    const m = matchClaims(
      [old('a', 'statement', 'Kyiv is ready for talks', 10)],
      [fresh('n1', 'statement', 'Kyiv is ready for talks', 10)],
    );
    expect(m.get('n1')?.id).toBe('a');
  });

  it('pairs a repeated phrase with the nearest old occurrence, one to one', () => {
    const m = matchClaims(
      [old('a', 'figure', '3 tanks', 100, { value: 3 }), old('b', 'figure', '3 tanks', 500, { value: 3 })],
      [fresh('n1', 'figure', '3 tanks', 480, 3), fresh('n2', 'figure', '3 tanks', 90, 3)],
    );
    expect(m.get('n1')?.id).toBe('b');
    expect(m.get('n2')?.id).toBe('a');
  });

  it('keeps a verdict when the new parser moved a span boundary', () => {
    const m = matchClaims(
      [old('a', 'statement', 'a Russian delegation has reached Gomel.', 40)],
      [fresh('n1', 'statement', 'a Russian delegation has reached Gomel', 40)],
    );
    expect(m.get('n1')?.id).toBe('a');
  });

  it('does not pair a figure whose value changed, nor claims of another kind', () => {
    const m = matchClaims(
      [
        old('a', 'figure', 'over 3,500 soldiers', 10, { value: 3500 }),
        old('b', 'statement', 'over 3,500 soldiers', 10),
      ],
      [fresh('n1', 'figure', 'over 3,500 soldiers died', 10, 3501)],
    );
    expect(m.size).toBe(0);
  });

  it('does not pair spans that barely overlap', () => {
    const m = matchClaims([old('a', 'statement', 'x'.repeat(100), 0)], [fresh('n1', 'statement', 'y'.repeat(100), 80)]);
    expect(m.has('n1')).toBe(false);
  });
});
