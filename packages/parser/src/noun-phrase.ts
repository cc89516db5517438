import { wordList } from './word-list.ts';
import { isSideWord } from './side-lexicon.ts';
import type { Span } from './types.ts';

/**
 * A small, lexicon-driven noun-phrase chunker for the source side of an attribution. News prose
 * puts the source in a handful of shapes ("Kremlin spokesman Dmitry Peskov", "the mayor of
 * Mariupol", "Andriy Zagorodnyuk, Ukraine's former defence minister,"), so closed word classes
 * (determiners, auxiliaries, conjunctions, common verbs) are enough to find where the phrase
 * starts and ends without a part-of-speech model.
 */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  isWord: boolean;
}

/** What `tokenize` matches, as one pattern (the specification its hand-written scanner is tested against). */
export const WORD_RE =
  /[\p{L}\p{N}](?:[\p{L}\p{N}’'&-]|\.(?=[\p{L}\p{N}]))*\.?|(?!\u200b|\u200c|\u200d|\u2060|\ufeff)[^\s\p{L}\p{N}]/gu;
/** Words whose final dot belongs to them, not to the sentence. */
const DOTTED = /^(?:mr|mrs|ms|dr|prof|gen|lt|col|sgt|st|jr|sr|sen|rep|gov|maj|capt|adm|rev|hon|[a-z])\.$|\.\p{L}/iu;

/** Characters around a cue searched for its source (a long appositive fits in 300). */
export const SOURCE_WINDOW = 300;

/**
 * Character classes of WORD_RE by code point: ASCII from a table, the rest tested once with the
 * same Unicode property classes and remembered (a per-character regex test was most of the cost).
 */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const SPACE = /^\s$/u;
const ASCII_CLASS = new Uint8Array(128); // 1 letter or digit, 2 white space, 0 other
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_CLASS[c] = LETTER_OR_DIGIT.test(ch) ? 1 : SPACE.test(ch) ? 2 : 0;
}
/** Zero-width characters: WORD_RE's lookahead skips them like white space. */
const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const WIDE_CLASS = new Map<number, number>();
function charClass(cp: number): number {
  if (cp < 128) return ASCII_CLASS[cp] ?? 0;
  let k = WIDE_CLASS.get(cp);
  if (k === undefined) {
    const ch = String.fromCodePoint(cp);
    k = LETTER_OR_DIGIT.test(ch) ? 1 : SPACE.test(ch) || ZERO_WIDTH.has(cp) ? 2 : 0;
    // Bounded: a text of every Unicode character must not grow it without end.
    if (WIDE_CLASS.size < 4096) WIDE_CLASS.set(cp, k);
  }
  return k;
}
/** Apostrophes, ampersand and hyphen continue a word ("Kremlin’s", "AT&T", "pro-Russian"). */
const isWordJoiner = (c: number) => c === 0x2019 || c === 39 || c === 38 || c === 45;

/**
 * Word and punctuation tokens of raw[start, end): the matches of WORD_RE (a word of letters and
 * digits with inner apostrophes, hyphens and dots and perhaps a final dot, or one other character
 * that is not white space), read by code point without a regular expression.
 */
export function tokenize(raw: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  const text = raw.slice(start, end);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i) as number;
    const size = cp > 0xffff ? 2 : 1;
    const k = charClass(cp);
    if (k === 2) {
      i += size;
      continue;
    }
    let j = i + size;
    if (k === 1) {
      while (j < n) {
        const c = text.codePointAt(j) as number;
        if (charClass(c) === 1 || isWordJoiner(c)) {
          j += c > 0xffff ? 2 : 1;
          continue;
        }
        if (c === 46 && j + 1 < n && charClass(text.codePointAt(j + 1) as number) === 1) {
          j++;
          continue;
        }
        break;
      }
      if (j < n && text.charCodeAt(j) === 46) j++;
    }
    let w = text.slice(i, j);
    const s = start + i;
    const isWord = k === 1;
    i = j;
    if (isWord && w.length > 1 && w.endsWith('.') && !DOTTED.test(w)) {
      w = w.slice(0, -1);
      out.push({ text: w, lower: w.toLowerCase(), start: s, end: s + w.length, isWord: true });
      out.push({ text: '.', lower: '.', start: s + w.length, end: s + w.length + 1, isWord: false });
      continue;
    }
    out.push({ text: w, lower: w.toLowerCase(), start: s, end: s + w.length, isWord });
  }
  return out;
}

export const DETERMINERS = new Set(
  wordList(`
  the, a, an, its, his, her, their, our, my, your, this, these, those, another, some, many, several,
  most, all, both, each, other, one, two, three, four, five, few, no, any, such
`),
);

export const PRONOUN_SOURCES = new Set(['he', 'she', 'they', 'it', 'we', 'i']);

