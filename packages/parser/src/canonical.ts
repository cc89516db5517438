import { wordList } from './word-list.ts';
import { DETERMINERS, HONORIFIC, ORG_HEADS, ROLE_NOUNS, looksLikePersonName } from './noun-phrase.ts';
import { holdersOf } from './office-lexicon.ts';
import {
  HEADS_OF_STATE,
  isSideWord,
  lastPlaceSideOf,
  namesAParty,
  partiesOf,
  placeSideOf,
  sideOf,
} from './side-lexicon.ts';
import type { Side, Span } from './types.ts';

// Surname particles ("Ursula von der Leyen", "Charles de Gaulle") may sit between capitalised words.
export const NAME_RE =
  /(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col)\.?[ \t\u00a0]+)?\p{Lu}[\p{L}’'-]+(?:[ \t\u00a0]+(?:\p{Lu}\.[ \t\u00a0]+|(?:von|van|der|den|de|da|di|du|la|le)[ \t\u00a0]+){0,2}\p{Lu}[\p{L}’'-]+){0,6}/gu;

/** NAME_RE anchored at a position: tried only where a capital letter stands. */
const NAME_AT = new RegExp(NAME_RE.source, 'uy');
const UPPER = /^\p{Lu}$/u;
const WIDE_UPPER = new Map<number, boolean>();
function isUpperCodePoint(cp: number): boolean {
  if (cp < 128) return cp >= 65 && cp <= 90;
  let upper = WIDE_UPPER.get(cp);
  if (upper === undefined) {
    upper = UPPER.test(String.fromCodePoint(cp));
    if (WIDE_UPPER.size < 4096) WIDE_UPPER.set(cp, upper);
  }
  return upper;
}

/**
 * The matches of NAME_RE in a text, as `raw.matchAll(NAME_RE)` gives them: every match opens with a
 * capital letter (a name or a title such as "Mr"), so the pattern runs only at capitals, stepping
 * over the text by code point as a Unicode global search does.
 */
export function nameRuns(raw: string): Array<{ 0: string; index: number }> {
  const out: Array<{ 0: string; index: number }> = [];
  let i = 0;
  while (i < raw.length) {
    const cp = raw.codePointAt(i) as number;
    if (isUpperCodePoint(cp)) {
      NAME_AT.lastIndex = i;
      const m = NAME_AT.exec(raw);
      if (m) {
        out.push({ 0: m[0], index: i });
        i += m[0].length;
        continue;
      }
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return out;
}

export interface Resolved {
  canonical: string;
  side: Side;
}

interface Mention {
  name: string;
  start: number;
  end: number;
  /** Titles and appositives written around this mention ("Ukraine's former defence minister"). */
  descriptor: string;
}

interface Range {
  open: number;
  close: number;
}

export interface ResolverContext {
  /** Quotations: names inside them are not antecedents of a pronoun outside. */
  quotes?: Range[];
  /** Every statement's source span and phrase, in any order: role phrases are linked to names near them. */
  sources?: Array<{ span: Span; phrase: string }>;
  /** The side of the office publishing the text (a presidency, a ministry), for bodies it names without a side. */
  defaultSide?: Side;
}

/** Heads of phrases that name one person by function ("the adviser", "a senior energy official"). */
const PERSON_ROLES = new Set(
  wordList(`
  adviser, advisor, minister, spokesman, spokeswoman, spokesperson, president, governor, mayor, official,
  officer, commander, chief, head, director, ambassador, secretary, chancellor, leader, envoy, aide,
  analyst, expert, economist, prosecutor, general, colonel, deputy, representative, coordinator, manager,
  premier, chairman, chairwoman, chair, senator, lawmaker, commissioner, ombudsman, ombudswoman,
  administrator, founder, executive, researcher, professor, scientist, doctor, lawyer, attorney, judge,
  speaker
`),
);

/** A role phrase repeats a description when the sides agree and its modifiers recur ("President of France" / "President of the French Republic"). */
function isSameRole(role: string, descriptor: string): boolean {
  // A role that names no party ("the RMA Head") may describe anyone's official; one that names a party must agree.
  if (namesAParty(role) && sideOf(role) !== sideOf(descriptor)) return false;
  const head = headOf(role);
  const words = stripArticle(role)
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 2 && w !== head && !/^(the|of|for|and|in|at|from)$/.test(w) && !isSideWord(w));
  if (words.length === 0) return true;
  // "the RMA Head" and "Head of the Zaporizhzhia Regional Military Administration": an acronym
  // stands for the capitalised words it abbreviates.
  const initials = (descriptor.match(/\p{Lu}[\p{L}-]*/gu) ?? []).map((w) => w[0]).join('');
  const acronyms = (role.match(/(?<![\p{L}])\p{Lu}{2,6}(?![\p{L}])/gu) ?? []).filter((a) => !isSideWord(a));
  if (acronyms.some((a) => initials.includes(a))) return true;
  const stems = new Set(
    descriptor
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length > 2)
      .map((w) => w.slice(0, 4)),
  );
  return words.some((w) => stems.has(w.slice(0, 4)));
}

/**
 * Whether a definite role ("the US president", "the President of the European Commission") can
 * repeat an earlier source described as `described`: a role that names a party must name the same
 * one ("the US president" is not "Ukraine's president"), and one that names a body ("of the
 * European Commission") must share its words. A bare role ("the president") repeats anyone.
 */
function isRoleOf(role: string, described: string): boolean {
  if (namesAParty(role)) {
    const side = sideOf(role);
    if (side !== sideOf(described)) return false;
    if (side === 'other') {
      const theirs = new Set(partiesOf(described));
      if (!partiesOf(role).some((p) => theirs.has(p))) return false;
    }
  }
  if (/\b(?:of|for)[\s\u00a0]+(?:the[\s\u00a0]+)?\p{Lu}/u.test(role)) return isSameRole(role, described);
  return true;
}

const PRONOUN_WORDS =
  /^(?:He|She|It|They|We|I|You|This|That|These|Those|There|But|And|In|On|At|As|If|When|While|After|Before)\b/;

/** Nouns for a person introduced without a name ("a 16-year-old boy", "a wounded soldier"). */
const PERSON_NOUNS = new Set(
  wordList(`
  boy, girl, man, woman, teenager, child, mother, father, son, daughter, wife, husband, soldier,
  resident, survivor, witness, volunteer, student, teacher, nurse, medic, pensioner, refugee, driver,
  farmer, worker, fighter, marine, prisoner, hostage, veteran, activist, priest, villager, grandmother,
  grandfather
`),
);

/** Last words of the names of newspapers and broadcasters ("Global Times", "Guangzhou Daily"). */
const MEDIA_HEADS = new Set(
  wordList(`
  times, post, daily, news, journal, herald, tribune, telegraph, guardian, review, gazette, observer,
  chronicle, standard, mirror, express, weekly, magazine, today, tv, television, radio
`),
);

/** Nouns that refer back to an institution ("the organisation says") and the head words that name one. */
const INSTITUTION_NOUNS =
  /^(?:organisation|organization|group|agency|institute|thinktank|think tank|watchdog|monitor|body)$/;
