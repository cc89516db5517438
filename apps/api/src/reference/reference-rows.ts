import type { Category, Qualifier, Side } from '@claimdesk/contracts';

/** One dated value read from a file, with the line it came from (for the report). */
export interface ReferenceRow {
  line: number;
  date: string;
  category: Category;
  subject: Side;
  value: number;
  qualifier: Qualifier;
}

export interface RowProblem {
  line: number;
  message: string;
}

export interface ReadReferenceResult {
  rows: ReferenceRow[];
  problems: RowProblem[];
  /** Fields or columns read and left out (no counterpart), with why. */
  skipped: string[];
}

/** A real calendar day as YYYY-MM-DD (2022-02-30 is refused). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/**
 * The line (1-based) on which each element of a top-level JSON array starts: JSON.parse keeps no
 * positions, and a bad record must be reported where an editor can find it.
 */
export function arrayElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectElement && ch !== undefined && !/\s/.test(ch) && ch !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) expectElement = true;
  }
  return lines;
}