/** Words that never sit inside a source noun phrase: they end it when reading backwards. */
const BOUNDARY = new Set([
  ...wordList(`
  that, and, but, while, as, which, who, whom, whose, when, after, before, because, if, so, where,
  although, though, than, what, whether, since, until, unless, then, or, nor, yet, to, by, with, into,
  about, over, under, against, during, through, between, among, without, within, upon, like, per, not,
  there, here, how, why, also, even, only, just, still, now, again, however, meanwhile, instead, once,
  very, too, already, either, neither, despite, amid, toward, towards, across, around, near, via, is,
  are, was, were, be, been, being, am, has, have, had, having, do, does, did, will, would, can, could,
  may, might, shall, should, must, said, says, say, told, tells, came, come, comes, went, go, goes, got,
  get, gets, made, make, makes, took, take, takes, showed, shows, show, shown, gave, give, gives, found,
  find, finds, left, saw, see, sees, seen, meant, means, mean, face, faces, faced, became, become,
  becomes, remained, remain, remains, began, begin, begins, appeared, appears, seemed, seems, called,
  calls, asked, asks, wanted, wants, needed, needs, tried, tries, kept, keeps, put, puts, set, sets, led,
  leads, held, holds, hold, brought, brings, knew, know, knows, thought, think, felt, feel, let, lets,
  hit, hits, won, wins, lost, loses, met, meets, ran, runs, paid, pays, sent, sends, used, uses, looked,
  looks, worked, works, moved, moves, helped, helps, added, adds, noted, believed, expected, reported,
  launched, killed, attacked, described, describes, accused, welcomed, rejected, dismissed, released,
  published, issued, signed, approved, agreed, decided, refused, received, reached, ordered, urged,
  insisted, cited, citing, quoted, quoting, following, including, according, reportedly, previously,
  earlier, later, late, recently, separately, further, repeatedly, publicly, privately, initially,
  finally, subsequently, immediately, yesterday, today, tonight, tomorrow, it’s, it's, whereas, whilst,
  thus, hence, therefore, moreover, furthermore, indeed, perhaps, maybe, apparently, clearly, allegedly,
  supposedly, likely, unlikely, said’, me, us, him, them, everything, unlike, everyone, nobody, someone,
  anyone, everybody, something, nothing, anything
`),
]);

/** Lower-case -ing words that can sit inside a noun phrase ("the acting mayor", "the ruling party"). */
const NP_ING = new Set(
  wordList(`
  acting, ruling, leading, governing, outgoing, incoming, founding, presiding, visiting, managing,
  ongoing, opposing, neighbouring, neighboring, sitting, serving, striking, rising, building, training,
  polling, marketing, banking, shipping, mining, housing, planning, consulting, accounting, engineering,
  broadcasting, monitoring, warning, founding
`),
);
/** Prepositions that may join parts of one source phrase ("the mayor of Mariupol", "services in Kharkiv"). */
const NP_PREPOSITIONS = new Set(['of', 'for', 'in', 'at', 'from', 'on']);

const TIME_WORDS = new Set(
  wordList(`
  monday, tuesday, wednesday, thursday, friday, saturday, sunday, week, weekend, month, year, night,
  morning, afternoon, evening, day, days, weeks, months, time, january, february, march, april, may,
  june, july, august, september, october, november, december, jan, feb, mar, apr, jun, jul, aug, sep,
  sept, oct, nov, dec, statement, interview, tweet, post, video, briefing, speech, address, telegram,
  twitter, facebook, instagram, television, tv, radio, conference, call, message, letter, report, update,
  email, e-mail, press, release, hours, minutes, wednesday’s, monday’s, tuesday’s, thursday’s, friday’s,
  saturday’s, sunday’s
`),
);

const AUX_TAIL = new Set(
  wordList(`
  has, have, had, also, reportedly, previously, earlier, later, would, will, then, again, separately,
  further, repeatedly, publicly, privately, recently, once, now, already, initially, first, finally,
  subsequently, immediately, just, still, always, often, never, long, since, too, had’, may, might,
  could, can, did, does, do, not, even, only, openly, officially, explicitly, flatly, bluntly, proudly,
  confidently, angrily, quietly, loudly, frankly, simply, widely, allegedly, apparently, yesterday,
  today, tonight, himself, herself, itself, themselves, both, all, jointly, independently, clearly,
  directly
`),
);

const isCapital = (t: Token) => /^[\p{Lu}]/u.test(t.text);
const isPunct = (t: Token) => !t.isWord;

/**
 * Role and title words: with them a phrase names a function ("the defence minister"); before a
 * name they are its title ("Kremlin spokesman Dmitry Peskov" names Dmitry Peskov).
 */
