import type { Claim } from '@claimdesk/contracts';
import { describe, expect, it } from 'vitest';
import { buildSegments, splitAtLineBreaks } from './segments.ts';

const claim = (id: string, kind: Claim['kind'], start: number, end: number): Claim => ({
  id,
  articleId: 'a',
  statementId: 's',
  kind,
  text: '',
  start,
  end,
  sourceCanonical: null,
  sourceId: null,
  side: 'unknown',
  asOf: null,
  figure: null,
  status: 'pending',
  publishedStatus: 'pending',
  version: 0,
  isFound: true,
  origin: 'parser',
  isCorrected: false,
  isRejected: false,
  createdAt: '',
  updatedAt: '',
  latestVerdict: null,
  retraction: null,
});

describe('buildSegments', () => {
  it('cuts nested figures out of their statement without overlaps', () => {
    const statement = claim('s', 'statement', 10, 40);
    const figure = claim('f', 'figure', 20, 29);
    const segments = buildSegments(50, [statement, figure]);
    expect(segments.map((s) => [s.start, s.end, s.statement?.id ?? null, s.figure?.id ?? null])).toEqual([
      [0, 10, null, null],
      [10, 20, 's', null],
      [20, 29, 's', 'f'],
      [29, 40, 's', null],
      [40, 50, null, null],
    ]);
  });

  it('covers the whole text exactly once and ignores spans outside it', () => {
    const segments = buildSegments(30, [claim('s', 'statement', 5, 25), claim('bad', 'figure', 28, 99)]);
    expect(segments[0]?.start).toBe(0);
    expect(segments.at(-1)?.end).toBe(30);
    for (let i = 1; i < segments.length; i++) expect(segments[i]?.start).toBe(segments[i - 1]?.end);
    expect(segments.some((s) => s.figure?.id === 'bad')).toBe(false);
  });
});

describe('splitAtLineBreaks', () => {
  it('keeps the line breaks of a highlighted piece out of the highlight, and every character in order', () => {
    const text = '“We finally have the result,” he said.\n\n“Today 156 people arrived.';
    const pieces = splitAtLineBreaks(text);
    expect(pieces.map((p) => [p.text, p.isBreak])).toEqual([
      ['“We finally have the result,” he said.', false],
      ['\n\n', true],
      ['“Today 156 people arrived.', false],
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.map((p) => p.offset)).toEqual([0, 38, 40]);
    expect(splitAtLineBreaks('102 tanks')).toEqual([{ offset: 0, text: '102 tanks', isBreak: false }]);
  });
});
