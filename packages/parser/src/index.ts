import { canonicalAlias } from './alias-lexicon.ts';
import { findAttributions, type RawStatement } from './attribution.ts';
import { SourceResolver } from './canonical.ts';
import { sideOf as sideOfPhrase } from './side-lexicon.ts';
import { resolveAsOf, resolveSince } from './dates.ts';
import { findFigures } from './figures.ts';
import { parseByline, parseHeader } from './header.ts';
import { sideOf } from './lexicon.ts';
import { findQuotes } from './quotes.ts';
import { type Segment, splitParagraphs, splitSentences } from './segment.ts';
import { looksLikePersonName } from './noun-phrase.ts';
import { type ScorerWeights, scoreStatement, statementFeatures } from './statement-scorer.ts';
import { findTranscriptTurns } from './transcript.ts';
import type { Figure, ParseOptions, ParsedArticle, Statement } from './types.ts';

export type {
  Category,
  Figure,
  FigureKind,
  ParseOptions,
  ParsedArticle,
  Qualifier,
  Side,
  Span,
  Statement,
} from './types.ts';
export { CASUALTY_CATEGORIES, CATEGORIES, FIGURE_KINDS, QUALIFIERS, SIDES } from './types.ts';
/** Where the `date ... | Outlet:` header ends: the app shows the header as metadata, the text from here. */
export { parseHeader } from './header.ts';

export const PARSER_VERSION = '2.26.0';

/** The trained statement check the parser ships: null while it does not beat the rules on held-out folds. */
const SHIPPED_SCORER: ScorerWeights | null = null;

/** Outlets that publish in their own voice: a president's office, a ministry, a general staff. */
const OFFICIAL_OUTLET =
  /\b(President of|Ministry|Ministry of|General Staff|Government of|Office of|Kremlin|Cabinet)\b|\.gov\b|kremlin\.ru|mil\.gov/i;

/** "tanks ‒ 732 од", "personnel ‒ about 36350 (+150) persons were liquidated": one loss list line. */
const LOSS_LINE =
  /^[\s\u00a0•·*-]{0,4}([A-Za-zА-Яа-яІіЇїЄє][^‒–—\n]{1,80}?)\s*[‒–—-]\s*((?:about|approximately|approx\.?|близько|понад|over)\s+)?(\d[\d\s,]*)/;

/**
 * Parses one article's raw text into its header metadata, sourced statements and figures. Pure:
 * no I/O, no clock; never throws; every span satisfies raw.slice(start, end) === text.
 */
export function parseArticle(raw: string, options: ParseOptions = {}): ParsedArticle {
  const text = typeof raw === 'string' ? raw : '';
  try {
    return parse(text, options);
  } catch {
    // A parser bug must never take an import down: an article with no statements is still stored.
    const header = safeHeader(text);
    return {
      ...(options.file ? { file: options.file } : {}),
      parserVersion: PARSER_VERSION,
      ...header,
      byline: null,
      statements: [],
    };
  }
}

function safeHeader(text: string) {
  try {
    const h = parseHeader(text);
    return { publishedOn: h.publishedOn, dateline: h.dateline, outlet: h.outlet };
  } catch {
    return { publishedOn: null, dateline: [], outlet: null };
  }
}

