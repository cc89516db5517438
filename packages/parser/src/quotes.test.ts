import { describe, expect, it } from 'vitest';
import { findQuotes } from './quotes.ts';
import { splitParagraphs } from './segment.ts';

const quotesIn = (raw: string) =>
  findQuotes(raw, splitParagraphs(raw, 0, raw.length)).map((q) => raw.slice(q.inner.start, q.inner.end));

describe('findQuotes', () => {
  it('runs a quote on over a photo caption set between its paragraphs', () => {
    expect(
      quotesIn('“We left at nine.\n\nA soldier on guard. Photograph: Jane Roe/AFP\n\n“Then they stopped us,” he said.'),
    ).toEqual(['We left at nine.\n\nA soldier on guard. Photograph: Jane Roe/AFP\n\n“Then they stopped us']);
  });

  it('reads two apostrophes as a double quotation mark, and leaves possessives and contractions alone', () => {
    expect(quotesIn("''This isn't tax reform,'' said Ann Lee, the voters' friend. ''Really.''")).toEqual([
      "This isn't tax reform",
      'Really.',
    ]);
    expect(quotesIn("''First part.\n\n''Second part,'' he said.")).toEqual(["First part.\n\n''Second part"]);
  });

  it('reads curly, straight and guillemet quotes, without a trailing comma', () => {
    expect(quotesIn('“We will win,” he said. "Never," she said. «Да», they said.')).toEqual([
      'We will win',
      'Never',
      'Да',
    ]);
  });

  it('runs a quote on into a paragraph that opens with a quotation mark', () => {
    expect(quotesIn('“First part of it.\n\n“Second part,” he said.')).toEqual(['First part of it.\n\n“Second part']);
  });

  it('ends a quote left open at its paragraph when the next does not continue it', () => {
    const found = quotesIn('He said “we are ready\n\nThe talks resumed on Monday, officials said.');
    expect(found).toEqual(['we are ready']);
  });

  it('does not open a straight quote glued to a word (inches, typos)', () => {
    expect(quotesIn('He is 6\'3" tall and weighs 236 pounds.')).toEqual([]);
  });
});
