import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/index.ts';
import { expectClaimFormat } from './shape.ts';

// Inputs that make backtracking regular expressions or nested scans blow up. Each must simply
// finish; the time budget is the benchmark's business (npm run bench), not the test suite's.
const MB = 1024 * 1024;
const cases: Array<[string, () => string]> = [
  ['100k straight quotes', () => '"'.repeat(100_000)],
  ['100k curly quotes', () => '“'.repeat(50_000) + '”'.repeat(50_000)],
  ['alternating quotes and words', () => '“a” "b" ‘c’ '.repeat(10_000)],
  ['a long run of digits', () => `He said ${'7'.repeat(200_000)} tanks were lost.`],
  ['a long run of digits and commas', () => `He said ${'1,'.repeat(100_000)} soldiers died.`],
  ['numbers separated by spaces', () => `Officials said ${'12 '.repeat(60_000)}tanks.`],
  ['dashed codes', () => `He said ${'3-62-'.repeat(40_000)}76.`],
  ['"said said said ..."', () => 'said '.repeat(40_000)],
  ['"according to according to ..."', () => 'according to '.repeat(20_000)],
  ['a quote that never closes', () => `He said: “${'we will fight, '.repeat(20_000)}`],
  ['number words without end', () => `He said ${'one hundred and '.repeat(20_000)}tanks.`],
  ['qualifiers without end', () => `He said ${'more than about up to at least '.repeat(10_000)}5 tanks.`],
  [
    'a loss list of 20k lines',
    () =>
      `date 2022-04-12 | Ministry of Defence of Ukraine (mil.gov.ua): The total combat losses of the enemy were approximately:\n${'tanks ‒ 732 од,\n'.repeat(20_000)}`,
  ],
  [
    'a loss-list label without end',
    () =>
      `date 2022-04-12 | Ministry of Defence of Ukraine (mil.gov.ua): losses\ntanks ‒ 1\ntanks ‒ 2\ntanks ‒ 3\n${'a'.repeat(200_000)} ‒ 5`,
  ],
  ['a header line without end', () => `date 2022-02-27 ${'Kyiv, '.repeat(50_000)}| Outlet: text`],
  [
    'a run of spaces and commas after a cue',
    () => `The minister said ${' ,;'.repeat(30_000)} and the army said ${' '.repeat(50_000)}“we won”.`,
  ],
  [
    'open parentheses in a header and a source',
    () =>
      `date 2022-02-27 Kyiv | Ministry ${'('.repeat(50_000)}: ${'The ( minister ('.repeat(5_000)} said 5 tanks were lost.`,
  ],
  [
    'number words split by long white space',
    () => `He said three ${' '.repeat(100_000)}and a ${' '.repeat(100_000)}tanks.`,
  ],
  [
    'a figure list with long gaps',
    () => `Officials said 5 tanks${', '.repeat(40_000)}and 3 APCs were destroyed; Articles 5${' ,'.repeat(40_000)} 6.`,
  ],
  ['white space only', () => ' \u00a0\u200b\t'.repeat(100_000)],
  ['CRLF lines', () => 'a\r\n'.repeat(100_000)],
  [
    'one 1 MB line without punctuation',
    () => 'the minister of defence and the army of the republic '.repeat(Math.ceil(MB / 54)).slice(0, MB),
  ],
  [
    'a 256 KB line of cues and numbers, no punctuation',
    () =>
      'officials say 5 tanks and 300 soldiers were lost near the city '.repeat(Math.ceil(MB / 256)).slice(0, MB / 4),
  ],
];

describe('parseArticle on adversarial input', () => {
  for (const [name, build] of cases) {
    // The generous timeout is a hang guard for slow CI machines, not a performance assertion.
    it(`finishes on ${name}`, { timeout: 60_000 }, () => {
      const raw = build();
      const result = parseArticle(raw);
      expect(result).toBeDefined();
      expect(Array.isArray(result.statements)).toBe(true);
      expectClaimFormat(raw, result);
    });
  }
});