function parse(raw: string, options: ParseOptions): ParsedArticle {
  const header = parseHeader(raw);
  const { byline, start: bylineStart } = parseByline(raw);
  const paragraphs = splitParagraphs(raw, header.bodyStart, bylineStart);
  const sentences: Segment[] = paragraphs.flatMap((p) => splitSentences(raw, p));
  const quotes = findQuotes(raw, paragraphs);
  // In a transcript each speaker's turn is one statement; attributions inside the turns are part of them.
  const turns = findTranscriptTurns(raw, paragraphs);
  const firstTurn = turns.reduce((min, t) => Math.min(min, t.sentence.start), Number.POSITIVE_INFINITY);
  const found = [
    ...turns,
    ...findAttributions(raw, sentences, quotes, paragraphs).filter((st) => st.content.start < firstTurn),
  ].sort((a, b) => a.content.start - b.content.start);
  // An outlet is a short name: the bound keeps the end-anchored pattern linear on a runaway header line.
  const institution =
    header.outlet
      ?.slice(0, 300)
      .replace(/\s*\([^)]*\)\s*$/, '')
      .trim() ?? null;
  const isOfficial = header.outlet !== null && OFFICIAL_OUTLET.test(header.outlet);
  const resolver = new SourceResolver(raw, {
    quotes,
    sources: found.flatMap((st) => (st.source ? [{ span: st.source, phrase: st.sourcePhrase }] : [])),
    defaultSide: isOfficial && institution ? sideOf(institution) : undefined,
  });
  const articleSince = resolveSince(raw.slice(0, Math.min(raw.length, 3000)), header.publishedOn);

  const statements: Array<Omit<Statement, 'id'>> = [];
  // Sources resolve in reading order, so a pronoun or a repeated role finds what was named before it.
  const byPosition = [...found].sort(
    (a, b) => (a.source?.start ?? a.content.start) - (b.source?.start ?? b.content.start),
  );
  const resolvedOf = new Map(
    byPosition.map((st) => [
      st,
      st.source
        ? resolver.resolve(st.source.text, st.sourcePhrase, st.source.start)
        : { canonical: null, side: 'unknown' as const },
    ]),
  );
  const scorer = options.statementScorer === undefined ? SHIPPED_SCORER : options.statementScorer;
  for (const st of found) {
    const resolved = resolvedOf.get(st) ?? { canonical: null, side: 'unknown' as const };
    const canonical = resolved.canonical === null ? null : canonicalAlias(resolved.canonical);
    // A name the alias lexicon knows under another spelling carries that name's side ("Olena Zelenskam").
    const aliasSide = canonical !== null && canonical !== resolved.canonical ? sideOfPhrase(canonical) : 'other';
    const side =
      (resolved.side === 'other' || resolved.side === 'unknown') && aliasSide !== 'other' ? aliasSide : resolved.side;
    const statement = toStatement(raw, st, canonical, side, header.publishedOn);
    // The trained check reviews what the cue rules found; transcript turns and official lines stand.
    if (scorer && statement.cue && scoreStatement(scorer, statementFeatures(statement, isOfficial)) < scorer.threshold)
      continue;
    statements.push(statement);
  }

  if (isOfficial && institution) {
    const side = sideOf(institution);
    const isLossReport =
      /\b(losses|liquidated|destroyed)\b/i.test(raw) &&
      paragraphs.filter((p) => LOSS_LINE.test(raw.slice(p.start, p.end))).length >= 3;
    const isApprox = /\bapproximately\b|\babout\b/i.test(
      raw.slice(
        header.bodyStart,
        paragraphs.find((p) => LOSS_LINE.test(raw.slice(p.start, p.end)))?.start ?? header.bodyStart,
      ),
    );
    // Covered: most of the sentence lies in a statement already (a transcript turn starts after its speaker label).
    // An attribution inside the sentence ("the President noted that ...") covers it too.
    // Only statements that intersect the sentence can cover it: found by binary search, so that a
    // long official text is not a scan of every statement per sentence.
    const intersecting = intervalIndex(
      statements.map((x) => ({ start: x.content.start, end: x.content.end, item: x })),
    );
    const insideQuote = intervalIndex(quotes.map((q) => ({ start: q.inner.start, end: q.close, item: q })));
    const covered = (s: Segment) =>
      intersecting(s).some(
        (x) =>
          Math.min(x.content.end, s.end) - Math.max(x.content.start, s.start) >=
          Math.min(s.end - s.start, x.content.end - x.content.start) * 0.6,
      );
    // Third-person write-ups ("Ilya Chukalin said ... The foundation received 110,000 initiatives."):
    // a cue-less sentence carries on a named person's report when that report is the last statement
    // before it in the paragraph (a quote or another speaker in between ends the report). Binary
    // search over the statements by content end keeps a long text linear.
    const byEnd = [...statements].sort((a, b) => a.content.end - b.content.end);
    let lastCarried: Omit<Statement, 'id'> | undefined;
    const reportBefore = (s: Segment, para: Segment) => {
      let lo = 0;
      let hi = byEnd.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((byEnd[mid]?.content.end ?? 0) <= s.start) lo = mid + 1;
        else hi = mid;
      }
      let last = byEnd[lo - 1];
      if (lastCarried && (!last || lastCarried.content.end > last.content.end)) last = lastCarried;
      if (!last || last.content.start < para.start || last.direct || !last.source) return undefined;
      // A person, or people reporting together ("Oleg Ustenko and Simon Johnson").
      const isPeople = (name: string) =>
        name.split(/,[\s\u00a0]+|[\s\u00a0]+and[\s\u00a0]+/).every(looksLikePersonName);
      return last.sourceCanonical && isPeople(last.sourceCanonical) ? last : undefined;
    };
    for (const p of paragraphs) {
      const line = raw.slice(p.start, p.end);
      const loss = isLossReport ? LOSS_LINE.exec(line) : null;
      if (loss) {
        let lineEnd = line.length;
        while (lineEnd > 0 && /[;.,]/.test(line[lineEnd - 1] ?? '')) lineEnd--;
        const content = { text: line.slice(0, lineEnd), start: p.start, end: p.start + lineEnd };
        const value = Number((loss[3] ?? '').replace(/[\s,]/g, ''));
        const figures = findFigures(raw, content.start, content.end, {
          sourceSide: side,
          since: articleSince ?? '2022-02-24',
          isLossList: true,
        });
        const fromLabel = categoryFromLabel(loss[1] ?? '');
        const category = fromLabel !== 'other' ? fromLabel : (figures[0]?.category ?? 'other');
        const figure: Figure = {
          text: content.text,
          start: content.start,
          end: content.end,
          value,
          qualifier: isApprox || loss[2] ? 'approx' : 'exact',
          category,
          unit: (loss[1] ?? '').trim(),
          subject: side === 'ukraine' ? 'russia' : side === 'russia' ? 'ukraine' : 'unknown',
          since: articleSince ?? '2022-02-24',
          kind: 'loss',
        };
        statements.push({
          source: null,
          sourceCanonical: institution,
          sourceSide: side,
          cue: null,
          content,
          direct: false,
          asOf: header.publishedOn,
          figures: [figure],
        });
        continue;
      }
      for (const s of splitSentences(raw, p)) {
        if (covered(s) || insideQuote(s).some((q) => q.inner.start <= s.start && q.close >= s.end)) continue;
        const figures = findFigures(raw, s.start, s.end, {
          sourceSide: side,
          since: resolveSince(raw.slice(s.start, s.end), header.publishedOn),
        });
        if (figures.length === 0) continue;
        const content = trimSentence(raw, s);
        const report = reportBefore(s, p);
        const carried: Omit<Statement, 'id'> = {
          source: report?.source ?? null,
          sourceCanonical: report?.sourceCanonical ?? institution,
          sourceSide: report?.sourceSide ?? side,
          cue: null,
          content,
          direct: false,
          asOf: resolveAsOf(raw.slice(s.start, s.end), header.publishedOn),
          figures,
        };
        statements.push(carried);
        if (report) lastCarried = carried;
      }
    }
  }

  statements.sort((a, b) => a.content.start - b.content.start || b.content.end - a.content.end);
  assignFiguresToInnermost(statements);
  return {
    ...(options.file ? { file: options.file } : {}),
    parserVersion: PARSER_VERSION,
    publishedOn: header.publishedOn,
    dateline: header.dateline,
    outlet: header.outlet,
    byline,
    statements: statements.map((s, i) => ({ id: `s${i + 1}`, ...s })),
  };
}

