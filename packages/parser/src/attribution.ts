import {
  BELIEF_CUES,
  CONTINUATION_CUES,
  CUE_VERBS,
  DOCUMENT_CUES,
  DOCUMENT_NOUNS,
  INFINITIVE_CUES,
  INTENTION_CUES,
  INVERTING_CUES,
  JUDGEMENT_CUES,
  OBJECT_CUES,
  THAT_CLAUSE_CUES,
  normaliseCue,
} from './cue-lexicon.ts';
import {
  PRONOUN_SOURCES,
  type SourcePhrase,
  looksLikePersonName,
  sourceAfter,
  sourceBefore,
  tokenize,
} from './noun-phrase.ts';
import type { Quote } from './quotes.ts';
import { wordList } from './word-list.ts';
import type { Segment } from './segment.ts';
import type { Span } from './types.ts';

export interface RawStatement {
  source: Span | null;
  /** The whole noun phrase the source was taken from (titles and roles included): it carries the side. */
  sourcePhrase: string;
  cue: Span | null;
  content: Segment;
  direct: boolean;
  sentence: Segment;
}

const alternation = [...new Set(CUE_VERBS)]
  .sort((a, b) => b.length - a.length)
  .map((c) => c.replace(/ /g, '[\\s\\u200b]+'))
  .join('|');
/** Cues with word boundaries; the lookbehind keeps "said" out of "unsaid" and hyphenated words. */
const CUE_SOURCE = `(?<![\\p{L}\\-])(?:${alternation}|according[\\s\\u200b]+to)(?![\\p{L}\\-])`;
/** Cue phrases by their first word, longest first: a word scan with a Set beats one large alternation. */
const CUES_BY_FIRST = new Map<string, string[][]>();
for (const cue of [...new Set([...CUE_VERBS, 'according to'])]) {
  const words = cue.split(' ');
  const list = CUES_BY_FIRST.get(words[0] as string) ?? [];
  list.push(words);
  list.sort((a, b) => b.length - a.length);
  CUES_BY_FIRST.set(words[0] as string, list);
}

interface CueMatch {
  index: number;
  text: string;
}

/**
 * The cues' first words as a trie over lower-case letters (CUE_TRIE[node * 26 + letter] is the child,
 * 0 for none; CUE_LISTS[node] the cue list of the word ending there): a text's words are looked up
 * letter by letter, folding case, without lower-casing or allocating.
 */
const trie: number[] = new Array(26).fill(0);
const CUE_LISTS: Array<string[][] | undefined> = [undefined];
for (const [first, list] of CUES_BY_FIRST) {
  if (!/^[a-z]+$/.test(first)) continue; // a word of other characters is never a run of letters
  let node = 0;
  for (let k = 0; k < first.length; k++) {
    const slot = node * 26 + first.charCodeAt(k) - 97;
    if (trie[slot] === 0) {
      trie[slot] = CUE_LISTS.length;
      CUE_LISTS.push(undefined);
      for (let c = 0; c < 26; c++) trie.push(0);
    }
    node = trie[slot] as number;
  }
  CUE_LISTS[node] = list;
}
const CUE_TRIE = Int32Array.from(trie);
const isAsciiLetterCode = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const LETTER_OR_HYPHEN = /[\p{L}-]/u;

/** Every cue in a text, as the word-bounded, case-insensitive match of CUE_SOURCE would find them. */
export function findCues(text: string): CueMatch[] {
  const out: CueMatch[] = [];
  const n = text.length;
  let i = 0;
  // A scan over runs of ASCII letters (what /[A-Za-z]+/g would match), one run at a time.
  while (i < n) {
    if (!isAsciiLetterCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isAsciiLetterCode(text.charCodeAt(j))) j++;
    let node = 0;
    for (let k = i; k < j && (k === i || node !== 0); k++)
      node = CUE_TRIE[node * 26 + (text.charCodeAt(k) | 32) - 97] ?? 0;
    const list = node === 0 ? undefined : CUE_LISTS[node];
    const before = text[i - 1];
    if (!list || (before !== undefined && LETTER_OR_HYPHEN.test(before))) {
      i = j;
      continue;
    }
    let next = j;
    for (const words of list) {
      let end = j;
      let ok = true;
      for (let w = 1; w < words.length && ok; w++) {
        const gap = /^[\s\u200b]+/.exec(text.slice(end, end + 8));
        const word = words[w] as string;
        if (!gap || text.slice(end + gap[0].length, end + gap[0].length + word.length).toLowerCase() !== word)
          ok = false;
        else end += gap[0].length + word.length;
      }
      const after = text[end];
      if (!ok || (after !== undefined && LETTER_OR_HYPHEN.test(after))) continue;
      out.push({ index: i, text: text.slice(i, end) });
      next = end;
      break;
    }
    i = next;
  }
  return out;
}

/** A cue, a short object and a colon or comma ending the text before a quote (compiled once, not per quote). */
const CUE_BEFORE_QUOTE = new RegExp(
  `(${CUE_SOURCE})((?:[\\s\\u200b]+[^\\s\\u200b.:;,“”"]+){0,5})?[\\s\\u200b]*[:,]?[\\s\\u200b]*$`,
  'iu',
);
const CUE_AT_START = new RegExp(`^(?:${alternation})(?![\\p{L}\\-])`, 'iu');

/** Forms that are nouns as often as verbs ("the grim forecasts came", "BFY's forecast of"). */
const NOUN_LIKE_CUES = new Set([
  'forecast',
  'forecasts',
  'claims',
  'claim',
  'reports',
  'estimates',
  'states',
  'notes',
  'posted',
  'warning',
  'say',
]);
const MAX_CONTENT = 3000;

/** What precedes a continuation cue: a comma, perhaps an adverb (", adding", ", even suggesting"). */
const CONTINUATION_LEAD =
  /,[”"]?[\s\u200b]*(?:(?:even|also|again|then|further|later|before|while|repeatedly)[\s\u200b]+)?$/;
const THAT_ONLY_CUES = new Set([
  'states',
  'claims',
  'claim',
  'notes',
  'estimates',
  'forecasts',
  'forecast',
  'maintained',
  'indicated',
  'revealed',
  'observed',
]);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'got', 'gets', 'getting']);
const CLAUSE_START_PREPOSITION =
  /^(?:in|on|at|during|after|before|to|from|with|via|through|for|of|as|like|into|onto|about|over|under|by)\b(?![\s\u200b]+(?:least|most|\d|one|two|three|four|five|six|seven|eight|nine|ten|a[\s\u200b]+(?:third|quarter|half|dozen|hundred|thousand|million))|[\s\u200b]*\d)/i;