const INSTITUTION_HEADS = new Set(
  wordList(`
  centre, center, institute, organisation, organization, movement, foundation, association, council,
  committee, commission, agency, group, union, alliance, coalition, society, trust, initiative, project,
  watch, observatory, network, fund, office, service, programme, program, mission, tribunal, court
`),
);

/** The acronyms of states and unions that articles also spell out: one canonical name for both (the UN stays "UN"). */
const ACRONYMS: Record<string, string> = {
  US: 'United States',
  'U.S.': 'United States',
  USA: 'United States',
  'U.S.A.': 'United States',
  UK: 'United Kingdom',
  'U.K.': 'United Kingdom',
  EU: 'European Union',
  'E.U.': 'European Union',
};

function expandAcronym(name: string): string {
  return ACRONYMS[name.trim()] ?? name;
}

type Gender = 'm' | 'f';

/** Gender a mention states itself: "Mrs. Clinton", "Stein spokeswoman Melezia Figueroa", "his wife, Olena". */
function genderOf(m: Mention): Gender | null {
  if (/^(?:Mrs|Ms|Miss)\.?\s/.test(m.name)) return 'f';
  if (/^Mr\.?\s/.test(m.name)) return 'm';
  const d = m.descriptor.toLowerCase();
  if (
    /\b(?:spokeswoman|chairwoman|congresswoman|businesswoman|stateswoman|actress|mother|wife|daughter|sister|grandmother|woman|girl|widow|first lady)\b/.test(
      d,
    )
  )
    return 'f';
  if (
    /\b(?:spokesman|chairman|congressman|businessman|statesman|father|husband|son|brother|grandfather|man|boy|widower)\b/.test(
      d,
    )
  )
    return 'm';
  return null;
}

