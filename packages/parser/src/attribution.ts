import { CONTINUATION_CUES, CUE_VERBS, OBJECT_CUES, PRONOUNS } from './lexicon.ts';
import type { Quote } from './quotes.ts';
import type { Segment } from './segment.ts';
import { shortestSourceSpan } from './sources.ts';
import type { Span } from './types.ts';

export interface RawStatement {
  source: Span | null;
  /** The whole noun phrase the source was taken from (titles and roles included): it carries the side. */
  sourcePhrase: string;
  cue: Span | null;
  content: Segment;
  direct: boolean;
  sentence: Segment;
  /** Index of the statement this one continues (same source), for pronoun-free continuations. */
  continues?: number;
}

const cueAlternation = [...new Set(CUE_VERBS)].sort((a, b) => b.length - a.length).map((c) => c.replace(' ', '\\s+')).join('|');
const CUE_RE = new RegExp(`\\b(${cueAlternation}|according\\s+to)\\b`, 'gi');
const AUX_TAIL = /(?:\s+|^|(?=,))(?:has|have|had|also|reportedly|previously|earlier|later|would|will|then|again|separately|further|repeatedly|publicly|recently|has also|had also|once|on (?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)|last (?:week|month|night)|on \w+ \d{1,2}|in a statement|in an interview|in a tweet|,?\s*however,?|,?\s*meanwhile,?|,?\s*too,?)\s*$/i;
const BOUNDARY_WORDS = new Set([
  'that', 'and', 'but', 'while', 'as', 'which', 'who', 'whom', 'when', 'after', 'before', 'because', 'if', 'so', 'where', 'although',
  'though', 'than', 'what', 'whether', 'since', 'until', 'unless', 'then', 'also', 'or', 'nor', 'yet', 'has', 'have', 'had', 'is',
  'are', 'was', 'were', 'be', 'been', 'not', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'into', 'about', 'said', 'says',
  'could', 'would', 'will', 'can', 'may', 'might', 'should', 'must', 'did', 'does', 'do', 'it’s', "it's", 'there', 'here',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'many', 'some', 'several', 'other', 'two', 'three', 'one']);
const CLAUSE_START_PREPOSITION = /^(in|on|at|during|after|before|by|to|as|from|with|via|through|for|of|later|earlier|yesterday|today|tonight)\b/i;

function isInside(pos: number, quotes: Quote[]): Quote | undefined {
  return quotes.find((q) => pos >= q.open && pos < q.close);
}

