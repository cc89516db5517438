import { canonicalAlias } from './alias-lexicon.ts';
import type { ParsedArticle, Statement } from './types.ts';

/** Gold annotations share the claim-format shape; ids and some fields may be absent. */
export type GoldArticle = Pick<ParsedArticle, 'statements'> & Partial<ParsedArticle>;

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  statements: Counts & { source: [number, number]; side: [number, number]; direct: [number, number] };
  /** spanExact: matched figures whose start and end equal the gold figure's (exact-span true positives). */
  figures: Counts & {
    category: [number, number];
    subject: [number, number];
    qualifier: [number, number];
    spanExact: number;
  };
}

export function emptyScores(): Scores {
  return {
    statements: { tp: 0, fp: 0, fn: 0, source: [0, 0], side: [0, 0], direct: [0, 0] },
    figures: { tp: 0, fp: 0, fn: 0, category: [0, 0], subject: [0, 0], qualifier: [0, 0], spanExact: 0 },
  };
}

export function iou(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union > 0 ? inter / union : 0;
}

const norm = (s: string | null | undefined) =>
  (s ?? '')
    .toLowerCase()
    .replace(/^(the|a|an)\s+/, '')
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Canonical names agree when equal, or when one holds the other's surname or head noun. */
export function sameSource(a: string | null, b: string | null): boolean {
  // Spellings of one person or body ("Zelenskiy", "Zelenskyy") are one source: the alias lexicon says so.
  const x = norm(a === null ? null : canonicalAlias(a));
  const y = norm(b === null ? null : canonicalAlias(b));
  if (!x || !y) return x === y;
  if (x === y) return true;
  const lastX = x.split(' ').at(-1) ?? '';
  const lastY = y.split(' ').at(-1) ?? '';
  return y.split(' ').includes(lastX) || x.split(' ').includes(lastY);
}

/** One-to-one matching, best overlap first. */
export function matchPairs<T, U>(
  pred: T[],
  gold: U[],
  score: (p: T, g: U) => number,
  threshold: number,
): Array<[T, U]> {
  const candidates: Array<[number, number, number]> = [];
  for (const [i, p] of pred.entries()) {
    for (const [j, g] of gold.entries()) {
      const s = score(p, g);
      if (s >= threshold) candidates.push([s, i, j]);
    }
  }
  candidates.sort((a, b) => b[0] - a[0]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const pairs: Array<[T, U]> = [];
  for (const [, i, j] of candidates) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    pairs.push([pred[i] as T, gold[j] as U]);
  }
  return pairs;
}

export function scoreArticle(pred: ParsedArticle, gold: GoldArticle, into: Scores = emptyScores()): Scores {
  const pairs = matchPairs<Statement, GoldArticle['statements'][number]>(
    pred.statements,
    gold.statements,
    (p, g) => iou(p.content, g.content),
    0.5,
  );
  const st = into.statements;
  st.tp += pairs.length;
  st.fp += pred.statements.length - pairs.length;
  st.fn += gold.statements.length - pairs.length;
  for (const [p, g] of pairs) {
    st.source[1]++;
    if (sameSource(p.sourceCanonical, g.sourceCanonical)) st.source[0]++;
    if (g.sourceSide !== undefined) {
      st.side[1]++;
      if (p.sourceSide === g.sourceSide) st.side[0]++;
    }
    st.direct[1]++;
    if (p.direct === g.direct) st.direct[0]++;
  }
  const predFigures = pred.statements.flatMap((s) => s.figures ?? []);
  const goldFigures = gold.statements.flatMap((s) => s.figures ?? []);
  const figPairs = matchPairs(
    predFigures,
    goldFigures,
    (p, g) => (p.value === g.value && Math.min(p.end, g.end) > Math.max(p.start, g.start) ? iou(p, g) + 1 : 0),
    1,
  );
  const fg = into.figures;
  fg.tp += figPairs.length;
  fg.fp += predFigures.length - figPairs.length;
  fg.fn += goldFigures.length - figPairs.length;
  for (const [p, g] of figPairs) {
    fg.category[1]++;
    if (p.category === g.category) fg.category[0]++;
    fg.subject[1]++;
    if (p.subject === g.subject) fg.subject[0]++;
    fg.qualifier[1]++;
    if (p.qualifier === g.qualifier) fg.qualifier[0]++;
    if (p.start === g.start && p.end === g.end) fg.spanExact++;
  }
  return into;
}