export const ROLE_NOUNS = new Set(
  wordList(`
  president, minister, ministry, spokesman, spokeswoman, spokesperson, chancellor, secretary, governor,
  mayor, general, commander, chief, ambassador, adviser, advisor, head, director, senator, deputy,
  leader, speaker, official, officer, analyst, colonel, founder, ceo, chairman, chairwoman, chair,
  economist, professor, representative, envoy, lawmaker, aide, counsellor, commissioner, mp, prosecutor,
  judge, researcher, expert, correspondent, reporter, editor, journalist, pollster, strategist,
  consultant, manager, coordinator, nominee, candidate, congressman, congresswoman, councillor,
  chairperson, lieutenant, major, captain, sergeant, admiral, marshal, premier, king, queen, prince,
  pope, patriarch, bishop, executive, partner, fellow, scholar, historian, scientist, doctor, resident,
  activist, campaigner, ombudsman, ombudswoman, administrator, monitor, inspector, attorney, lawyer,
  sheriff, superintendent, vice, prime, foreign, defence, defense, interior, presidential, press, former,
  acting, top, senior, junior, state, national, security, military, regional, local, city, district, gov,
  gov., sen, sen., rep, rep., gen, gen., lt, lt., col, col., maj, maj., capt, capt., adm, adm., dr, dr.,
  mr, mr., mrs, mrs., ms, ms., prof, prof., republican, democrat, democratic, independent, conservative,
  labour, liberal, green, libertarian, longtime, veteran, retired, elected, designate, emeritus,
  staff, white, house, campaign, party, group, team, office
`),
);

export const HONORIFIC = /^(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Lt|Col|Gov|Maj|Capt|Adm|Sgt|Rev|Hon)\.?$/;

/** Head nouns of organisations and places: a capitalised run ending in one is not a person. */
export const ORG_HEADS = new Set(
  wordList(`
  cross, ministry, council, service, services, agency, office, department, committee, commission,
  organization, organisation, institute, center, centre, party, union, forces, force, army, guard,
  guards, bank, fund, group, partners, insight, post, times, news, radio, company, corporation, inc, ltd,
  house, states, republic, federation, nations, university, foundation, association, court, senate,
  congress, parliament, assembly, command, staff, regiment, brigade, battalion, plant, station, airport,
  street, region, oblast, city, province, sea, river, square, security, intelligence, consulting, energy,
  gas, oil, media, network, board, authority, administration, police, journal, herald, tribune,
  telegraph, guardian, press, agency’s, kremlin, pentagon, government, cabinet, duma, rada, navy,
  commission’s, wealth, research, studies, poll, times’, reuters, ap, afp, bbc, cnn, tass, interfax, ria,
  nato, un, eu, who, iaea, icrc, osce, street, journal, magazine, tv, channel, initiative, project,
  programme, program, alliance, coalition, bloc, movement, front, monitor, watch, observatory, capital,
  group’s, club, society, trust, school, hospital, territories, territory, affairs, relations,
  reintegration, development, policy, rights, resources, justice, finance, health, education,
  infrastructure, economy, industry, agriculture, culture, strategy, international
`),
);

/** Capitalised words that start sentences or name times, never people. */
const NOT_NAME = new Set([
  ...DETERMINERS,
  ...wordList(`
  on, in, at, after, before, when, while, as, but, and, if, for, from, with, by, of, to, since, during,
  last, next, meanwhile, however, yesterday, today, monday, tuesday, wednesday, thursday, friday,
  saturday, sunday, january, february, march, april, june, july, august, september, october, november,
  december, sign, photograph, video, read, more, live, breaking, update, according, despite, although,
  though, what, why, how, who, where, we, they, he, she, it, i, you, our, there, here, this, that, these,
  those, said, says, street, avenue, highway, road, north, south, east, west, northern, southern,
  eastern, western, central, war, unlike, everything, god, lord, christmas, easter, covid, covid-19,
  under, over, against, about, without, into, upon, through, between, among, amid, vs, new
`),
]);

const ROLE_TO =
  /^(?:adviser|advisor|ambassador|envoy|aide|assistant|successor|heir|spokesman|spokeswoman|spokesperson|representative|counsellor|counselor|secretary|deputy)$/;
const DOCUMENT_HEAD =
  /^(?:report|reports|study|studies|analysis|analyses|survey|poll|data|figures|research|investigation|assessment|estimates?|projections?|forecasts?|review|audit|count|tally|statement|letter)$/;

