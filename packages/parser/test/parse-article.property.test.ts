import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseArticle } from '../src/index.ts';
import { expectClaimFormat } from './shape.ts';

const repo = resolve(import.meta.dirname, '../../..');
const sharedDir = resolve(repo, '../shared/data/articles');
const seedPath = resolve(repo, 'sample-data/00_2022-02-27_jagran.txt');
const articles = [
  ...(existsSync(seedPath) ? [readFileSync(seedPath, 'utf8')] : []),
  ...(existsSync(sharedDir)
    ? readdirSync(sharedDir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => readFileSync(join(sharedDir, f), 'utf8'))
    : []),
];

/** Never throws, and the result keeps the claim-format contract for this exact input. */
function checkParse(raw: string): void {
  expectClaimFormat(raw, parseArticle(raw));
}

/** Fragments that steer the parser into its interesting paths: quotes, cues, numbers, headers, lists. */
const fragment = fc.oneof(
  fc.constantFrom(
    '"',
    '“',
    '”',
    '‘',
    '’',
    "'",
    '«',
    '»',
    ' said ',
    ' says ',
    ', he said.',
    'according to ',
    ' told reporters ',
    'He said',
    '. ',
    '\n',
    '\r\n',
    '\n\n',
    ' ',
    '\u00a0',
    '\u200b',
    '–',
    '—',
    '‒',
    '-',
    ':',
    '|',
    ' (',
    ') ',
    ',',
    '$',
    '£',
    '€',
    'date 2022-02-27 Kyiv | Outlet: ',
    'Posted By: A B',
    'tanks ‒ 732 од,\n',
    'about ',
    'more than ',
    'at least ',
    'up to ',
    'between ',
    ' and ',
    ' to ',
    'since February 24',
    'on Saturday',
    'three',
    'one and a half million',
    'hundred',
    'Russian',
    'Ukrainian',
    'Zelenskyy',
    'Putin',
    'Peskov',
    'soldiers',
    'civilians',
    'killed',
    'injured',
    'BBMs',
    'APCs',
    'Su-25',
    'S-400',
    'bn',
    'm',
    '%',
    '24.02',
    '1,',
    '000',
  ),
  fc.integer({ min: 0, max: 2_000_000 }).map(String),
  fc.string({ maxLength: 12 }),
);
const fragmentText = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''));

/** A real article mutated the ways that break parsers: quotes dropped, characters inserted, text cut. */
const mutatedArticle =
  articles.length === 0
    ? fc.constant('')
    : fc
        .record({
          index: fc.nat({ max: articles.length - 1 }),
          dropQuotes: fc.boolean(),
          inserts: fc.array(
            fc.tuple(
              fc.double({ min: 0, max: 1, noNaN: true }),
              fc.oneof(
                fc.string({ minLength: 1, maxLength: 3 }),
                fc.constantFrom('"', '“', '”', '\n', ' said ', '5', ','),
              ),
            ),
            { maxLength: 8 },
          ),
          cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        })
        .map(({ index, dropQuotes, inserts, cut }) => {
          let text = articles[index] ?? '';
          if (dropQuotes) text = text.replace(/["“”‘’]/g, '');
          for (const [at, what] of inserts) {
            const i = Math.floor(at * text.length);
            text = text.slice(0, i) + what + text.slice(i);
          }
          if (cut !== undefined) text = text.slice(0, Math.floor(cut * text.length));
          return text;
        });

// Generous per-test timeouts: the run counts, not the clock, bound these tests; a loaded CI machine
// must not turn a slow run into a failure.
const TIMEOUT = { timeout: 60_000 };

describe('parseArticle (properties)', () => {
  it('never throws and keeps the output contract on random strings', TIMEOUT, () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), checkParse), { numRuns: 500 });
  });

  it('never throws and keeps the output contract on random full-Unicode strings', TIMEOUT, () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), checkParse), { numRuns: 200 });
    // fast-check 4 spells fullUnicodeString as string({ unit: 'binary' }): any code point, astral planes included.
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), checkParse), { numRuns: 300 });
  });

  it('never throws and keeps the output contract on text built from quotes, cues, numbers and headers', TIMEOUT, () => {
    fc.assert(fc.property(fragmentText, checkParse), { numRuns: 1000 });
  });

  it.skipIf(articles.length === 0)(
    'never throws and keeps the output contract on mutated real articles',
    TIMEOUT,
    () => {
      fc.assert(fc.property(mutatedArticle, checkParse), { numRuns: 300 });
    },
  );

  it('gives the same result for the same input (ids stable)', TIMEOUT, () => {
    fc.assert(
      fc.property(fc.oneof(fragmentText, mutatedArticle), (raw) => {
        const a = JSON.stringify(parseArticle(raw));
        const b = JSON.stringify(parseArticle(raw));
        if (a !== b) throw new Error('parseArticle is not deterministic');
      }),
      { numRuns: 60 },
    );
  });
});
