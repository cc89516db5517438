import { expect } from 'vitest';
import { CASUALTY_CATEGORIES, CATEGORIES, FIGURE_KINDS, type ParsedArticle } from '../src/index.ts';

const SIDES = ['russia', 'ukraine', 'other', 'unknown'];
const QUALIFIERS = ['exact', 'approx', 'at_least', 'more_than', 'up_to', 'less_than'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function expectSpan(raw: string, span: { text: string; start: number; end: number }) {
  expect(Number.isInteger(span.start) && Number.isInteger(span.end)).toBe(true);
  expect(span.start).toBeGreaterThanOrEqual(0);
  expect(span.start).toBeLessThanOrEqual(span.end);
  expect(span.end).toBeLessThanOrEqual(raw.length);
  expect(raw.slice(span.start, span.end)).toBe(span.text);
}

/** The claim-format contract (../shared/docs/claim-format.md): field types, enums and spans into `raw`. */
export function expectClaimFormat(raw: string, result: ParsedArticle): void {
  expect(typeof result.parserVersion).toBe('string');
  expect(result.publishedOn === null || ISO_DATE.test(result.publishedOn)).toBe(true);
  expect(Array.isArray(result.dateline) && result.dateline.every((d) => typeof d === 'string')).toBe(true);
  expect(result.outlet === null || typeof result.outlet === 'string').toBe(true);
  expect(result.byline === null || typeof result.byline === 'string').toBe(true);
  expect(Array.isArray(result.statements)).toBe(true);
  const ids = new Set<string>();
  for (const s of result.statements) {
    expect(typeof s.id).toBe('string');
    expect(ids.has(s.id)).toBe(false);
    ids.add(s.id);
    if (s.source) expectSpan(raw, s.source);
    if (s.cue) expectSpan(raw, s.cue);
    expectSpan(raw, s.content);
    expect(s.sourceCanonical === null || typeof s.sourceCanonical === 'string').toBe(true);
    expect(SIDES).toContain(s.sourceSide);
    expect(typeof s.direct).toBe('boolean');
    expect(s.asOf === null || ISO_DATE.test(s.asOf)).toBe(true);
    expect(Array.isArray(s.figures)).toBe(true);
    for (const f of s.figures) {
      expectSpan(raw, f);
      // A figure lies inside the content of its statement.
      expect(f.start).toBeGreaterThanOrEqual(s.content.start);
      expect(f.end).toBeLessThanOrEqual(s.content.end);
      expect(typeof f.value === 'number' && Number.isFinite(f.value)).toBe(true);
      expect(QUALIFIERS).toContain(f.qualifier);
      expect(CATEGORIES).toContain(f.category);
      expect(typeof f.unit).toBe('string');
      expect(SIDES).toContain(f.subject);
      expect(f.since === null || ISO_DATE.test(f.since)).toBe(true);
      expect(FIGURE_KINDS).toContain(f.kind);
      // The categories of people lost belong to losses only.
      if (f.kind !== 'loss') expect(CASUALTY_CATEGORIES).not.toContain(f.category);
    }
  }
}
