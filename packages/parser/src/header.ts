export interface Header {
  publishedOn: string | null;
  dateline: string[];
  outlet: string | null;
  /** Offset where the body (the first paragraph after "Outlet:") starts. */
  bodyStart: number;
}

// Bounded quantifiers keep this linear on any input.
const HEADER =
  /^[\s\u200b\ufeff]{0,200}date[ \t\u00a0]{1,10}(\d{4}-\d{2}-\d{2})[ \t\u00a0]{0,10}([^|\n]{0,300})\|([^:\n]{0,200}):[ \t\u00a0]*/;

/** Reads `date YYYY-MM-DD <places> | <outlet>: <first paragraph>`; every part may be missing. */
export function parseHeader(raw: string): Header {
  const m = HEADER.exec(raw);
  if (!m) return { publishedOn: null, dateline: [], outlet: null, bodyStart: 0 };
  const dateline = (m[2] ?? '')
    .split('/')
    .map((p) => p.trim())
    .filter(Boolean);
  const outlet = (m[3] ?? '').trim() || null;
  return { publishedOn: m[1] ?? null, dateline, outlet, bodyStart: m[0].length };
}

const BYLINE = /^[ \t\u00a0]*(?:Posted By|Written By|By)[ \t\u00a0]*:?[ \t\u00a0]+([^\n]{1,200}?)[ \t\u00a0\r]*$/i;

/** A trailing "Posted By: ..." or "By ..." line: its name and the offset where the line starts. */
export function parseByline(raw: string): { byline: string | null; start: number } {
  let end = raw.length;
  while (end > 0 && /\s/.test(raw[end - 1] ?? '')) end--;
  const lineStart = raw.lastIndexOf('\n', end - 1) + 1;
  const line = raw.slice(lineStart, end);
  if (line.length > 220) return { byline: null, start: raw.length };
  const m = BYLINE.exec(line);
  return m?.[1] ? { byline: m[1].trim(), start: lineStart } : { byline: null, start: raw.length };
}
