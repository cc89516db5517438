import type { RawStatement } from './attribution.ts';
import { nameSpanIn, tokenize } from './noun-phrase.ts';
import type { Segment } from './segment.ts';

/**
 * Transcripts with speaker labels ("Vladimir Putin: Good afternoon, colleagues ..."), as the
 * Kremlin and other offices publish them. Each turn that states something is one direct statement
 * whose source is the label and whose cue is null; questions and courtesies are skipped.
 */
const LABEL_RE =
  /^[“"]?([\p{Lu}][\p{L}’'.-]*(?:[ \t\u00a0]+(?:[\p{Lu}][\p{L}’'.-]*|of|the|and|de|von|van|al|bin)){0,7})[ \t\u00a0]*:[ \t\u00a0]*(?=\S)/u;
const QUESTION_LABEL =
  /^(?:q|question|questions|reporter|journalist|correspondent|moderator|interviewer|host|anchor|remark|remarks|voice|voices|audience|participant|member of the audience)$/i;
const COURTESY =
  /^(?:thank(?:s| you)|good (?:morning|afternoon|evening|day|night)|hello|hi|goodbye|bye|dear (?:colleagues|friends)|colleagues|friends|ladies and gentlemen|please|welcome|congratulations|yes|no|of course|certainly|all right|right|ok|okay)\b/i;
/** Labels that are not speakers: datelines, notes, section heads. */
const NOT_SPEAKER =
  /^(?:note|notes|source|sources|photo|photograph|video|update|updated|read more|see also|watch|listen|topic|topics|subject|date|time|place|location|agenda|tags?|posted by|written by|by|editor[’']s note|translation|transcript|excerpt|excerpts|ps|p\.s\.)$/i;

interface Labelled {
  para: Segment;
  label: string;
  labelStart: number;
  textStart: number;
}

function labelOf(raw: string, para: Segment): Labelled | null {
  const head = raw.slice(para.start, Math.min(para.end, para.start + 90));
  const m = LABEL_RE.exec(head);
  if (!m?.[1]) return null;
  const label = m[1];
  if (NOT_SPEAKER.test(label) || label.length > 70) return null;
  // "Q:"/"A:" interviews name the speaker elsewhere; a one-letter label is a question or an unnamed answer.
  if (label.length === 1 && !/^q$/i.test(label))
    return { para, label: '', labelStart: para.start, textStart: para.start + m[0].length };
  // A label inside an opening quotation mark (`"PENCE: ...`, a transcript quoted over paragraphs) starts after it.
  return { para, label, labelStart: para.start + m[0].indexOf(label), textStart: para.start + m[0].length };
}

const wordCount = (text: string) => text.split(/[\s\u00a0]+/).filter(Boolean).length;

/** The turns of a transcript, or [] when the text is not one (fewer than three labelled paragraphs). */
export function findTranscriptTurns(raw: string, paragraphs: Segment[]): RawStatement[] {
  const labelled = paragraphs.map((p) => labelOf(raw, p));
  const labels = labelled.filter((l): l is Labelled => l !== null);
  if (labels.length < 3) return [];
  const distinct = new Set(labels.map((l) => l.label.toLowerCase()));
  // A transcript has speakers who take turns: some label recurs, or several speakers alternate.
  if (distinct.size === labels.length && distinct.size < 3) return [];
  const out: RawStatement[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const turn = labelled[i];
    if (!turn) continue;
    // A turn runs on over the paragraphs after it until the next label.
    let last = turn.para;
    for (let j = i + 1; j < paragraphs.length && !labelled[j]; j++) last = paragraphs[j] as Segment;
    if (!turn.label || QUESTION_LABEL.test(turn.label) || /\bquestion\b/i.test(turn.label)) continue;
    let end = last.end;
    while (end > turn.textStart && /[\s\u00a0]/.test(raw[end - 1] ?? '')) end--;
    const text = raw.slice(turn.textStart, end);
    const words = wordCount(text);
    if (words < 6 || (/\?$/.test(text) && words < 40)) continue;
    // "Good afternoon. Our forces have ...": a greeting opening a turn does not make it a courtesy.
    if (COURTESY.test(text) && words < 15 && wordCount(text.replace(/^[^.!?]*[.!?]+/, '')) < 6) continue;
    const tokens = tokenize(raw, turn.labelStart, turn.labelStart + turn.label.length);
    const name = nameSpanIn(tokens, 0, tokens.length);
    const first = tokens[name.from];
    const lastTok = tokens[name.to - 1];
    if (!first || !lastTok) continue;
    out.push({
      source: { text: raw.slice(first.start, lastTok.end), start: first.start, end: lastTok.end },
      sourcePhrase: turn.label,
      cue: null,
      content: { start: turn.textStart, end },
      direct: true,
      sentence: { start: turn.para.start, end: last.end },
    });
  }
  return out;
}