/**
 * The items whose [start, end) intersects a segment, for a fixed list of intervals: sorted by start
 * with a running maximum of ends, so a query walks back only over intervals that can reach it.
 */
function intervalIndex<T>(intervals: Array<{ start: number; end: number; item: T }>): (s: Segment) => T[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  for (const [i, x] of sorted.entries()) maxEnd.push(Math.max(x.end, maxEnd[i - 1] ?? Number.NEGATIVE_INFINITY));
  return (s: Segment) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid]?.start ?? 0) <= s.end) lo = mid + 1;
      else hi = mid;
    }
    const out: T[] = [];
    for (let i = lo - 1; i >= 0 && (maxEnd[i] ?? Number.NEGATIVE_INFINITY) >= s.start; i--) {
      const x = sorted[i];
      if (x && x.end >= s.start) out.push(x.item);
    }
    return out;
  };
}

function categoryFromLabel(label: string) {
  const text = `5 ${label.trim()}`;
  const figures = findFigures(text, 0, text.length, { sourceSide: 'ukraine', since: null, isLossList: true });
  return figures[0]?.category ?? 'other';
}

function trimSentence(raw: string, s: Segment) {
  let e = s.end;
  while (e > s.start && /[\s.]/.test(raw[e - 1] ?? '')) e--;
  return { text: raw.slice(s.start, e), start: s.start, end: e };
}