/** Offices of a town or region: with no country named, they speak for the place they run. */
/** A local office named by a place the text has already named: "the city's mayor", "the regional governor". */
const PLACE_ANAPHOR = /\b(?:the|this)[\s\u00a0]+(?:city|town|village|region|oblast)(?:[’']s)?\b/i;
const LOCAL_ROLE =
  /\b(?:mayor|governor|regional|oblast|local|city council|military administration|administration head|emergency services|police)\b/i;

const surnameOf = (name: string) =>
  name
    .split(/[\s\u00a0]+/)
    .filter(Boolean)
    .at(-1)
    ?.replace(/[’']s$/, '') ?? name;
const stripHonorific = (name: string) => name.replace(/^(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col)\.?[\s\u00a0]+/, '');
const stripArticle = (text: string) => text.replace(/^(?:the|a|an)[\s\u00a0]+/i, '');
const headOf = (phrase: string) => {
  const words = stripArticle(phrase)
    .replace(/\([^)]*\)/g, ' ')
    .split(/[\s\u00a0]+/)
    .filter(Boolean);
  // "the mayor of Mariupol": the head is before the preposition.
  const ofAt = words.findIndex((w, i) => i > 0 && /^(of|for|in|at|from)$/.test(w));
  const core = ofAt > 0 ? words.slice(0, ofAt) : words;
  return (core.at(-1) ?? '').toLowerCase().replace(/[’']s$/, '');
};

/** Index of the first item whose key is greater than `pos` (items sorted by key). */
function firstAfter<T>(items: T[], pos: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid] as T) <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `pos` lies in one of the ranges (sorted by open, not nested). */
function inRanges(pos: number, ranges: Range[]): boolean {
  const i = firstAfter(ranges, pos, (r) => r.open) - 1;
  for (let k = i; k >= 0 && k >= i - 2; k--) {
    const r = ranges[k] as Range;
    if (pos >= r.open && pos < r.close) return true;
  }
  return false;
}

/** The personal name inside a capitalised run: "Russian President Vladimir Putin" -> "Vladimir Putin". */
function personIn(run: string): { name: string; offset: number } | null {
  // A one-word run ("Russia", "Sunday", most capitalised words) holds no two-word name.
  if (!/\s/.test(run)) return null;
  const words = [...run.matchAll(/[^\s\u00a0]+/g)];
  for (let i = 0; i < words.length; i++) {
    const rest = run.slice(words[i]?.index ?? 0).replace(/[’']s$/, '');
    // The cheap word count first: the name test runs only on a tail of two words or more.
    if (rest.split(/\s+/).length >= 2 && looksLikePersonName(rest)) return { name: rest, offset: words[i]?.index ?? 0 };
  }
  return null;
}

/** Every personal name the article spells out, with the titles and appositives around it. */
export function collectMentions(raw: string, quotes: Range[] = []): Mention[] {
  const mentions: Mention[] = [];
  for (const m of nameRuns(raw)) {
    const at = m.index;
    const person = personIn(m[0]);
    if (!person) continue;
    const start = at + person.offset;
    const name = person.name;
    const end = start + name.length;
    if (inRanges(start, quotes)) continue;
    mentions.push({ name, start, end, descriptor: descriptorAround(raw, at, start, end) });
  }
  // Surname-only mentions of a name spelled out somewhere ("Kyrylenko said").
  const surnames = new Map<string, string>();
  for (const mn of mentions) {
    const full = stripHonorific(mn.name);
    if (full.split(/\s+/).length >= 2) {
      const prev = surnames.get(surnameOf(full));
      if (!prev || full.length > prev.length) surnames.set(surnameOf(full), full);
    }
  }
  if (surnames.size > 0) {
    const alternation = [...surnames.keys()]
      .filter((s) => s.length >= 3)
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|');
    if (alternation) {
      const taken = mentions.map((mn) => ({ open: mn.start, close: mn.end }));
      for (const m of raw.matchAll(new RegExp(`(?<![\\p{L}])(?:${alternation})(?![\\p{L}])`, 'gu'))) {
        const at = m.index ?? 0;
        if (inRanges(at, quotes) || inRanges(at, taken)) continue;
        mentions.push({
          name: surnames.get(m[0]) ?? m[0],
          start: at,
          end: at + m[0].length,
          descriptor: descriptorAround(raw, at, at, at + m[0].length),
        });
      }
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return mentions;
}

/** Role words before a name in its clause, and an appositive after it between commas. */
function descriptorAround(raw: string, runStart: number, start: number, end: number): string {
  const parts: string[] = [];
  // "Russian President Vladimir Putin": a title run before the name, unless it completes a preposition
  // ("a close friend of Ukraine John Paul II"), which the clause below reads with its preposition.
  const isComplement = /\b(?:of|to|for|with|from|in|at|on|by|about|against)[\s\u00a0]+$/i.test(
    raw.slice(Math.max(0, runStart - 12), runStart),
  );
  if (runStart < start && !isComplement) parts.push(raw.slice(runStart, start));
  // "Ukrainian lawmaker Andriy Derkach" / "the regional governor, Pavlo Kyrylenko,"
  const before = raw.slice(Math.max(0, runStart - 160), runStart);
  const clause = before.split(/[.;:!?“”"(]|\n/).at(-1) ?? '';
  const lastComma = clause.lastIndexOf(',');
  const lead = `${lastComma >= 0 ? clause.slice(lastComma + 1) : clause}${isComplement ? raw.slice(runStart, start) : ''}`;
  // "Volodymyr Zelenskyy and Prime Minister of Canada Justin Trudeau": a coordinated name before is someone else's.
  const own = lead.replace(
    /^.*\s(?:and|with|or|met|meets|to|quoted|cited|thanked|told|asked|interviewed|invited)\s+(?=\p{Lu}|$)/su,
    '',
  );
  parts.push(own.trim().split(/\s+/).slice(-6).join(' '));
  if (/,[\s\u00a0]*$/.test(clause)) {
    const prevSeg = clause.slice(0, clause.replace(/,[\s\u00a0]*$/, '').lastIndexOf(',') + 1 || 0);
    const seg = clause.replace(/,[\s\u00a0]*$/, '').slice(prevSeg.length);
    // Only a role phrase ("the regional governor, Pavlo Kyrylenko"), not a leading clause ("Determined to ..., Senator X").
    const segWords = seg.trim().split(/\s+/);
    const isRolePhrase =
      segWords.length <= 8 &&
      segWords.some((w) => ROLE_NOUNS.has(w.toLowerCase().replace(/[’']s$/, ''))) &&
      !/^(?:\p{Ll}+(?:ed|ing)|to|in|on|at|after|before|when|while|as|if|with|for|despite)$/iu.test(segWords[0] ?? '');
    // "Appointed by President Zelensky as head of the administration, Mr. Lyakh ...": an appointment says whose side.
    const isAppointment =
      /^(?:appointed|elected|named|installed|nominated|chosen|reappointed)\b/i.test(seg.trim()) &&
      segWords.length <= 20;
    if (isRolePhrase || isAppointment) parts.push(seg);
  }
  const after = raw.slice(end, Math.min(raw.length, end + 140));
  let appositive = /^[\s\u00a0\u200b]*,[\s\u00a0]*([^,.;:\n“”"]{2,120})[,.;]/.exec(after);
  // "Oleksandr Babynets, 28, a member of the Ukrainian 28th Brigade": an age comes first; the role follows it.
  if (appositive?.[1] && /^[\s\u00a0]*\d{1,3}[\s\u00a0]*$/.test(appositive[1]) && appositive[0].endsWith(',')) {
    const next = /^[\s\u00a0]*([^,.;:\n“”"]{2,120})[,.;]/.exec(after.slice(appositive[0].length));
    if (next) appositive = next;
  }
  if (appositive?.[1]) {
    const text = appositive[1];
    const first = (text.trim().split(/\s+/)[0] ?? '').toLowerCase();
    if (
      DETERMINERS.has(first) ||
      /[’']s$/.test(first) ||
      ROLE_NOUNS.has(first) ||
      /^(of|from|at|a|an|the|\d{1,3})$/.test(first)
    ) {
      if (!/\b(said|says|told|added)\b/.test(text)) parts.push(text);
    }
  }
  // "He is serving his second term as mayor of Sloviansk" is out of reach; "X of the Rusi thinktank" is not.
  const of =
    /^[\s\u00a0\u200b,]+(?:of|from)[\s\u00a0]+((?:the[\s\u00a0]+)?[\p{Lu}][\p{L}’'-]*(?:[\s\u00a0]+[\p{Lu}][\p{L}’'-]*){0,4})/u.exec(
      after,
    );
  if (of?.[1]) parts.push(of[1]);
  return parts.join(' ; ');
}

/**
 * Resolves a source span to its canonical name and side: the fullest spelling of a name, a pronoun
 * to the person last named before it, a definite role ("the adviser") to the source it repeats, and
 * a role with no name ("a senior energy official") to the person named as a source right after.
 */
export class SourceResolver {
  private readonly mentions: Mention[];
  private readonly fullNames = new Map<string, string>();
  private readonly descriptors = new Map<string, string[]>();
  private readonly genders = new Map<string, Gender>();
  private readonly sources: Array<{ span: Span; phrase: string }>;
  private readonly resolved: Array<{
    start: number;
    head: string;
    isPerson: boolean;
    result: Resolved;
    phrase: string;
  }> = [];
  private lastAny: Resolved | null = null;

  private readonly raw: string;
  private readonly defaultSide: 'russia' | 'ukraine' | undefined;
  private readonly isWriteUp: boolean;
  /** First names that open exactly one full name in the text. */
  private readonly byFirstName = new Map<string, string>();

  constructor(raw: string, context: ResolverContext = {}) {
    this.raw = raw;
    this.defaultSide =
      context.defaultSide === 'russia' || context.defaultSide === 'ukraine' ? context.defaultSide : undefined;
    this.mentions = collectMentions(raw, context.quotes ?? []);
    // The fullest spelling a name is written in most often: a title-case headline ("Lawmakers Rip Donald Trump")
    // or a stray capitalised word before a name must not win over "Donald Trump".
    const counts = new Map<string, number>();
    for (const m of this.mentions) {
      const full = stripHonorific(m.name);
      if (full.split(/\s+/).length >= 2) counts.set(full, (counts.get(full) ?? 0) + 1);
    }
    const byKey = new Map<string, string[]>();
    for (const full of counts.keys()) {
      const list = byKey.get(surnameOf(full));
      if (list) list.push(full);
      else byKey.set(surnameOf(full), [full]);
    }
    for (const [key, spellings] of byKey) {
      spellings.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || b.length - a.length);
      let best = spellings[0] as string;
      // A longer spelling of the same name ("Donald J. Trump" for "Donald Trump") is the fullest one.
      const first = best.split(/\s+/)[0] ?? '';
      for (const other of spellings) if (other.length > best.length && other.startsWith(`${first} `)) best = other;
      this.fullNames.set(key, best);
    }
    const firsts = new Map<string, Set<string>>();
    for (const full of this.fullNames.values()) {
      const first = full.split(/\s+/)[0] ?? '';
      if (full.split(/\s+/).length >= 2 && /^\p{Lu}\p{Ll}+$/u.test(first))
        firsts.set(first, (firsts.get(first) ?? new Set()).add(full));
    }
    for (const [first, fulls] of firsts) if (fulls.size === 1) this.byFirstName.set(first, [...fulls][0] as string);
    for (const m of this.mentions) {
      const canonical = this.fullName(m.name);
      const gender = genderOf(m);
      if (gender && !this.genders.has(canonical)) this.genders.set(canonical, gender);
      const list = this.descriptors.get(canonical) ?? [];
      // A few descriptions are enough for a side; a name repeated 10,000 times must not cost 10,000 checks.
      if (m.descriptor && list.length < 8) list.push(m.descriptor);
      this.descriptors.set(canonical, list);
    }
    this.sources = [...(context.sources ?? [])].sort((a, b) => a.span.start - b.span.start);
    // A write-up in the third person names its own head as a source ("the President noted", "Vladimir
    // Putin said"); an address in the first person does not.
    const heads = this.defaultSide ? HEADS_OF_STATE[this.defaultSide] : [];
    this.isWriteUp = this.sources.some(
      (x) =>
        heads.includes(surnameOf(x.span.text).toLowerCase()) ||
        /^(?:the[\s\u00a0]+)?(?:President|Head of State)$/.test(x.phrase.trim()),
    );
  }

  private fullName(name: string): string {
    const bare = stripHonorific(name).replace(/[’']s$/, '');
    const words = bare.split(/\s+/);
    const full = this.fullNames.get(surnameOf(bare));
    if (full && (words.length === 1 || full.includes(words[0] ?? ''))) return full;
    // "Vladislav said": a first name alone stands for the one full name it opens.
    if (words.length === 1 && !/^(?:Mr|Mrs|Ms|Dr)\.?\s/.test(name)) {
      const byFirst = this.byFirstName.get(bare);
      if (byFirst) return byFirst;
    }
    return words.length === 1 && /^(?:Mr|Mrs|Ms|Dr)\.?\s/.test(name) ? name : bare;
  }

  private sideOfPerson(canonical: string, phrase: string, position = -1): Side {
    const direct = sideOf(`${phrase} ${canonical}`);
    // A phrase that names a third party ("President of Belarus", "a UN official") settles it: the
    // sides of the names around them are not theirs.
    if (direct !== 'other' || namesAParty(`${phrase} ${canonical}`)) return direct;
    const descriptors = this.descriptors.get(canonical) ?? [];
    for (const d of descriptors) {
      const side = sideOf(d);
      if (side !== 'other' && side !== 'unknown') return side;
    }
    // A local office with no country named ("the regional governor", "the mayor"): the place the paragraph is about.
    if (position >= 0 && LOCAL_ROLE.test(`${phrase} ${descriptors.join(' ')}`)) {
      const side = placeSideOf(this.paragraphAt(position));
      if (side !== 'other') return side;
      // "the city’s mayor", "the town's military administration": the place the text named last
      // before it (a bounded look-back, so a long text stays linear).
      if (PLACE_ANAPHOR.test(`${phrase} ${descriptors.join(' ')}`)) {
        const earlier = lastPlaceSideOf(this.raw.slice(Math.max(0, position - 3000), position));
        if (earlier !== 'other') return earlier;
      }
    }
    // A person the text introduces in a Ukrainian or Russian town with neither office nor party (a
    // resident, an evacuee, a soldier): the side of the place where they are first named.
    const hasRole = `${phrase} ${descriptors.join(' ')}`
      .split(/[^\p{L}]+/u)
      .some((w) => ROLE_NOUNS.has(w.toLowerCase()));
    if (!this.defaultSide && !hasRole && !namesAParty(descriptors.join(' '))) {
      const first = this.mentions.find((m) => this.fullName(m.name) === canonical);
      if (first) {
        const side = placeSideOf(this.sentenceAt(first.start));
        if (side !== 'other') return side;
      }
    }
    // In an office's own write-up, a person it names by an office and no party at all (a governor, a
    // foundation's director) is one of its own officials; a guest is named with their country or body,
    // and a person quoted without any office (a pope, a poet) keeps no side.
    const described = `${phrase} ${descriptors.join(' ')}`;
    if (
      this.defaultSide &&
      !namesAParty(`${described} ${canonical}`) &&
      (this.isWriteUp || described.split(/[^\p{L}]+/u).some((w) => ROLE_NOUNS.has(w.toLowerCase())))
    )
      return this.defaultSide;
    return direct;
  }

  /** The sentence around `pos` (bounded), for where a person is first named. */
  private sentenceAt(pos: number): string {
    const before = this.raw.slice(Math.max(0, pos - 300), pos);
    const after = this.raw.slice(pos, Math.min(this.raw.length, pos + 300));
    const start = Math.max(before.search(/[.!?\n][^.!?\n]*$/), -1) + 1;
    const end = after.search(/[.!?\n]/);
    return before.slice(start) + (end >= 0 ? after.slice(0, end) : after);
  }

  private paragraphAt(pos: number): string {
    const start = this.raw.lastIndexOf('\n', pos) + 1;
    const nl = this.raw.indexOf('\n', pos);
    const end = nl < 0 ? this.raw.length : nl;
    return this.raw.slice(Math.max(start, pos - 600), Math.min(end, pos + 600));
  }

  /**
   * "Mr. Biden denied that he offered the planes to buy Mr. Erdogan’s support. “...,” he said": a
   * pronoun subject continues the last speaker of this or the previous sentence, not a person named
   * after that speaker inside their clause, when the speaker's stated gender fits the pronoun ("a
   * spokeswoman for ... told AFP. ..., she said").
   */
  private speakerBefore(
    pos: number,
    pronoun: string,
    person: Mention | null,
  ): { phrase: string; result: Resolved } | null {
    const gender: Gender | null = /^(she|her)$/.test(pronoun) ? 'f' : /^(he|him)$/.test(pronoun) ? 'm' : null;
    if (!gender) return null;
    const last = this.recent(pos)[0];
    if (!last || pos - last.start > 600) return null;
    if (person && this.fullName(person.name) === last.result.canonical) return null;
    const known =
      this.genders.get(last.result.canonical) ??
      genderOf({ name: last.phrase.trim(), start: 0, end: 0, descriptor: last.phrase });
    if (known !== gender) return null;
    // At most one sentence break between the speaker and the pronoun (titles' dots are no breaks).
    const between = this.raw
      .slice(last.start, pos)
      .replace(/\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|St)\./g, '')
      .replace(/\b\p{Lu}\./gu, '');
    const breaks = between.match(/[.!?][”"’]?[\s\u00a0]+(?=[“"‘]?\p{Lu})/gu)?.length ?? 0;
    if (breaks > 1) return null;
    return { phrase: last.phrase, result: last.result };
  }

  /** The person last named before `pos`, outside quotations. */
  private personBefore(pos: number, gender: Gender | null = null): Mention | null {
    // The last mention ending by pos whose known gender does not contradict the pronoun.
    const last = firstAfter(this.mentions, pos, (m) => m.end) - 1;
    for (let i = last; i >= 0 && i >= last - 12; i--) {
      const m = this.mentions[i] as Mention;
      const known = this.genders.get(this.fullName(m.name));
      if (!gender || !known || known === gender) return m;
    }
    return last >= 0 ? (this.mentions[last] as Mention) : null;
  }

  /** The last resolved sources before `pos` (bounded: a pronoun or a role refers back a few sources at most). */
  private recent(
    pos: number,
  ): Array<{ start: number; head: string; isPerson: boolean; result: Resolved; phrase: string }> {
    const out = [];
    for (let i = this.resolved.length - 1; i >= 0 && out.length < 60; i--) {
      const r = this.resolved[i];
      if (r && r.start < pos) out.push(r);
    }
    return out.sort((a, b) => b.start - a.start);
  }

  private record(start: number, phrase: string, result: Resolved, isPerson: boolean): Resolved {
    this.resolved.push({ start, head: headOf(phrase), isPerson, result, phrase });
    this.lastAny = result;
    return result;
  }

  resolve(sourceText: string, phrase: string, position = -1): Resolved {
    const bare = sourceText.trim();
    const lower = bare.toLowerCase();
    const pos = position >= 0 ? position : Number.MAX_SAFE_INTEGER;
    if (/^(he|she|him|her|i)$/.test(lower)) {
      let person =
        position >= 0
          ? this.personBefore(pos, /^(she|her)$/.test(lower) ? 'f' : /^(he|him)$/.test(lower) ? 'm' : null)
          : null;
      if (!person && position >= 0) person = this.mentions[0] && this.mentions[0].start > pos ? this.mentions[0] : null;
      const speaker = position >= 0 ? this.speakerBefore(pos, lower, person) : null;
      if (speaker) return this.record(pos, speaker.phrase, speaker.result, true);
      if (person) {
        const canonical = this.fullName(person.name);
        return this.record(pos, canonical, { canonical, side: this.sideOfPerson(canonical, '', pos) }, true);
      }
      const lastPerson = this.recent(pos).find((r) => r.isPerson);
      return lastPerson?.result ?? this.lastAny ?? { canonical: bare, side: 'unknown' };
    }
    if (/^(it|they|we|them)$/.test(lower)) {
      const prev = this.recent(pos);
      // "The presidents noted ... They reaffirmed": a pair of people just named is "they".
      if (/^(?:they|them)$/.test(lower) && prev[0]?.isPerson && prev[0].result.canonical.includes(' and '))
        return this.record(pos, prev[0].phrase, prev[0].result, true);
      // "A, President of ... B, President of ... C, who arrived, were invited ... They assured": the
      // people the sentence before listed as its subject.
      const listed = /^(?:they|them)$/.test(lower) && position >= 0 ? this.peopleListedBefore(pos) : null;
      if (listed) return this.record(pos, listed.canonical, listed, true);
      const org = prev.find((r) => !r.isPerson) ?? prev[0];
      // "Cornwall Insight, which ..., will not update its predictions. It said ...": a body that is the
      // subject of the sentence just before, named after the last source, is "it".
      const subject = lower === 'it' && position >= 0 ? this.bodySubjectBefore(pos, org?.start ?? -1) : null;
      if (subject) return this.record(pos, subject, { canonical: subject, side: sideOf(subject) }, false);
      if (org) return this.record(pos, org.phrase, org.result, false);
      return this.lastAny ?? { canonical: bare, side: 'unknown' };
    }
    // "The EU's announcement said", "the Kremlin's statement": a body's document speaks for the body.
    const owner =
      /^(?:the[\s\u00a0]+)?(\p{Lu}[\p{L}.&-]*(?:[\s\u00a0]+\p{Lu}[\p{L}.&-]*){0,4})[’']s?[\s\u00a0]+(?:[\p{Ll}-]+[\s\u00a0]+){0,2}(?:announcement|statement|report|decree|order|letter|tweet|post|message|website|account|communique|communiqué|readout|note|filing|resolution|ruling|verdict|proposal|plan|response|reply|briefing|update)\b/iu.exec(
        bare,
      );
    const cleaned =
      owner?.[1] ??
      stripArticle(bare)
        .replace(/[’']s$/, '')
        .replace(/[\s\u00a0]*\([^)]*\)$/, '');
    // "projects based on migration data by Henley & Partners": the author of the document.
    const author =
      /\b(?:report|reports|study|studies|analysis|survey|poll|data|figures|research|investigation|assessment|estimates?|projections?|forecasts?|review|audit|count|tally|statement|letter)[\s\u00a0]+(?:by|from)[\s\u00a0]+((?:the[\s\u00a0]+)?\p{Lu}[\p{L}&.’'-]*(?:[\s\u00a0]+(?:&[\s\u00a0]+)?\p{Lu}[\p{L}&.’'-]*){0,5})/u.exec(
        phrase || bare,
      );
    if (author?.[1]) {
      const body = expandAcronym(stripArticle(author[1]));
      return this.record(pos, phrase, { canonical: body, side: sideOf(body) }, false);
    }
    if (owner?.[1] && !looksLikePersonName(owner[1])) {
      const body = expandAcronym(owner[1]);
      const side = sideOf(body);
      return this.record(
        pos,
        phrase,
        { canonical: body, side: side === 'other' && this.defaultSide && !namesAParty(body) ? this.defaultSide : side },
        false,
      );
    }
    // "The report added", "the service shows": a document or body named just before ("a report by the
    // OSCE", "Lloyd’s List Intelligence, a maritime information service") speaks here.
    // "the presidents noted", "the authors predict": a plural role stands for the pair of people the
    // text coordinated last ("Oleg Ustenko and Simon Johnson", "Vladimir Putin and President ... Raisi").
    if (
      position >= 0 &&
      /^(?:the|both)[\s\u00a0]+(?:two[\s\u00a0]+)?(?:presidents|leaders|heads of state|authors|experts|economists|prime ministers|foreign ministers)$/i.test(
        (phrase || bare).trim(),
      )
    ) {
      const pair = this.pairBefore(pos);
      if (pair)
        return this.record(
          pos,
          phrase,
          { canonical: pair, side: this.sideOfPerson(pair.split(' and ')[0] ?? pair, '', pos) },
          true,
        );
    }
    // "their data showed", "its report said": the body last named as a source owns the document.
    if (
      position >= 0 &&
      /^(?:its|their)[\s\u00a0]+(?:own[\s\u00a0]+)?(?:data|figures|report|analysis|research|survey|study|findings|estimates?|statement|tracking)$/i.test(
        (phrase || bare).trim(),
      )
    ) {
      const org = this.recent(pos).find((r) => !r.isPerson);
      if (org) return this.record(pos, phrase, org.result, false);
    }
    // "a joint article by adviser ... Oleg Ustenko and professor ... Simon Johnson" then "the article
    // reads", "the authors predict": the people who wrote it.
    const authors = position >= 0 ? this.authorsBefore(phrase || bare, pos) : null;
    if (authors) return this.record(pos, phrase, authors, true);
    // "Oleg Ustenko and Simon Johnson noted": a pair of people speaks together.
    const pair = /^(.+?)[\s\u00a0]+and[\s\u00a0]+(.+)$/u.exec((phrase || bare).trim());
    if (pair?.[1] && pair[2] && looksLikePersonName(pair[1]) && looksLikePersonName(pair[2])) {
      const first = this.fullName(pair[1]);
      return this.record(
        pos,
        phrase,
        { canonical: `${first} and ${this.fullName(pair[2])}`, side: this.sideOfPerson(first, '', pos) },
        true,
      );
    }
    // "wrote one piece on 31 March" after "Global Times ... published a number of articles": a piece
    // with no author of its own speaks for the publication last named.
    const outlet = position >= 0 ? this.outletOfPiece(phrase || bare, pos) : null;
    if (outlet) return this.record(pos, phrase, { canonical: outlet, side: sideOf(outlet) }, false);
    const antecedent = position >= 0 ? this.bodyNamedBefore(phrase || bare, pos) : null;
    if (antecedent) return this.record(pos, phrase, { canonical: antecedent, side: sideOf(antecedent) }, false);
    if (
      looksLikePersonName(cleaned) ||
      ((this.fullNames.has(surnameOf(cleaned)) || this.byFirstName.has(cleaned)) &&
        cleaned.split(/\s+/).length === 1 &&
        /^\p{Lu}/u.test(cleaned))
    ) {
      const canonical = this.fullName(cleaned);
      return this.record(pos, phrase, { canonical, side: this.sideOfPerson(canonical, phrase, pos) }, true);
    }
    // A role with no name: "the adviser" repeats an earlier source with the same head noun.
    const head = headOf(bare);
    if (/^the\s/i.test(bare) && head && PERSON_ROLES.has(head)) {
      const headRe = new RegExp(`(?<![\\p{L}])${head}(?![\\p{L}])`, 'iu');
      const earlier = this.recent(pos).find(
        (r) =>
          (r.head === head || headRe.test(r.phrase)) &&
          isRoleOf(bare, `${r.phrase} ; ${(this.descriptors.get(r.result.canonical) ?? []).join(' ; ')}`),
      );
      if (earlier) return this.record(pos, phrase, earlier.result, earlier.isPerson);
    }
    if (PERSON_ROLES.has(head)) {
      const named = this.nameForRole(bare, phrase, pos);
      if (named) return this.record(pos, phrase, named, true);
    }
    // "A 16-year-old Ukrainian boy has described how ... Vladislav Buryak, who ...": a person
    // introduced without a name is the person the next sentence opens with.
    // An anonymous official ("a Homeland Security Department official") usually stays unnamed: only
    // people described by who they are, not by an office, and a name introduced with an apposition.
    if (position >= 0 && /^(?:a|an)[\s\u00a0]/i.test(bare) && PERSON_NOUNS.has(head)) {
      const next = this.personOpeningNext(pos);
      if (next) {
        const canonical = this.fullName(next.name);
        const side = sideOf(phrase || bare);
        return this.record(
          pos,
          phrase,
          { canonical, side: side !== 'other' ? side : this.sideOfPerson(canonical, phrase, pos) },
          true,
        );
      }
    }
    // An office's write-up of a meeting calls its guest by office alone ("Andrei Chibis reported ...
    // The Governor said"): a capitalised role never given a name is the last person who spoke, other
    // than the office's own head of state.
    if (
      this.defaultSide &&
      /^[Tt]he[\s\u00a0]+\p{Lu}[\p{L}-]*$/u.test(phrase.trim()) &&
      head &&
      PERSON_ROLES.has(head) &&
      head !== 'president'
    ) {
      const heads = HEADS_OF_STATE[this.defaultSide];
      const guest = this.recent(pos).find(
        (r) => r.isPerson && !heads.includes(surnameOf(r.result.canonical).toLowerCase()),
      );
      if (guest) return this.record(pos, phrase, guest.result, true);
      // Or the person the write-up opened with ("Anna Ivanova reported on the region.").
      for (
        let i = firstAfter(this.mentions, pos, (m) => m.end) - 1;
        i >= 0 && pos - (this.mentions[i]?.end ?? 0) < 3000;
        i--
      ) {
        const canonical = this.fullName((this.mentions[i] as Mention).name);
        if (!heads.includes(surnameOf(canonical).toLowerCase()))
          return this.record(pos, phrase, { canonical, side: this.sideOfPerson(canonical, '', pos) }, true);
      }
    }
    const canonical = expandAcronym(cleaned.replace(/^(?:The|the)[\s\u00a0]+(?=\p{Lu})/u, ''));
    let side = sideOf(phrase || bare);
    if (
      side === 'other' &&
      /\b(?:the|this)[\s\u00a0]+country(?:[’']s)?\b|\bits[\s\u00a0]+(?:own[\s\u00a0]+)?(?:military|army|government|forces)/i.test(
        phrase || bare,
      ) &&
      position >= 0
    ) {
      // "the country's military command": the country the sentence named before.
      const window = this.raw.slice(Math.max(0, pos - 400), pos);
      const lead = sideOf(window.slice(window.lastIndexOf('\n') + 1));
      if (lead !== 'other') side = lead;
    }
    // In an office's own text ("According to the decree", "the Head of State said") an unmarked body is the office's side.
    if (side === 'other' && this.defaultSide && !namesAParty(phrase || bare)) side = this.defaultSide;
    return this.record(pos, phrase, { canonical, side: side === 'unknown' ? 'other' : side }, false);
  }

  /** The last two people named in coordination before `pos` ("A and B", "A and President of X B"), joined. */
  private pairBefore(pos: number): string | null {
    const last = firstAfter(this.mentions, pos, (m) => m.end) - 1;
    for (let i = last; i >= 1 && pos - (this.mentions[i]?.end ?? 0) < 4000; i--) {
      const b = this.mentions[i] as Mention;
      const a = this.mentions[i - 1] as Mention;
      const between = this.raw.slice(a.end, b.start);
      if (
        /^[\s\u00a0]+(?:and|met(?:[\s\u00a0]+with)?|(?:had|held)[\s\u00a0]+(?:a|an)[\s\u00a0]+(?:[\p{Ll}-]+[\s\u00a0]+){0,3}with)[\s\u00a0]+(?:(?:\p{Lu}[\p{L}-]*|of|the)[\s\u00a0]+){0,10}$/u.test(
          between,
        )
      ) {
        const first = this.fullName(a.name);
        const second = this.fullName(b.name);
        if (first !== second) return `${first} and ${second}`;
      }
    }
    return null;
  }

  /** Where the sentence before the one `pos` opens starts and ends, or null when `pos` opens no sentence. */
  private sentenceBefore(pos: number): { start: number; end: number } | null {
    const lead = this.raw.slice(Math.max(0, pos - 1200), pos);
    if (!/(?:^|[.!?][”"’]?[\s\u00a0]+|\n[\s\u00a0]*)[“"‘]?$/u.test(lead)) return null;
    const prevEnd = lead.search(/[.!?][”"’]?[\s\u00a0]*$/u);
    if (prevEnd < 0) return null;
    const body = lead.slice(0, prevEnd);
    const breakAt = Math.max(
      body.lastIndexOf('\n'),
      ...[...body.matchAll(/[.!?][”"’]?[\s\u00a0]+(?=[“"‘]?\p{Lu})/gu)].map((x) => (x.index ?? 0) + x[0].length - 1),
    );
    const base = pos - lead.length;
    return { start: base + breakAt + 1, end: base + prevEnd };
  }

  /** Two or more people listed (with their titles) as the subject of the sentence before `pos`, joined. */
  private peopleListedBefore(pos: number): Resolved | null {
    const sentence = this.sentenceBefore(pos);
    if (!sentence) return null;
    const names: Mention[] = [];
    for (let i = firstAfter(this.mentions, sentence.start - 1, (m) => m.start); i < this.mentions.length; i++) {
      const m = this.mentions[i] as Mention;
      if (m.start >= sentence.end) break;
      const last = names.at(-1);
      if (last) {
        const between = this.raw.slice(last.end, m.start);
        if (!/^,?[\s\u00a0]+(?:and[\s\u00a0]+)?(?:(?:\p{Lu}[\p{L}-]*|of|the|and)[\s\u00a0]+){0,12}$/u.test(between))
          break;
      }
      names.push(m);
    }
    const last = names.at(-1);
    // The list is the subject: a verb or a relative clause follows it.
    if (
      names.length < 2 ||
      !last ||
      !/^(?:,|[\s\u00a0]+(?:were|are|have|had|will|would|also|both|all|jointly)\b)/.test(
        this.raw.slice(last.end, last.end + 12),
      )
    )
      return null;
    const fulls = [...new Set(names.map((m) => this.fullName(m.name)))];
    if (fulls.length < 2) return null;
    const canonical = `${fulls.slice(0, -1).join(', ')} and ${fulls.at(-1) as string}`;
    return { canonical, side: this.sideOfPerson(fulls[0] as string, '', pos) };
  }

  /**
   * The body named as the subject of the sentence before the one `pos` opens, when that sentence
   * starts after `after` (the last source): "Cornwall Insight, which ..., will not update ...".
   */
  private bodySubjectBefore(pos: number, after: number): string | null {
    const lead = this.raw.slice(Math.max(0, pos - 600), pos);
    const opens = /(?:^|[.!?][”"’]?[\s\u00a0]+|\n[\s\u00a0]*)[“"‘]?$/u;
    if (!opens.test(lead)) return null;
    const prevEnd = lead.search(/[.!?][”"’]?[\s\u00a0]*$/u);
    if (prevEnd < 0) return null;
    const body = lead.slice(0, prevEnd);
    const breakAt = Math.max(
      body.lastIndexOf('\n'),
      ...[...body.matchAll(/[.!?][”"’]?[\s\u00a0]+(?=[“"‘]?\p{Lu})/gu)].map((x) => (x.index ?? 0) + x[0].length - 1),
    );
    const sentenceStart = pos - lead.length + breakAt + 1;
    if (sentenceStart <= after) return null;
    const sentence = this.raw.slice(sentenceStart, pos - lead.length + prevEnd).trimStart();
    const m =
      /^(?:The[\s\u00a0]+)?(\p{Lu}[\p{L}&’'-]*(?:[\s\u00a0]+(?:(?:of|for|and|&)[\s\u00a0]+)?\p{Lu}[\p{L}&’'-]*){0,5})(?=[\s\u00a0]*,|[\s\u00a0]+(?:has|have|had|is|was|will|would|said|says|expects|expected|forecast|forecasts|predicted|predicts)\b)/u.exec(
        sentence,
      );
    const name = m?.[1];
    if (!name || looksLikePersonName(name) || isSideWord(name) || PRONOUN_WORDS.test(name)) return null;
    // A body: more than one word, or one capitalised acronym-like word; not a place or a side.
    if (name.split(/[\s\u00a0]+/).length < 2 && !/^\p{Lu}{2,}$/u.test(name)) return null;
    if (sideOf(name) !== 'other' || namesAParty(name)) return null;
    return name;
  }

  /** The person named at the very start of the sentence after the one holding `pos`. */
  private personOpeningNext(pos: number): Mention | null {
    const rest = this.raw.slice(pos, Math.min(this.raw.length, pos + 800));
    const end = /[.!?][”"’]?[\s\u00a0]+(?=[“"‘]?\p{Lu})/u.exec(rest);
    if (!end) return null;
    const next = pos + end.index + end[0].length;
    const i = firstAfter(this.mentions, next - 1, (m) => m.start);
    const m = this.mentions[i];
    return m && m.start - next <= 1 && /^[\s\u00a0]*,/.test(this.raw.slice(m.end, m.end + 3)) ? m : null;
  }

  /** The publication last named within a bounded window before an authorless piece ("one piece", "an editorial"). */
  private outletOfPiece(phrase: string, pos: number): string | null {
    if (
      !/^(?:one|an?|another|the[\s\u00a0]+same)[\s\u00a0]+(?:piece|article|editorial|commentary|column|op-ed)$/i.test(
        phrase.trim(),
      )
    )
      return null;
    const window = this.raw.slice(Math.max(0, pos - 1500), pos);
    let found: string | null = null;
    for (const x of window.matchAll(/\p{Lu}[\p{L}’'-]*(?:[\s\u00a0]+\p{Lu}[\p{L}’'-]*){0,3}/gu)) {
      const name = x[0].replace(/^The[\s\u00a0]+/, '').replace(/[’']s$/, '');
      const last = (name.split(/[\s\u00a0]+/).at(-1) ?? '').toLowerCase();
      if (name.includes(' ') && MEDIA_HEADS.has(last)) found = name;
    }
    return found;
  }

  /** The people a written piece is "by", for "the article", "the authors" (bounded window before `pos`). */
  private authorsBefore(phrase: string, pos: number): Resolved | null {
    const m =
      /^(?:the|this|that|their)[\s\u00a0]+(?:joint[\s\u00a0]+|same[\s\u00a0]+)?(article|op-ed|column|piece|essay|letter|book|paper|authors?)$/i.exec(
        phrase.trim(),
      );
    if (!m?.[1]) return null;
    const from = Math.max(0, pos - 3000);
    const window = this.raw.slice(from, pos);
    const byRe =
      /\b(?:article|op-ed|column|piece|essay|letter|book|paper)s?[\s\u00a0]+(?:(?:written|co-written|authored|co-authored)[\s\u00a0]+)?by[\s\u00a0]/giu;
    let at = -1;
    for (const x of window.matchAll(byRe)) at = from + (x.index ?? 0) + x[0].length;
    if (at < 0) return null;
    // The authors are named before the sentence ends (a bounded stretch).
    const rest = this.raw.slice(at, Math.min(this.raw.length, at + 400));
    const stop = rest.search(/[.;:!?]["”’]?[\s\u00a0]+(?=\p{Lu}|["“])|\n/u);
    const end = at + (stop >= 0 ? stop : rest.length);
    const names: string[] = [];
    for (let i = firstAfter(this.mentions, at - 1, (x) => x.start); i < this.mentions.length; i++) {
      const x = this.mentions[i] as Mention;
      if (x.start >= end) break;
      // "professor at MIT Sloan": a place of work, not an author.
      if (
        /\b(?:at|of|from|in|for|with|to)[\s\u00a0]+(?:the[\s\u00a0]+)?$/i.test(
          this.raw.slice(Math.max(0, x.start - 12), x.start),
        )
      )
        continue;
      const full = this.fullName(x.name);
      if (!names.includes(full)) names.push(full);
    }
    if (names.length === 0 || names.length > 4) return null;
    const canonical =
      names.length === 1 ? (names[0] as string) : `${names.slice(0, -1).join(', ')} and ${names.at(-1) as string}`;
    return { canonical, side: this.sideOfPerson(names[0] as string, '', pos) };
  }

  /** The body a definite document or organisation noun ("the report", "the service") refers back to. */
  private bodyNamedBefore(phrase: string, pos: number): string | null {
    const m =
      /^(?:the|this|that|its)[\s\u00a0]+(report|study|analysis|survey|poll|article|account|service|organisation|organization|group|agency|institute|thinktank|think tank|firm|company|watchdog|monitor|body|paper|newspaper|website)$/i.exec(
        phrase.trim(),
      );
    if (!m?.[1]) return null;
    const head = m[1].toLowerCase();
    const window = this.raw.slice(Math.max(0, pos - 3000), pos);
    const name = String.raw`(\p{Lu}[\p{L}’'&-]*(?:[\s\u00a0]+(?:(?:of|for|and|the|in|on|de)[\s\u00a0]+)*\p{Lu}[\p{L}’'&-]*){0,7}(?:[\s\u00a0]+\([\p{Lu}]{2,8}\))?)`;
    const patterns = [
      new RegExp(
        String.raw`\b(?:a|an|the|its|their|new|latest)[\s\u00a0]+(?:[\p{Ll}-]+[\s\u00a0]+){0,2}${head}s?[\s\u00a0]+(?:by|from|of)[\s\u00a0]+(?:the[\s\u00a0]+)?${name}`,
        'gu',
      ),
      new RegExp(
        String.raw`${name}[\s\u00a0]*[,–—][\s\u00a0]+(?:a|an|the)[\s\u00a0]+(?:[\p{L}-]+[\s\u00a0]+){0,4}${head}\b`,
        'gu',
      ),
      new RegExp(String.raw`${name}[’']s?[\s\u00a0]+(?:[\p{Ll}-]+[\s\u00a0]+){0,2}${head}\b`, 'gu'),
    ];
    let best: { at: number; name: string } | null = null;
    for (const re of patterns) {
      for (const x of window.matchAll(re)) {
        const found = x[1]?.replace(/^The[\s\u00a0]+/, '');
        // "On Weibo, an account ...": a sentence-opening adverbial, not a name.
        if (!found || /^(?:On|In|At|From|By|For|After|Before|With|During|Since|Meanwhile|But|And)\b/.test(found))
          continue;
        if (found && (!best || (x.index ?? 0) > best.at) && !looksLikePersonName(found))
          best = { at: x.index ?? 0, name: found };
      }
    }
    if (!best && INSTITUTION_NOUNS.test(head)) {
      // "collected by the Centre for Civil Liberties ..., although the organisation says": the last
      // institution the text named, whatever the phrase that named it.
      for (const x of window.matchAll(new RegExp(name, 'gu'))) {
        const found = x[1]?.replace(/^(?:The|A|An)[\s\u00a0]+/, '') ?? '';
        const words = found.toLowerCase().split(/[\s\u00a0]+/);
        if (words.length >= 2 && words.some((w) => INSTITUTION_HEADS.has(w)) && !looksLikePersonName(found))
          best = { at: x.index ?? 0, name: found };
      }
    }
    return best ? expandAcronym(best.name) : null;
  }

  /** "a senior energy official said ... Klaus Müller said": the person named as the next source, or named with this role before. */
  private nameForRole(text: string, phrase: string, pos: number): Resolved | null {
    const head = headOf(text);
    // Named with this role earlier: "Deputy Prime Minister Iryna Vereshchuk" then "the deputy prime minister".
    for (let i = firstAfter(this.mentions, pos, (m) => m.end) - 1; i >= 0; i--) {
      const m = this.mentions[i] as Mention;
      if (new RegExp(`\\b${head}\\b`, 'i').test(m.descriptor) && isSameRole(text, m.descriptor)) {
        const canonical = this.fullName(m.name);
        return { canonical, side: this.sideOfPerson(canonical, `${phrase} ${m.descriptor}`) };
      }
      if (pos - m.end > 3000) break;
    }
    // "the Russian president", "the President of Russia": the head of state, spelled as the article spells them.
    // "the President" in a presidency's own write-up is its president.
    const side = sideOf(text) === 'other' && this.defaultSide && !namesAParty(text) ? this.defaultSide : sideOf(text);
    if (
      (head === 'president' || /\bhead[\s\u00a0]+of[\s\u00a0]+(?:the[\s\u00a0]+)?state\b/i.test(text)) &&
      (side === 'russia' || side === 'ukraine') &&
      !/\b(?:former|ex|vice|deputy)\b/i.test(text)
    ) {
      const surnames = HEADS_OF_STATE[side];
      const named = this.mentions.find((m) => surnames.includes(surnameOf(stripHonorific(m.name)).toLowerCase()));
      if (named) {
        const canonical = this.fullName(named.name);
        return { canonical, side };
      }
    }
    // "the US president", "the German chancellor": the office's holder, when the article names exactly one.
    const holders = holdersOf(text);
    if (holders) {
      const named = new Set(
        this.mentions
          .filter((m) => holders.includes(surnameOf(stripHonorific(m.name)).toLowerCase()))
          .map((m) => this.fullName(m.name)),
      );
      if (named.size === 1) {
        const canonical = [...named][0] as string;
        return { canonical, side: sideOf(text) };
      }
    }
    const next = this.sources[firstAfter(this.sources, pos, (x) => x.span.start)];
    if (next && next.span.start - pos < 500 && looksLikePersonName(stripArticle(next.span.text))) {
      const canonical = this.fullName(next.span.text);
      // Only a person introduced bare, right after: one with a role of their own is someone else.
      const firstMention = this.mentions.find((m) => this.fullName(m.name) === canonical);
      const ownRoles = (this.descriptors.get(canonical) ?? []).filter(
        (d) =>
          d.split(/[\s\u00a0]+/).some((w) => ROLE_NOUNS.has(w.toLowerCase().replace(/[’']s$/, ''))) ||
          /\b(?:of|from|at)\s+(?:the\s+)?\p{Lu}/u.test(d) ||
          /^\s*(?:the\s+)?\p{Lu}/u.test(d),
      );
      // A vague role ("a senior energy official") may be the person's own role told first, when the sides agree.
      const described = ownRoles.join(' ; ');
      // "The official, Oleksandr Motuzianyk,": a role that only says official is no role of its own.
      const isVague = ownRoles.every((d) =>
        d
          .split(';')
          .map((x) => x.trim())
          .filter(Boolean)
          .every((x) => /^(?:the|an?)[\s\u00a0]+(?:official|source|spokes\p{L}*)$/iu.test(x)),
      );
      // "the governor of Ukraine’s Luhansk province said ... Serhiy Gaidai said" with "The governor of the
      // Luhansk region, Serhiy Gaidai": the same office in other words, when no side says otherwise.
      const roleSide = sideOf(text);
      const ownSide = sideOf(described);
      const isSameOffice =
        new RegExp(`(?<![\\p{L}])${head}(?![\\p{L}])`, 'iu').test(described) &&
        (roleSide === ownSide || roleSide === 'other' || ownSide === 'other') &&
        !/\b(?:former|ex|vice|deputy)\b/i.test(`${text} ${described}`);
      const isCompatible =
        ownRoles.length === 0 ||
        isVague ||
        isSameOffice ||
        (/^(?:official|source|expert|analyst|aide|adviser|advisor)$/.test(head) &&
          sideOf(text) === sideOf(described)) ||
        isSameRole(text, described);
      // The name must first appear as that next source: a person already talked about is the topic, not the speaker.
      if (!isCompatible || (firstMention && firstMention.start < next.span.start - 4)) return null;
      // The role describes the person named next: it gives their side too ("Ukraine's deputy agriculture minister").
      const list = this.descriptors.get(canonical) ?? [];
      list.unshift(phrase);
      this.descriptors.set(canonical, list);
      const side = sideOf(phrase);
      return { canonical, side: side !== 'other' ? side : this.sideOfPerson(canonical, next.phrase) };
    }
    return null;
  }

  /** A pronoun later in the text refers to this speaker. */
  remember(resolved: Resolved): void {
    this.lastAny = resolved;
  }
}

export { HONORIFIC, ORG_HEADS };