export function prf({ tp, fp, fn }: Counts): { p: number; r: number; f1: number } {
  const p = tp + fp > 0 ? tp / (tp + fp) : 0;
  const r = tp + fn > 0 ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

/** P/R/F1 counting only figures whose span equals the gold span exactly as correct. */
export function exactSpanPrf(f: Scores['figures']): { p: number; r: number; f1: number } {
  return prf({ tp: f.spanExact, fp: f.tp + f.fp - f.spanExact, fn: f.tp + f.fn - f.spanExact });
}

/** Adds one score record into another (fold and outlet totals). */
export function addScores(into: Scores, s: Scores): Scores {
  const a = into.statements;
  const b = s.statements;
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
  for (const k of ['source', 'side', 'direct'] as const) {
    a[k][0] += b[k][0];
    a[k][1] += b[k][1];
  }
  const c = into.figures;
  const d = s.figures;
  c.tp += d.tp;
  c.fp += d.fp;
  c.fn += d.fn;
  c.spanExact += d.spanExact;
  for (const k of ['category', 'subject', 'qualifier'] as const) {
    c[k][0] += d[k][0];
    c[k][1] += d[k][1];
  }
  return into;
}

export const ratio = ([ok, n]: [number, number]) => (n > 0 ? ok / n : Number.NaN);

/** What went wrong on one article: unmatched statements and figures, and wrong attributes on matches. */
export interface ArticleDiff {
  missedStatements: GoldArticle['statements'];
  extraStatements: Statement[];
  wrongStatements: Array<{ pred: Statement; gold: GoldArticle['statements'][number]; fields: string[] }>;
  missedFigures: Array<Statement['figures'][number]>;
  extraFigures: Array<Statement['figures'][number]>;
  wrongFigures: Array<{ pred: Statement['figures'][number]; gold: Statement['figures'][number]; fields: string[] }>;
}

export function diffArticle(pred: ParsedArticle, gold: GoldArticle): ArticleDiff {
  const pairs = matchPairs<Statement, GoldArticle['statements'][number]>(
    pred.statements,
    gold.statements,
    (p, g) => iou(p.content, g.content),
    0.5,
  );
  const matchedP = new Set(pairs.map(([p]) => p));
  const matchedG = new Set(pairs.map(([, g]) => g));
  const wrongStatements: ArticleDiff['wrongStatements'] = [];
  for (const [p, g] of pairs) {
    const fields: string[] = [];
    if (!sameSource(p.sourceCanonical, g.sourceCanonical)) fields.push('source');
    if (g.sourceSide !== undefined && p.sourceSide !== g.sourceSide) fields.push('side');
    if (p.direct !== g.direct) fields.push('direct');
    if (fields.length) wrongStatements.push({ pred: p, gold: g, fields });
  }
  const predFigures = pred.statements.flatMap((s) => s.figures ?? []);
  const goldFigures = gold.statements.flatMap((s) => s.figures ?? []);
  const figPairs = matchPairs(
    predFigures,
    goldFigures,
    (p, g) => (p.value === g.value && Math.min(p.end, g.end) > Math.max(p.start, g.start) ? iou(p, g) + 1 : 0),
    1,
  );
  const fp = new Set(figPairs.map(([p]) => p));
  const fg = new Set(figPairs.map(([, g]) => g));
  const wrongFigures: ArticleDiff['wrongFigures'] = [];
  for (const [p, g] of figPairs) {
    const fields = (['category', 'subject', 'qualifier'] as const).filter((k) => p[k] !== g[k]);
    if (fields.length) wrongFigures.push({ pred: p, gold: g, fields: [...fields] });
  }
  return {
    missedStatements: gold.statements.filter((g) => !matchedG.has(g)),
    extraStatements: pred.statements.filter((p) => !matchedP.has(p)),
    wrongStatements,
    missedFigures: goldFigures.filter((g) => !fg.has(g)),
    extraFigures: predFigures.filter((p) => !fp.has(p)),
    wrongFigures,
  };
}
