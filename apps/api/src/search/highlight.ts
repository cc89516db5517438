import type { Highlights } from '@claimdesk/contracts';
import { foldWords } from './fold.ts';

/** A word of the original text (letters, digits, `%`, `_`, apostrophes inside it), as fold.ts splits words. */
const WORD = /[\p{L}\p{M}\p{N}%_]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;

/**
 * The [start, end) ranges of the words of `text` that a search for these terms matched: a whole
 * word of the original text whose fold starts with a term (" word"), or holds a term of only `%`
 * and `_`. Offsets are of the original text, so the app can mark them without folding anything.
 */
export function highlight(text: string | null, terms: string[]): Highlights {
  if (!text) return [];
  const ranges: Highlights = [];
  for (const m of text.matchAll(WORD)) {
    const folded = foldWords(m[0]).map((w) => ` ${w}`);
    if (terms.some((t) => folded.some((w) => (t.startsWith(' ') ? w.startsWith(t) : w.includes(t)))))
      ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}
