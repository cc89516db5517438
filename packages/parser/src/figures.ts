import { CATEGORY_NOUNS, OTHER_COUNTRIES, sideOf } from './lexicon.ts';
import { NUMBER_WORDS, readNumber } from './numbers.ts';
import { HISTORICAL, HYPOTHETICAL_BEFORE, MODAL_LOSS } from './frame-lexicon.ts';
import type { Category, Figure, FigureKind, Qualifier, Side } from './types.ts';
import { CASUALTY_CATEGORIES, LOSS_CATEGORIES } from './types.ts';

// Every pattern here is anchored (^ or $) on a slice of bounded length, so matching is linear in
// the article: the scanner never hands a regular expression more than a few dozen characters.

const QUALIFIERS: Array<[RegExp, Qualifier]> = [
  [/(?:more than|over|in excess of|upwards of)\s+$/i, 'more_than'],
  [/(?:at least|no fewer than|no less than|a minimum of|not less than)\s+$/i, 'at_least'],
  [/(?:up to|as many as|as much as|at most|a maximum of|no more than)\s+$/i, 'up_to'],
  [/(?:less than|fewer than|under|below)\s+$/i, 'less_than'],
  [
    /(?:about|around|approximately|roughly|nearly|almost|some|an estimated|estimated|close to|approx\.?|circa|perhaps|an approximate)\s+$/i,
    'approx',
  ],
];

/** Words that end a counted-noun phrase. */
const STOP = new Set([
  'and',
  'or',
  'of',
  'in',
  'on',
  'at',
  'to',
  'the',
  'since',
  'from',
  'with',
  'by',
  'as',
  'were',
  'was',
  'have',
  'has',
  'had',
  'is',
  'are',
  'be',
  'been',
  'till',
  'until',
  'who',
  'which',
  'that',
  'for',
  'per',
  'a',
  'an',
  'this',
  'these',
  'those',
  'it',
  'but',
  'than',
  'into',
  'after',
  'before',
  'during',
  'over',
  'under',
  'while',
  'would',
  'will',
  'could',
  'can',
  'not',
  'ever',
  'still',
  'also',
  'now',
  'so',
  'if',
  'when',
  'where',
  'there',
  'here',
  'each',
  'every',
  'all',
  'more',
  'less',
  'remained',
  'remain',
  'arrived',
  'died',
  'killed',
  'left',
  'fled',
  'including',
  'across',
  'within',
  'against',
  'among',
  'between',
  'through',
  'only',
  'just',
  'last',
  'this',
  'next',
  'another',
  'they',
  'he',
  'she',
  'we',
  'you',
  'i',
  'said',
  'says',
  'say',
  'told',
  'added',
  'according',
  'reported',
  'claimed',
  'stated',
  'announced',
  'confirmed',
  'replied',
  'wrote',
  'tweeted',
  'because',
  'then',
  'either',
  'neither',
  'nor',
  'yet',
  'whose',
  'whom',
  'what',
  'how',
  'why',
  'do',
  'did',
  'does',
  'may',
  'might',
  'must',
  'should',
  'shall',
  'out',
  'up',
  'down',
  'off',
  'about',
  'around',
  'near',
  'without',
  'per',
  'via',
  'like',
]);