const isRole = (lower: string) => ROLE_NOUNS.has(lower.replace(/[’']s$/, ''));

/** A capitalised run that reads as a person's name: 1-4 capitalised words, no role or organisation words. */
export function looksLikePersonName(text: string): boolean {
  const words = text
    .replace(/[’']s$/, '')
    .split(/[\s\u200b]+/)
    .filter(Boolean);
  // One word or none is never a name (the checks below end in false for it): the common case, cheaply.
  if (words.length < 2) return false;
  if (words.some((w) => NOT_NAME.has(w.toLowerCase().replace(/[’']s$/, '')) || /-\p{Ll}/u.test(w) || isSideWord(w)))
    return false;
  // "New Jersey Gov. Chris Christie": a title only opens a name.
  if (words.slice(1).some((w) => HONORIFIC.test(w))) return false;
  // "Trump's RT": a possessive ends a name; it never sits inside one.
  if (
    text
      .split(/[\s\u00a0]+/)
      .slice(0, -1)
      .some((w) => /[’']s$/.test(w))
  )
    return false;
  const bare = words.filter((w) => !HONORIFIC.test(w));
  if (bare.length < 1 || bare.length > 4) return false;
  if (bare.length === 1 && words.length === 1) return false;
  return (
    bare.every((w) => /^\p{Lu}[\p{L}’'.-]*$/u.test(w) && !isRole(w.toLowerCase()) && !ORG_HEADS.has(w.toLowerCase())) ||
    (bare.length >= 2 &&
      bare.every((w) => /^\p{Lu}[\p{L}’'.-]*$/u.test(w) || /^(?:de|van|von|der|bin|al|da|di|le|la)$/.test(w)) &&
      !bare.some((w) => isRole(w.toLowerCase()) || ORG_HEADS.has(w.toLowerCase())))
  );
}

export interface SourcePhrase {
  /** The shortest span that names the source (a name without its titles, or the phrase). */
  span: Span;
  /** The whole phrase with titles, roles and appositives: it carries the side. */
  phrase: string;
  /** Offsets of the whole phrase in the raw text. */
  phraseStart: number;
  phraseEnd: number;
}

function spanOf(raw: string, start: number, end: number): Span {
  return { text: raw.slice(start, end), start, end };
}

/** Drops trailing auxiliaries and adverbials between a source and its cue ("has also", "on Sunday", ", however,"). */
function stripTail(tokens: Token[]): Token[] {
  let t = tokens;
  for (let guard = 0; guard < 8 && t.length > 0; guard++) {
    const last = t.at(-1) as Token;
    const prev = t.at(-2);
    if (
      (AUX_TAIL.has(last.lower) && !isCapital(last)) ||
      (/ly$/.test(last.lower) &&
        last.lower.length > 4 &&
        !isCapital(last) &&
        !/^(?:family|italy|july|ally|assembly|rally|supply|fly)$/.test(last.lower))
    ) {
      t = t.slice(0, -1);
      continue;
    }
    // ", however," / ", too," / ", in turn,"
    if (last.text === ',' && prev && t.length >= 3) {
      const commaAt = t
        .slice(0, -1)
        .map((x) => x.text)
        .lastIndexOf(',');
      if (
        commaAt >= 0 &&
        t.length - 1 - commaAt <= 3 &&
        t
          .slice(commaAt + 1, -1)
          .every(
            (x) =>
              AUX_TAIL.has(x.lower) ||
              /^(however|meanwhile|too|though|in|turn|for|his|her|its|their|part|instead|moreover)$/.test(x.lower),
          )
      ) {
        t = t.slice(0, commaAt);
        continue;
      }
    }
    // "on Sunday", "last week", "in a statement", "on Telegram", "earlier this week", "in an interview with CNN"
    const tail = findTimeTail(t);
    if (tail > 0) {
      t = t.slice(0, t.length - tail);
      continue;
    }
    break;
  }
  return t;
}

function findTimeTail(t: Token[]): number {
  for (let n = 2; n <= 5 && n <= t.length; n++) {
    const part = t.slice(t.length - n);
    const first = part[0] as Token;
    if (!/^(on|in|at|last|this|earlier|late|early|during|over|via|on|through)$/.test(first.lower)) continue;
    if (!part.every((x) => x.isWord)) continue;
    // "Writing on Twitter he said", "Speaking on television she said": after a participle the pronoun
    // closing the tail is the source, not part of the tail.
    const lead = t[t.length - n - 1];
    if (lead && /ing$/.test(lead.lower) && PRONOUN_SOURCES.has((part.at(-1) as Token).lower)) continue;
    if (part.slice(1).some((x) => TIME_WORDS.has(x.lower) || /^\d{1,2}$/.test(x.lower))) {
      // "in Kyiv" is a place, not a time: a time tail has a time word.
      return n;
    }
  }
  return 0;
}

/** The noun phrase that ends the token list (reading backwards from the cue). */
function trailingPhrase(tokens: Token[]): { from: number; to: number } | null {
  let k = tokens.length;
  if (k === 0) return null;
  const last = tokens[k - 1] as Token;
  if (PRONOUN_SOURCES.has(last.lower)) return { from: k - 1, to: k };
  // "The Red Cross (ICRC) said": the parenthesis belongs to the phrase.
  let to = k;
  if (last.text === ')') {
    const open = tokens.map((x) => x.text).lastIndexOf('(');
    if (open <= 0 || k - open > 6) return null;
    k = open;
    to = open;
  }
  let taken = 0;
  let from = k;
  while (k > 0 && taken < 12) {
    const t = tokens[k - 1] as Token;
    if (isPunct(t)) {
      if (t.text === '&') {
        k--;
        continue;
      }
      break;
    }
    const bare = t.lower.replace(/[’']s$/, '');
    if (DETERMINERS.has(t.lower) && taken > 0) {
      // "Pascal Hundt of the ICRC", "the head of the regional administration": the phrase goes on before "of the".
      const prep = tokens[k - 2];
      const head = tokens[k - 3];
      if (
        prep &&
        head &&
        (/^(of|for|at|in|on)$/.test(prep.lower) || (prep.lower === 'to' && ROLE_TO.test(head.lower))) &&
        /^(the|a|an)$/.test(t.lower) &&
        head.isWord &&
        !BOUNDARY.has(head.lower) &&
        !DETERMINERS.has(head.lower) &&
        !/(?:ed|ing)$/.test(head.lower) &&
        (isCapital(head) || isRole(head.lower) || GENERIC_HEAD.test(head.lower) || ORG_HEADS.has(head.lower))
      ) {
        k -= 2;
        taken += 2;
        from = k;
        continue;
      }
      from = k - 1;
      if (t.lower === 'other' || /^(two|three|four|five|one|many|several|some|most|all|both|few)$/.test(t.lower)) {
        // "Other residents", "many residents": a further determiner may precede ("the other").
        const before = tokens[k - 2];
        if (before && /^(the|its|his|her|their|our)$/.test(before.lower)) from = k - 2;
      }
      return { from, to };
    }
    // "Theresa May said": a capitalised boundary word after a capitalised word is part of a name.
    const prevTok = tokens[k - 2];
    // "the business and energy committee", "Trade and Industry": "and" inside a name or between two modifiers.
    if (t.lower === 'and' && taken > 0 && prevTok?.isWord) {
      const after = tokens[k] as Token;
      const beforePrev = tokens[k - 3];
      const joinsNames = isCapital(prevTok) && isCapital(after) && !NOT_NAME.has(prevTok.lower);
      const joinsModifiers =
        !isCapital(prevTok) &&
        !BOUNDARY.has(prevTok.lower) &&
        !DETERMINERS.has(prevTok.lower) &&
        !!beforePrev &&
        /^(the|a|an|its|their)$/.test(beforePrev.lower);
      if (joinsNames || joinsModifiers) {
        k--;
        taken++;
        from = k;
        continue;
      }
    }
    // "an analysis by Reuters": "by" joins a document to its author.
    const isAuthorBy =
      t.lower === 'by' &&
      taken > 0 &&
      !!prevTok &&
      /^(?:report|study|analysis|survey|poll|research|investigation|assessment|review|audit|estimate|estimates|statement|letter|article|paper|count|tally)$/.test(
        prevTok.lower,
      );
    const isRoleTo = t.lower === 'to' && taken > 0 && !!prevTok && ROLE_TO.test(prevTok.lower);
    if (isAuthorBy || isRoleTo) {
      k--;
      taken++;
      from = k;
      continue;
    }
    const inName =
      (isCapital(t) && !!prevTok && prevTok.isWord && isCapital(prevTok) && !NOT_NAME.has(prevTok.lower)) ||
      /^\p{Lu}[\p{Lu}.]+$/u.test(t.text); // "US", "UK": acronyms, not the pronoun "us".
    if (!inName && (BOUNDARY.has(t.lower) || (BOUNDARY.has(bare) && !isCapital(t)))) break;
    if (PRONOUN_SOURCES.has(t.lower) && !isCapital(t)) break;
    if (/ing$/.test(t.lower) && !isCapital(t) && !NP_ING.has(t.lower)) break;
    if (NP_PREPOSITIONS.has(t.lower)) {
      // Only inside a phrase: something must precede that is itself part of a phrase.
      const before = tokens[k - 2];
      if (taken === 0 || !before || isPunct(before) || BOUNDARY.has(before.lower) || DETERMINERS.has(before.lower))
        break;
      if (/ed$/.test(before.lower) && !isCapital(before) && !isRole(before.lower)) break;
    }
    k--;
    taken++;
    from = k;
  }
  if (taken === 0) return null;
  // A phrase never starts with a preposition.
  while (from < to && NP_PREPOSITIONS.has((tokens[from] as Token).lower)) from++;
  return from < to ? { from, to } : null;
}

const GENERIC_HEAD =
  /^(?:officials?|residents?|analysts?|experts?|witnesses|sources?|police|authorities|scientists|researchers|diplomats|observers|investigators|prosecutors|critics|supporters|lawmakers|legislators|senators|economists|commanders|soldiers|troops|forces|doctors|volunteers|activists|locals|people|voters|aides|advisers|advisors|spokesm[ae]n|spokeswom[ae]n|mps|ministers|governments|leaders|medics|rescuers|engineers|survivors|evacuees|refugees|families|relatives|workers|staff|employees|organisers|organizers|campaigners|protesters|demonstrators|participants|members|officers|guards|militaries|agencies|services|groups|companies|firms|banks|ministries|media|reports|polls|surveys|studies|data|figures|estimates|documents|records|statistics)$/i;

function isAcceptableSource(words: Token[]): boolean {
  if (words.length === 0) return false;
  const head = words.at(-1) as Token;
  if (words.length === 1 && PRONOUN_SOURCES.has(head.lower)) return true;
  if (/^\d/.test(words[0]?.text ?? '')) return words.some((w) => /percent|%/.test(w.lower));
  if (/^(it|this|that|there|which|what|who)$/i.test(head.lower) && words.length === 1) return false;
  const hasCapital = words.some((w) => isCapital(w) && w.isWord);
  const startsWithDeterminer = DETERMINERS.has((words[0] as Token).lower);
  const isGeneric = GENERIC_HEAD.test(head.lower);
  if (!hasCapital && !startsWithDeterminer && !isGeneric && !isRole(head.lower)) return false;
  // The head of the phrase must be a noun: not an adjective-like or verb-like lower-case word.
  if (!isCapital(head) && /(?:ed|ing|ly)$/.test(head.lower) && !isRole(head.lower) && !GENERIC_HEAD.test(head.lower))
    return false;
  if (startsWithDeterminer && words.length === 1) return false;
  return true;
}

/** The name inside a source phrase ("Kremlin spokesman Dmitry Peskov" -> "Dmitry Peskov"), else the phrase. */
export function nameSpanIn(tokens: Token[], from: number, to: number): { from: number; to: number } {
  const words = tokens.slice(from, to);
  // A run of capitalised words that reads as a personal name.
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Token;
    if (!isCapital(w) || (isRole(w.lower) && !HONORIFIC.test(w.text))) continue;
    let j = i;
    while (
      j < words.length &&
      (isCapital(words[j] as Token) || /^(?:de|van|von|der|bin|al|da|di|le|la)$/.test((words[j] as Token).text)) &&
      (words[j] as Token).isWord
    )
      j++;
    // "Ukraine President Volodymyr Zelenskyy": the name is the longest tail of the run that reads as one.
    for (let s = i; s <= j - 2; s++) {
      const run = words
        .slice(s, j)
        .map((x) => x.text)
        .join(' ');
      if (looksLikePersonName(run)) {
        // A title stays only with a bare surname ("Mr. Lyakh"); "Gov. Chris Christie" is named by "Chris Christie".
        const first = words[s] as Token;
        if (HONORIFIC.test(first.text) && j - s >= 3) return { from: from + s + 1, to: from + j };
        const prev = words[s - 1];
        return prev && HONORIFIC.test(prev.text) && j - s < 2
          ? { from: from + s - 1, to: from + j }
          : { from: from + s, to: from + j };
      }
    }
    // "spokesman Peskov", "Mr. Lyakh": a single capitalised word after a role word or an honorific.
    if (j - i === 1 && i > 0 && j === words.length) {
      const prev = words[i - 1] as Token;
      const isApposedName =
        !isCapital(prev) &&
        prev.isWord &&
        !NP_PREPOSITIONS.has(prev.lower) &&
        !DETERMINERS.has(prev.lower) &&
        !BOUNDARY.has(prev.lower);
      if (
        ((isRole(prev.lower) && !isCapital(prev)) || HONORIFIC.test(prev.text) || isApposedName) &&
        !ORG_HEADS.has(w.lower)
      ) {
        return HONORIFIC.test(prev.text) ? { from: from + i - 1, to: from + j } : { from: from + i, to: from + j };
      }
    }
    i = j;
  }
  return { from, to };
}

function toPhrase(
  raw: string,
  tokens: Token[],
  from: number,
  to: number,
  extra?: { from: number; to: number },
): SourcePhrase | null {
  const words = tokens.slice(from, to).filter((t) => t.isWord);
  if (!isAcceptableSource(words)) return null;
  const name = nameSpanIn(tokens, from, to);
  const first = tokens[name.from] as Token;
  const last = tokens[name.to - 1] as Token;
  const pFrom = Math.min(from, extra?.from ?? from);
  const pTo = Math.max(to, extra?.to ?? to);
  const phraseStart = (tokens[pFrom] as Token).start;
  const phraseEnd = (tokens[pTo - 1] as Token).end;
  return {
    span: spanOf(raw, first.start, last.end),
    phrase: raw.slice(phraseStart, phraseEnd),
    phraseStart,
    phraseEnd,
  };
}

function isAppositive(tokens: Token[]): boolean {
  const words = tokens.filter((t) => t.isWord);
  if (words.length === 0 || words.length > 16) return false;
  const first = words[0] as Token;
  if (/^(of|from|at|with|who|whose|which|for|in)$/.test(first.lower)) return true;
  if (/^\d{1,3}$/.test(first.text) && words.length === 1) return true; // ", 29,"
  if (DETERMINERS.has(first.lower) || /[’']s$/.test(first.text) || isRole(first.lower))
    return !words.some((w) => /^(said|says|told)$/.test(w.lower));
  return false;
}

/**
 * In "NAME, ROLE to/of the ROLE2" (the tokens before an apposed second name), the first name: the
 * role after it is relational ("adviser to the president", "wife of the mayor"), so a name apposed
 * to its last noun is the object of the relation, not the speaker.
 */
function describedName(outer: Token[]): { from: number; to: number } | null {
  const commaAt = outer.map((x) => x.text).lastIndexOf(',');
  if (commaAt <= 0) return null;
  const role = outer.slice(commaAt + 1);
  const words = role.filter((t) => t.isWord);
  if (words.length < 3 || words.length > 10 || !role.every((t) => t.isWord)) return null;
  const first = words[0] as Token;
  if (isCapital(first) && !isRole(first.lower)) return null;
  const rel = words.findIndex((w, i) => i > 0 && /^(?:to|of|for)$/.test(w.lower));
  if (rel < 1 || !words.slice(0, rel).some((w) => isRole(w.lower))) return null;
  // The object of the relation ends in a role noun ("the Ukrainian president"), which the apposed name fills.
  if (!isRole((words.at(-1) as Token).lower)) return null;
  const lead = outer.slice(0, commaAt);
  const np = trailingPhrase(lead);
  if (!np || np.to !== lead.length) return null;
  const text = lead
    .slice(np.from, np.to)
    .map((x) => x.text)
    .join(' ');
  return looksLikePersonName(text) ? np : null;
}

/**
 * The source before a cue: the phrase that ends right before it, inside the clause that starts
 * at `from`. Handles titles, "X of Y", appositives between commas ("X, the head of Y, said") and
 * an auxiliary or adverbial between source and cue.
 */
export function sourceBefore(raw: string, from: number, cueStart: number): SourcePhrase | null {
  // A source phrase is never this long: the window keeps a run of cues in one sentence linear.
  const all = stripTail(tokenize(raw, Math.max(from, cueStart - SOURCE_WINDOW), cueStart));
  if (all.length === 0) return null;
  if ((all.at(-1) as Token).text === ',') {
    // "NAME, APPOSITIVE, said" or "ROLE, NAME, said".
    const body = all.slice(0, -1);
    const commaAt = body.map((x) => x.text).lastIndexOf(',');
    if (commaAt < 0) return null;
    const inner = body.slice(commaAt + 1);
    const outer = body.slice(0, commaAt);
    const innerText = inner.map((x) => x.text).join(' ');
    const outerNp = trailingPhrase(outer);
    if (looksLikePersonName(innerText) && inner.every((t) => t.isWord)) {
      // "Ihor Zhovka, diplomatic adviser to the Ukrainian president, Volodymyr Zelenskiy, said": the
      // inner name completes the role's "to"/"of" phrase; the speaker is the name the role describes.
      const described = describedName(outer);
      if (described)
        return toPhrase(raw, body, described.from, described.to, { from: described.from, to: body.length });
      const extra = outerNp ?? undefined;
      const ph = toPhrase(raw, body, commaAt + 1, body.length, extra);
      return ph;
    }
    if (outerNp && isAppositive(inner))
      return toPhrase(raw, body, outerNp.from, outerNp.to, { from: outerNp.from, to: body.length });
    return null;
  }
  const np = trailingPhrase(all);
  if (!np) return null;
  // "Mariupol's mayor, Vadym Boichenko, had earlier said" arrives here as "Vadym Boichenko" after a comma: keep the role for the side.
  let extra: { from: number; to: number } | undefined;
  const before = all[np.from - 1];
  if (before?.text === ',') {
    const prevNp = trailingPhrase(all.slice(0, np.from - 1));
    const npText = all
      .slice(np.from, np.to)
      .map((x) => x.text)
      .join(' ');
    if (prevNp && looksLikePersonName(npText)) {
      const prevWords = all.slice(prevNp.from, prevNp.to);
      if (prevWords.some((w) => isRole(w.lower))) extra = { from: prevNp.from, to: np.to };
    }
  }
  return toPhrase(raw, all, np.from, np.to, extra);
}

/**
 * The source after a cue or after "according to": "said Andrew Amoils, the head of research at
 * New World Wealth", "said the regional governor, Serhiy Haida", "according to the ministry".
 */
export function sourceAfter(raw: string, from: number, limit: number): SourcePhrase | null {
  const tokens = tokenize(raw, from, Math.min(limit, from + SOURCE_WINDOW));
  const np = leadingPhrase(tokens, 0);
  if (!np) return null;
  const npText = tokens
    .slice(np.from, np.to)
    .map((x) => x.text)
    .join(' ');
  // "said the head of Germany's federal network agency, Klaus Müller" / "said Denys Shlega, commander of ..."
  const next = tokens[np.to];
  if (next?.text === ',') {
    const second = leadingPhrase(tokens, np.to + 1);
    if (second) {
      const secondText = tokens
        .slice(second.from, second.to)
        .map((x) => x.text)
        .join(' ');
      const afterSecond = tokens[second.to];
      const isEnd = !afterSecond || /^[.,;:!?”"]$/.test(afterSecond.text);
      if (isEnd && looksLikePersonName(secondText) && !looksLikePersonName(npText)) {
        return toPhrase(raw, tokens, second.from, second.to, { from: np.from, to: second.to });
      }
      if (isEnd && looksLikePersonName(nameText(tokens, np)) && isAppositive(tokens.slice(second.from, second.to))) {
        return toPhrase(raw, tokens, np.from, np.to, { from: np.from, to: second.to });
      }
    }
  }
  return toPhrase(raw, tokens, np.from, np.to);
}

function nameText(tokens: Token[], np: { from: number; to: number }): string {
  const n = nameSpanIn(tokens, np.from, np.to);
  return tokens
    .slice(n.from, n.to)
    .map((x) => x.text)
    .join(' ');
}

/** The noun phrase that starts at token `at` (reading forwards). */
function leadingPhrase(tokens: Token[], at: number): { from: number; to: number } | null {
  let k = at;
  const first = tokens[k];
  if (!first?.isWord) return null;
  if (PRONOUN_SOURCES.has(first.lower)) return { from: k, to: k + 1 };
  // "said Tuesday", "said last week": a time, not a source.
  if (TIME_WORDS.has(first.lower) || /^(?:last|this|next|earlier|later|yesterday|today|tonight)$/.test(first.lower))
    return null;
  if (DETERMINERS.has(first.lower)) k++;
  let to = k;
  while (k < tokens.length && k - at < 14) {
    const t = tokens[k] as Token;
    if (!t.isWord) {
      // "Deputy Prime Minister - Minister for Reintegration ... Iryna Vereshchuk": a single dash inside a title.
      if (
        t.text === '&' ||
        (t.text === '-' &&
          tokens[k - 1]?.text !== '-' &&
          tokens[k + 1]?.text !== '-' &&
          /^\p{Lu}/u.test(tokens[k + 1]?.text ?? ''))
      ) {
        k++;
        continue;
      }
      if (t.text === '(') {
        const close = tokens.findIndex((x, i) => i > k && x.text === ')');
        if (close > k && close - k <= 6) {
          k = close + 1;
          to = k;
          continue;
        }
      }
      break;
    }
    // "data by Henley & Partners", "an analysis by Reuters": the author belongs to the document's phrase.
    if (
      t.lower === 'by' &&
      k > at &&
      DOCUMENT_HEAD.test((tokens[k - 1] as Token).lower) &&
      /^\p{Lu}/u.test(tokens[k + 1]?.text ?? '')
    ) {
      k++;
      continue;
    }
    // "an adviser to Zelenskiy's office", "Ukraine's ambassador to the UN": a role's "to" phrase.
    if (t.lower === 'to' && k > at && ROLE_TO.test((tokens[k - 1] as Token).lower) && tokens[k + 1]?.isWord) {
      k++;
      continue;
    }
    if (BOUNDARY.has(t.lower) && !isCapital(t)) break;
    if (PRONOUN_SOURCES.has(t.lower)) break;
    if (/ing$/.test(t.lower) && !isCapital(t) && !NP_ING.has(t.lower)) break;
    if (NP_PREPOSITIONS.has(t.lower)) {
      const nxt = tokens[k + 1];
      // "wrote one piece on 31 March": a date, not a complement.
      if (!nxt?.isWord || TIME_WORDS.has(nxt.lower) || BOUNDARY.has(nxt.lower) || /^\d/.test(nxt.text)) break;
      const nxt2 = tokens[k + 2];
      if (DETERMINERS.has(nxt.lower) && nxt2 && TIME_WORDS.has(nxt2.lower)) break;
      if (k === at || (k === to && to === at)) break;
      k++;
      continue;
    }
    if (/^(last|this|next|earlier|later)$/.test(t.lower)) break;
    if (
      /ed$/.test(t.lower) &&
      !isCapital(t) &&
      !isRole(t.lower) &&
      k > at &&
      !/^(armed|united|elected|retired|detained|displaced|wounded|injured|based)$/.test(t.lower)
    )
      break;
    k++;
    to = k;
  }
  // A phrase never ends in a preposition or a determiner.
  while (
    to > at &&
    (NP_PREPOSITIONS.has((tokens[to - 1] as Token).lower) || DETERMINERS.has((tokens[to - 1] as Token).lower))
  )
    to--;
  return to > at && !(to === at + 1 && DETERMINERS.has(first.lower)) ? { from: at, to } : null;
}