/** The noun phrase right before `cueStart` inside the sentence: the source of "X said ...". */
export function sourceBefore(raw: string, sentenceStart: number, cueStart: number): { span: Span; phrase: string } | null {
  let text = raw.slice(sentenceStart, cueStart);
  // Drop auxiliaries and adverbials between the source and the cue ("has also", "on Sunday", ", however,").
  for (let guard = 0; guard < 4; guard++) {
    const m = AUX_TAIL.exec(text);
    if (!m || m[0].length === 0) break;
    text = text.slice(0, m.index);
  }
  text = text.replace(/[\s\u00a0]+$/, '');
  const end = sentenceStart + text.length;
  const tokens = [...text.matchAll(/[^\s\u00a0]+/g)];
  let k = tokens.length;
  let taken = 0;
  while (k > 0 && taken < 8) {
    const tok = tokens[k - 1]?.[0] ?? '';
    if (/[,;:“”"()—–]$/.test(tok) || /^[“"(]/.test(tok) && taken > 0) {
      if (/^[“"(]/.test(tok) && !/[,;:“”"()—–]$/.test(tok)) {
        // an opening mark glued to the first word of the phrase: stop before it
      }
      break;
    }
    const bare = tok.replace(/[’']s$/, '').toLowerCase();
    if (BOUNDARY_WORDS.has(bare) && !(taken === 0 && PRONOUNS.has(tok))) break;
    k--;
    taken++;
  }
  if (taken === 0) return null;
  const first = tokens[k];
  if (!first) return null;
  let start = sentenceStart + (first.index ?? 0);
  while (/[“"(‘]/.test(raw[start] ?? '')) start++;
  const phrase = raw.slice(start, end);
  if (!phrase || /^\d/.test(phrase)) return null;
  const words = phrase.split(/\s+/);
  const head = words.at(-1) ?? '';
  const isPronoun = words.length === 1 && PRONOUNS.has(head);
  const hasCapital = words.some((w) => /^[A-ZÀ-ÖØ-ÞА-Я]/.test(w));
  const startsWithDeterminer = DETERMINERS.has((words[0] ?? '').toLowerCase());
  const isPluralNoun = words.length <= 3 && /^[a-z][a-z-]+s$/.test(head) && !/(ss|ous|is|us)$/.test(head);
  if (!isPronoun && !hasCapital && !startsWithDeterminer && !isPluralNoun) return null;
  if (/^(it|this|that|there|which|what)$/i.test(phrase) && !isPronoun) return null;
  const shortest = shortestSourceSpan(phrase);
  const sStart = start + shortest.offset;
  return { span: { text: raw.slice(sStart, sStart + shortest.length), start: sStart, end: sStart + shortest.length }, phrase };
}

/** The noun phrase right after a cue ("..., said Andrew Amoils, the head of ..."). */
export function sourceAfter(raw: string, from: number, limit: number): { span: Span; phrase: string } | null {
  const m = /^[\s\u00a0]*((?:the\s+|a\s+|an\s+)?(?:[A-ZÀ-ÖØ-Þ][\p{L}’'.&-]*|[a-z][\p{L}’'-]*)(?:[\s\u00a0]+(?:of\s+the\s+|of\s+|for\s+)?[A-ZÀ-ÖØ-Þ&][\p{L}’'.&-]*){0,6})/u.exec(raw.slice(from, limit));
  if (!m?.[1]) return null;
  let phrase = m[1].replace(/[.,]$/, '');
  // Lower-case start only for pronouns ("said he") or role nouns ("said officials").
  if (/^[a-z]/.test(phrase) && !/^(he|she|they|it|officials|residents|analysts|experts|witnesses|sources|police|authorities)$/.test(phrase.split(/\s+/)[0] ?? '')) {
    if (!/^(the|a|an)\s/.test(phrase)) return null;
  }
  const firstWord = phrase.split(/\s+/)[0] ?? '';
  if (/^(in|on|at|by|to|that|this|last|earlier|later|during)$/i.test(firstWord)) return null;
  phrase = phrase.replace(/\s+(on|in|at|to)$/i, '');
  const start = from + (m[0].length - m[1].length);
  const shortest = shortestSourceSpan(phrase);
  const sStart = start + shortest.offset;
  return { span: { text: raw.slice(sStart, sStart + shortest.length), start: sStart, end: sStart + shortest.length }, phrase };
}

function trimContent(raw: string, start: number, end: number): Segment | null {
  let s = start;
  let e = end;
  while (s < e && /[\s\u00a0,:;—–-]/.test(raw[s] ?? '')) s++;
  while (e > s && /[\s\u00a0.,;:!?—–-]/.test(raw[e - 1] ?? '')) e--;
  if (/^that\s/i.test(raw.slice(s, e))) s += 5;
  while (s < e && /[\s\u00a0]/.test(raw[s] ?? '')) s++;
  return e - s >= 3 ? { start: s, end: e } : null;
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * Reported speech and quotations in the body. Quotes take their speaker from a cue next to them,
 * or from the statement before them; reported speech takes its source from the noun phrase before
 * the cue ("X said ..."), after it ("..., said X") or after "according to".
 */
export function findAttributions(raw: string, sentences: Segment[], quotes: Quote[]): RawStatement[] {
  const statements: RawStatement[] = [];
  const usedCues = new Set<number>();
  const quoteStatements = new Map<Quote, RawStatement>();
  const consumedQuotes = new Set<Quote>();
  const sentenceOf = (pos: number) => sentences.find((s) => pos >= s.start && pos < s.end) ?? { start: pos, end: pos };

  // 1. Quotations with a cue beside them.
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi];
    if (!q || consumedQuotes.has(q)) continue;
    const innerText = raw.slice(q.inner.start, q.inner.end);
    const isSubstantial = wordCount(innerText) >= 5 || /[.!?]\s+\S/.test(innerText) || /[.!?]$/.test(innerText) && wordCount(innerText) >= 3;
    if (!isSubstantial) continue;
    const para = sentenceOf(q.open);
    let source: { span: Span; phrase: string } | null = null;
    let cue: Span | null = null;
    let contentEnd = q.inner.end;
    // After the quote: `," he said.` / `," said X.` / `," X said.`
    const afterText = raw.slice(q.close, Math.min(raw.length, q.close + 160));
    const after = /^[\s\u00a0]*,?[\s\u00a0]*/.exec(afterText);
    const at = q.close + (after?.[0].length ?? 0);
    CUE_RE.lastIndex = 0;
    const lineEnd = raw.indexOf('\n', q.close) === -1 ? raw.length : raw.indexOf('\n', q.close);
    const window = raw.slice(at, Math.min(lineEnd, at + 120));
    const cueFirst = new RegExp(`^(${cueAlternation})\\b`, 'i').exec(window);
    if (cueFirst) {
      cue = { text: cueFirst[0], start: at, end: at + cueFirst[0].length };
      source = sourceAfter(raw, cue.end, Math.min(lineEnd, cue.end + 120));
    } else {
      const np = /^((?:[A-Z][\p{L}’'.-]*[\s\u00a0]+){0,5}[A-Z][\p{L}’'.-]*|he|she|they|it|officials)[\s\u00a0]+(?:has[\s\u00a0]+|had[\s\u00a0]+|also[\s\u00a0]+)?/u.exec(window);
      if (np) {
        const rest = window.slice(np[0].length);
        const c = new RegExp(`^(${cueAlternation})\\b`, 'i').exec(rest);
        if (c) {
          const npText = (np[1] ?? '').trim();
          const shortest = shortestSourceSpan(npText);
          source = { span: { text: npText.slice(shortest.offset, shortest.offset + shortest.length), start: at + shortest.offset, end: at + shortest.offset + shortest.length }, phrase: npText };
          cue = { text: c[0], start: at + np[0].length, end: at + np[0].length + c[0].length };
        }
      }
    }
    // Before the quote: `X said: "` / `X said, "`.
    if (!cue) {
      const lineStart = raw.lastIndexOf('\n', q.open - 1) + 1;
      const before = raw.slice(Math.max(lineStart, q.open - 200), q.open);
      const m = new RegExp(`(${cueAlternation})[\\s\\u00a0]*[:,]?[\\s\\u00a0]*$`, 'i').exec(before);
      if (m) {
        const cueStart = q.open - before.length + m.index;
        cue = { text: m[1] ?? '', start: cueStart, end: cueStart + (m[1] ?? '').length };
        source = sourceBefore(raw, Math.max(lineStart, sentenceOf(cueStart).start), cueStart);
        if (!source) cue = null;
      }
    }
    // A quote split by its cue: `"A," he said. "B."` is one statement.
    if (cue && cue.start > q.close) {
      const next = quotes[qi + 1];
      if (next && next.open > cue.end && next.open - cue.end < 80 && /^[^“"]*?[.,:][\s\u00a0]*$/.test(raw.slice(cue.end, next.open)) && raw.slice(cue.end, next.open).indexOf('\n') === -1) {
        const nextText = raw.slice(next.inner.start, next.inner.end);
        if (wordCount(nextText) >= 2) {
          contentEnd = next.inner.end;
          consumedQuotes.add(next);
        }
      }
    }
    if (cue) usedCues.add(cue.start);
    const statement: RawStatement = {
      source: source?.span ?? null,
      sourcePhrase: source?.phrase ?? '',
      cue,
      content: { start: q.inner.start, end: contentEnd },
      direct: true,
      sentence: para,
    };
    if (cue && source) {
      statements.push(statement);
      quoteStatements.set(q, statement);
    } else {
      // Speaker in a neighbouring sentence: filled in below from the statement before it.
      quoteStatements.set(q, statement);
    }
  }

  // 2. Reported speech.
  for (const sentence of sentences) {
    const text = raw.slice(sentence.start, sentence.end);
    CUE_RE.lastIndex = 0;
    const found: RawStatement[] = [];
    for (let m = CUE_RE.exec(text); m; m = CUE_RE.exec(text)) {
      const cueStart = sentence.start + m.index;
      const cueEnd = cueStart + m[0].length;
      if (usedCues.has(cueStart) || isInside(cueStart, quotes)) continue;
      const word = m[0].toLowerCase().replace(/\s+/g, ' ');
      // "according to X, content" / "content, according to X"
      if (word === 'according to') {
        const src = sourceAfter(raw, cueEnd, sentence.end);
        if (!src) continue;
        const afterSrc = raw.slice(src.span.end, sentence.end);
        const comma = afterSrc.indexOf(',');
        const beforeText = raw.slice(sentence.start, cueStart);
        const content = beforeText.trim().length > 15
          ? trimContent(raw, sentence.start, cueStart)
          : comma >= 0 ? trimContent(raw, src.span.end + comma + 1, sentence.end) : null;
        if (!content) continue;
        found.push({ source: src.span, sourcePhrase: src.phrase, cue: { text: m[0], start: cueStart, end: cueEnd }, content, direct: false, sentence });
        continue;
      }
      const rest = raw.slice(cueEnd, sentence.end);
      if (/^[\s\u00a0]*[:,]?[\s\u00a0]*[“"]/.test(rest) && isInside(cueEnd + rest.search(/[“"]/), quotes)) continue;
      let source = CONTINUATION_CUES.has(word) ? null : sourceBefore(raw, sentence.start, cueStart);
      let contentStart = cueEnd;
      let contentEnd = sentence.end;
      if (CONTINUATION_CUES.has(word)) {
        const prev = found.at(-1) ?? statements.filter((s) => s.sentence === sentence).at(-1);
        if (!prev || !/,\s*$/.test(raw.slice(Math.max(sentence.start, cueStart - 3), cueStart))) continue;
        source = prev.source ? { span: prev.source, phrase: prev.sourcePhrase } : null;
        if (!source) continue;
        if (prev.content.end > cueStart - 2) prev.content = trimContent(raw, prev.content.start, cueStart) ?? prev.content;
      }
      if (OBJECT_CUES.has(word)) {
        const obj = /^[\s\u00a0]+((?:the\s+|a\s+)?[\p{L}’'-]+(?:\s+[A-Z][\p{L}’'-]+){0,3})(?=[\s\u00a0]+that\b|,)/u.exec(rest);
        if (obj) contentStart = cueEnd + obj[0].length;
      }
      const thatAhead = /^[^,.;“”"]{0,60}?\bthat\b/.exec(raw.slice(contentStart, sentence.end));
      if (thatAhead && CLAUSE_START_PREPOSITION.test(raw.slice(contentStart, sentence.end).trim())) contentStart += thatAhead[0].length;
      if (source) {
        const content = trimContent(raw, contentStart, contentEnd);
        if (!content || wordCount(raw.slice(content.start, content.end)) < 3) continue;
        if (CLAUSE_START_PREPOSITION.test(raw.slice(content.start, content.end)) && !/,/.test(raw.slice(content.start, content.end))) continue;
        found.push({ source: source.span, sourcePhrase: source.phrase, cue: { text: m[0], start: cueStart, end: cueEnd }, content, direct: false, sentence });
        continue;
      }
      // "content, X said." / "content, said X."
      const tail = raw.slice(cueEnd, sentence.end);
      const beforeCue = raw.slice(sentence.start, cueStart);
      const commaNp = /,[\s\u00a0]*([^,]{1,80})$/.exec(beforeCue);
      if (commaNp && /^[\s\u00a0]*[.!?]?[\s\u00a0]*[”"]?$/.test(tail)) {
        const np = sourceBefore(raw, cueStart - (commaNp[1]?.length ?? 0) - 1, cueStart);
        if (np) {
          const content = trimContent(raw, sentence.start, cueStart - (commaNp[0].length));
          if (content && !isInside(content.start, quotes)) found.push({ source: np.span, sourcePhrase: np.phrase, cue: { text: m[0], start: cueStart, end: cueEnd }, content, direct: false, sentence });
        }
        continue;
      }
      const cueThenNp = /,[\s\u00a0]*$/.test(beforeCue) ? sourceAfter(raw, cueEnd, sentence.end) : null;
      if (cueThenNp) {
        const content = trimContent(raw, sentence.start, cueStart);
        if (content && !isInside(content.start, quotes)) found.push({ source: cueThenNp.span, sourcePhrase: cueThenNp.phrase, cue: { text: m[0], start: cueStart, end: cueEnd }, content, direct: false, sentence });
      }
    }
    // A later statement in the same sentence ends the content of the one before it.
    found.sort((a, b) => a.content.start - b.content.start);
    for (let i = 0; i + 1 < found.length; i++) {
      const a = found[i];
      const b = found[i + 1];
      if (!a || !b || !b.source) continue;
      const cut = Math.min(b.source.start, b.cue?.start ?? b.source.start);
      if (a.content.end > cut && a.content.start < cut) {
        const text = raw.slice(a.content.start, cut).replace(/[\s,]*(but|and|while|however|though)?[\s,]*$/i, '');
        const trimmed = trimContent(raw, a.content.start, a.content.start + text.length);
        if (trimmed) a.content = trimmed;
      }
    }
    statements.push(...found);
  }

  // 3. Quotes without a cue of their own: the speaker of the statement just before them.
  statements.sort((a, b) => a.content.start - b.content.start);
  for (const [q, st] of quoteStatements) {
    if (st.cue || consumedQuotes.has(q)) continue;
    if (statements.some((s) => s.content.start <= q.inner.start && s.content.end >= q.inner.end)) continue;
    const prev = [...statements].reverse().find((s) => s.content.end <= q.open && q.open - s.content.end < 600);
    if (!prev?.source) continue;
    statements.push({ ...st, source: prev.source, sourcePhrase: prev.sourcePhrase, cue: null });
    statements.sort((a, b) => a.content.start - b.content.start);
  }
  return statements;
}
