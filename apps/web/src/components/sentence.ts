/** How far the context may reach on either side of a claim, so one run-on paragraph stays readable. */
const MAX_REACH = 400;

export interface SentenceContext {
  before: string;
  claim: string;
  after: string;
  /** For a line of a list (the MoD loss reports), the line that opens the list, ending in ":". */
  lead?: string;
}

/** How many lines of a list may lie between an item and the line that opens the list. */
const MAX_LIST_LINES = 40;
const MAX_ITEM_LENGTH = 160;

/** The line ending in ":" that opens the list the line starting at lineStart belongs to, if any. */
function listLead(text: string, lineStart: number): string | undefined {
  let end = lineStart - 1;
  for (let n = 0; n < MAX_LIST_LINES && end >= 0; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (line.endsWith(':')) {
      const cut = line.length > MAX_REACH ? `…${line.slice(-MAX_REACH)}` : line;
      return cut;
    }
    // Only short items ending like list items (or blank lines) may sit between the item and its lead.
    if (line !== '' && (line.length > MAX_ITEM_LENGTH || !/[,;]$/.test(line))) return undefined;
    end = start - 1;
  }
  return undefined;
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
  const context = {
    before: text.slice(from, lo).trimStart(),
    claim: text.slice(lo, hi),
    after: text.slice(hi, to).trimEnd(),
  };
  // A one-line item says little alone ("tanks – 732 од,"): the line that opens its list says what it counts.
  const atLineStart = from === 0 || text[from - 1] === '\n';
  const lead = atLineStart && to - from <= MAX_ITEM_LENGTH ? listLead(text, from) : undefined;
  return lead ? { ...context, lead } : context;
}
