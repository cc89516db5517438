import type { Segment } from './segment.ts';

export interface Quote {
  /** Offset of the opening quotation mark. */
  open: number;
  /** Offset just after the closing quotation mark (or the paragraph end when it never closes). */
  close: number;
  /** The quoted text, without the marks. */
  inner: Segment;
}

/** A photo caption line: "... Photograph: Olga Maltseva/AFP/Getty Images". */
const CAPTION = /\b(?:Photograph|Photo|Photos|Illustration|Image|Composite|Video still)[:：][ \t]*\S[^\n]{0,120}$/;
const OPENERS = new Set(['“', '"', '«', '„']);

/**
 * Quotations per paragraph: “curly”, "straight" (paired in order), «guillemets». A paragraph whose
 * quote never closes runs on into the next paragraph that opens with a quotation mark, as in
 * newspaper style for quotes over several paragraphs.
 */
export function findQuotes(raw: string, paragraphs: Segment[]): Quote[] {
  const quotes: Quote[] = [];
  let carry: { open: number; innerStart: number } | null = null;
  let prevEnd = 0;
  for (const para of paragraphs) {
    const lastEnd = prevEnd;
    // A photo caption set between the paragraphs of a quote does not end it.
    if (carry && CAPTION.test(raw.slice(para.start, Math.min(para.end, para.start + 400)))) continue;
    prevEnd = para.end;
    let open: number | null = null;
    let innerStart = 0;
    let opener = '';
    const isDoubled = raw.startsWith("''", para.start);
    if (carry && (OPENERS.has(raw[para.start] ?? '') || isDoubled)) {
      // Continuation paragraph: the quote from the previous paragraph goes on.
      open = carry.open;
      innerStart = carry.innerStart;
      opener = isDoubled ? "''" : (raw[para.start] ?? '');
      carry = null;
      const restart = para.start + (isDoubled ? 2 : 1);
      const result = scan(raw, restart, para.end, open, innerStart, opener, quotes);
      if (result) carry = result;
      continue;
    }
    if (carry) {
      // A quote left open that the next paragraph does not continue ends with its own paragraph.
      quotes.push({ open: carry.open, close: lastEnd, inner: trimInner(raw, carry.innerStart, lastEnd) });
    }
    carry = null;
    const result = scan(raw, para.start, para.end, open, innerStart, opener, quotes);
    if (result) carry = result;
  }
  if (carry) {
    // Never closed: end at the last paragraph that carried it.
    const lastPara = paragraphs.filter((p) => p.start >= carry.innerStart || p.end > carry.innerStart).at(-1);
    if (lastPara)
      quotes.push({ open: carry.open, close: lastPara.end, inner: trimInner(raw, carry.innerStart, lastPara.end) });
  }
  return quotes;
}

function scan(
  raw: string,
  from: number,
  to: number,
  openAt: number | null,
  innerStartAt: number,
  openerAt: string,
  quotes: Quote[],
): { open: number; innerStart: number } | null {
  let open = openAt;
  let innerStart = innerStartAt;
  let opener = openerAt;
  for (let i = from; i < to; i++) {
    const c = raw[i] ?? '';
    // Two apostrophes stand for a double quotation mark in some archives (''This isn't reform,'' he said).
    const isDoubled = c === "'" && raw[i + 1] === "'";
    // Two typographic single marks stand for a double one too (‘‘In China’s dictionary ...,” he said).
    const isDoubledCurly = c === '‘' && raw[i + 1] === '‘';
    if (open === null) {
      if (isDoubledCurly && /\S/.test(raw[i + 2] ?? ' ')) {
        open = i;
        innerStart = i + 2;
        opener = '‘‘';
        i++;
      } else if (c === '“' || c === '«' || c === '„' || (c === '"' && isOpeningStraight(raw, i))) {
        open = i;
        innerStart = i + 1;
        opener = c;
      } else if (isDoubled && isOpeningStraight(raw, i) && /\S/.test(raw[i + 2] ?? ' ')) {
        open = i;
        innerStart = i + 2;
        opener = "''";
        i++;
      }
      continue;
    }
    if (opener === "''") {
      if (isDoubled) {
        quotes.push({ open, close: i + 2, inner: trimInner(raw, innerStart, i) });
        open = null;
        i++;
      }
      continue;
    }
    if (opener === '‘‘') {
      // Closed by a double mark or by two typographic single marks (’’).
      if (c === '”' || c === '"') {
        quotes.push({ open, close: i + 1, inner: trimInner(raw, innerStart, i) });
        open = null;
      } else if (c === '’' && raw[i + 1] === '’') {
        quotes.push({ open, close: i + 2, inner: trimInner(raw, innerStart, i) });
        open = null;
        i++;
      }
      continue;
    }
    const closes = opener === '«' ? c === '»' : c === '”' || c === '"' || (opener === '„' && c === '“');
    if (closes) {
      quotes.push({ open, close: i + 1, inner: trimInner(raw, innerStart, i) });
      open = null;
    }
  }
  return open === null ? null : { open, innerStart };
}

function isOpeningStraight(raw: string, i: number): boolean {
  const before = raw[i - 1] ?? ' ';
  return i === 0 || /[\s([—–-]/.test(before) || before === '\u00a0';
}

/** Quoted text without surrounding space and a trailing comma (the comma belongs to the sentence). */
function trimInner(raw: string, start: number, end: number): Segment {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(raw[s] ?? '')) s++;
  while (e > s && /[\s,]/.test(raw[e - 1] ?? '')) e--;
  return { start: s, end: e };
}
