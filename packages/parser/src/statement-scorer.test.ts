import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from './index.ts';
import {
  type ScorerExample,
  scoreStatement,
  statementFeatures,
  trainScorer,
  trainScorerWithThreshold,
} from './statement-scorer.ts';

const seed = readFileSync(join(import.meta.dirname, '../../../sample-data/00_2022-02-27_jagran.txt'), 'utf8');

/** Examples from the seed article's statements: those with a quote are labelled wrong, a pattern to learn. */
function seedExamples(): ScorerExample[] {
  return parseArticle(seed, { statementScorer: null })
    .statements.filter((s) => s.cue !== null)
    .map((s, i) => ({ features: statementFeatures(s, false), label: s.direct ? 0 : 1, group: `a${i % 6}` }));
}

describe('statement scorer', () => {
  it('trains deterministically: the same examples give identical JSON', () => {
    const a = JSON.stringify(trainScorerWithThreshold(seedExamples()));
    const b = JSON.stringify(trainScorerWithThreshold(seedExamples()));
    expect(a).toBe(b);
    expect(JSON.parse(a)).toMatchObject({ version: 1 });
  });

  it('learns a feature that marks wrong statements', () => {
    const examples: ScorerExample[] = Array.from({ length: 40 }, (_, i) => ({
      features: i % 4 === 0 ? ['cue=bad', 'len=lt8'] : ['cue=said', 'len=lt8'],
      label: i % 4 === 0 ? 0 : 1,
      group: `g${i % 10}`,
    }));
    const w = trainScorerWithThreshold(examples);
    expect(scoreStatement(w, ['cue=bad', 'len=lt8'])).toBeLessThan(w.threshold);
    expect(scoreStatement(w, ['cue=said', 'len=lt8'])).toBeGreaterThanOrEqual(w.threshold);
  });

  it('keeps every statement (threshold 0) when no threshold helps on held-out articles', () => {
    const examples: ScorerExample[] = Array.from({ length: 40 }, (_, i) => ({
      features: ['cue=said'],
      label: i % 10 === 0 ? 0 : 1,
      group: `g${i % 8}`,
    }));
    expect(trainScorerWithThreshold(examples).threshold).toBe(0);
  });

  it('drops statements below the threshold when weights are passed, and none with null', () => {
    const all = parseArticle(seed, { statementScorer: null }).statements;
    const strict = parseArticle(seed, {
      statementScorer: { ...trainScorer([]), threshold: 1.1 },
    }).statements;
    expect(strict.length).toBe(all.filter((s) => s.cue === null).length);
    expect(parseArticle(seed).statements).toEqual(all);
  });
});