function toStatement(
  raw: string,
  st: RawStatement,
  canonical: string | null,
  side: Statement['sourceSide'],
  publishedOn: string | null,
): Omit<Statement, 'id'> {
  const sentenceText = raw.slice(st.sentence.start, st.sentence.end);
  // A running total's start may sit in the sentence before ("... since February 24. It added ...").
  // Bounded look-back: a paragraph can be a whole 1 MB line.
  const lead = raw.slice(Math.max(0, st.content.start - 1500), st.content.start);
  const paragraphStart = st.content.start - lead.length + lead.lastIndexOf('\n') + 1;
  const since =
    resolveSince(raw.slice(st.content.start, st.content.end), publishedOn) ??
    resolveSince(sentenceText, publishedOn) ??
    resolveSince(raw.slice(paragraphStart, st.content.end), publishedOn);
  return {
    source: st.source,
    sourceCanonical: canonical,
    sourceSide: side,
    cue: st.cue,
    content: { text: raw.slice(st.content.start, st.content.end), start: st.content.start, end: st.content.end },
    direct: st.direct,
    asOf: resolveAsOf(sentenceText, publishedOn),
    figures: findFigures(raw, st.content.start, st.content.end, { sourceSide: side, since }),
  };
}

/** Nested attribution: a figure belongs to the innermost statement whose content holds it. */
function assignFiguresToInnermost(statements: Array<Omit<Statement, 'id'>>): void {
  // Index the statements by where their figures start, so each figure meets only its few rivals
  // (comparing every pair of statements was quadratic on long inputs).
  const byFigureStart = new Map<number, Array<Omit<Statement, 'id'>>>();
  for (const s of statements) {
    for (const f of s.figures) {
      const list = byFigureStart.get(f.start);
      if (list) list.push(s);
      else byFigureStart.set(f.start, [s]);
    }
  }
  for (const outer of statements) {
    const outerLength = outer.content.end - outer.content.start;
    outer.figures = outer.figures.filter(
      (f) =>
        !(byFigureStart.get(f.start) ?? []).some(
          (inner) =>
            inner !== outer &&
            inner.content.start >= outer.content.start &&
            inner.content.end <= outer.content.end &&
            inner.content.end - inner.content.start < outerLength &&
            f.start >= inner.content.start &&
            f.end <= inner.content.end,
        ),
    );
  }
}
