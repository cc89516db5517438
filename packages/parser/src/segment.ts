import { wordList } from './word-list.ts';

export interface Segment {
  start: number;
  end: number;
}

/** Lines with text, trimmed of surrounding white space (CR included). */
export function splitParagraphs(raw: string, from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let i = from;
  while (i < to) {
    let j = raw.indexOf('\n', i);
    if (j === -1 || j > to) j = to;
    let s = i;
    let e = j;
    while (s < e && isSpace(raw.charCodeAt(s))) s++;
    while (e > s && isSpace(raw.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
    i = j + 1;
  }
  return out;
}

export function isSpace(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 10 ||
    code === 13 ||
    code === 0xa0 ||
    code === 0x200b ||
    code === 0x2009 ||
    code === 0x202f ||
    code === 0xfeff
  );
}

/** Words whose final dot does not end a sentence. */
const ABBREVIATIONS = new Set(
  wordList(`
    mr, mrs, ms, dr, prof, gen, lt, col, sgt, st, jr, sr, no, vs, etc, u.s, u.k, u.n, e.g, i.e, jan, feb, mar, apr, aug, sept, sep, oct, nov, dec, gov, sen, rep, j, a, d
  `),
);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']']);

/**
 * Sentences inside one paragraph. A sentence ends at . ! ? (or …) followed by white space and an
 * upper-case letter, digit or opening quote, unless the word before is an abbreviation or initial.
 */
export function splitSentences(raw: string, para: Segment): Segment[] {
  const out: Segment[] = [];
  let start = para.start;
  for (let i = para.start; i < para.end; i++) {
    const c = raw[i];
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    let end = i + 1;
    while (end < para.end && (raw[end] === '.' || CLOSERS.has(raw[end] ?? ''))) end++;
    let next = end;
    while (next < para.end && isSpace(raw.charCodeAt(next))) next++;
    if (next === end || next >= para.end) continue;
    const nc = raw[next] ?? '';
    if (!/[A-Z0-9"“‘'([А-ЯІЇЄ]/.test(nc)) continue;
    if (c === '.') {
      let w = i;
      while (w > start && /[A-Za-z.]/.test(raw[w - 1] ?? '')) w--;
      const word = raw.slice(w, i).toLowerCase();
      if (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word)) continue;
    }
    out.push({ start, end });
    start = next;
    i = next - 1;
  }
  if (start < para.end) out.push({ start, end: para.end });
  return out.some((s) => s.end - s.start > MAX_SENTENCE) ? out.flatMap((s) => capLength(raw, s)) : out;
}

/**
 * No real sentence is this long; text without punctuation (a 1 MB line) is cut into pieces of at
 * most this size at a space, so that the per-sentence work around every cue stays linear overall.
 */
export const MAX_SENTENCE = 2000;

function capLength(raw: string, s: Segment): Segment[] {
  if (s.end - s.start <= MAX_SENTENCE) return [s];
  const pieces: Segment[] = [];
  let start = s.start;
  while (s.end - start > MAX_SENTENCE) {
    let cut = start + MAX_SENTENCE;
    const floor = start + MAX_SENTENCE / 2;
    while (cut > floor && !isSpace(raw.charCodeAt(cut))) cut--;
    if (cut <= floor) cut = start + MAX_SENTENCE;
    let end = cut;
    while (end > start && isSpace(raw.charCodeAt(end - 1))) end--;
    if (end > start) pieces.push({ start, end });
    start = cut;
    while (start < s.end && isSpace(raw.charCodeAt(start))) start++;
  }
  if (start < s.end) pieces.push({ start, end: s.end });
  return pieces;
}