/** Words after a number that make it a date, time, duration, age, distance, share or measurement. */
const NOT_A_COUNT =
  /^(?:%|per ?cent|percent|percentage|(?:consecutive|straight|successive)\s+\w+|quarters?\b|years?\b|year-old|yrs?\b|months?\b|weeks?\b|days?\b|nights?\b|hours?\b|hrs?\b|minutes?\b|mins?\b|seconds?\b|decades?\b|centur(?:y|ies)\b|am\b|pm\b|a\.m\.|p\.m\.|gmt\b|utc\b|bst\b|km\b|kms\b|kilomet|miles?\b|metres?\b|meters?\b|feet\b|ft\b|foot\b|inch|cm\b|mm\b|st\b|nd\b|rd\b|th\b|times\b|fold\b|degrees?\b|°|o'clock|o’clock|kg\b|kilo|grams?\b|lbs?\b|litres?\b|liters?\b|mph\b|km\/h|kph\b|knots?\b|mw\b|gw\b|kw\b|mwh\b|gwh\b|twh\b|bcm\b|points?\b|pts?\b|-year|-day|-hour|-km|-mile|-metre|-meter|-storey|-story|-month|-week|-minute|-second|-member|-strong|-page|-point|-inch|-mm|-ton|-tonne|-kg)/i;
const MONTHS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
/** Capitalised words before a number that make it a name: "Articles 30-34", "Nord Stream 1", "No 10". */
const NAME_BEFORE =
  /(?:^|[^A-Za-z])(?:No|Nos|Number|Art|Arts|Article|Articles|Section|Sections|Chapter|Chapters|Part|Paragraph|Clause|Resolution|Decree|Law|Item|Page|Pages|Point|Unit|Block|Reactor|Building|Flight|Route|Highway|Road|Platform|Gate|Room|Apartment|Level|Phase|Stage|Grade|Category|Type|Model|Mark|Mk|Series|Class|Version|Season|Episode|Vol|Volume|Round|Group|Team|Brigade|Battalion|Regiment|Division|Corps|Army|Fleet|Squadron|Channel|Radio|Station|Stream|Line|Window|Windows|Hall|Track|Lane|Pier|Terminal|Zone|Sector|Region|Protocol|Annex|Order|Bill|Act|Covid|COVID|Minsk)\s$/;
const STREET =
  /^\s?[A-Za-z]?\s+(?:[A-Z0-9][\p{L}\d’'.-]*\s+){0,3}(?:Street|St|Str|Avenue|Ave|Highway|Road|Rd|Lane|Boulevard|Blvd|Square|Sq|Prospect|Prospekt|Avenue|Alley|Embankment|Drive|Way|Place|Passage|Lines?|Quay)\b/u;
const OPENERS = /(?:^|[.!?:;"“”‘’(\u2014\u2013\n]\s*)$/;

export interface FigureContext {
  sourceSide: Side;
  since: string | null;
  /** True inside a loss report (ministry list): running totals since the start of the invasion. */
  isLossList?: boolean;
  /** Set per figure: an army is the subject of the clause before it ("Kyiv’s forces were suffering"). */
  armyBefore?: boolean;
}

/** Counts of weapons and men lost in battle: whose loss is the enemy's of whoever destroyed them. */
const MILITARY = new Set<Category>(LOSS_CATEGORIES);
/** Counts that are running totals when the text gives a start ("since February 24"). */
const RUNNING = new Set<Category>([
  ...MILITARY,
  'captured',
  'killed',
  'wounded',
  'civilians_killed',
  'civilians_wounded',
  'children',
]);

type PeopleKind = 'civilian' | 'military' | 'children' | 'people';
const PEOPLE_KINDS: Array<[RegExp, PeopleKind]> = [
  [/^(?:civilians?|non-combatants?)$/, 'civilian'],
  [
    /^(?:servicem[ae]n|soldiers?|troops?|personnel|fighters|marines|paratroopers|conscripts|occupiers|invaders|militants|mercenaries|nationalists|neo-nazis|saboteurs|servicewom[ae]n|sailors|pilots|officers|commanders|generals|reservists|recruits|combatants|orcs|russians soldiers)$/,
    'military',
  ],
  [/^(?:children|kids|minors|babies|infants|child|boys|girls|teenagers)$/, 'children'],
  [
    /^(?:people|persons?|residents?|citizens?|individuals|inhabitants|men|women|adults|villagers|passengers|patients|ukrainians|russians|locals|nationals|journalists|workers|volunteers|medics|doctors|nurses|staff|employees|students|pensioners|elderly|hostages|survivors|victims|families|evacuees|refugees|migrants|detainees|prisoners|others|population|inhabitants)$/,
    'people',
  ],
];

function peopleKind(words: string[]): PeopleKind | null {
  for (let i = words.length - 1; i >= 0; i--) {
    const w = (words[i] ?? '').toLowerCase().replace(/[’']s?$/, '');
    for (const [re, kind] of PEOPLE_KINDS) if (re.test(w)) return kind;
  }
  return null;
}

function nounCategory(unitPhrase: string): Category {
  const words = unitPhrase.toLowerCase().split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const tail = words.slice(i).join(' ');
    if (!ANY_CATEGORY_NOUN.test(tail)) continue;
    for (const [re, category] of CATEGORY_NOUNS) if (re.test(tail)) return category;
  }
  return 'other';
}

type Event =
  | 'killed'
  | 'wounded'
  | 'captured'
  | 'evacuated'
  | 'fled'
  | 'displaced'
  | 'lost'
  | 'liquidated'
  /** Weapons fired or launched: counted, not lost ("the 10 missiles fired by Russia"). */
  | 'used';
const EVENT_WORDS: Array<[RegExp, Event]> = [
  [
    /^(?:killed|killing|kills|dead|died|die|dies|perished|deaths?|death toll|lost their lives|casualties|slain|murdered|executed|massacred|fatalities|bodies|corpses|graves|buried|shot dead)$/,
    'killed',
  ],
  [/^(?:wounded|injured|injuries|hurt|maimed|injuring|wounding)$/, 'wounded'],
  [
    /^(?:detained|captured|abducted|kidnapped|deported|imprisoned|prisoners?|taken prisoner|took prisoner|surrendered|arrested|held captive|pows?|captive|hostage|hostages|rounded up)$/,
    'captured',
  ],
  [/^(?:evacuated|evacuation|rescued)$/, 'evacuated'],
  [/^(?:fled|flee|fleeing|flown|refugees|crossed|emigrated|sought refuge|sought shelter abroad)$/, 'fled'],
  [/^(?:displaced|homeless|uprooted)$/, 'displaced'],
  [/^(?:liquidated|eliminated|neutralised|neutralized)$/, 'liquidated'],
  [
    /^(?:lost|losing|lose|loses|losses|loss|missing|destroyed|shot down|downed|intercepted|demolished|razed|flattened|ruined|wrecked|damaged|blown up|sunk|sank)$/,
    'lost',
  ],
];
/** Predicates that only say something right after the counted noun: "156 people arrived". */
const AFTER_ONLY: Array<[RegExp, Event]> = [
  [/^(?:fired|launched|used|deployed)$/, 'used'],
  [
    /^(?:escaped|escape|arrived|reached|left|got out|brought out|joined|managed|bused|taken out|were evacuated|made it)$/,
    'evacuated',
  ],
];

/** Whether any of the patterns matches: one alternation to rule a text out before the ordered loop. */
function anyOf(patterns: RegExp[]): RegExp {
  const flags = patterns[0]?.flags ?? '';
  if (patterns.some((re) => re.flags !== flags || re.global || re.sticky)) return /(?:)/;
  const alternation = patterns.map((re) => `(?:${re.source})`).join('|');
  // Anchored as a whole when every pattern is: the engine then tries only the start, not every position.
  const anchored = patterns.every((re) => re.source.startsWith('^'));
  return new RegExp(anchored ? `^(?:${alternation})` : alternation, flags);
}
const ANY_EVENT_WORD = anyOf(EVENT_WORDS.map(([re]) => re));
const ANY_CATEGORY_NOUN = anyOf(CATEGORY_NOUNS.map(([re]) => re));

function eventOf(word: string): Event | null {
  const w = word.toLowerCase();
  if (!ANY_EVENT_WORD.test(w)) return null;
  for (const [re, event] of EVENT_WORDS) if (re.test(w)) return event;
  return null;
}

/** The nearest event word in the clause before the figure (back to punctuation that ends a clause). */
function eventBefore(before: string): Event | null {
  const clause = before.split(/[.;:!?]\s/).at(-1) ?? before;
  const words = clause.toLowerCase().match(/[a-z]+/g) ?? [];
  for (let i = words.length - 1; i >= Math.max(0, words.length - 25); i--) {
    const two = i > 0 ? `${words[i - 1]} ${words[i]}` : '';
    const e = (two && eventOf(two)) || eventOf(words[i] ?? '');
    if (e) return e;
  }
  return null;
}

/** The predicate right after the counted noun: "57 people had been killed", "156 people arrived". */
function eventAfter(after: string): Event | null {
  const m =
    /^[\s,]*(?:(?:including|among them|mostly|many of them|most of them|of whom)\b[^,]{0,50},\s*)?(?:(?:in|of|from|at|near)\s+(?:the\s+)?[\p{L}’'-]+(?:\s+[\p{L}’'-]+)?\s+)?(?:(?:had|have|has|were|was|are|is|got|would|will|could|may|might|reportedly|been|being|also|now|all|already|later|since|still|then|subsequently|allegedly|managed to|had managed to|as|be)\s+){0,4}(?:\p{L}+ly\s+)?([\p{L}-]+)(?:\s+([\p{L}-]+))?/iu.exec(
      after.slice(0, 80),
    );
  if (!m) return null;
  // "fled their homes" is displacement; "escaped the country", "gone abroad" is flight abroad.
  const rest = after.slice(m.index + m[0].length - (m[2]?.length ?? 0) - (m[2] ? 1 : 0), m.index + m[0].length + 30);
  if (/^(?:fled|left|abandoned|lost)$/i.test(m[1] ?? '') && /^\s*(?:their|his|her|our)\s+homes?\b/i.test(rest))
    return 'displaced';
  if (
    /^(?:fled|left|escaped|gone|went|moved)$/i.test(m[1] ?? '') &&
    /^\s*(?:the country|ukraine|abroad|overseas)\b/i.test(rest)
  )
    return 'fled';
  // "shot and killed", "beaten and wounded": the last verb of the pair says what happened.
  const pair = /^\s*and\s+([\p{L}-]+)/u.exec(rest);
  if (pair?.[1] && /^(?:shot|stabbed|beaten|tortured|attacked|hit|struck|bombed)$/i.test(m[1] ?? '')) {
    const last = eventOf(pair[1]);
    if (last) return last;
  }
  const two = m[2] ? eventOf(`${m[1]} ${m[2]}`) : null;
  const word = (m[1] ?? '').toLowerCase();
  return two ?? eventOf(word) ?? AFTER_ONLY.find(([re]) => re.test(word))?.[1] ?? null;
}

/** What happened to the counted people or things: the verb frame around the figure. */
function eventAround(words: string[], before: string, after: string, wideBefore: string): Event | null {
  const own =
    eventOf((words.at(-1) ?? '').toLowerCase()) ?? (words.length > 1 ? eventOf((words[0] ?? '').toLowerCase()) : null);
  const afterEvent = eventAfter(after);
  const beforeEvent = eventBefore(before);
  // "Ukrainians who fled to your country. More than 1.5 million citizens of Ukraine!"
  const fledBefore = /\b(?:fled|flee|fleeing|refugees)\b[^.!?\n]*[.!?]\s+[^.!?\n]{0,30}$/i.test(wideBefore)
    ? ('fled' as const)
    : null;
  // "150 nationalists and 12 units of equipment were destroyed": a passive later in the clause.
  // "60 people who were sheltering in the school ... were killed": the first passive that is an event.
  let laterEvent: Event | null = null;
  for (const passive of (after.split(/[.;:!?]/)[0] ?? '').matchAll(
    /\b(?:were|was|have been|has been|had been)\s+([a-z]+)/gi,
  )) {
    laterEvent = passive[1] ? eventOf(passive[1]) : null;
    if (laterEvent) break;
  }
  // "shot down 40 missiles launched from Belarus": the verb before governs the count; in "7 of the
  // 10 missiles fired by Russia" the whole, after "of the", was only fired.
  if (afterEvent === 'used' && beforeEvent && !/\bof\s+(?:the\s+)?$/i.test(before)) return own ?? beforeEvent;
  return own ?? afterEvent ?? beforeEvent ?? laterEvent ?? fledBefore;
}

const LOSS_EVENTS = new Set<Event | null>(['killed', 'wounded', 'captured', 'lost', 'liquidated']);
const CASUALTY = new Set<Category>(CASUALTY_CATEGORIES);

/**
 * The category, whether the clause reads it as lost (for whose loss), and whether it is a loss of
 * this war at all (for the kind): people killed, hurt or taken, things destroyed, a loss list's line.
 */
function categoryOf(
  unitWords: string[],
  before: string,
  after: string,
  ctx: FigureContext,
  prevUnit: string[] | null,
  wideBefore: string,
): { category: Category; isLoss: boolean; lost: boolean } {
  const words = unitWords.length > 0 ? unitWords : (prevUnit ?? []);
  const event = eventAround(words, before, after, wideBefore);
  const { category, isLoss } = categoryFromFrame(words, event, ctx, unitWords.length === 0 && prevUnit === null);
  const lost =
    ctx.isLossList === true ||
    CASUALTY.has(category) ||
    (category !== 'money' && category !== 'refugees' && category !== 'displaced' && LOSS_EVENTS.has(event));
  return { category, isLoss, lost };
}

function categoryFromFrame(
  words: string[],
  event: Event | null,
  ctx: FigureContext,
  bare: boolean,
): { category: Category; isLoss: boolean } {
  const phrase = words.join(' ');
  const lastWord = (words.at(-1) ?? '').toLowerCase();
  const own = eventOf(lastWord);
  const noun = nounCategory(phrase);
  // "about 5 million of them have gone abroad": a share of people counted before.
  const kind = peopleKind(words) ?? (/^(?:them|those)$/.test(lastWord) ? 'people' : null);
  const isLoss = event === 'lost' || event === 'killed' || event === 'liquidated';
  if (noun === 'money') return { category: 'money', isLoss: false };
  if (kind === null && noun !== 'other' && noun !== 'personnel' && noun !== 'civilians_killed')
    return { category: noun, isLoss: true };
  // "40 armoured personnel carriers": a weapon whose name holds a word for people is still a weapon.
  if (MILITARY.has(noun) && noun !== 'personnel' && peopleKind([lastWord]) === null)
    return { category: noun, isLoss: true };
  if (own === 'wounded' && words.length === 1) return { category: 'wounded', isLoss: true };
  // "Kyiv’s forces were suffering up to 100 deaths": the dead of an army are personnel losses.
  if (own === 'killed' && words.length === 1 && ctx.armyBefore) return { category: 'personnel', isLoss: true };
  if (own === 'killed' && words.length === 1) return { category: 'killed', isLoss: true };
  if (own === 'captured' && words.length === 1) return { category: 'captured', isLoss: true };
  const isMilitary = kind === 'military' || noun === 'personnel';
  if (ctx.isLossList && (isMilitary || kind === 'people')) return { category: 'personnel', isLoss: true };
  if (kind === 'children') return { category: 'children', isLoss };
  if (isMilitary) {
    if (event === 'captured') return { category: 'captured', isLoss: true };
    if (event === 'killed' || event === 'lost' || event === 'liquidated')
      return { category: 'personnel', isLoss: true };
    if (event === 'wounded') return { category: 'wounded', isLoss: true };
    return { category: 'other', isLoss: false };
  }
  if (noun === 'displaced' || noun === 'refugees' || noun === 'evacuated') return { category: noun, isLoss: false };
  if (kind === 'civilian' || kind === 'people' || (bare && event !== null)) {
    const isCivilian = kind === 'civilian';
    switch (event) {
      case 'killed':
        return { category: isCivilian ? 'civilians_killed' : 'killed', isLoss: true };
      case 'wounded':
        return { category: isCivilian ? 'civilians_wounded' : 'wounded', isLoss: true };
      case 'captured':
        return { category: 'captured', isLoss: true };
      case 'evacuated':
        return { category: 'evacuated', isLoss: false };
      case 'fled':
        return {
          category:
            /^(?:people|persons?|citizens?|ukrainians|women|civilians?|residents?|refugees|families|them|those)$/.test(
              lastWord,
            ) || lastWord === 'refugees'
              ? 'refugees'
              : 'other',
          isLoss: false,
        };
      case 'displaced':
        return { category: 'displaced', isLoss: false };
      case 'lost':
        return { category: isCivilian ? 'civilians_killed' : 'personnel', isLoss: true };
      case 'liquidated':
        return { category: 'personnel', isLoss: true };
      default:
        break;
    }
    if (lastWord === 'refugees') return { category: 'refugees', isLoss: false };
    if (lastWord === 'evacuees') return { category: 'evacuated', isLoss: false };
    if (/^(?:prisoners?|detainees|hostages|pows?)$/.test(lastWord)) return { category: 'captured', isLoss: true };
    return { category: 'other', isLoss: false };
  }
  return { category: noun === 'civilians_killed' ? 'other' : noun, isLoss: event === 'lost' && kind === null };
}

const opposite = (side: Side): Side => (side === 'russia' ? 'ukraine' : side === 'ukraine' ? 'russia' : 'unknown');

const SIDE_WORD =
  /(?<![\p{L}-])(Russia|Russian|Russians|Moscow|Kremlin|Ukraine|Ukrainian|Ukrainians|Kyiv|Kiev|Mariupol|Kharkiv|Kherson|Odesa|Odessa|Mykolaiv|Zaporizhzhia|Donetsk|Luhansk|Donbas|Lviv|Chernihiv|Sumy|Bucha|Irpin|Kramatorsk|Severodonetsk|Sievierodonetsk|Lysychansk|Dnipro|Azovstal|Vuhledar|Lyman|Bakhmut|Izium|Melitopol|Berdyansk|Kremenchuk|Vinnytsia|Zhytomyr|Poltava|Chernivtsi|Uzhhorod|Rivne|Lutsk|Ternopil|Kropyvnytskyi|Cherkasy|Borodyanka|Hostomel|Enerhodar|Crimea|Belgorod|Kursk|Bryansk|St Petersburg|Rostov)(?![\p{L}-])/gu;
const RUSSIA_WORD = /^(?:Russia|Russian|Russians|Moscow|Kremlin|Belgorod|Kursk|Bryansk|St Petersburg|Rostov)$/;
/** Names of a state or its forces, which can act ("Russian forces destroyed"); the rest are places. */
const ACTOR_WORD = /^(?:Russia|Russian|Russians|Moscow|Kremlin|Ukraine|Ukrainian|Ukrainians|Kyiv|Kiev)$/;
const ENEMY = /\b(?:enemy|enemy's|enemy’s|occupiers?|invaders?|aggressor|orcs|occupation forces|occupying forces)\b/i;
const OWN = /\b(?:our|we|us|ours)\b/i;
const INFLICT =
  /(?<!\b(?:been|were|was|are|is|be|being|get|got|getting)\s)\b(?:destroyed|destroying|destroy|shot down|shooting down|downed|killed|killing|kill|eliminated|liquidated|neutralised|neutralized|hit|struck|sank|sunk|captured|seized|took|taken|detained|wiped out|knocked out|repelled|defeated|intercepted|injured|injuring|wounded|wounding|demolished|razed|flattened|ruined|wrecked|damaged|bombed|shelled|abducted|deported)\b/i;
/** Verbs of giving, having and moving arms: the count is the holder's, not a loss. */
const SUPPLY =
  /\b(?:provided?|providing|deliver(?:ed|ing|s)?|sen[dt]|sending|suppl(?:y|ied|ying)|receiv(?:e|ed|ing)|deploy(?:ed|ing|s)?|ha[sd]|have|own(?:s|ed)?|gave|give|giving|transferr?(?:ed|ing)?|pledged?|promised?|bought|buy|ordered|arrived|massed|amassed|gathered)\b/i;
const OTHER_NATION =
  /^(?:american|americans|us|u\.s\.|british|uk|european|europeans|eu|nato|polish|poles|german|germans|french|republican|republicans|democratic|democrats|western|chinese|turkish|belarusian|moldovan|georgian|finnish|swedish)$/i;

/** "were killed by Russian shelling": the agent of a passive after the figure. */
const BY_AGENT =
  /^[^.;!?]{0,40}?\b(?:killed|destroyed|wounded|injured|hit|damaged|demolished|shot down|downed|captured|abducted|deported)\s+(?:by|in)\s+((?:a|an|the)?\s*[\p{L}’'-]+(?:\s+[\p{L}’'-]+)?)/iu;
/** An attacker named in a relative clause after the figure. */
const REL_AGENT =
  /^[^.;!?]{0,80}?\b(?:that|which|where|when)\s+((?:the\s+)?[\p{L}’'-]+)\s+(?:(?:forces|troops|army|military|strikes?|shelling|missiles?|jets|planes|artillery)\s+)?(?:had\s+|have\s+)?(?:bombed|shelled|struck|hit|attacked|destroyed|fired on|targeted|shot at)\b/iu;
/** Countries and blocs outside the war. */
const OTHER_COUNTRY = new RegExp(`^(?:${OTHER_COUNTRIES.join('|')})$`, 'i');
/** Another country, bloc or its government named as the actor of a count. */
const OTHER_ACTOR = new RegExp(
  `(?<![\\p{L}])(?:${OTHER_COUNTRIES.join('|')})(?:[’']s)?\\s+(?:governments?|taxpayers|budgets?|states|countries|members|officials|imports|exports|economy)\\b`,
  'iu',
);

// One article is parsed by many calls: remember the side of the outlet that publishes it.
let home: { raw: string; side: Side | null } | null = null;
/** The side of an official outlet ("President of Russia (en.kremlin.ru)"), null for the press. */
function homeSide(raw: string): Side | null {
  if (home?.raw !== raw) {
    const header = /^date \S+[^|\n]{0,80}\|\s*([^:\n]{1,120}):/.exec(raw.slice(0, 260))?.[1] ?? '';
    const official =
      /\b(?:President of|Ministry|General Staff|Government of|Office of|Kremlin|Cabinet)\b|\.gov\b|kremlin\.ru/i;
    const side = official.test(header) ? sideOf(header) : null;
    home = { raw, side: side === 'russia' || side === 'ukraine' ? side : null };
  }
  return home.side;
}

/** The last side named in `text`, with where its name ends. Compounds ("pro-Russian") do not name a side. */
function lastSide(text: string): { side: Side; end: number; isPlace: boolean } | null {
  let found: { side: Side; end: number; isPlace: boolean } | null = null;
  SIDE_WORD.lastIndex = 0;
  for (let m = SIDE_WORD.exec(text); m; m = SIDE_WORD.exec(text)) {
    found = {
      side: RUSSIA_WORD.test(m[1] ?? '') ? 'russia' : 'ukraine',
      end: m.index + m[0].length,
      isPlace: !ACTOR_WORD.test(m[1] ?? ''),
    };
  }
  return found;
}

// One article is parsed by many calls: remember whether the last one seen is about the war.
let warArticle: { raw: string; isWar: boolean } | null = null;
function isWarArticle(raw: string): boolean {
  if (warArticle?.raw !== raw) warArticle = { raw, isWar: /Ukrain|Kyiv|Kiev/.test(raw) };
  return warArticle.isWar;
}

function firstSide(text: string): Side | null {
  SIDE_WORD.lastIndex = 0;
  const m = SIDE_WORD.exec(text);
  SIDE_WORD.lastIndex = 0;
  if (!m) return null;
  return RUSSIA_WORD.test(m[1] ?? '') ? 'russia' : 'ukraine';
}

/**
 * Whose count it is. A side in the figure's own words ("471 Ukrainian servicemen", "citizens of
 * Ukraine") decides. For weapons and soldiers lost: the side named as losing ("Russia has lost"),
 * the enemy of the side named as destroying ("Russian forces destroyed"), else the enemy of the
 * source, or the source's own side when its men simply "died". For people and other counts: the
 * side or place named in the clause, else the source's side, else a side named earlier in the
 * paragraph, else other.
 */
function subjectOf(
  raw: string,
  clauseStart: number,
  figStart: number,
  figEnd: number,
  end: number,
  unitWords: string[],
  category: Category,
  isLoss: boolean,
  ctx: FigureContext,
  prev: Figure | null = null,
  lost = true,
): Side {
  // A list sharing one verb ("destroyed 5 tanks, 3 APCs and 2 guns"): the items share the owner.
  if (
    prev &&
    figStart - prev.end < 36 &&
    /^[\s,]*(?:(?:killed|dead|wounded|injured|captured|destroyed)[\s,]+)?(?:and|as well as|plus|,)?[\s,]*$/.test(
      raw.slice(prev.end, figStart),
    )
  )
    return prev.subject;
  const isPerson = peopleKind(unitWords) !== null || (unitWords.length === 0 && category !== 'money');
  if (unitWords.some((w) => OTHER_NATION.test(w))) return 'other';
  // Animals killed by the war (dolphins, livestock) are nobody's side.
  if (
    unitWords.some((w) =>
      /^(?:dolphins?|porpoises?|whales?|birds?|animals?|cattle|cows?|pigs?|sheep|horses?|dogs?|cats?|pets?|livestock|fish|bees|poultry|chickens?)$/i.test(
        w,
      ),
    )
  )
    return 'other';
  const own = sideOf(unitWords.join(' '));
  if (own === 'russia' || own === 'ukraine') return own;
  // The clause before the figure, without the words of an earlier figure ("471 Ukrainian servicemen").
  const lo = Math.max(clauseStart, figStart - 200);
  const before =
    prev && prev.start >= lo
      ? `${raw.slice(lo, prev.start)} ${raw.slice(prev.end, figStart)}`
      : raw.slice(Math.max(lo, prev?.end ?? lo), figStart);
  const clause = before.split(/[.;!?]\s|\n/).at(-1) ?? before;
  const named = lastSide(clause);
  const between = named ? clause.slice(named.end) : clause;
  // "Ukrainian shelling killed 3 people in Donetsk": an attacker named before a loss decides before
  // the place named after it.
  if (lost && named && !named.isPlace && INFLICT.test(between)) return opposite(named.side);
  const post = /^\s+(?:of|from|in)\s+(?:the\s+)?([\p{L}’'-]+)/u.exec(raw.slice(figEnd, Math.min(end, figEnd + 40)));
  const postSide = post ? firstSide(post[1] ?? '') : null;
  if (postSide) return postSide;
  // "33 million barrels of Japan’s imports": a third country's count.
  // ("18 howitzers from the US" names where they came from, not whose they are.)
  if (post && /^\s+of\b/.test(post[0]) && OTHER_COUNTRY.test(post[1]?.replace(/[’']s$/, '') ?? '')) return 'other';
  const isMilitary = MILITARY.has(category) || (category === 'captured' && peopleKind(unitWords) === 'military');
  const src = ctx.sourceSide === 'russia' || ctx.sourceSide === 'ukraine' ? ctx.sourceSide : null;
  if (isMilitary && !lost && !ctx.isLossList) {
    // "the 10 missiles fired by Russia": the user named after the count.
    const user =
      /^\s+(?:\w+\s+)?(?:fired|launched|used|deployed|sent|supplied|owned|operated)\s+by\s+(?:the\s+)?([\p{L}’'-]+)/u.exec(
        raw.slice(figEnd, Math.min(end, figEnd + 60)),
      );
    const userSide = user ? firstSide(user[1] ?? '') : null;
    if (userSide) return userSide;
    // Weapons counted, not lost ("950 new carriages will be purchased", "Russia launched 100
    // missiles"): the holder's, named before the count, as the recipient after it, else the source's.
    const recipient = /^[^.;]{0,60}?\b(?:to|for)\s+(?:the\s+)?([\p{L}’'-]+)/u.exec(
      raw.slice(figEnd, Math.min(end, figEnd + 80)),
    );
    const recipientSide = recipient ? firstSide(recipient[1] ?? '') : null;
    if (recipientSide) return recipientSide;
    if (named) return named.side;
    const sentenceTail = raw.slice(figEnd, Math.min(end, figEnd + 100)).split(/[.;!?]\s|\n/)[0] ?? '';
    return firstSide(sentenceTail) ?? src ?? homeSide(raw) ?? 'unknown';
  }
  if (isMilitary) {
    if (ctx.isLossList) return src ? opposite(src) : 'unknown';
    const enemy = ENEMY.exec(between);
    // "the enemy destroyed 5 of our tanks": the enemy acted, so the source's side lost them.
    if (enemy) return INFLICT.test(between.slice(enemy.index)) ? (src ?? 'ukraine') : src ? opposite(src) : 'russia';
    if (named) return INFLICT.test(between) && !named.isPlace ? opposite(named.side) : named.side;
    if (OWN.test(between) && src && !INFLICT.test(between)) return src;
    if (SUPPLY.test(between) && !INFLICT.test(between)) {
      // "will send 100 Switchblade drones to Ukraine": the recipient named after the count.
      const recipient = /^[^.;]{0,60}?\b(?:to|for)\s+(?:the\s+)?([\p{L}’'-]+)/u.exec(
        raw.slice(figEnd, Math.min(end, figEnd + 80)),
      );
      return (recipient ? firstSide(recipient[1] ?? '') : null) ?? src ?? 'unknown';
    }
    const afterEvent = eventAfter(raw.slice(figEnd, Math.min(end, figEnd + 80)));
    if (category === 'personnel' && afterEvent === 'killed' && !INFLICT.test(between)) return src ?? 'unknown';
    if (category === 'captured') return src ? opposite(src) : 'unknown';
    return src ? opposite(src) : 'unknown';
  }
  if (named) {
    // "EU governments bear at least 60 billion euros": another country acting after the side named.
    if (!isLoss && OTHER_ACTOR.test(between)) return 'other';
    return INFLICT.test(between) && !named.isPlace ? opposite(named.side) : named.side;
  }
  const enemyAgent = ENEMY.exec(clause);
  if (enemyAgent && src && INFLICT.test(clause.slice(enemyAgent.index))) return src;
  const byAgent = BY_AGENT.exec(raw.slice(figEnd, Math.min(end, figEnd + 80)));
  const bySide = byAgent ? firstSide(byAgent[1] ?? '') : null;
  if (bySide) return opposite(bySide);
  // "60 people who were sheltering in the school that Russian forces bombed were killed".
  const relAgent = isLoss ? REL_AGENT.exec(raw.slice(figEnd, Math.min(end, figEnd + 120))) : null;
  const relSide = relAgent ? firstSide(relAgent[1] ?? '') : null;
  if (relSide) return opposite(relSide);
  if (!isLoss && OTHER_ACTOR.test(clause)) return 'other';
  // People killed or hurt with no agent named: the victims are the source's own or the war's, not the enemy.
  if (src && INFLICT.test(between) && !OWN.test(between) && !isPerson) return opposite(src);
  const afterClause = (raw.slice(figEnd, Math.min(end, figEnd + 120)).split(/[.;!?]\s|,\s|\n/)[0] ?? '')
    .split(/\s+/)
    .slice(0, 7)
    .join(' ');
  const afterSide = firstSide(afterClause);
  if (afterSide && !isLoss) return afterSide;
  if (src) return src;
  if (afterSide) return afterSide;
  // A president's or ministry's own text counts its own country's things.
  const home = homeSide(raw);
  if (home) return home;
  // A source outside the war speaking of a count: a side named in this or the previous sentence.
  const window = raw.slice(Math.max(0, figStart - 600), figStart);
  const sentences = window
    .slice(window.lastIndexOf('\n') + 1)
    .split(/(?<!\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|No|Sen|Rep|Gov))[.!?]\s+(?=[A-Z“"‘])/);
  const earlier = lastSide(sentences.slice(-2).join('. '));
  if (earlier) return earlier.side;
  // People counted in war reporting with no side named are, overwhelmingly, in Ukraine.
  return isPerson && isWarArticle(raw) ? 'ukraine' : 'other';
}

/** Every figure inside raw[start, end): counts and amounts, with qualifier, category and subject. */
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

export function findFigures(raw: string, start: number, end: number, ctx: FigureContext): Figure[] {
  const figures: Figure[] = [];
  let prevUnit: { words: string[]; end: number } | null = null;
  let nameEnd = -1;
  let i = start;
  while (i < end) {
    const c = raw.charCodeAt(i);
    const isDigit = c >= 48 && c <= 57;
    const isLetter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!isDigit && !isLetter) {
      i++;
      continue;
    }
    const prev = raw[i - 1] ?? ' ';
    if (isLetter) {
      const p = raw.charCodeAt(i - 1);
      if (isAsciiLetter(p) || (p >= 48 && p <= 57) || p === 45) {
        i++;
        continue;
      }
      let j = i;
      while (j < end && j - i < 20 && isAsciiLetter(raw.charCodeAt(j))) j++;
      const word = raw.slice(i, j).toLowerCase();
      // "a" and "half" start a number only before a scale ("a million refugees", "half a million").
      const startsScaled =
        (word === 'a' || word === 'an' || word === 'half') &&
        /^\s+(?:a\s+)?(?:hundred|thousand|million|billion)\b/i.test(raw.slice(j, j + 20));
      if (
        !NUMBER_WORDS.has(word) ||
        word === 'and' ||
        word === 'dozen' ||
        ((word === 'half' || word === 'a' || word === 'an') && !startsScaled)
      ) {
        while (j < end && isAsciiLetter(raw.charCodeAt(j))) j++;
        i = Math.max(j, i + 1);
        continue;
      }
    } else if (/[A-Za-z0-9.,\-+/:]/.test(prev) || (prev === '(' && raw[i - 2] === '+')) {
      // Inside a longer token: "Su-25", "12.04", "3-62-76", "+150".
      while (i < end && raw.charCodeAt(i) >= 48 && raw.charCodeAt(i) <= 57) i++;
      continue;
    }
    const num = readNumber(raw, i);
    if (!num || num.end > end || num.end === num.start) {
      i++;
      continue;
    }
    // "Articles 30-34, 38, 39 and 53": numbers listed after a name are names too.
    const isListedName =
      !num.isWords &&
      nameEnd >= 0 &&
      num.start - nameEnd < 12 &&
      /^[\s,;]*(?:and|or|&)?\s*$/.test(raw.slice(nameEnd, num.start)) &&
      /^(?:[-‒–]\d+)?\s*(?:[,;.)]|and\b|or\b|of\b|$)/.test(raw.slice(num.end, num.end + 12));
    const figure: BuiltFigure | null = isListedName
      ? null
      : (labelledItem(raw, start, end, num, ctx) ??
        buildFigure(
          raw,
          start,
          end,
          num,
          ctx,
          prevUnit && num.start - prevUnit.end < 60 ? prevUnit.words : null,
          figures.at(-1) ?? null,
        ));
    if (
      !num.isWords &&
      (isListedName ||
        (figure === null &&
          raw[num.start - 1] !== '$' &&
          isNamedBefore(raw.slice(Math.max(start, num.start - 40), num.start))))
    ) {
      nameEnd = num.end;
      while (nameEnd < end && /[\d\-‒–]/.test(raw[nameEnd] ?? '')) nameEnd++;
    } else nameEnd = -1;
    if (figure) {
      figures.push(figure.figure);
      if (figure.unitWords.length > 0) prevUnit = { words: figure.unitWords, end: figure.figure.end };
    }
    let next = Math.max(num.end, figure?.figure.end ?? 0, i + 1);
    // Skip the rest of a token the number began ("30-34,", "3-62-76").
    while (next < end && /[0-9]/.test(raw[next] ?? '')) next++;
    i = next;
  }
  return figures;
}

/** "Articles 30", "Nord Stream 1", "number 7": the number is part of a name. */
function isNamedBefore(before: string): boolean {
  if (NAME_BEFORE.test(before) || /\b(?:number|no\.|nos\.|#)\s?$/i.test(before)) return true;
  // "the Group of 7", "the Group of Twenty": a name that ends in a number.
  if (/\bGroup of\s$/.test(before)) return true;
  if (
    /\b(?:articles?|sections?|paragraphs?|chapters?|clauses?|items?|points?|pages?|resolutions?|decrees?|laws?|bills?|flights?|routes?|platforms?|gates?|rooms?|apartments?|buildings?|blocks?|reactors?|units?|stages?|phases?|levels?|categories|category|grades?|versions?|seasons?|episodes?|volumes?|rounds?)\s$/i.test(
      before,
    )
  )
    return true;
  // A capitalised word right before the number that does not open the sentence names a thing.
  const cap = /(?:^|[\s(])([A-Z][\p{L}]*)\s$/u.exec(before);
  return (
    cap !== null &&
    !QUALIFIERS.some(([re]) => re.test(before)) &&
    !OPENERS.test(before.slice(0, before.length - (cap[1]?.length ?? 0) - 1)) &&
    // "in Bucha 410 bodies were found": a place after a preposition, then the count.
    !/\b(?:in|at|near|from|outside|around|across|throughout|inside)\s$/.test(
      before.slice(0, before.length - (cap[1]?.length ?? 0) - 1),
    ) &&
    !/^(?:The|A|An|Only|Another|Some|Just|All|And|But|Of|In|With|Nearly|Almost|Roughly|About|Around|Over|Approximately|Perhaps|Maybe|Exactly|Precisely|Total|Killed|Lost|Destroyed|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Yesterday|Today|Overall|Altogether|Meanwhile|Now|Then|So|Since|Of|At|On|By|To|For|From|After|Before|During|Another|Every|Each|These|Those|Its|Their|His|Her|Our|We|They|He|She|It|I)$/.test(
      cap[1] ?? '',
    )
  );
}

/** "tanks ‒ 1594 (+5)" inside running text: a loss-report item whose label is the counted noun. */
const LABELLED =
  /(?:^|[,;:(]\s*)([A-Za-z][A-Za-z0-9 /'’-]{0,60}?)\s+[‒–—]\s+((?:about|approximately|over|more than|up to)\s+)?$/i;

function labelledItem(
  raw: string,
  clauseStart: number,
  end: number,
  num: { start: number; end: number; value: number; isWords: boolean },
  ctx: FigureContext,
): BuiltFigure | null {
  if (num.isWords) return null;
  const lead = raw.slice(Math.max(clauseStart, num.start - 80), num.start);
  const m = LABELLED.exec(lead);
  const label = m?.[1]?.trim() ?? '';
  if (!m || !label) return null;
  const words = label.split(/[\s/]+/).filter(Boolean);
  const lossCtx = { ...ctx, isLossList: true };
  const { category } = categoryOf(words, '', '', lossCtx, null, '');
  if (category === 'other' && !/^(?:personnel|persons|people)$/i.test(label)) return null;
  const labelStart = num.start - m[0].length + m[0].indexOf(label);
  // "(+150)": the day's change belongs to the item.
  const delta = /^\s?\(\+?\d[\d\s,]*\)/.exec(raw.slice(num.end, Math.min(end, num.end + 20)));
  const itemEnd = num.end + (delta?.[0].length ?? 0);
  const heading = raw.slice(Math.max(clauseStart, labelStart - 2000), labelStart);
  const qualifier: Qualifier = m[2] || /\b(?:approximately|about)\b/i.test(heading) ? 'approx' : 'exact';
  return {
    figure: {
      text: raw.slice(labelStart, itemEnd),
      start: labelStart,
      end: itemEnd,
      value: num.value,
      qualifier,
      category,
      unit: label,
      subject: subjectOf(raw, clauseStart, labelStart, itemEnd, end, words, category, true, lossCtx),
      since: ctx.since,
      kind: 'loss',
    },
    unitWords: [],
  };
}

/**
 * A loss, unless its sentence sets it in an earlier war ("27 million Soviet citizens were killed in
 * the Second World War") or imagines it ("just imagine 14 thousand corpses", "10,000 could die").
 */
function lossFrame(raw: string, figStart: number, figEnd: number): FigureKind {
  // The whole sentence, not only the statement's content: "In the Second World War, he said, 27
  // million people were killed" sets the frame before the content starts.
  const lead = raw.slice(Math.max(0, figStart - 160), figStart);
  const sentenceLead = lead.slice(lastBoundary(lead));
  const tail = raw.slice(figEnd, figEnd + 120);
  const sentenceTail = tail.slice(0, firstBoundary(tail));
  const sentence = `${sentenceLead} # ${sentenceTail}`;
  if (HISTORICAL.test(sentence)) return 'other';
  if (HYPOTHETICAL_BEFORE.test(sentenceLead)) return 'other';
  if (MODAL_LOSS.test(`${sentenceLead.slice(-60)} ${sentenceTail.slice(0, 60)}`)) return 'other';
  return 'loss';
}

function lastBoundary(text: string): number {
  let at = 0;
  for (const m of text.matchAll(/[.!?]["”’]?\s+(?=[A-Z"“‘])|\n/g)) at = (m.index ?? 0) + m[0].length;
  return at;
}

function firstBoundary(text: string): number {
  const m = /[.!?](?:["”’]?\s|$)|\n/.exec(text);
  return m ? m.index : text.length;
}

/** A measure of something after the number: "kilometers of roads", "tonnes of cargo", "barrels". */
const MEASURE =
  /^\s+((?:square\s+|cubic\s+|metric\s+)?(?:kilomet(?:er|re)s|km|miles|met(?:er|re)s|hectares|acres|litres|liters|gallons|tonnes|tons|barrels|bcm|cubic metres|cubic meters))\b/i;
const MEASURE_ALONE = /^(?:tonnes|tons|metric tons|barrels|bcm|cubic metres|cubic meters|litres|liters|gallons)$/i;

function amountAfter(raw: string, numEnd: number, end: number): { end: number; unit: string; of: string[] } | null {
  const after = raw.slice(numEnd, Math.min(end, numEnd + 80));
  const m = MEASURE.exec(after);
  if (!m) return null;
  const unit = m[1] ?? '';
  let at = numEnd + m[0].length;
  const of: string[] = [];
  const ofPhrase = /^\s+of\s+/i.exec(raw.slice(at, Math.min(end, at + 8)));
  if (ofPhrase) {
    const wordRe = /\s*([a-z][a-z-]*)/y;
    let offset = at + ofPhrase[0].length;
    let phraseEnd = -1;
    while (of.length < 3) {
      wordRe.lastIndex = offset;
      const w = wordRe.exec(raw);
      if (!w || offset + w[0].length > end || STOP.has((w[1] ?? '').toLowerCase())) break;
      // "of Japan’s overall oil imports": a possessive names whose, not what.
      if (/^[’']s/.test(raw.slice(offset + w[0].length, offset + w[0].length + 2))) break;
      of.push(w[1] ?? '');
      offset += w[0].length;
      phraseEnd = offset;
    }
    if (phraseEnd > 0) at = phraseEnd;
  }
  // A bare distance or area ("40 km from Kyiv") is no figure; a quantity of goods is.
  if (of.length === 0 && !MEASURE_ALONE.test(unit.replace(/\s+/g, ' '))) return null;
  return { end: at, unit, of };
}

const ADJECTIVE_PARTICIPLE =
  /^(?:armou?red|unmanned|guided|registered|displaced|detained|wounded|injured|killed|missing|confirmed|reported|advanced|combined|self-propelled|fixed|tracked|wheeled|specialised|specialized|trained|armed|skilled|qualified|remaining|existing|leading|landing|flying|outstanding|ruling|ongoing|incoming|outgoing)$/;

interface BuiltFigure {
  figure: Figure;
  /** The counted noun's words, for a bare number that follows ("killed 21 civilians and injured 27"). */
  unitWords: string[];
}

function isDayMonth(text: string): boolean {
  const m = /^(\d{1,2})\.(\d{2})(?:\.(\d{2}|\d{4}))?$/.exec(text);
  return m !== null && Number(m[1]) >= 1 && Number(m[1]) <= 31 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

function buildFigure(
  raw: string,
  clauseStart: number,
  end: number,
  num: { start: number; end: number; value: number; isWords: boolean },
  ctx: FigureContext,
  prevUnit: string[] | null,
  prevFigure: Figure | null,
): BuiltFigure | null {
  let figStart = num.start;
  let value = num.value;
  let qualifier: Qualifier = 'exact';
  const numText = raw.slice(num.start, num.end);
  const currency = raw[num.start - 1];
  const isMoney = currency === '$' || currency === '£' || currency === '€' || currency === '₴' || currency === '₽';
  if (isMoney) figStart -= 1;
  const before = raw.slice(Math.max(clauseStart, figStart - 40), figStart);
  const after0 = raw.slice(num.end, Math.min(end, num.end + 80));
  // Codes, phone numbers, names and dates.
  if (!num.isWords) {
    if (/^0\d/.test(numText)) return null;
    // "Call 0 800 500 225": numbers in a row with only spaces between are a phone number or a code.
    if (!isMoney && (/\d[ \u00a0]$/.test(before) || /^[ \u00a0]\d/.test(after0))) return null;
    // Heights, decades and ages: "6'3\"", "the 80’s", "Quina Jones, 25, said", "aged 17".
    if (/^['′’]\d|^["″]\s?(?:tall|long|wide|high)\b|^['’]s\b/.test(after0)) return null;
    if (/\b(?:aged|ages? of|age|aged between|ages)\s$/i.test(before) || /\bages of \d+\s(?:and|to)\s$/i.test(before))
      return null;
    if (/[\p{Lu}][\p{L}’'-]+,\s$/u.test(before) && /^,/.test(after0) && num.value < 120) return null;
    // Shares and ratios: "eight out of 10", "a 3 to 1 margin".
    if (/\bout of\s$/i.test(before) || /^\s+out\s+of\s+\d/i.test(after0)) return null;
    if (/\b(?:weighs?|weighing|weighed|weight of)\s$/i.test(before)) return null;
    if (!isMoney && /\d\s?(?:to|-|–|in)\s?$/.test(before)) return null;
    if (/^\s+in\s+(?:\d|every\b)/i.test(after0)) return null;
    if (/^[-‒–]\d/.test(after0) && /^[-‒–]\d+[-‒–]\d/.test(after0)) return null;
    if (/^\)\s*\d/.test(after0) && raw[num.start - 1] === '(') return null;
    if (/^[A-Za-z]/.test(after0)) return null;
    if (!isMoney && /[BMK]$/.test(numText)) return null;
    if (/^[A-Za-z]-?$/.test(before.slice(-2)) || /[A-Za-z]-$/.test(before)) return null;
    if (/^[.,]\d/.test(after0) || /^[:/]\d/.test(after0) || (/^[-‒–]?[A-Za-z]/.test(after0) && /^-/.test(after0)))
      return null;
    if (
      isDayMonth(numText) &&
      (/(?:from|since|on|to|till|until|by|as of|dated|of)\s$/i.test(before) ||
        /^\s*(?:[-‒–]|to|till|until)\s*\d{1,2}\.\d{2}/.test(after0))
    )
      return null;
    if (
      /^\d{4}$/.test(numText) &&
      num.value >= 1900 &&
      num.value <= 2100 &&
      !/^\s?(?:[a-z]+\s)?(?:people|persons|civilians|soldiers|troops|servicemen)\b/i.test(after0)
    )
      return null;
    // "February 24", "24 February" (a day of the month); "in March 300 people died" is a count.
    const isDayNumber = /^\d{1,2}(?:st|nd|rd|th)?$/.test(numText) && num.value >= 1 && num.value <= 31;
    if (isDayNumber && MONTHS.test(before.trim().split(/\s+/).at(-1) ?? '')) return null;
    if (!isMoney && isDayNumber && MONTHS.test(after0.trimStart())) return null;
    if (STREET.test(after0)) return null;
    if (!isMoney && isNamedBefore(before)) return null;
    // "Russians with more than $1m in assets", "those earning less than $300,000": a threshold that
    // defines a group, like the size of one object, is not an amount anyone claims.
    if (
      isMoney &&
      /\b(?:with|worth|earning|earn|earns|making|make|makes|incomes?\s+of|assets\s+of|wealth\s+of)\s+(?:more than|over|less than|under|at least|above|below|upwards of)\s+$/i.test(
        before,
      )
    )
      return null;
    // "(£820,000)" after another amount: a currency conversion, not a new figure.
    if (
      isMoney &&
      /[$£€₴₽]\s?[\d.,]+\s?(?:bn|mn|m|k|million|billion|trillion)?\s*\((?:about|around|approximately|roughly|nearly|some|c\.|~)?\s*$/i.test(
        raw.slice(Math.max(clauseStart, figStart - 30), figStart),
      )
    )
      return null;
  } else {
    if (/(?:^|\s)(?:no|any|every|some|each|someone|anyone|the)\s$/i.test(before) && /^one$/i.test(numText)) return null;
    // "the two sides", "the three leaders", "both two": a small number word after a determiner refers
    // back to people or things already named; it counts nothing new.
    if (/(?:^|\s)(?:the|these|those|both|all|its|their|his|her|our|my|your)\s$/i.test(before) && num.value <= 10)
      return null;
    if (/[A-Za-z]-$/.test(before) || /\b(?:number|no\.)\s$/i.test(before)) return null;
    if (
      /\bout of\s$/i.test(before) ||
      /^\s+out\s+of\s+(?:\d|ten|a hundred)/i.test(after0) ||
      /\b(?:weighs?|weighing|weighed|aged)\s$/i.test(before)
    )
      return null;
    if (/^[-‒–](?:year|day|hour|week|month|storey|story|minute|second|time)/i.test(after0)) return null;
  }
  // "2,500 kilometers of roads", "80 million tonnes of cargo": an amount of something, not a distance.
  const amount = isMoney ? null : amountAfter(raw, num.end, end);
  if (amount) {
    for (const [re, q] of QUALIFIERS) {
      const m = re.exec(before.slice(-30));
      if (m) {
        qualifier = q;
        figStart -= m[0].length;
        break;
      }
    }
    return {
      figure: {
        text: raw.slice(figStart, amount.end),
        start: figStart,
        end: amount.end,
        value,
        qualifier,
        category: 'other',
        unit: amount.unit,
        subject: subjectOf(raw, clauseStart, figStart, amount.end, end, amount.of, 'other', false, ctx, prevFigure),
        since: null,
        kind: 'amount',
      },
      unitWords: [],
    };
  }
  if (!isMoney && NOT_A_COUNT.test(after0.replace(/^[\s\u00a0-]+/, (m) => (m.includes('-') ? '-' : '')))) return null;
  if (
    !isMoney &&
    /^\s?(?:[-‒–]|to)\s?\d[\d,.]*\s?(?:%|per ?cent|percent|years?|months?|days?|hours?|km|miles?)\b/i.test(after0)
  )
    return null;
  for (const [re, q] of QUALIFIERS) {
    const m = re.exec(before.slice(-30));
    if (m) {
      qualifier = q;
      figStart -= m[0].length;
      break;
    }
  }
  // Ranges: "300 to 400", "300-400", "between 100 and 200" -> one figure, lower bound, at least.
  let numEnd = num.end;
  const range = /^(\s?(?:-|–|‒|to|and)\s?)([$£€₴₽]?\d[\d,.]*(?:\s?(?:bn|mn|m|k|million|billion|thousand)\b)?)/i.exec(
    after0,
  );
  const upperBound = range ? Number((range[2] ?? '').replace(/^[$£€₴₽]/, '').replace(/[^\d.]/g, '')) : 0;
  // "a 3 to 1 margin": a ratio, not an amount.
  if (
    range &&
    range[1]?.trim() === 'to' &&
    upperBound < num.value &&
    !/[a-z]$/i.test(range[2] ?? '') &&
    !/[a-z]/i.test(numText)
  )
    return null;
  if (
    range &&
    (range[1]?.trim() !== 'and' || /between\s+$/i.test(before)) &&
    // "rose from £1,271 to £3,850" is a change between two amounts, not a range.
    !(
      range[1]?.trim() === 'to' &&
      /\b(?:ris\w*|rose|increas\w*|f[ae]ll\w*|drop\w*|gr[eo]w\w*|jump\w*|climb\w*|tripl\w*|doubl\w*|surg\w*|soar\w*|cut|reduc\w*|went|go\w*|mov\w*|chang\w*)\s+(?:\w+\s+)?from\s+$/i.test(
        before,
      )
    )
  ) {
    numEnd += range[0].length;
    qualifier = 'at_least';
    const between = /between\s+$/i.exec(raw.slice(Math.max(clauseStart, figStart - 10), figStart));
    if (between) figStart -= between[0].length;
    // "between 1.5 and 2 million": the scale on the upper bound applies to the lower one.
    const scale = /(bn|mn|m|k|million|billion|thousand)$/i.exec(range[2] ?? '');
    if (scale && value < 1000) {
      const upper = readNumber(range[2]?.replace(/^[$£€₴₽]/, '') ?? '', 0);
      const upperBare = Number((range[2] ?? '').replace(/^[$£€₴₽]/, '').replace(/[^\d.]/g, ''));
      if (upper && upperBare > 0) value = Math.round(value * (upper.value / upperBare) * 1000) / 1000;
    }
  }
  const after = raw.slice(numEnd, Math.min(end, numEnd + 80));
  // "$200 or less", "10 or more": the qualifier follows the number.
  const postfix =
    qualifier === 'exact'
      ? /^\s+or\s+(more|greater|above|less|fewer|under)\b/i.exec(after)?.[1]?.toLowerCase()
      : undefined;
  if (postfix) qualifier = postfix === 'more' || postfix === 'greater' || postfix === 'above' ? 'at_least' : 'up_to';
  if (isMoney) {
    return {
      figure: {
        text: raw.slice(figStart, numEnd),
        start: figStart,
        end: numEnd,
        value,
        qualifier,
        category: 'money',
        unit: currency ?? '',
        subject: subjectOf(raw, clauseStart, figStart, numEnd, end, [], 'money', false, ctx, prevFigure),
        since: null,
        kind: 'money',
      },
      unitWords: [],
    };
  }
  // The counted noun: up to four words that are not function words ("74 “objects", "90 million of us").
  const unitWords: string[] = [];
  let unitEnd = numEnd;
  const wordRe = /[\s\u00a0]*(?:[”’“"]\s?)?([A-Za-z][A-Za-z0-9’'-]*[A-Za-z0-9]|[A-Za-z])/y;
  let offset = numEnd;
  // "4,478 units of special military vehicles", "12 pieces of equipment": the noun after "of" is counted.
  const classifier = /^\s+(?:units?|pieces?|items?|kinds?|types?|sets?)\s+of\s+/i.exec(after);
  if (classifier) offset = numEnd + classifier[0].length;
  const isOfUs = /^\s+of\s+(?:us|them|you)\b/i.exec(after);
  if (isOfUs) {
    unitWords.push(isOfUs[0].trim().split(/\s+/).at(-1) ?? '');
    unitEnd = numEnd + isOfUs[0].length;
    // "5,000 people ..., 210 of them children": the noun after "of them" is what is counted.
    const next = /^\s+([a-z]+)\b/.exec(raw.slice(unitEnd, Math.min(end, unitEnd + 20)));
    const noun = next?.[1] ?? '';
    if (next && peopleKind([noun]) !== null && !STOP.has(noun)) {
      unitWords.push(noun);
      unitEnd += next[0].length;
    }
  } else {
    while (unitWords.length < 4) {
      wordRe.lastIndex = offset;
      const w = wordRe.exec(raw);
      if (!w || w.index !== offset || offset + w[0].length > end) break;
      const word = w[1] ?? '';
      const lower = word.toLowerCase();
      if (STOP.has(lower) && !(lower === 'more' && unitWords.length === 0)) break;
      // "22,000 projects received", "6.5 million Ukrainians escaped": a verb after the counted noun.
      if (
        unitWords.length > 0 &&
        /(?:ed|ing)$/.test(lower) &&
        /s$/i.test(unitWords.at(-1) ?? '') &&
        nounCategory(lower) === 'other' &&
        !ADJECTIVE_PARTICIPLE.test(lower)
      )
        break;
      if (unitWords.length === 0 && NUMBER_WORDS.has(lower)) break;
      if (lower === 'more' && unitWords.length === 0) {
        // "200 more civilians", "three more civilians": "more" belongs to the figure, not the noun.
        offset += w[0].length;
        unitEnd = offset;
        continue;
      }
      if (
        !/^[a-z]/.test(word) &&
        unitWords.length > 0 &&
        /^[A-Z][a-z]/.test(word) &&
        eventOf(lower) === null &&
        nounCategory(word) === 'other' &&
        !OTHER_NATION.test(word)
      )
        break;
      offset += w[0].length;
      unitWords.push(word);
      unitEnd = offset;
      const category = nounCategory(unitWords.join(' '));
      const nextWord = (() => {
        wordRe.lastIndex = offset;
        const n = wordRe.exec(raw);
        return n && n.index === offset ? (n[1] ?? '') : '';
      })();
      const continuesCompound =
        /^(?:missiles?|systems?|launchers?|vehicles?|guns?|complex(?:es)?|units?|carriers?|level|equipment|machines?|installations?|pieces?|cruise|ballistic|anti-ship|anti-aircraft|anti-tank|air-to-air|air-to-surface|attack|combat|fighter|fighters|transport|reconnaissance|strike|helicopters?|aircraft|jets?|drones?|tanks?)$/i.test(
          nextWord,
        );
      const sameKindNext = category !== 'other' && nextWord !== '' && nounCategory(nextWord) === category;
      if (
        category !== 'other' &&
        !continuesCompound &&
        !sameKindNext &&
        !/^(?:ukrainian|russian|heavy|military|armou?red|anti-aircraft|anti-tank|special|civilian|combat|enemy|mobile|multiple|cruise|fighter|attack|unmanned|aerial|field|self-propelled|guided|tactical|operational-tactical|ballistic|surface-to-air|naval|landing|main|battle|light|infantry)$/i.test(
          word,
        )
      )
        break;
      // "five dead men", "14,000 dead bodies": a state before a people noun belongs to the noun phrase.
      if (
        /^(?:injured|wounded|dead|killed)$/i.test(word) &&
        (peopleKind([nextWord]) !== null || /^(?:bodies|corpses)$/i.test(nextWord))
      )
        continue;
      if (
        /^(?:people|persons|civilians|soldiers|servicemen|troops|children|residents|citizens|injured|wounded|dead|killed|refugees|households|families)$/i.test(
          word,
        )
      )
        break;
    }
  }
  if (num.isWords) {
    // A number word is a figure only before a counted noun: "three helicopters", not "one of them".
    if (unitWords.length === 0 && !(prevUnit && /\b(?:and|another|further|other)\s+$/i.test(before))) return null;
    if (value === 1 && (unitWords.length === 0 || nounCategory(unitWords.join(' ')) === 'other')) return null;
    // "Zero Hedge", "Three Seas Initiative": a number word before a proper name is part of the name.
    const firstWord = unitWords[0] ?? '';
    if (
      /^[A-Z][a-z]+$/.test(firstWord) &&
      sideOf(firstWord) !== 'russia' &&
      sideOf(firstWord) !== 'ukraine' &&
      !OTHER_NATION.test(firstWord) &&
      nounCategory(firstWord) === 'other'
    )
      return null;
    // "the two raised $350 million": a verb after a number word means it is a pronoun, not a count.
    const first = (unitWords[0] ?? '').toLowerCase();
    if (
      /(?:ed|ing)$/.test(first) &&
      unitWords.length === 1 &&
      eventOf(first) === null &&
      !/^(?:armou?red|unmanned|guided|registered|displaced|detained|wounded|injured|killed|missing|confirmed|reported|advanced|combined|self-propelled)$/.test(
        first,
      )
    )
      return null;
    if (/^(?:replied|said|says|told|added|wrote|were|was|are|is|of)$/.test(first)) return null;
  } else if (
    unitWords.length === 0 &&
    /^\s?[A-Z][a-z]/.test(after) &&
    !/^\s?(?:Ukrainian|Russian|Republican)\b/.test(after) &&
    prevUnit === null
  ) {
    // "at 87 Tsentralna" and the like: a bare number before a proper name is a name or address.
    const nextWord = /^\s?([A-Z][a-z]+)/.exec(after)?.[1] ?? '';
    if (!eventOf(nextWord.toLowerCase())) return null;
  }
  if (/^(?:dollars?|euros?|pounds?|roubles?|rubles?|hryvnias?|hryvnia|uah|usd|eur|gbp)$/i.test(unitWords[0] ?? '')) {
    const figEnd = unitEnd;
    return {
      figure: {
        text: raw.slice(figStart, figEnd),
        start: figStart,
        end: figEnd,
        value,
        qualifier,
        category: 'money',
        unit: unitWords[0] ?? '',
        subject: subjectOf(raw, clauseStart, figStart, figEnd, end, [], 'money', false, ctx, prevFigure),
        since: null,
        kind: 'money',
      },
      unitWords: [],
    };
  }
  // "a prewar population of 100,000", "a death toll of 57": the counted noun comes first.
  const headNoun =
    unitWords.length === 0
      ? /\b(population|toll|army|reserves|force|forces|contingent|crowd|convoy|group)\s+of\s+(?:about\s+|around\s+|some\s+|over\s+|more than\s+|at least\s+|up to\s+)?$/i.exec(
          raw.slice(Math.max(clauseStart, figStart - 40), num.start),
        )?.[1]
      : undefined;
  if (headNoun) {
    unitWords.push(headNoun);
    // "a prewar population of 100,000": the noun whose size the number is belongs to the figure.
    if (/^(?:population|toll)$/i.test(headNoun)) {
      const lead = new RegExp(`${headNoun}\\s+of\\s+$`, 'i').exec(
        raw.slice(Math.max(clauseStart, figStart - 30), figStart),
      );
      if (lead) figStart -= lead[0].length;
    }
  }
  // "152 bodies of dead militants and servicemen": the people the bodies were are what is counted.
  if (unitWords.length === 1 && /^(?:bodies|corpses|remains)$/i.test(unitWords[0] ?? '')) {
    const whose = /^\s+of\s+(?:the\s+)?(?:dead\s+|killed\s+|fallen\s+)?([a-z]+)/i.exec(
      raw.slice(unitEnd, Math.min(end, unitEnd + 40)),
    );
    if (whose?.[1] && peopleKind([whose[1]]) !== null) unitWords.push(whose[1]);
  }
  // "8m of the most vulnerable households": a share of a counted noun.
  const partitive =
    unitWords.length === 0
      ? /^\s+of\s+(?:the|these|those|its|their|our|all)\s+(\d[\d,.]*\s+)?(?:[a-z-]+\s+){0,3}?([a-z]+s)\b/.exec(
          raw.slice(unitEnd, Math.min(end, unitEnd + 60)),
        )
      : null;
  if (partitive?.[2] && !STOP.has(partitive[2])) {
    unitWords.push(partitive[2]);
    // "8m of the most vulnerable households": the share's noun phrase is part of the figure; "7 of
    // the 10 missiles" leaves the whole its own figure.
    if (!partitive[1]) unitEnd += partitive[0].length;
  }
  const clauseBefore =
    raw
      .slice(Math.max(clauseStart, figStart - 200), figStart)
      .split(/[.;:!?]\s/)
      .at(-1) ?? '';
  const armyBefore =
    /\b(?:forces|troops|army|armed forces|military|soldiers|servicemen|units)\b[^,]{0,40}\b(?:suffer\w*|lost|los\w+|sustain\w*)\s+(?:\w+\s+){0,3}$/i.test(
      clauseBefore,
    );
  // "the total was increased to 2 billion": a bare scaled amount after money is money too.
  const moneyBefore = /(?:[$£€₴₽]\s?\d|\b(?:rubles|roubles|dollars|euros|pounds|hryvnias?|UAH|USD|EUR)\b)/i.exec(
    raw.slice(Math.max(0, figStart - 250), figStart),
  );
  if (
    unitWords.length === 0 &&
    moneyBefore !== null &&
    /(?:million|billion|trillion|bn|m)$/i.test(numText) &&
    /\b(?:to|of|by|total|totalled|totaled|reached|reach|another|additional)\s+$/i.test(before)
  ) {
    return {
      figure: {
        text: raw.slice(figStart, unitEnd),
        start: figStart,
        end: unitEnd,
        value,
        qualifier,
        category: 'money',
        unit: '',
        subject: subjectOf(raw, clauseStart, figStart, unitEnd, end, [], 'money', false, ctx, prevFigure),
        since: null,
        kind: 'money',
      },
      unitWords: [],
    };
  }
  const computed = categoryOf(
    unitWords,
    raw.slice(Math.max(clauseStart, figStart - 200), figStart),
    raw.slice(unitEnd, Math.min(end, unitEnd + 160)),
    armyBefore ? { ...ctx, armyBefore } : ctx,
    unitWords.length === 0 ? prevUnit : null,
    raw.slice(Math.max(0, figStart - 200), figStart),
  );
  // "7,295 people were evacuated, 4,128 of them from Mariupol": a share of the figure before.
  const ofPrevious =
    unitWords.length === 1 &&
    /^(?:them|those)$/i.test(unitWords[0] ?? '') &&
    prevFigure !== null &&
    figStart - prevFigure.end < 80;
  const kind: FigureKind =
    ofPrevious && prevFigure
      ? prevFigure.kind
      : computed.category === 'money'
        ? 'money'
        : computed.lost
          ? lossFrame(raw, figStart, unitEnd)
          : 'count';
  // The categories of people lost are for losses only: an imagined or historical toll is other.
  const category =
    ofPrevious && prevFigure && computed.category === 'other'
      ? prevFigure.category
      : kind === 'other' && (CASUALTY.has(computed.category) || computed.category === 'children')
        ? 'other'
        : computed.category;
  const isLoss = computed.isLoss && kind !== 'other';
  const subject =
    ofPrevious && prevFigure
      ? prevFigure.subject
      : subjectOf(
          raw,
          clauseStart,
          figStart,
          unitEnd,
          end,
          unitWords.length > 0 ? unitWords : (prevUnit ?? []),
          category,
          isLoss,
          ctx,
          prevFigure,
          kind === 'loss',
        );
  return {
    figure: {
      text: raw.slice(figStart, unitEnd),
      start: figStart,
      end: unitEnd,
      value,
      qualifier,
      category,
      unit: unitWords.length > 0 ? unitWords.join(' ').replace(/^[“"”]/, '') : (prevUnit?.join(' ') ?? ''),
      subject,
      since: RUNNING.has(category) || isLoss || ctx.isLossList ? ctx.since : null,
      kind,
    },
    unitWords,
  };
}