const SUBORDINATORS = /^(?:after|when|while|as|although|though|before|since|if|because|once|whereas|until|unless)$/i;
/** Adverbials that may sit between a cue and its clause ("said on Friday it had ...", "told reporters in Kyiv that"). */
const LEAD_ADVERBIAL =
  /^[\s\u200b]*(?:,[\s\u200b]*)?(?:(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:[\s\u200b]+(?:night|morning|afternoon|evening))?|yesterday|today|tonight|earlier|later|recently|previously|publicly|privately|repeatedly|the[\s\u200b]+(?:next|following|same|previous)[\s\u200b]+(?:day|week|month|morning|evening|night))[\s\u200b]*,?[\s\u200b]*(?=\S)|(?:on|in|at|late|early|last|this|earlier|during|via|over)[\s\u200b]+(?:(?:a|an|the|his|her|its|their|[A-Z][\p{L}’'-]*)[\s\u200b]+){0,3}(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|weekend|month|year|night|morning|afternoon|evening|day|statement|interview|tweet|post|video|briefing|speech|address|Telegram|Twitter|Facebook|television|TV|radio|conference|message|update|Instagram)(?:[\s\u200b]+(?:night|morning|afternoon|evening))?[\s\u200b]*,?[\s\u200b]*)+/u;

const wordCount = (text: string) => text.split(/[\s\u200b]+/).filter(Boolean).length;
/** Whether a text holds at least n words, reading no further than needed (texts may be a whole 1 MB line). */
function hasWords(text: string, n: number): boolean {
  const re = /[^\s\u200b]+/g;
  let count = 0;
  while (count < n && re.exec(text)) count++;
  return count >= n;
}
const isSpaceChar = (c: string | undefined) => c !== undefined && /[\s\u200b\u200b\ufeff]/.test(c);

function inQuote(pos: number, quotes: Quote[]): Quote | undefined {
  // Quotes are sorted by position: binary search for the last quote opening at or before pos.
  let lo = 0;
  let hi = quotes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((quotes[mid] as Quote).open <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = found; i >= 0 && i >= found - 3; i--) {
    const q = quotes[i] as Quote;
    if (pos >= q.open && pos < q.close) return q;
  }
  return undefined;
}

/** Trims white space, punctuation and a leading "that" from a content span. */
export function trimContent(raw: string, start: number, end: number): Segment | null {
  let s = start;
  let e = end;
  for (let guard = 0; guard < 4; guard++) {
    while (s < e && /[\s\u200b\u200b,:;—–-]/.test(raw[s] ?? '')) s++;
    const m = /^(?:that|,)[\s\u200b]+/i.exec(raw.slice(s, Math.min(e, s + 8)));
    if (!m) break;
    s += m[0].length;
  }
  while (e > s && /[\s\u200b\u200b.,;:—–-]/.test(raw[e - 1] ?? '')) e--;
  // A closing quote mark left without its opener.
  if (e > s && /[”"]/.test(raw[e - 1] ?? '')) {
    const inner = raw.slice(s, e - 1);
    const opens = (inner.match(/[“]/g) ?? []).length + ((inner.match(/"/g) ?? []).length % 2);
    if (opens === 0) {
      e--;
      while (e > s && /[\s\u200b.,;:]/.test(raw[e - 1] ?? '')) e--;
    }
  }
  return e - s >= 3 ? { start: s, end: e } : null;
}

interface QuoteCue {
  cue: Span;
  source: SourcePhrase;
  /** Where the attribution clause ends (after the source or cue). */
  end: number;
}

/** `"...," he said` / `"...," said X` / `"...," X, the head of Y, said`: the cue right after a quote. */
function cueAfterQuote(raw: string, q: Quote, limit: number): QuoteCue | null {
  const lastInner = raw.slice(Math.max(q.inner.start, q.close - 3), q.close - 1);
  const afterText = raw.slice(q.close, Math.min(limit, q.close + 200));
  // `“...” ― Esther Tapia` at the end of a paragraph: a dash before a name signs the quote.
  const signed = /^[\s\u200b\u00a0]*([―—–])[\s\u200b\u00a0]*([^\n]{2,60}?)[\s\u200b\u00a0.]*$/u.exec(afterText);
  if (signed?.[1] && signed[2] && q.close + signed[0].length >= limit - 1) {
    const name = signed[2].replace(/,.*$/, '').trim();
    if (looksLikePersonName(name)) {
      const dashAt = q.close + afterText.indexOf(signed[1]);
      const nameAt = raw.indexOf(name, dashAt);
      const span = { text: name, start: nameAt, end: nameAt + name.length };
      return {
        cue: { text: signed[1], start: dashAt, end: dashAt + 1 },
        source: { span, phrase: signed[2].trim(), phraseStart: nameAt, phraseEnd: nameAt + signed[2].trim().length },
        end: nameAt + name.length,
      };
    }
  }
  const lead = /^[\s\u200b]*,?[\s\u200b]*/.exec(afterText)?.[0] ?? '';
  // `." He said ...` starts a new sentence: an indirect statement, not this quote's cue.
  const endsSentence = /\.[\s\u200b]*$/.test(lastInner) && !lead.includes(',');
  if (endsSentence && /^[\s\u200b]*\p{Lu}/u.test(afterText)) return null;
  const at = q.close + lead.length;
  const window = raw.slice(at, Math.min(limit, at + 160));
  const first = CUE_AT_START.exec(window);
  if (first) {
    const cue = { text: first[0], start: at, end: at + first[0].length };
    const src = sourceAfter(raw, cue.end, Math.min(limit, cue.end + 200));
    if (!src) return null;
    return { cue, source: src, end: src.phraseEnd };
  }
  const m = findCues(window)[0];
  if (!m || m.index > 120) return null;
  const cueStart = at + m.index;
  if (
    /[.!?“"]/.test(
      raw
        .slice(at, cueStart)
        .replace(/\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sen|Rep|Gov|Jr|Sr)\./g, '')
        .replace(/\b\p{Lu}\./gu, '')
        // A dot before a comma or a closing parenthesis ends an abbreviation ("(D-Wis.)", "R-Ky.,", "Va.,").
        .replace(/\.(?=[\s\u200b]*[,)])/g, ''),
    )
  )
    return null;
  // `“...,” Russia’s Tass agency quoted Leonid Pasechnik as saying`: the outlet relays; the speaker is the source.
  const relay = /\bquoted[\s\u200b]+(.{2,80}?)[\s\u200b]+as[\s\u200b]+$/u.exec(raw.slice(at, cueStart));
  if (relay?.[1] && /^saying$/i.test(m.text)) {
    const from = at + relay.index + relay[0].indexOf(relay[1]);
    const speaker = sourceAfter(raw, from, from + relay[1].length);
    if (speaker) {
      const cueEnd = cueStart + m.text.length;
      return { cue: { text: m.text, start: cueStart, end: cueEnd }, source: speaker, end: cueEnd };
    }
  }
  const src = sourceBefore(raw, at, cueStart);
  if (!src || src.phraseStart > at + 1) return null;
  const cueEnd = cueStart + m.text.length;
  // `"Fox News Sunday," Pence said his running mate ...`: a cue with a clause of its own is not this quote's.
  if (!isQuoteTail(raw, cueEnd, limit, normaliseCue(m.text))) return null;
  return { cue: { text: m.text, start: cueStart, end: cueEnd }, source: src, end: cueEnd };
}

/** A quote's cue is not followed by a clause of its own ("said that ...", "said his running mate ..."). */
function isQuoteTail(raw: string, from: number, limit: number, word: string): boolean {
  if (OBJECT_CUES.has(word) || word === 'told') return true;
  const rest = raw.slice(from, Math.min(limit, from + 200)).replace(LEAD_ADVERBIAL, ' ');
  return !/^[\s\u200b]*(?:that|he|she|it|they|we|I|his|her|their|its|our|the|a|an|this|these|there)\b/.test(rest);
}

/** `X said: "` / `X told Reuters, "` / `he said in a statement: "`: the cue right before a quote. */
function cueBeforeQuote(raw: string, q: Quote, sentenceStart: number, paragraphStart: number): QuoteCue | null {
  // The cue, a short object and a colon fit in 90 characters; the source is read further back below.
  const from = Math.max(paragraphStart, q.open - 90);
  const before = raw.slice(from, q.open);
  const m = CUE_BEFORE_QUOTE.exec(before);
  if (!m) return null;
  const cueText = m[1] ?? '';
  if (normaliseCue(cueText) === 'according to') return null;
  const cueStart = from + m.index;
  // Only a short object or adverbial between cue and quote ("told the BBC:", "said on Telegram:").
  if (m[2] && !/[:,][\s\u200b]*$/.test(before)) return null;
  const clauseStart = Math.max(sentenceStart, paragraphStart);
  const from2 = clauseStart <= cueStart ? clauseStart : paragraphStart;
  const src = sourceBefore(raw, from2, cueStart) ?? subjectWithModifier(raw, from2, cueStart);
  if (!src) return null;
  return {
    cue: { text: cueText, start: cueStart, end: cueStart + cueText.length },
    source: src,
    end: cueStart + cueText.length,
  };
}

/** `"A doubling is possible," he told ARD`: three words are enough when a comma hands the quote to its cue. */
function isShortAttributedQuote(raw: string, q: Quote): boolean {
  const inner = raw.slice(q.inner.start, q.inner.end);
  if (wordCount(inner) < 3) return false;
  const tail = raw.slice(q.inner.end, Math.min(raw.length, q.close + 2));
  return /^[,?!]/.test(tail) || /^[”"][\s\u200b]*,/.test(tail);
}

function isSubstantialQuote(raw: string, q: Quote): boolean {
  const inner = raw.slice(q.inner.start, q.inner.end);
  const words = wordCount(inner);
  // A title after a preposition ("told the BBC's “Today programme”", "said on “Fox and Friends.”") is not speech.
  const lead = /([\p{L}’']+)[\s\u200b]*$/u.exec(raw.slice(Math.max(0, q.open - 20), q.open))?.[1]?.toLowerCase() ?? '';
  if (
    words < 8 &&
    /^(?:on|in|at|to|of|for|from|with|by|the|a|an|called|titled|entitled|named|dubbed|its|his|her|their)$/.test(lead)
  )
    return false;
  return words >= 5 || /[.!?]\s+\S/.test(inner) || (/[.!?,]$/.test(inner) && words >= 3);
}

/**
 * Reported speech and quotations in the body. Quotes take their speaker from a cue next to them,
 * or from the statement before them; reported speech takes its source from the noun phrase before
 * the cue ("X said ..."), after it ("..., said X") or after "according to".
 */
export function findAttributions(
  raw: string,
  sentences: Segment[],
  quotes: Quote[],
  paragraphs: Segment[] = [],
): RawStatement[] {
  const statements: RawStatement[] = [];
  const usedCues = new Set<number>();
  const paragraphOf = makeLookup(paragraphs.length ? paragraphs : sentences);
  const sentenceOf = makeLookup(sentences);

  // 1. Quotations with a cue beside them; a quote split by its cue, or running on into the next
  //    paragraph with no cue of its own, is one statement.
  const cues = quotes.map((q) => {
    if (!isSubstantialQuote(raw, q) && !isShortAttributedQuote(raw, q)) return null;
    const para = paragraphOf(q.open);
    // A quote over several paragraphs has its cue in the paragraph where it closes.
    const limit = (paragraphOf(Math.max(q.open, q.close - 1)) ?? para)?.end ?? raw.length;
    const sentence = sentenceOf(q.open);
    const after = cueAfterQuote(raw, q, limit);
    if (after) return after;
    let before = cueBeforeQuote(raw, q, sentence?.start ?? q.open, para?.start ?? q.open);
    if (!before && para && q.open === para.start) {
      // The lead-in ends the paragraph before: `Zelenskyy said:` then the quote.
      const prev = paragraphs[paragraphs.indexOf(para) - 1];
      if (prev && /:[\s\u200b]*$/.test(raw.slice(prev.start, prev.end))) {
        const fake: Quote = { open: prev.end, close: q.close, inner: q.inner };
        before = cueBeforeQuote(raw, fake, sentenceOf(prev.end - 1)?.start ?? prev.start, prev.start);
      }
    }
    return before;
  });
  const consumed = new Set<number>();
  /** Quotes whose statement starts later than their opening (a multi-paragraph quote split at its cue's paragraph). */
  const contentStart = new Map<number, number>();
  const quoteStatements: Array<RawStatement | null> = quotes.map(() => null);
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi] as Quote;
    const qc = cues[qi];
    if (!qc || consumed.has(qi)) continue;
    let end = q.inner.end;
    let tailEnd = Math.max(q.close, qc.end);
    for (let ni = qi + 1; ni < quotes.length; ni++) {
      const next = quotes[ni] as Quote;
      const nextCue = cues[ni];
      const words = wordCount(raw.slice(next.inner.start, next.inner.end));
      // A scare quote in the attribution clause (`said, echoing complaints about “Russophobia.” “B`) is skipped.
      if (words < 4 && !nextCue && next.open - tailEnd < 120 && paragraphOf(next.open) === paragraphOf(tailEnd)) {
        const after = quotes[ni + 1];
        if (after && !cues[ni + 1] && isAdjacentQuote(raw, tailEnd, after, paragraphOf)) continue;
      }
      if (nextCue && nextCue.cue.start !== qc.cue.start) {
        // `“A,” X said. “B ¶ “C,” he said`: the cue of a quote running over paragraphs belongs to the
        // paragraph it stands in; the part before it carries on the quote that opened the paragraph.
        const firstPara = paragraphOf(next.open);
        const lastPara = paragraphOf(Math.max(next.open, next.close - 1));
        if (
          firstPara &&
          lastPara &&
          firstPara !== lastPara &&
          isAdjacentQuote(raw, tailEnd, next, paragraphOf) &&
          /^[“"]/.test(raw.slice(lastPara.start, lastPara.start + 1))
        ) {
          let cutEnd = firstPara.end;
          while (cutEnd > next.inner.start && /\s/.test(raw[cutEnd - 1] ?? '')) cutEnd--;
          const rest = trimContent(raw, lastPara.start + 1, next.inner.end);
          if (cutEnd > next.inner.start && rest) {
            end = cutEnd;
            contentStart.set(ni, rest.start);
          }
        }
        break;
      }
      if (!isAdjacentQuote(raw, tailEnd, next, paragraphOf)) break;
      if (words < 2) break;
      end = next.inner.end;
      tailEnd = next.close;
      consumed.add(ni);
    }
    usedCues.add(qc.cue.start);
    const st: RawStatement = {
      source: qc.source.span,
      sourcePhrase: qc.source.phrase,
      cue: qc.cue,
      content: { start: contentStart.get(qi) ?? q.inner.start, end },
      direct: true,
      sentence: sentenceOf(q.open) ?? { start: q.open, end: q.close },
    };
    statements.push(st);
    quoteStatements[qi] = st;
  }

  // 2. Reported speech, sentence by sentence.
  const quoteStatements2 = [...statements].sort((a, b) => (a.cue?.start ?? 0) - (b.cue?.start ?? 0));
  let qp = 0;
  const reported: RawStatement[] = [];
  for (let si = 0; si < sentences.length; si++) {
    const sentence = sentences[si] as Segment;
    // The quote statements whose cue lies in this sentence: continuations and beliefs refer to them.
    while (qp < quoteStatements2.length && ((quoteStatements2[qp] as RawStatement).cue?.start ?? 0) < sentence.start)
      qp++;
    const local: RawStatement[] = [];
    for (
      let i = qp;
      i < quoteStatements2.length && ((quoteStatements2[i] as RawStatement).cue?.start ?? 0) < sentence.end;
      i++
    )
      local.push(quoteStatements2[i] as RawStatement);
    // The sentence before, in the same paragraph, for "This was announced by X".
    const prevSentence = sentences[si - 1];
    const previous =
      prevSentence && !raw.slice(prevSentence.end, sentence.start).includes('\n') ? prevSentence : undefined;
    reported.push(...reportedIn(raw, sentence, quotes, usedCues, local, previous));
  }
  statements.push(...reported);

  // 3. Quotes without a cue of their own: the speaker of the statement just before them.
  //    Statements are sorted once; only the few just before each quote are looked at, so this stays linear.
  statements.sort((a, b) => a.content.start - b.content.start);
  const added: RawStatement[] = [];
  let lastAdded: RawStatement | undefined;
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi] as Quote;
    if (cues[qi] || consumed.has(qi) || !isSubstantialQuote(raw, q)) continue;
    const near = statementsBefore(statements, q.inner.start, 40);
    if (lastAdded) near.push(lastAdded);
    if (near.some((s) => s.content.start <= q.inner.start && s.content.end >= q.inner.end)) continue;
    const prev = lastBefore(near, q.open);
    if (!prev?.source || q.open - prev.content.end > 400) continue;
    const between = raw.slice(prev.content.end, q.open);
    // Only across the end of the lead sentence or paragraph, with no narration between.
    if (wordCount(between.replace(/[“”"’.,:;!?]/g, ' ')) > 12) continue;
    const sentence = sentenceOf(q.open) ?? { start: q.open, end: q.close };
    if (prev.direct && isAdjacentQuote(raw, Math.max(prev.content.end, prev.cue?.end ?? 0), q, paragraphOf)) {
      prev.content = { start: prev.content.start, end: q.inner.end };
      continue;
    }
    lastAdded = {
      source: prev.source,
      sourcePhrase: prev.sourcePhrase,
      cue: null,
      content: { start: q.inner.start, end: q.inner.end },
      direct: true,
      sentence,
    };
    added.push(lastAdded);
  }
  statements.push(...added);
  statements.sort((a, b) => a.content.start - b.content.start || b.content.end - a.content.end);
  // Headlines, blog-entry titles and captions: a short line with no closing punctuation states nothing.
  return statements.filter((st) => {
    const para = paragraphOf(st.content.start);
    // A quote signed with a dash ends in its speaker's name, not in punctuation.
    if (!para || (st.cue && /^[―—–]$/.test(st.cue.text))) return true;
    const text = raw.slice(para.start, para.end);
    return /[.!?”"’:;)…]$/.test(text) || hasWords(text, 26);
  });
}

/** Up to `count` statements (sorted by content start) whose content starts at or before `pos`. */
function statementsBefore(sorted: RawStatement[], pos: number, count: number): RawStatement[] {
  let lo = 0;
  let hi = sorted.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as RawStatement).content.start <= pos) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return sorted.slice(Math.max(0, at - count + 1), at + 1);
}

function lastBefore(statements: RawStatement[], pos: number): RawStatement | undefined {
  let best: RawStatement | undefined;
  for (const s of statements) {
    const end = Math.max(s.content.end, s.cue?.end ?? 0, s.source?.end ?? 0);
    if (end <= pos && (!best || end > Math.max(best.content.end, best.cue?.end ?? 0, best.source?.end ?? 0))) best = s;
  }
  return best;
}

function makeLookup(segments: Segment[]): (pos: number) => Segment | undefined {
  return (pos: number) => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = segments[mid] as Segment;
      if (pos < s.start) hi = mid - 1;
      else if (pos >= s.end) lo = mid + 1;
      else return s;
    }
    return undefined;
  };
}

/**
 * A quote continues the statement that ends at `from` when it follows in the same paragraph with
 * only the rest of the attribution clause between ("," he said, using a shorthand term. "B"), or
 * opens the next paragraph.
 */
function isAdjacentQuote(
  raw: string,
  from: number,
  next: Quote,
  paragraphOf: (pos: number) => Segment | undefined,
): boolean {
  if (next.open < from) return false;
  // Short scare quotes inside the attribution clause do not end it.
  const between = raw
    .slice(from, next.open)
    .replace(/“[^“”\n]{1,40}”/g, (m) => `${'x'.repeat(m.length - 1)}${/[.,;:]/.test(m.at(-2) ?? '') ? m.at(-2) : 'x'}`);
  const pa = paragraphOf(Math.max(0, from - 1));
  const pb = paragraphOf(next.open);
  if (pa && pb && pa === pb) {
    if (between.length > 160) return false;
    // Only the rest of the attribution clause: `," he said. "` / `," he said, using a term for X. "`.
    const rest = between.trim();
    // Only the rest of the attribution clause: `," he said. "`, `," he said in an interview. "`, `," she said, using X. "`;
    // not a new sentence (`. He called Burma a "`) nor narration running into a title (`on Fox News's "`).
    const isClauseEnd = rest === '' || /[.,;:—–]$/.test(rest) || /\b(?:but|and|adding|saying|then)$/.test(rest);
    if (!isClauseEnd || /[.!?][\s\u200b]+\S/.test(rest.slice(0, -1))) return false;
    return findCues(between).length === 0 && !/[“”"]/.test(between);
  }
  // Next paragraph: it must open with the quote, and nothing but white space may lie between.
  return (
    !!pb &&
    pb.start === next.open &&
    /^[\s\u200b.,;:”"’]*$/.test(between.replace(/[^\n]*$/, (m) => (pa && from >= pa.end ? m : ''))) &&
    between.split('\n').length <= 4
  );
}

function reportedIn(
  raw: string,
  sentence: Segment,
  quotes: Quote[],
  usedCues: Set<number>,
  earlier: RawStatement[],
  previous?: Segment,
): RawStatement[] {
  const text = raw.slice(sentence.start, sentence.end);
  const found: RawStatement[] = [];
  for (const m of findCues(text)) {
    const cueStart = sentence.start + m.index;
    const cueEnd = cueStart + m.text.length;
    if (usedCues.has(cueStart) || inQuote(cueStart, quotes)) continue;
    const word = normaliseCue(m.text);
    const cue: Span = { text: m.text, start: cueStart, end: cueEnd };
    const isSentenceStart = m.index === 0 || /^[\s\u200b“"‘(]*$/.test(text.slice(0, m.index));
    // "the United States", "Commonwealth of Independent States": a capitalised cue word mid-sentence is a name.
    if (/^\p{Lu}/u.test(m.text) && !isSentenceStart && word !== 'according to') continue;
    const beforeTokens = tokenize(raw, Math.max(sentence.start, cueStart - 40), cueStart);
    const prevWord = beforeTokens.at(-1);
    const rest = raw.slice(cueEnd, sentence.end);
    if (word === 'according to') {
      const st = accordingTo(raw, sentence, cue, quotes);
      if (st) found.push(st);
      continue;
    }
    // Passive: "was told", "have been officially confirmed by the IAEA".
    const auxWord = [...beforeTokens]
      .reverse()
      .find(
        (t) =>
          !(/ly$/.test(t.lower) && t.lower.length > 3) && !/^(also|already|now|not|since|long|then)$/.test(t.lower),
      );
    // Progressive: "BFY is forecasting it could reach", "officials are saying": the source precedes the auxiliary.
    const isProgressive = /ing$/.test(word) && !!auxWord && /^(?:is|are|was|were|been)$/.test(auxWord.lower);
    if (isProgressive && auxWord) {
      const src = sourceBefore(raw, clauseStartBefore(raw, sentence, auxWord.start, found), auxWord.start);
      const content = src && !/^(?:i|we)$/i.test(src.span.text) ? contentAfter(raw, cueEnd, sentence.end, word) : null;
      if (src && content && hasWords(raw.slice(content.start, content.end), 2))
        found.push({ source: src.span, sourcePhrase: src.phrase, cue, content, direct: false, sentence });
      continue;
    }
    if (auxWord && BE_FORMS.has(auxWord.lower)) {
      const st = passiveWithAgent(raw, sentence, cue, tokenize(raw, sentence.start, cueStart).slice(-12), previous);
      if (st) found.push(st);
      continue;
    }
    // "battleground states", "Republican claims": forms that are mostly nouns need a "that" clause or the clause end.
    if (
      (THAT_ONLY_CUES.has(word) || THAT_CLAUSE_CUES.has(word)) &&
      !/^[\s\u200b]+that\b/i.test(rest) &&
      !isClauseFinal(raw, cueEnd, sentence.end, word)
    )
      continue;
    // "Reuters reported him saying X", "Tass quoted Pasechnik as saying X": the outlet relays; the
    // speaker is the source and "saying" the cue.
    if (/^(?:reported|quoted|cited)$/.test(word)) {
      const relay =
        /^([\s\u200b]+)(him|her|them|\p{Lu}[\p{L}’'.-]*(?:[\s\u200b]+\p{Lu}[\p{L}’'.-]*){0,3})[\s\u200b]+(?:as[\s\u200b]+)?(saying)\b/u.exec(
          rest,
        );
      if (relay?.[2] && relay[3]) {
        const at = cueEnd + (relay[1]?.length ?? 0);
        const sayingAt = cueEnd + relay[0].length - relay[3].length;
        const content = contentAfter(raw, sayingAt + relay[3].length, sentence.end, 'saying');
        if (content && !startsInsideQuote(content, quotes)) {
          found.push({
            source: { text: relay[2], start: at, end: at + relay[2].length },
            sourcePhrase: relay[2],
            cue: { text: relay[3], start: sayingAt, end: sayingAt + relay[3].length },
            content,
            direct: false,
            sentence,
          });
          usedCues.add(sayingAt);
        }
        continue;
      }
    }
    // "called Oz a quack", "called the deal “a disaster”": naming a judgement; "a group called X",
    // "called the hearing" or a phone call are not statements.
    if (word === 'called' || word === 'calls' || word === 'has called') {
      if (!/^[\s\u200b]+[^.;:,“”"]{1,80}?[\s\u200b]+(?:a|an|[“"‘]|'')[\s\u200b]*\S/u.test(rest)) continue;
      if (/^(?:that|this)$/i.test(rest.trim().split(/\s+/)[0] ?? '')) continue;
      const before = tokenize(raw, Math.max(sentence.start, cueStart - 30), cueStart).slice(-2);
      if (before.length === 2 && /^(?:a|an|the|his|her|its|their|our|new|so)$/i.test(before[0]?.text ?? '')) continue;
      // "a group, called X": a participle after a comma names; "X, an adviser to Y, called" judges.
      if (/,[\s\u200b]*$/.test(raw.slice(Math.max(sentence.start, cueStart - 3), cueStart))) {
        const named = sourceBefore(raw, sentence.start, cueStart);
        if (!named || !looksLikePersonName(named.span.text)) continue;
      }
    }
    // "continued to stay away", "promised to" without a clause: an action, not a statement.
    if (/^(?:continued|continues|continue)$/.test(word) && /^[\s\u200b]+to\b/i.test(rest)) continue;
    // -ing cues only hand on a source after a comma ("..., adding that"); "footage of Trump saying" is not one.
    if (/ing$/.test(word) && !CONTINUATION_LEAD.test(raw.slice(Math.max(sentence.start, cueStart - 16), cueStart)))
      continue;
    // A noun, not a verb: "BFY's forecast of", "the grim forecasts came", "its claims".
    if (NOUN_LIKE_CUES.has(word) || THAT_CLAUSE_CUES.has(word) || /s$/.test(word)) {
      if (
        prevWord &&
        (/[’']s$/.test(prevWord.text) ||
          /^(the|a|an|its|his|her|their|our|these|those|this|grim|latest|new|such|no|any|immediate|future|current)$/.test(
            prevWord.lower,
          ))
      )
        continue;
      if (
        /^[\s\u200b]+(?:of|came|come|is|are|was|were|have|has|had|suggest|show|proves?|from|by)\b/i.test(rest) &&
        NOUN_LIKE_CUES.has(word)
      )
        continue;
    }
    // The lead-in of a quote is handled with the quote.
    // A short scare quote opening the clause ("also said “quite a few” civilians were ...") is part of it.
    const leadQuote = /^[\s\u200b]*(?:[:,][\s\u200b]*)?[“"]/.test(rest)
      ? inQuote(cueEnd + rest.search(/[“"]/), quotes)
      : undefined;
    if (leadQuote && (isSubstantialQuote(raw, leadQuote) || /[:,][\s\u200b]*[“"]/.test(rest.slice(0, 4)))) continue;

    if (
      CONTINUATION_CUES.has(word) &&
      CONTINUATION_LEAD.test(raw.slice(Math.max(sentence.start, cueStart - 16), cueStart))
    ) {
      const prev =
        found.at(-1) ??
        earlier
          .filter(
            (s) =>
              s.sentence.start === sentence.start || (s.cue && s.cue.end <= cueStart && s.cue.end >= sentence.start),
          )
          .at(-1);
      const src = prev?.source ? { span: prev.source, phrase: prev.sourcePhrase } : subjectOf(raw, sentence, cueStart);
      if (!src) continue;
      if (prev && prev.content.end > cueStart - 2 && prev.content.start < cueStart)
        prev.content = trimContent(raw, prev.content.start, cueStart) ?? prev.content;
      const content = contentAfter(raw, cueEnd, sentence.end, word);
      if (content) found.push({ source: src.span, sourcePhrase: src.phrase, cue, content, direct: false, sentence });
      continue;
    }

    // "content, X said." / "content, said X." / "content, X, the head of Y, told Reuters."
    // "..., told Reuters." has its source before the cue: an object verb is never inverted.
    if (
      /,[\s\u200b]*$/.test(raw.slice(Math.max(sentence.start, cueStart - 8), cueStart)) &&
      !OBJECT_CUES.has(word) &&
      INVERTING_CUES.has(word)
    ) {
      const src = sourceAfter(raw, cueEnd, sentence.end);
      if (src && isClauseFinal(raw, src.phraseEnd, sentence.end, '')) {
        const content = trimContent(raw, sentence.start, cueStart);
        if (content && !startsInsideQuote(content, quotes) && hasWords(raw.slice(content.start, content.end), 3)) {
          found.push({ source: src.span, sourcePhrase: src.phrase, cue, content, direct: false, sentence });
          continue;
        }
      }
    }
    if (isClauseFinal(raw, cueEnd, sentence.end, word)) {
      const src = sourceBefore(raw, sentence.start, cueStart);
      if (src) {
        const commaBefore = raw.slice(sentence.start, src.phraseStart);
        if (/,[\s\u200b]*$/.test(commaBefore.slice(-8)) && hasWords(commaBefore, 3)) {
          const content = trimContent(raw, sentence.start, src.phraseStart);
          if (content && !startsInsideQuote(content, quotes)) {
            found.push({ source: src.span, sourcePhrase: src.phrase, cue, content, direct: false, sentence });
            continue;
          }
        }
      }
    }

    // "Acts of protest, Mr. Obama said, are acts of patriotism": a parenthetical cue sits inside its
    // content, which is the whole sentence.
    const afterCue = raw.slice(cueEnd, Math.min(sentence.end, cueEnd + 200)).replace(LEAD_ADVERBIAL, ' ');
    if (INVERTING_CUES.has(word) && /^[\s\u200b]*,[\s\u200b]*\p{L}/u.test(afterCue)) {
      const src = sourceBefore(raw, sentence.start, cueStart);
      const lead = src ? raw.slice(sentence.start, src.phraseStart) : '';
      if (src && /,[\s\u200b]*$/.test(lead.slice(-8)) && hasWords(lead, 2) && !/[“”"]/.test(lead)) {
        const rest = afterCue.replace(/^[\s\u200b]*,/, '');
        // "When Trump announced X, McConnell said, he worried ...": after a subordinate clause the
        // content is the main clause after the cue.
        const opener = /^[\s\u200b“"‘(]*(\p{L}+)/u.exec(lead)?.[1] ?? '';
        const comma = raw.indexOf(',', cueEnd);
        const content = SUBORDINATORS.test(opener)
          ? comma >= 0 && comma < sentence.end
            ? trimContent(raw, comma + 1, sentence.end)
            : null
          : trimContent(raw, sentence.start, sentence.end);
        if (
          content &&
          hasWords(rest, 3) &&
          !/^[\s\u200b]*(?:adding|saying|noting|citing|according|referring|as|while|after|amid|before|despite|but|and|although|though|whereas|who|which|in|on|at|during)\b/i.test(
            rest,
          ) &&
          !startsInsideQuote(content, quotes)
        ) {
          found.push({ source: src.span, sourcePhrase: src.phrase, cue, content, direct: false, sentence });
          continue;
        }
      }
    }

    // An intention is a statement only with its infinitive ("wants to expand the army").
    if (INTENTION_CUES.has(word) && !/^[\s\u200b]+to[\s\u200b]+\p{Ll}/u.test(rest)) continue;
    if (JUDGEMENT_CUES.has(word)) {
      const st = judgementAfter(raw, sentence, cue, clauseStartBefore(raw, sentence, cueStart, found));
      if (st) found.push(st);
      continue;
    }
    // "X said (that) content."
    const clauseStart = clauseStartBefore(raw, sentence, cueStart, found);
    let src = sourceBefore(raw, clauseStart, cueStart);
    if (!src && prevWord && /^(?:and|but)$/.test(prevWord.lower)) {
      // "Many residents lived through 2014 and said they could do so again": the subject of the first verb.
      const subject = sourceAfter(raw, clauseStart, cueStart);
      if (
        (subject &&
          /^[\s\u200b]+\p{Ll}/u.test(raw.slice(subject.phraseEnd, subject.phraseEnd + 3)) &&
          !PRONOUN_SOURCES.has(subject.span.text.toLowerCase())) ||
        (subject && PRONOUN_SOURCES.has(subject.span.text.toLowerCase()))
      )
        src = subject;
    }
    if (!src && prevWord && /^who$/i.test(prevWord.text)) {
      // "John Smith, who said it would cost too much": the relative stands for the phrase before its comma.
      const from = Math.max(sentence.start, prevWord.start - 4);
      const comma = /,[\s\u200b]*$/.exec(raw.slice(from, prevWord.start));
      if (comma) {
        const antecedent = sourceBefore(raw, clauseStart, from + comma.index);
        if (antecedent && looksLikePersonName(antecedent.span.text)) src = antecedent;
      } else {
        // "an architect who said he was stiffed": a restrictive relative stands for the phrase right before it.
        const antecedent = sourceBefore(raw, clauseStart, prevWord.start);
        if (antecedent && !PRONOUN_SOURCES.has(antecedent.span.text.toLowerCase())) src = antecedent;
      }
    }
    // "is expected to show", "may find": what a document will show is not yet a report.
    if (
      DOCUMENT_CUES.has(word) &&
      prevWord &&
      /^(?:to|will|would|could|may|might|should|can|must|not|never)$/.test(prevWord.lower)
    )
      continue;
    if (DOCUMENT_CUES.has(word) && (!src || !DOCUMENT_NOUNS.test(src.phrase))) {
      // "A 2014 study that appeared in the BMJ found", "the latest poll released Friday shows": the
      // document opening the clause speaks across the modifiers that follow it.
      src = documentSubject(raw, clauseStart, cueStart) ?? src;
    }
    if (!src) src = subjectWithModifier(raw, clauseStart, cueStart);
    if (!src && /,[\s\u200b]*$/.test(raw.slice(Math.max(clauseStart, cueStart - 4), cueStart))) {
      // "Trump, speaking to a veterans group, said", "Donna Rawlings, 59, of Ashton, Md., who watched ..., said":
      // the subject opens the clause and an aside between commas separates it from its cue.
      src = subjectBeforeAside(raw, clauseStart, cueStart);
    }
    if (!src) continue;
    // "I believe", "we claim": the writer's own voice (an address, a statement) is not an attribution.
    if (/^(?:i|we)$/i.test(src.span.text)) continue;
    // "what Trump says his plan would do": an embedded question reports no claim.
    if (
      /\b(?:how|why|whether)[\s\u200b]*$/i.test(
        raw.slice(Math.max(sentence.start, src.phraseStart - 10), src.phraseStart),
      )
    )
      continue;
    if (BELIEF_CUES.has(word) || PRONOUN_SOURCES.has(src.span.text.toLowerCase())) {
      // "the US said it believed X": one statement, the belief is its content.
      const outer = [...found, ...earlier].find((s) => s.content.start === src.phraseStart && s.content.end >= cueEnd);
      if (outer) continue;
    }
    let end = sentence.end;
    const lead = tokenize(raw, sentence.start, Math.min(sentence.end, sentence.start + 30))[0];
    if (lead && SUBORDINATORS.test(lead.text) && src.phraseStart - sentence.start < 40 + lead.text.length) {
      // "After Macron expressed concern for X, Putin explained ...": the subordinate clause ends at its comma.
      const comma = raw.slice(cueEnd, sentence.end).indexOf(',');
      if (comma >= 0) end = cueEnd + comma;
    }
    let content = contentAfter(raw, cueEnd, end, word);
    if (!content) continue;
    let contentText = raw.slice(content.start, content.end);
    // An explicit "that" opens the reported clause: what follows it is the content even when it starts
    // with a fronted phrase ("found that in the three largest counties, voters ...", "said that because X, Y").
    const thatBefore = /\bthat[\s\u200b]*$/i.exec(raw.slice(Math.max(cueEnd, content.start - 12), content.start));
    if (
      thatBefore &&
      /^(?:is|was|would|will|could|can|should|might|may|has|had|does|did|must)\b/i.test(contentText) &&
      !/^(?:is|was|has|had|does|did)[\s\u200b]+(?:a|an|the)\b/i.test(contentText)
    ) {
      // "He said that would permit ...": "that" is the subject of the reported clause.
      const thatStart = Math.max(cueEnd, content.start - 12) + thatBefore.index;
      content = { start: thatStart, end: content.end };
      contentText = raw.slice(content.start, content.end);
    } else if (thatBefore) {
      if (!hasWords(contentText, 2)) continue;
      found.push({ source: src.span, sourcePhrase: src.phrase, cue, content, direct: false, sentence });
      continue;
    }
    if ((INFINITIVE_CUES.has(word) || INTENTION_CUES.has(word)) && /^to[\s\u200b]+\p{Ll}/u.test(contentText)) {
      const infinitive = content;
      // "urged EU leaders to change the policy": the addressee between cue and infinitive belongs to the content.
      const gap = raw.slice(cueEnd, infinitive.start);
      const objStart = cueEnd + (/^[\s\u200b]*/.exec(gap)?.[0].length ?? 0);
      const isObject = objStart < infinitive.start && !/[,.;:“”"()]/.test(gap) && wordCount(gap) <= 6;
      // "urged X to join Y and criticized Z": the source's next cue starts a statement of its own.
      const next = findCues(raw.slice(infinitive.start, infinitive.end)).find((c) =>
        /(?:^|[\s\u200b,])(?:and|but)[\s\u200b]+(?:also[\s\u200b]+)?$/.test(
          raw.slice(Math.max(infinitive.start, infinitive.start + c.index - 12), infinitive.start + c.index),
        ),
      );
      const end = next
        ? infinitive.start + dropTrailingJoiner(raw.slice(infinitive.start, infinitive.start + next.index)).length
        : infinitive.end;
      const withObject = trimContent(raw, isObject ? objStart : infinitive.start, end);
      if (withObject && hasWords(raw.slice(withObject.start, withObject.end), 3))
        found.push({ source: src.span, sourcePhrase: src.phrase, cue, content: withObject, direct: false, sentence });
      continue;
    }
    if (CLAUSE_START_PREPOSITION.test(contentText)) {
      // "said in a phone interview", "told reporters at a rally, X": the clause, if any, follows a comma.
      const comma = contentText.indexOf(',');
      if (comma < 0 || comma > 80) continue;
      content = trimContent(raw, content.start + comma + 1, content.end);
      if (!content) continue;
      contentText = raw.slice(content.start, content.end);
    }
    if (!hasWords(contentText, 2)) continue;
    // "said, according to Reuters", "reported, citing officials": a relay of the source, not what was said.
    if (/^(?:according[\s\u200b]+to|citing|quoting)\b/i.test(contentText)) continue;
    // "said when she resigned", "said until it went bankrupt": a time clause, not what was said.
    if (/^(?:when|while|until|not|because|since|before|after|as|then|so|and|but|or|which|who)\b/i.test(contentText))
      continue;
    // A content never starts with a finite verb ("told me is that ..."): the clause was misread.
    // Except after a relative ("which it said had been made worse", "in what he said was a bid").
    const isRelative = /\b(?:which|that|what|who)[\s\u200b]*$/i.test(
      raw.slice(Math.max(sentence.start, src.phraseStart - 8), src.phraseStart),
    );
    if (!isRelative && /^(?:is|are|was|were|has|have|had|will|would|can|could|should|does|did|do)\b/i.test(contentText))
      continue;
    found.push({ source: src.span, sourcePhrase: src.phrase, cue, content, direct: false, sentence });
  }
  if (found.length === 0) {
    const st = verbThatClause(raw, sentence, quotes);
    if (st) found.push(st);
  }
  // Another statement's attribution clause inside a content ends that content ("A, but B, the source added").
  // Document cues that speak for no one ("bodies found underneath the plant") cut nothing.
  const kept = found.flatMap((s) => documentSource(raw, s));
  kept.sort((a, b) => a.content.start - b.content.start);
  for (const a of kept) {
    for (const b of kept) {
      // An intention inside a content is part of what was said ("the campaign plans to ..., a spokesman announced").
      if (a === b || !b.source || !b.cue || INTENTION_CUES.has(normaliseCue(b.cue.text))) continue;
      const cut = Math.min(
        b.source.start,
        b.cue.start,
        b.content.start > a.content.start ? b.content.start : Number.MAX_SAFE_INTEGER,
      );
      if (a.content.end > cut && a.content.start < cut) {
        const piece = dropTrailingJoiner(raw.slice(a.content.start, cut));
        const trimmed = trimContent(raw, a.content.start, a.content.start + piece.length);
        if (trimmed) a.content = trimmed;
      }
    }
  }
  return kept.filter((s) => s.content.end > s.content.start);
}

/**
 * "Oz conceded that ...", "the ministry complained that ...": a named source, a finite verb outside
 * the cue lexicon and a "that" clause is an attribution by its grammar, whatever the verb. Verbs of
 * cause and result ("ensured that", "means that") are not speech.
 */
function verbThatClause(raw: string, sentence: Segment, quotes: Quote[]): RawStatement | null {
  const text = raw.slice(sentence.start, Math.min(sentence.end, sentence.start + 400));
  // The pattern needs the word "that": most sentences have none, and a substring search is cheap.
  if (!text.includes('that')) return null;
  const m = /(?<![\p{L}-])(\p{Ll}{3,}(?:ed|es|s))[\s\u200b]+that[\s\u200b]+(?=\p{L})/u.exec(text);
  if (!m?.[1] || NOT_SPEECH_BEFORE_THAT.has(m[1])) return null;
  // "companies that had insured", "rules that could lead": a relative "that" before its verb.
  const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
  if (
    /^(?:\p{Ll}+ly[\s\u200b]+)?(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|does|did|do|\p{Ll}+(?:ed|es))\b/u.test(
      after,
    )
  )
    return null;
  const verbStart = sentence.start + m.index;
  if (inQuote(verbStart, quotes)) return null;
  const src = sourceBefore(raw, sentence.start, verbStart);
  if (!src || /^(?:it|this|that|which|i|we)$/i.test(src.span.text)) return null;
  if (
    !looksLikePersonName(src.span.text) &&
    !PRONOUN_SOURCES.has(src.span.text.toLowerCase()) &&
    !/^\p{Lu}/u.test(src.span.text)
  )
    return null;
  const content = trimContent(
    raw,
    verbStart + m[0].length,
    cutAtContinuation(raw, verbStart + m[0].length, sentence.end),
  );
  if (!content || !hasWords(raw.slice(content.start, content.end), 3) || startsInsideQuote(content, quotes))
    return null;
  const cue = { text: m[1], start: verbStart, end: verbStart + m[1].length };
  return { source: src.span, sourcePhrase: src.phrase, cue, content, direct: false, sentence };
}
const NOT_SPEECH_BEFORE_THAT = new Set(
  wordList(`
  ensured, ensures, means, meant, implies, implied, requires, required, provides, provided, ordered,
  demanded, decided, decides, determined, learned, learns, realised, realized, discovered, noticed,
  hoped, assumed, presumes, assumes, guaranteed, guarantees, stipulates, stipulated, specifies,
  specified, mandates, mandated, dictates, proves, proved, showed, shows, is, was, has, does, goes,
  makes, made, takes, took, gives, gave, needs, needed, wants, wanted, likes, liked, seems, seemed,
  appears, appeared, happens, happened, follows, followed, less, unless, access, process, address,
  business, success, news, series, bus, gas, its, yes, was, this, his, has, declined, refused, rejected,
  accepted, took, did, won, lost, signed, passed, approved, repealed, shares, owns, owned
`),
);

/**
 * "a military-focused account with more than 4.7 million followers added": the subject, opening the
 * clause or following a leading adverbial, with a prepositional modifier between it and the cue.
 */
function subjectWithModifier(raw: string, clauseStart: number, cueStart: number): SourcePhrase | null {
  if (cueStart - clauseStart > SOURCE_ASIDE_WINDOW) return null;
  const clause = raw.slice(clauseStart, cueStart);
  const starts = [0];
  for (let i = clause.indexOf(','); i >= 0 && starts.length < 4; i = clause.indexOf(',', i + 1)) starts.push(i + 1);
  for (const at of starts) {
    const lead = /^[\s\u200b“"‘(]*/.exec(clause.slice(at))?.[0].length ?? 0;
    const subject = sourceAfter(raw, clauseStart + at + lead, cueStart);
    if (!subject || PRONOUN_SOURCES.has(subject.span.text.toLowerCase())) continue;
    const rest = raw.slice(subject.phraseEnd, cueStart);
    if (
      /^[\s\u200b]+(?:with|from|of|at|in|on|under|for)[\s\u200b]/.test(rest) &&
      !/[,.;:!?“”"()]/.test(rest) &&
      wordCount(rest) <= 15 &&
      !/\b(?:who|which|that|and|but|or|is|are|was|were|has|have|had)\b/i.test(rest) &&
      findCues(rest).length === 0
    )
      return subject;
  }
  return null;
}

/** A document phrase opening the clause before a document cue, with only its modifiers between. */
function documentSubject(raw: string, clauseStart: number, cueStart: number): SourcePhrase | null {
  if (cueStart - clauseStart > SOURCE_ASIDE_WINDOW) return null;
  const lead = /^[\s\u200b“"‘(]*(?:(?:yet|but|and|still|meanwhile|however|in \d{4}),?[\s\u200b]+)?/i.exec(
    raw.slice(clauseStart, cueStart),
  )?.[0].length;
  const subject = sourceAfter(raw, clauseStart + (lead ?? 0), cueStart);
  if (!subject) return null;
  const head = subject.span.text.split(/[\s\u200b]+/).at(-1) ?? '';
  if (!DOCUMENT_HEADS.test(head)) return null;
  const between = raw.slice(subject.phraseEnd, cueStart);
  if (/[.;:!?“”"]/.test(between.replace(/\b\p{Lu}\p{L}{0,3}\./gu, 'x')) || findCues(between).length > 0) return null;
  return wordCount(between) <= 25 ? subject : null;
}
const DOCUMENT_HEADS =
  /^(?:reports?|study|studies|analysis|analyses|surveys?|polls?|data|research|investigation|assessment|review|audit|census|tally|average|transcript|slide|records|statistics|findings|documents?|filings?)$/i;

/** The subject that opens a clause, when only an aside set off by commas lies between it and the cue. */
function subjectBeforeAside(raw: string, clauseStart: number, cueStart: number): SourcePhrase | null {
  if (cueStart - clauseStart > SOURCE_ASIDE_WINDOW) return null;
  const lead = /^[\s\u200b“"‘(]*/.exec(raw.slice(clauseStart, cueStart))?.[0].length ?? 0;
  const subject = sourceAfter(raw, clauseStart + lead, cueStart);
  if (!subject || PRONOUN_SOURCES.has(subject.span.text.toLowerCase())) return null;
  const aside = raw.slice(subject.phraseEnd, cueStart);
  // One aside: it opens with a comma, holds no sentence end, quotation or other cue.
  if (
    !/^[\s\u200b]*,[\s\u200b]*[\p{L}\p{N}]/u.test(aside) ||
    /^[\s\u200b]+by\b/.test(raw.slice(cueStart).replace(/^\S+/, '')) ||
    /[.;:!?“”"](?![\s\u200b]*,)/.test(aside.replace(/\b\p{Lu}\p{L}{0,3}\./gu, 'x'))
  )
    return null;
  if (findCues(aside).length > 0 || wordCount(aside) > 40) return null;
  return subject;
}
const SOURCE_ASIDE_WINDOW = 400;

/**
 * "described X as Y", "likened X to Y", "blasted X for Y", "described how ...": the object and the
 * judgement, up to the narrator's clause that follows ("... as a “disgrace” after she attacked ...").
 */
function judgementAfter(raw: string, sentence: Segment, cue: Span, clauseStart: number): RawStatement | null {
  const src = sourceBefore(raw, clauseStart, cue.start);
  if (!src || /^(?:i|we)$/i.test(src.span.text)) return null;
  const end = Math.min(sentence.end, cue.end + MAX_CONTENT);
  const rest = raw.slice(cue.end, end);
  const how = /^[\s\u200b]+(?:how|what|why)\b/.exec(rest);
  const frame = how ? null : /^[\s\u200b]+[^.;:,“”"()]{1,80}?[\s\u200b](as|to|for)[\s\u200b]+\S/u.exec(rest);
  if (!how && !frame) return null;
  const from = cue.end + (/^[\s\u200b]*/.exec(rest)?.[0].length ?? 0);
  const tailFrom = how ? how[0].length : (frame?.[0].length ?? 0) - 1;
  const stop =
    /[\s\u200b]+(?:after|when|because|while|since|before|during|but|although|though|amid)\b|,[\s\u200b]+(?:and|but|which|who|while|saying|adding)\b|;/.exec(
      rest.slice(tailFrom),
    );
  const content = trimContent(raw, from, stop ? cue.end + tailFrom + stop.index : cutAtContinuation(raw, from, end));
  if (!content || !hasWords(raw.slice(content.start, content.end), 3)) return null;
  return { source: src.span, sourcePhrase: src.phrase, cue, content, direct: false, sentence };
}

/** A document cue keeps its statement only when the phrase names who published the document ("a report from CNN"). */
function documentSource(raw: string, st: RawStatement): RawStatement[] {
  if (!st.cue || !DOCUMENT_CUES.has(normaliseCue(st.cue.text))) return [st];
  if (!st.source || !DOCUMENT_NOUNS.test(st.sourcePhrase)) return [];
  const phraseStart = raw.indexOf(st.sourcePhrase, Math.max(0, st.source.start - st.sourcePhrase.length));
  if (phraseStart < 0) return [];
  const by =
    /\b(?:from|by|of)[\s\u200b]+((?:the[\s\u200b]+)?\p{Lu}[\p{L}&.’'-]*(?:[\s\u200b]+\p{Lu}[\p{L}&.’'-]*){0,5})/u.exec(
      st.sourcePhrase,
    ) ?? /^((?:the[\s\u200b]+)?\p{Lu}[\p{L}&.-]*(?:[\s\u200b]+\p{Lu}[\p{L}&.-]*){0,4})[’']s?\b/u.exec(st.sourcePhrase);
  if (!by?.[1]) {
    // "A Bloomberg poll shows", "one study found": a document that is itself the subject speaks.
    const head =
      st.source.text
        .trim()
        .split(/[\s\u200b]+/)
        .at(-1) ?? '';
    return /^(?:polls?|polling|study|studies|surveys?|analysis|analyses|reports?|data|research|audits?|reviews?|census|tally|assessments?|investigations?|charts?|graphs?|filings?|forecasts?|projections?|models?|results|records|statistics|documents?)$/i.test(
      head,
    )
      ? [st]
      : [];
  }
  const at = raw.indexOf(by[1], phraseStart);
  if (at < 0) return [];
  return [{ ...st, source: { text: by[1], start: at, end: at + by[1].length } }];
}

function startsInsideQuote(content: Segment, quotes: Quote[]): boolean {
  const q = inQuote(content.start, quotes);
  return !!q && q.close >= content.end;
}

/** Nothing but adverbials, an object or a pronoun source follows the cue up to the sentence end. */
function isClauseFinal(raw: string, from: number, end: number, word: string): boolean {
  // Only the start matters; a 1 MB sentence must not be copied once per cue.
  const isLong = end - from > 400;
  let rest = raw.slice(from, Math.min(end, from + 400));
  rest = rest.replace(LEAD_ADVERBIAL, ' ');
  if (OBJECT_CUES.has(word) || word === 'told')
    rest = rest.replace(
      /^[\s\u200b]*(?:the[\s\u200b]+)?(?:[\p{Lu}][\p{L}’'.&-]*[\s\u200b]*){1,4}|^[\s\u200b]*(?:reporters|journalists|parliament|lawmakers|the\s+\w+)/u,
      ' ',
    );
  rest = rest.replace(LEAD_ADVERBIAL, ' ');
  return (
    (!isLong && /^[\s\u200b]*[.!?]?[\s\u200b]*[”"’]?[\s\u200b]*$/.test(rest)) ||
    /^[\s\u200b]*[,;][\s\u200b]*(?:adding|saying|noting|citing|according|referring|in|as|while|after|amid|before|despite|but|and|although|though|whereas)\b/i.test(
      rest,
    ) ||
    // "..., the governor has said as heavy fighting continued": a time clause of the narrator follows.
    /^[\s\u200b]+(?:as|while|amid|after)[\s\u200b]+(?:the[\s\u200b]+)?[\p{Ll}\p{Lu}][\p{L}-]*[\s\u200b]+[\p{L}-]+(?:ed|ing|s)\b/iu.test(
      rest,
    )
  );
}

/** Where the clause holding the cue starts: after an earlier statement's content or a quote in the sentence. */
function clauseStartBefore(raw: string, sentence: Segment, cueStart: number, found: RawStatement[]): number {
  let start = sentence.start;
  // Statements are found in order: the last few are the only ones that can end between clause start and cue.
  for (let i = found.length - 1; i >= 0 && i >= found.length - 6; i--) {
    const s = found[i] as RawStatement;
    if (s.content.end <= cueStart && s.content.end > start) start = s.content.end;
  }
  // Scan back no further than the clause start, nor than a source phrase can reach (a run-on line stays linear).
  let closeQuote = -1;
  for (let k = Math.min(cueStart, raw.length - 1); k >= Math.max(start, cueStart - 300); k--) {
    if (raw[k] === '”' || raw[k] === '"') {
      closeQuote = k;
      break;
    }
  }
  if (closeQuote >= start && closeQuote < cueStart) {
    const between = raw.slice(closeQuote + 1, cueStart);
    if (/[,;]/.test(between)) start = closeQuote + 1;
  }
  return start;
}

/** The content after a cue: skips the object of "told reporters that", adverbials and "that". */
function contentAfter(raw: string, from: number, sentenceEnd: number, word: string): Segment | null {
  // What a source says fits in a few thousand characters; the cap keeps a run-on 1 MB line linear.
  const end = Math.min(sentenceEnd, from + MAX_CONTENT);
  let s = from;
  let rest = raw.slice(s, end);
  const adv = LEAD_ADVERBIAL.exec(rest);
  if (adv) {
    s += adv[0].length;
    rest = raw.slice(s, end);
  }
  if (/^accus/.test(word)) {
    // "accused the North's leader of fanatic recklessness": what is alleged follows "of".
    const of = /^[^.;“”"]{0,80}?[\s\u200b]of[\s\u200b]+/u.exec(rest);
    if (of) {
      s += of[0].length;
      rest = raw.slice(s, end);
    }
  } else if (OBJECT_CUES.has(word) || word === 'informed') {
    const obj =
      /^[\s\u200b]*(?:(?:the|a|an|his|her|their|its)[\s\u200b]+)?(?:[\p{L}’'.&-]+[\s\u200b]+){0,4}?(?:that|about|of)[\s\u200b]+/u.exec(
        rest,
      ) ??
      /^[\s\u200b]*(?:(?:the|a|an)[\s\u200b]+)?(?:[\p{Lu}][\p{L}’'.&-]*[\s\u200b]+){1,4}(?=[\p{Ll}])/u.exec(rest) ??
      /^[\s\u200b]*(?:reporters|journalists|lawmakers|parliament|me|us|him|her|them|officials|colleagues|supporters|residents)[\s\u200b]+/u.exec(
        rest,
      );
    if (obj) {
      s += obj[0].length;
      rest = raw.slice(s, end);
    }
  }
  // "expressed concern for X", "explained in detail about X", "stressed the need to".
  const prep =
    /^[\s\u200b]*(?:in[\s\u200b]+detail[\s\u200b]+)?(?:about|for|over|at|regarding|of|on)[\s\u200b]+(?!Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)/u.exec(
      rest,
    );
  if (prep && /^(?:expressed|explained|informed|spoke|warned|commented|complained|talked|stressed)/.test(word))
    s += prep[0].length;
  else {
    const that = /^[^,.;“”"]{0,60}?\bthat[\s\u200b]+/u.exec(rest);
    if (
      that &&
      /^[\s\u200b]*(?:in|on|at|during|after|before|by|to|as|from|with|without|via|through|for|of|later|earlier|yesterday|today|tonight|both|repeatedly|again|publicly|privately|falsely|wrongly|baselessly|repeatedly)\b/i.test(
        rest,
      )
    )
      s += that[0].length;
  }
  const after = raw.slice(s, Math.min(end, s + 300)).replace(LEAD_ADVERBIAL, (m) => ' '.repeat(m.length));
  const lead = /^[\s\u200b]*/.exec(after)?.[0].length ?? 0;
  return trimContent(raw, s + lead, cutAtContinuation(raw, s + lead, end));
}

/** ", adding that ..." starts a new statement: the content before it ends at the comma. */
function cutAtContinuation(raw: string, start: number, end: number): number {
  const text = raw.slice(start, end);
  // ", although ..." is the writer's aside, not the speaker's clause.
  const m =
    /,[\s\u200b]+(?:(?:even|also|again|then|further|later|repeatedly)[\s\u200b]+)?(?:adding|saying|noting|insisting|warning|stressing|arguing|claiming|explaining|accusing|confirming|announcing|stating|telling|suggesting|urging|vowing|predicting|denying|alleging|although|though|whereas)\b/i.exec(
      text,
    );
  let cut = m ? start + m.index : end;
  // “absolutely reeling,” pointing to estimates ...: a participle after a quote closed on its comma
  // is the speaker's aside (what they did while saying it), not part of what was said.
  const aside = /,[”"](?=[\s\u200b]+\p{Ll}+ing\b)/u.exec(raw.slice(start, cut));
  if (aside) cut = start + aside.index + aside[0].length;
  // "said he would order a review and warned against hackers": the source's next cue starts a statement of its own.
  const next = findCues(raw.slice(start, cut)).find(
    (c) =>
      c.index > 0 &&
      /[\s\u200b,](?:and|but)[\s\u200b]+(?:also[\s\u200b]+|then[\s\u200b]+)?$/.test(
        raw.slice(Math.max(start, start + c.index - 12), start + c.index),
      ) &&
      !/ing$/.test(c.text),
  );
  if (next) cut = start + dropTrailingJoiner(raw.slice(start, start + next.index)).length;
  // ", a claim that could not be independently verified": the writer's caveat.
  const caveat =
    /[,;][\s\u200b]+(?:a claim|claims|an assertion|a figure|figures|numbers|which|something|a number|an account|reports)\b[^.;]{0,60}?\b(?:not|un)[\s\u200b]*(?:be[\s\u200b]+)?(?:immediately[\s\u200b]+|independently[\s\u200b]+)*(?:verified|verifiable|confirmed)\b/i.exec(
      raw.slice(start, cut),
    );
  if (caveat) cut = start + caveat.index;
  // "confirmed the assault on public television": where it was said is not what was said.
  // Only the tail: the pattern is anchored at the end, and from every start in a long run of spaces it rescans the run.
  const tailStart = Math.max(start, cut - 240);
  const media = TRAILING_MEDIA.exec(raw.slice(tailStart, cut));
  if (media && tailStart + media.index > start) cut = tailStart + media.index;
  return cut;
}

const TRAILING_MEDIA =
  /[\s\u200b]+(?:on|in|via|during|to)[\s\u200b]+(?:(?:a|an|the|his|her|its|their|public|national|state|local|social|live|Ukrainian|Russian|regional|nightly|televised|video|press)[\s\u200b]+){0,3}(?:television|TV|radio|Telegram|Twitter|Facebook|Instagram|statement|interview|briefing|video|post|tweet|address|media|broadcast|conference|reporters|journalists)[\s\u200b.]*$/;

/** "according to X, content" / "content, according to X". */
function accordingTo(raw: string, sentence: Segment, cue: Span, quotes: Quote[]): RawStatement | null {
  // "According to him, ...": an object pronoun is the source; the resolver finds who it stands for.
  const pronoun = /^([\s\u200b]+)(him|her|them)\b/i.exec(raw.slice(cue.end, Math.min(sentence.end, cue.end + 12)));
  const pronounStart = cue.end + (pronoun?.[1]?.length ?? 0);
  const src: SourcePhrase | null = pronoun?.[2]
    ? {
        span: { text: pronoun[2], start: pronounStart, end: pronounStart + pronoun[2].length },
        phrase: pronoun[2],
        phraseStart: pronounStart,
        phraseEnd: pronounStart + pronoun[2].length,
      }
    : sourceAfter(raw, cue.end, sentence.end);
  if (!src) return null;
  const beforeText = raw.slice(sentence.start, cue.start);
  let content: Segment | null = null;
  if (hasWords(beforeText, 4)) {
    content = trimContent(raw, sentence.start, cue.start);
  } else {
    const after = raw.slice(src.phraseEnd, Math.min(sentence.end, src.phraseEnd + 300));
    // "According to X, an adviser to Y, content": the appositive belongs to the source.
    const appositive =
      /^[\s\u200b]*,[\s\u200b]*(?:an?|the|his|her|its|their|[\p{Lu}][\p{L}-]*[’']s)[\s\u200b][^,.;“”"]{1,100},/u.exec(
        after,
      );
    const comma = appositive ? appositive[0].length - 1 : after.indexOf(',');
    if (comma >= 0) content = trimContent(raw, src.phraseEnd + comma + 1, sentence.end);
  }
  if (!content || startsInsideQuote(content, quotes)) return null;
  return { source: src.span, sourcePhrase: src.phrase, cue, content, direct: false, sentence };
}

/** "All these facts have been officially confirmed by the IAEA": source the agent, content the subject. */
function passiveWithAgent(
  raw: string,
  sentence: Segment,
  cue: Span,
  beforeTokens: ReturnType<typeof tokenize>,
  previous?: Segment,
): RawStatement | null {
  const by = /^[\s\u200b]+by[\s\u200b]+/.exec(raw.slice(cue.end, sentence.end));
  if (!by) return null;
  const src = sourceAfter(raw, cue.end + by[0].length, sentence.end);
  if (!src) return null;
  let k = beforeTokens.length;
  while (
    k > 0 &&
    /^(is|are|was|were|be|been|being|has|have|had|also|officially|already|now|not|widely|repeatedly|publicly|since|long|\p{L}+ly)$/u.test(
      (beforeTokens[k - 1] as { lower: string }).lower,
    )
  )
    k--;
  const subject = beforeTokens[k - 1];
  // "This was announced by X": the demonstrative stands for the sentence before.
  if (
    subject &&
    k === 1 &&
    /^[\s\u200b“"]*$/.test(raw.slice(sentence.start, subject.start)) &&
    /^(?:this|that|it|these|those)$/.test(subject.lower) &&
    previous
  ) {
    const content = trimContent(raw, previous.start, previous.end);
    return content ? { source: src.span, sourcePhrase: src.phrase, cue, content, direct: false, sentence } : null;
  }
  if (subject && /^(?:who|which|that)$/.test(subject.lower)) {
    // "Derkach, who was accused by the US of being a Russian agent": what the agent said follows it.
    const rest = raw.slice(src.phraseEnd, sentence.end);
    const what = /^[\s\u200b]*(?:of|that|as)[\s\u200b]+/.exec(rest);
    if (!what) return null;
    const content = trimContent(
      raw,
      src.phraseEnd + what[0].length,
      cutAtContinuation(raw, src.phraseEnd + what[0].length, sentence.end),
    );
    return content ? { source: src.span, sourcePhrase: src.phrase, cue, content, direct: false, sentence } : null;
  }
  const subjectEnd = k > 0 ? (beforeTokens[k - 1] as { end: number }).end : sentence.start;
  const content = trimContent(raw, sentence.start, subjectEnd);
  if (!content) return null;
  return { source: src.span, sourcePhrase: src.phrase, cue, content, direct: false, sentence };
}

/** The subject of a sentence, for a continuation cue with no statement before it ("X worked ..., arguing that"). */
function subjectOf(raw: string, sentence: Segment, cueStart: number): { span: Span; phrase: string } | null {
  const tokens = tokenize(raw, Math.max(sentence.start, cueStart - 600), cueStart);
  // The first capitalised run that reads as a name, outside a leading subordinate clause.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t?.isWord || !/^\p{Lu}/u.test(t.text)) continue;
    let j = i;
    while (
      j < tokens.length &&
      (tokens[j] as { isWord: boolean }).isWord &&
      /^\p{Lu}/u.test((tokens[j] as { text: string }).text)
    )
      j++;
    const run = tokens.slice(i, j);
    // "Senator Mitch McConnell": the name is the longest tail of the run that reads as one.
    for (let k = 0; k + 2 <= run.length; k++) {
      const tail = run.slice(k);
      if (!looksLikePersonName(tail.map((x) => x.text).join(' '))) continue;
      const start = (tail[0] as { start: number }).start;
      const end = (tail.at(-1) as { end: number }).end;
      return {
        span: { text: raw.slice(start, end), start, end },
        phrase: raw.slice((run[0] as { start: number }).start, end),
      };
    }
    i = j;
  }
  return null;
}

export { isSpaceChar };

/**
 * Drops a trailing joiner ("..., but", " and") and the separators around it in one backward scan.
 * The regular expression it replaces (`[\s,;]*(?:but|and|...)?[\s,;]*$`) backtracked cubically on a
 * long run of spaces or commas.
 */
function dropTrailingJoiner(text: string): string {
  const isSeparator = (c: string | undefined) => c !== undefined && /[\s\u200b,;]/.test(c);
  let end = text.length;
  while (end > 0 && isSeparator(text[end - 1])) end--;
  const joiner = /(?:^|[^\p{L}])(but|and|while|however|though|whereas|as)$/iu.exec(
    text.slice(Math.max(0, end - 10), end),
  );
  if (joiner?.[1]) {
    end -= joiner[1].length;
    while (end > 0 && isSeparator(text[end - 1])) end--;
  }
  return text.slice(0, end);
}
