import type { Claim } from '@claimdesk/contracts';

export interface TextSegment {
  start: number;
  end: number;
  /** The statement claim whose content covers this piece, if any. */
  statement: Claim | null;
  /** The figure claim covering this piece, if any (figures sit inside statements). */
  figure: Claim | null;
}

/**
 * Cuts the article text into pieces that no claim boundary crosses, so nested highlights
 * (a figure inside a statement) render as flat spans. The innermost (shortest) claim wins.
 */
export function buildSegments(textLength: number, claims: Claim[]): TextSegment[] {
  const valid = claims.filter((c) => c.start >= 0 && c.end <= textLength && c.end > c.start && c.isFound);
  const points = new Set<number>([0, textLength]);
  for (const c of valid) {
    points.add(c.start);
    points.add(c.end);
  }
  const sorted = [...points].sort((a, b) => a - b);
  const innermost = (kind: Claim['kind'], start: number, end: number) => {
    let best: Claim | null = null;
    for (const c of valid) {
      if (c.kind !== kind || c.start > start || c.end < end) continue;
      if (!best || c.end - c.start < best.end - best.start) best = c;
    }
    return best;
  };
  const segments: TextSegment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i] ?? 0;
    const end = sorted[i + 1] ?? 0;
    if (end <= start) continue;
    const statement = innermost('statement', start, end);
    const figure = innermost('figure', start, end);
    const last = segments.at(-1);
    if (last && last.statement === statement && last.figure === figure) last.end = end;
    else segments.push({ start, end, statement, figure });
  }
  return segments;
}

export interface TextPiece {
  /** Offset of the piece within the text it was cut from. */
  offset: number;
  text: string;
  /** A run of line breaks (with the blanks around them): shown as plain text, never highlighted. */
  isBreak: boolean;
}

/**
 * Cuts a highlighted piece of text at its line breaks, so a claim that runs over a paragraph end
 * does not paint (or outline) the empty line between the paragraphs.
 */
export function splitAtLineBreaks(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  const breaks = /[ \t]*\n[\s]*/g;
  let last = 0;
  for (const match of text.matchAll(breaks)) {
    const at = match.index ?? 0;
    if (at > last) pieces.push({ offset: last, text: text.slice(last, at), isBreak: false });
    pieces.push({ offset: at, text: match[0], isBreak: true });
    last = at + match[0].length;
  }
  if (last < text.length) pieces.push({ offset: last, text: text.slice(last), isBreak: false });
  return pieces;
}
