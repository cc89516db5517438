/** How far the context may reach on either side of a claim, so one run-on paragraph stays readable. */
const MAX_REACH = 400;

export interface SentenceContext {
  before: string;
  claim: string;
  after: string;
}

/**
 * The sentence (or sentences) around a claim's span: from the end of the previous sentence, or the
 * start of the line, to the end of the sentence the claim ends in.
 */
export function sentenceAround(text: string, start: number, end: number): SentenceContext {
  const lo = Math.max(0, Math.min(start, text.length));
  const hi = Math.max(lo, Math.min(end, text.length));
  let from = lo;
  while (from > 0 && lo - from < MAX_REACH) {
    const prev = text[from - 1] ?? '';
    if (prev === '\n') break;
    if (/\s/.test(prev) && /[.!?]["”’)]?$/.test(text.slice(Math.max(0, from - 3), from - 1))) break;
    from--;
  }
  let to = hi;
  while (to < text.length && to - hi < MAX_REACH) {
    const ch = text[to] ?? '';
    if (ch === '\n') break;
    to++;
    if (/[.!?]/.test(ch)) {
      while (to < text.length && /["”’)]/.test(text[to] ?? '')) to++;
      if (to >= text.length || /\s/.test(text[to] ?? '')) break;
    }
  }
  return { before: text.slice(from, lo).trimStart(), claim: text.slice(lo, hi), after: text.slice(hi, to).trimEnd() };
}
