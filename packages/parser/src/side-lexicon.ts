import { wordList } from './word-list.ts';
import type { Side } from './types.ts';

/**
 * Words that tie a source or a count to a side: the states, their capitals and institutions,
 * state media, and people well known in coverage of the war (not names picked from any one text).
 */
const RUSSIA_WORDS = wordList(`
  russia, russian, russians, kremlin, moscow, putin, peskov, lavrov, shoigu, zakharova, konashenkov,
  medvedev, nebenzia, nebenzya, gazprom, tass, ria, rt, interfax, mordashov, kadyrov, gerasimov,
  naryshkin, patrushev, volodin, matviyenko, rosatom, roscosmos, rogozin, prigozhin, wagner, sputnik,
  kremlin-backed, surovikin, ryabkov, polyanskiy, mishustin, nabiullina, siluanov, duma, rosneft, lukoil,
  novatek, fsb, roskomnadzor, abramovich, deripaska, usmanov, potanin, fridman, kommersant, izvestia,
  rossiya
`);
const UKRAINE_WORDS = wordList(`
  ukraine, ukrainian, ukrainians, kyiv, kiev, zelenskyy, zelenskiy, zelensky, zelenskyi, zelenska, kuleba,
  reznikov, podolyak, podoliak, arestovych, vereshchuk, klitschko, shmyhal, yermak, zaluzhnyi, zaluzhny,
  budanov, haidai, gaidai, gaiday, hayday, kyrylenko, denisova, venediktova, boichenko, boychenko,
  ukrenergo, naftogaz, energoatom, ukrinform, ukrzaliznytsia, verkhovna, rada, syrskyi, danilov, malyar,
  maliar, motuzyanyk, synehubov, starukh, sadovyi, terekhov, lubinets, stefanchuk, markarova, kubrakov,
  kyslytsya, zagorodnyuk, fedorov, azov, sbu, naftogaz, umerov, honcharenko, ihnat, hromov
`);
/** Belarus, Transnistria and the separatist statelets: other unless the text calls them Russian. */
const OTHER_WORDS = wordList(`
  belarus, belarusian, lukashenko, minsk, transnistria, transnistrian, separatist, separatists, pushilin,
  pasechnik, dpr, lpr
`);
const OTHER_PHRASES =
  /\b(?:donetsk|luhansk|lugansk) people[’']?s republic|\bself-proclaimed\b|\bpro-(?:russian|moscow) (?:separatist|rebel)/i;

/**
 * Ukrainian oblasts, cities and towns that war reporting names. A local official of one of them
 * ("the mayor of Mariupol", "emergency services in Kharkiv") speaks for the Ukrainian side.
 */
const UKRAINIAN_PLACES = wordList(`
  kharkiv, kharkov, odesa, odessa, mariupol, kherson, mykolaiv, zaporizhzhia, zaporizhia, zaporizhzhya,
  dnipro, dnipropetrovsk, lviv, chernihiv, sumy, poltava, vinnytsia, zhytomyr, rivne, lutsk, ternopil,
  khmelnytskyi, ivano-frankivsk, uzhhorod, chernivtsi, cherkasy, kropyvnytskyi, kramatorsk, sloviansk,
  slovyansk, bakhmut, severodonetsk, sievierodonetsk, lysychansk, melitopol, berdyansk, izium, izyum,
  bucha, irpin, hostomel, borodyanka, kryvyi, nikopol, enerhodar, avdiivka, vuhledar, lyman, popasna,
  rubizhne, kupiansk, okhtyrka, volnovakha, mangush, uman, bila, fastiv, vasylkiv, brovary, chornobyl,
  chernobyl, azovstal, pokrovsk, kostiantynivka, toretsk, siversk, soledar, balakliia, chuhuiv,
  snihurivka, vyshhorod, makariv, trostianets
`);
/** Phrases that name a side without speaking for it: "Russia's invasion of Ukraine", "pro-Russian". */
const NEUTRAL_PHRASES =
  /\b(?:russia[’']s|russian|the|a|full-scale) (?:invasion|war|attack|aggression)(?: (?:of|on|against|in) ukraine)?|\b(?:invasion|war) (?:of|in|on|against) ukraine|\bpro-(?:russian|moscow|kremlin|ukrainian|kyiv)\b|\b(?:russian|moscow|kremlin|kyiv)-(?:backed|installed|annexed|occupied|held|controlled)\b/gi;

/**
 * Third parties: international bodies, other states and their leaders. Named first, they make a
 * phrase speak for neither side ("the UN's coordinator for Ukraine", "the Polish prime minister").
 */
const FOREIGN_WORDS = wordList(`
  un, unitednations, whoorg, icrc, iaea, nato, eu, european, europe, osce, unicef, unhcr, ohchr, imf,
  usa, american, americans, america, washington, pentagon, britain, british, uk, london, england,
  english, germany, german, berlin, france, french, paris, poland, polish, italy, italian, rome, spain,
  spanish, turkey, turkish, ankara, china, chinese, beijing, japan, japanese, tokyo, canada, canadian,
  ottawa, israel, israeli, india, indian, iran, iranian, hungary, hungarian, budapest, moldova, moldovan,
  georgia, georgian, lithuania, lithuanian, latvia, latvian, estonia, estonian, finland, finnish, sweden,
  swedish, norway, norwegian, denmark, danish, netherlands, dutch, belgium, belgian, brussels, austria,
  austrian, switzerland, swiss, czech, slovakia, slovak, romania, romanian, bulgaria, bulgarian, greece,
  greek, serbia, serbian, australia, australian, western, biden, blinken, psaki, kirby, sullivan, harris,
  johnson, truss, sunak, wallace, scholz, baerbock, macron, erdogan, erdoğan, guterres, grossi,
  stoltenberg, borrell, duda, morawiecki, trudeau, draghi, orban, orbán, xi, modi, bennett, kishida,
  ofgem, rusi, isw, reuters, afp, bloomberg, cnn, bbc, pope, vatican, amnesty, oxfam, msf, redcross,
  congress, senate, republican, republicans, democrat, democrats, democratic, labour, tory, tories,
  conservative, conservatives, macedonia, macedonian, albania, albanian, croatia, croatian, slovenia,
  slovenian, portugal, portuguese, ireland, irish, korea, korean, fiji, iceland, luxembourg, montenegro,
  kazakhstan, armenia, azerbaijan, syria, syrian, egypt, qatar, mexico, brazil, g7, g20
`);
/** Surnames of the heads of state "the Russian president" and "the Ukrainian president" refer to, in their spellings. */
export const HEADS_OF_STATE: Record<'russia' | 'ukraine', readonly string[]> = {
  russia: ['putin'],
  ukraine: ['zelenskyy', 'zelenskiy', 'zelensky', 'zelenskyi', 'zelenskii', 'zelenski'],
};

/** State and place words (not people): they never belong to a personal name. */
const STATE_WORDS = new Set([
  ...UKRAINIAN_PLACES,
  ...wordList(`
  russia, russian, russians, kremlin, moscow, ukraine, ukrainian, ukrainians, kyiv, kiev, belarus,
  belarusian, minsk, crimea, donbas, donbass, donetsk, luhansk, lugansk, un, eu, nato, us, uk, usa,
  europe, european, america, american, britain, british, germany, german, france, french, poland, polish,
  china, chinese, washington, london, berlin, paris, brussels, soviet
`),
  // Other states and their demonyms: "Prime Minister of Canada Justin Trudeau" holds no name "Canada Justin".
  ...wordList(`
  canada, canadian, japan, japanese, italy, italian, spain, spanish, turkey, turkish, israel, israeli,
  india, indian, iran, iranian, hungary, hungarian, moldova, moldovan, georgia, georgian, lithuania,
  lithuanian, latvia, latvian, estonia, estonian, finland, finnish, sweden, swedish, norway, norwegian,
  denmark, danish, netherlands, dutch, belgium, belgian, austria, austrian, switzerland, swiss, czech,
  slovakia, slovak, romania, romanian, bulgaria, bulgarian, greece, greek, serbia, serbian, australia,
  australian, macedonia, macedonian, albania, albanian, croatia, croatian, slovenia, slovenian, portugal,
  portuguese, ireland, irish, korea, korean, fiji, iceland, luxembourg, montenegro, kazakhstan, armenia,
  azerbaijan, syria, syrian, egypt, qatar, mexico, brazil
`),
]);

/** A state, capital or place word ("Ukraine", "Kremlin", "Mariupol"), which a personal name never holds. */
export function isSideWord(word: string): boolean {
  return STATE_WORDS.has(word.toLowerCase().replace(/[’']s$/, ''));
}

const FOREIGN = new Set(FOREIGN_WORDS);
const UKRAINE_PLACE_SET = new Set([
  ...UKRAINIAN_PLACES,
  'kyiv',
  'kiev',
  'donetsk',
  'luhansk',
  'lugansk',
  'donbas',
  'donbass',
]);
const RUSSIAN_PLACES = new Set(
  wordList(`
  moscow, belgorod, kursk, bryansk, voronezh, rostov, st petersburg, petersburg, krasnodar, novosibirsk,
  kazan, siberia, chechnya, dagestan
`),
);

/** The side of the places a text names (towns, regions, capitals), ignoring nationality words. */
export function placeSideOf(text: string): Side {
  for (const w of tokenize(withoutNeutralPhrases(text))) {
    if (UKRAINE_PLACE_SET.has(w)) return 'ukraine';
    if (RUSSIAN_PLACES.has(w)) return 'russia';
  }
  return 'other';
}
/** The side of the last Ukrainian or Russian place a text names ("the city" of a later sentence is that place). */
export function lastPlaceSideOf(text: string): Side {
  let side: Side = 'other';
  for (const w of tokenize(withoutNeutralPhrases(text))) {
    if (UKRAINE_PLACE_SET.has(w)) side = 'ukraine';
    else if (RUSSIAN_PLACES.has(w)) side = 'russia';
  }
  return side;
}
const RUSSIA = new Set(RUSSIA_WORDS);
const UKRAINE = new Set([...UKRAINE_WORDS, ...UKRAINIAN_PLACES]);
const OTHER = new Set(OTHER_WORDS);

function tokenize(text: string): string[] {
  // Upper-case acronyms that are also words: "WHO", "US", "UN".
  const marked = text
    .replace(/\bWHO\b/g, 'whoorg')
    .replace(/\bU\.?S\.?(?=[\s,;:’']|$)/g, 'usa')
    .replace(/\bU\.?N\.?(?=[\s,;:’']|$)/g, 'un')
    .replace(/\bUnited Nations\b/gi, 'unitednations')
    .replace(/\bUnited States\b/gi, 'usa')
    .replace(/\bRed Cross\b/gi, 'redcross')
    .replace(/\bWorld Health Organi[sz]ation\b/gi, 'whoorg');
  return marked
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^a-zа-яіїєґ-]+/)
    .filter(Boolean);
}

/** Drops side words that only describe the war or an allegiance ("the invasion of Ukraine", "pro-Russian"). */
export function withoutNeutralPhrases(text: string): string {
  // Officials Moscow installed or appointed speak for it ("the Russian-installed governor of Kherson").
  return text
    .replace(
      /\b(russian|moscow|kremlin)-(?:installed|appointed)\b/gi,
      (m, who: string) => `${who} ${' '.repeat(m.length - who.length - 1)}`,
    )
    .replace(NEUTRAL_PHRASES, (m) => ' '.repeat(m.length))
    .replace(RELATIONAL_PHRASES, (m) => ' '.repeat(m.length));
}

/** "a close friend of Ukraine", "critics of the Kremlin": a relation to a side, not membership of it. */
const RELATIONAL_PHRASES =
  /\b(?:friends?|allies|ally|supporters?|partners?|enemies|enemy|critics?|opponents?|admirers?|foes?) of (?:the )?(?:ukraine|russia|kremlin|kyiv|kiev|moscow|ukrainians|russians)\b/gi;

/** Whether a text names any party at all (a side, a third state or body), as opposed to naming none. */
export function namesAParty(text: string): boolean {
  return tokenize(withoutNeutralPhrases(text)).some(
    (w) => RUSSIA.has(w) || UKRAINE.has(w) || FOREIGN.has(w) || OTHER.has(w),
  );
}

/** Spellings of one third party: a demonym, a capital or an acronym stands for the state or union. */
const PARTY_OF: Record<string, string> = Object.fromEntries(
  wordList(`
  usa=usa, american=usa, americans=usa, america=usa, washington=usa, pentagon=usa,
  britain=uk, british=uk, uk=uk, london=uk, england=uk, english=uk,
  eu=eu, european=eu, europe=eu, brussels=eu,
  germany=germany, german=germany, berlin=germany, france=france, french=france, paris=france,
  poland=poland, polish=poland, italy=italy, italian=italy, rome=italy, turkey=turkey, turkish=turkey,
  ankara=turkey, china=china, chinese=china, beijing=china, japan=japan, japanese=japan, tokyo=japan,
  canada=canada, canadian=canada, ottawa=canada
`).map((pair) => pair.split('=') as [string, string]),
);

/** The parties a phrase names (sides, states, unions, bodies), one key per party whatever the spelling. */
export function partiesOf(text: string): string[] {
  const out: string[] = [];
  for (const w of tokenize(withoutNeutralPhrases(text))) {
    if (RUSSIA.has(w)) out.push('russia');
    else if (UKRAINE.has(w)) out.push('ukraine');
    else if (OTHER.has(w) || FOREIGN.has(w)) out.push(PARTY_OF[w] ?? w);
  }
  return out;
}

/**
 * The side a phrase speaks for. Separatist and Belarusian sources are other unless called
 * Russian; when both sides are named ("Ukraine's ... Russian"), the first named one is the head.
 */
export function sideOf(text: string | null): Side {
  if (!text) return 'unknown';
  const words = tokenize(withoutNeutralPhrases(text));
  let first: Side | null = null;
  let isOther = OTHER_PHRASES.test(text);
  for (const w of words) {
    if (OTHER.has(w)) isOther = true;
    else if (!first && RUSSIA.has(w)) first = 'russia';
    else if (!first && UKRAINE.has(w)) first = 'ukraine';
    else if (!first && FOREIGN.has(w)) first = 'other';
  }
  if (isOther && !words.includes('russian') && !words.includes('russia')) return 'other';
  return first ?? 'other';
}

/** Every side word in a text with its position, for "whose count is it" decisions. */
export function sideMentions(text: string): Array<{ index: number; side: Side }> {
  const out: Array<{ index: number; side: Side }> = [];
  const cleaned = withoutNeutralPhrases(text);
  for (const m of cleaned.matchAll(/[\p{L}’'-]+/gu)) {
    const w = m[0].toLowerCase().replace(/[’']s$/, '');
    if (RUSSIA.has(w)) out.push({ index: m.index ?? 0, side: 'russia' });
    else if (UKRAINE.has(w)) out.push({ index: m.index ?? 0, side: 'ukraine' });
  }
  return out;
}

export function opposite(side: Side): Side {
  return side === 'russia' ? 'ukraine' : side === 'ukraine' ? 'russia' : 'unknown';
}
