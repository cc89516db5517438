import type { Category, Side } from './types.ts';
import { wordList } from './word-list.ts';

/** Speech and belief verbs that attribute content to a source, in the forms news prose uses. */
export const CUE_VERBS = [
  'said',
  'says',
  'say',
  'told',
  'tells',
  'claimed',
  'claims',
  'claim',
  'added',
  'adds',
  'stated',
  'states',
  'announced',
  'announces',
  'reported',
  'reports',
  'confirmed',
  'confirms',
  'denied',
  'denies',
  'warned',
  'warns',
  'estimated',
  'estimates',
  'tweeted',
  'wrote',
  'writes',
  'insisted',
  'insists',
  'argued',
  'argues',
  'noted',
  'notes',
  'explained',
  'explains',
  'stressed',
  'stresses',
  'emphasised',
  'emphasized',
  'acknowledged',
  'admitted',
  'alleged',
  'alleges',
  'accused',
  'asserted',
  'declared',
  'maintained',
  'predicted',
  'believes',
  'believed',
  'thinks',
  'suggested',
  'suggests',
  'revealed',
  'disclosed',
  'indicated',
  'pointed out',
  'ruled out',
  'commented',
  'informed',
  'mentioned',
  'continued',
  'replied',
  'responded',
  'urged',
  'promised',
  'vowed',
  'pledged',
  'agreed',
  'forecast',
  'forecasts',
  'forecasting',
  'expects',
  'expected',
  'believes',
  'concluded',
  'observed',
  'remarked',
  'recalled',
  'boasted',
  'countered',
  'conceded',
  'posted',
  'wrote',
  'adding',
  'saying',
  'claiming',
  'warning',
  'arguing',
  'telling',
  'confirming',
  'stating',
  'noting',
  'insisting',
] as const;

/** Cues that continue a previous statement's source ("..., adding they have detained ..."). */
export const CONTINUATION_CUES = new Set([
  'adding',
  'saying',
  'claiming',
  'warning',
  'arguing',
  'noting',
  'insisting',
  'stating',
  'confirming',
  'telling',
]);

/** Verbs that take a person object before the content: "told reporters that ...". */
export const OBJECT_CUES = new Set(['told', 'tells', 'informed', 'telling', 'warned', 'urged']);

export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'He', 'She', 'They', 'It', 'we', 'We', 'I']);

const RUSSIA = [
  'russia',
  'russian',
  'russians',
  'kremlin',
  'moscow',
  'putin',
  'peskov',
  'lavrov',
  'shoigu',
  'zakharova',
  'konashenkov',
  'medvedev',
  'nebenzia',
  'gazprom',
  'tass',
  'ria novosti',
  'ria',
  'rt',
  'interfax',
  'mordashov',
  'kadyrov',
  'gerasimov',
  'naryshkin',
  'patrushev',
  'volodin',
  'matviyenko',
  'rosatom',
  'roscosmos',
  'rogozin',
  'prigozhin',
  'wagner',
  'sputnik',
  'kremlin-backed',
];
const UKRAINE = [
  'ukraine',
  'ukrainian',
  'ukrainians',
  'ukraine’s',
  "ukraine's",
  'kyiv',
  'kiev',
  'zelenskyy',
  'zelenskiy',
  'zelensky',
  'kuleba',
  'reznikov',
  'podolyak',
  'podolyak',
  'arestovych',
  'vereshchuk',
  'klitschko',
  'shmyhal',
  'yermak',
  'zaluzhnyi',
  'budanov',
  'haidai',
  'gaiday',
  'hayday',
  'kyrylenko',
  'denisova',
  'venediktova',
  'ukrenergo',
  'naftogaz',
  'energoatom',
  'ukrinform',
  'verkhovna',
  'rada',
  'lyakh',
  'kozitskaya',
  'chebysheva',
  'vlasenko',
  'boychenko',
  'orlov',
  'fedorov',
  'danilov',
  'syrskyi',
  'motuzyanyk',
];
const OTHER_FORCED = [
  'belarus',
  'belarusian',
  'lukashenko',
  'transnistria',
  'separatist',
  'separatists',
  'donetsk people',
  'luhansk people',
  'dpr',
  'lpr',
  'pushilin',
  'pasechnik',
];

const tokenize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^a-zа-яіїєґ-]+/)
    .filter(Boolean);

/**
 * The side of a source from its words: separatist and Belarusian sources are other unless called
 * Russian; Russian institutions, officials and media are russia; Ukrainian ones are ukraine.
 */
export function sideOf(text: string | null): Side {
  if (!text) return 'unknown';
  const words = tokenize(text);
  const has = (list: string[]) => words.some((w) => list.includes(w));
  const isRussian = has(RUSSIA);
  const isUkrainian = has(UKRAINE);
  if (has(OTHER_FORCED) && !words.includes('russian')) return 'other';
  if (isRussian && !isUkrainian) return 'russia';
  if (isUkrainian && !isRussian) return 'ukraine';
  if (isRussian && isUkrainian) {
    // "Ukraine's ... Russian" mixes: the head (first side word) decides.
    const first = words.find((w) => RUSSIA.includes(w) || UKRAINE.includes(w));
    return first && RUSSIA.includes(first) ? 'russia' : 'ukraine';
  }
  return 'other';
}

/** Countries and blocs outside the war, as a figure's owner ("of Japan’s imports", "EU governments"). */
export const OTHER_COUNTRIES: readonly string[] = wordList(`
  Japan, Japanese, China, Chinese, India, Indian, Turkey, Turkish, Iran, Iranian, Germany, German,
  France, French, Britain, British, UK, Poland, Polish, US, USA, America, American, EU, European Union,
  Europe, European, NATO, Sweden, Swedish, Finland, Finnish, Italy, Italian, Spain, Spanish, Canada,
  Canadian, Australia, Australian, Hungary, Hungarian, Romania, Romanian, Moldova, Moldovan, Georgia,
  Georgian, Kazakhstan, Israel, Israeli, Syria, Syrian, Egypt, Egyptian, Africa, African, Norway,
  Norwegian, Netherlands, Dutch, Belgium, Switzerland, Swiss, Austria, Austrian, Czech, Slovakia,
  Lithuania, Lithuanian, Latvia, Latvian, Estonia, Estonian, Denmark, Danish, Greece, Greek, Malta,
  Mauritius, UAE, Saudi Arabia, Qatar, Brazil, Mexico, Korea, Korean, Taiwan, Belarus, Belarusian
`);

/** Counted nouns to categories, most specific first. Keys are lower-case stems matched at word start. */
export const CATEGORY_NOUNS: Array<[RegExp, Category]> = [
  // Model names: the designation says what kind of weapon it is.
  [/^(su-\d+\w*|mig-\d+\w*|tu-\d+\w*|il-\d+\w*|an-\d+\w*|yak-\d+\w*|f-\d+\w*)\b/, 'aircraft'],
  [/^(mi-\d+\w*|ka-\d+\w*)\b/, 'helicopters'],
  [/^(t-\d+\w*)\b/, 'tanks'],
  [/^(bmp-?\d*\w*|btr-?\d*\w*|bmd-?\d*\w*|mt-lb)\b/, 'armoured_vehicles'],
  [/^(s-[34]00\w*|buk\w*|tor\b|pantsir\w*|tunguska|strela|osa)\b/, 'air_defence'],
  [/^(bm-\d+\w*|grad|uragan|smerch|tornado|himars|m270)\b/, 'mlrs'],
  [/^(kalibr|iskander\w*|kh-\d+\w*|tochka\w*|onyx|kinzhal|harpoons?|neptunes?)\b/, 'missiles'],
  [/^(bayraktars?|orlan\w*|shaheds?|lancets?|switchblades?|tb2s?)\b/, 'uav'],
  [/^(fuel tanks?|vehicles and fuel tanks?)\b/, 'vehicles'],
  [/^(tanks?)\b/, 'tanks'],
  [
    /^(bbms?|apcs?|apvs?|ifvs?|armou?red|infantry fighting|combat vehicles?|armou?red personnel|bmps?|btrs?)\b/,
    'armoured_vehicles',
  ],
  [/^(artillery|howitzers?|guns? systems?|artillery systems?|cannons?|mortars?)\b/, 'artillery'],
  [/^(mlrs|mrls?|multiple (launch )?rocket|rocket launchers?|grad)\b/, 'mlrs'],
  [/^(anti-aircraft|air defen[cs]e|buk|s-300|s-400|surface-to-air|sam)\b/, 'air_defence'],
  [/^(warships? ?\/ ?boats?|boats?)\b/, 'ships'],
  [/^(cruise missiles?)\b/, 'missiles'],
  [/^(fuel tanks?)\b/, 'vehicles'],
  [
    /^(aircraft|planes?|jets?|fighter jets?|warplanes?|fighters?|airplanes?|bombers?|fighter-bombers?|interceptors?)\b/,
    'aircraft',
  ],
  [/^(helicopters?|choppers?)\b/, 'helicopters'],
  [/^(drones?|uavs?|operational-tactical|unmanned|remotely piloted (?:aircraft|aerial|vehicles?|systems?))\b/, 'uav'],
  [/^(special equipment|special military equipment)\b/, 'special_equipment'],
  [/^(persons?|people|civilians?)\b.*\b(liquidated)\b/, 'personnel'],
  [/^(personnel)\b/, 'personnel'],
  [/^(missiles?|cruise missiles?|rockets?)\b/, 'missiles'],
  [/^(ships?|boats?|warships?|vessels?|cutters?|submarines?|frigates?|corvettes?|cruisers?|landing craft)\b/, 'ships'],
  [
    /^(vehicles?|motor vehicles|trucks?|fuel tanks?|motor vehicles?|automotive|military auto|auto|cars?|lorries|tankers?|buses|bus|trams?|trolleybuses|trolleybus|carriages?|railcars?|wagons?|locomotives?)\b/,
    'vehicles',
  ],
  [/^(special equipment)\b/, 'special_equipment'],
  [
    /^(servicemen|soldiers?|troops?|personnel|military personnel|fighters|marines|paratroopers|conscripts|occupiers|invaders)\b/,
    'personnel',
  ],
  [/^(prisoners?|pows?|detainees?|captives?)\b/, 'captured'],
  [/^(children|kids|minors|babies)\b/, 'children'],
  [/^(refugees?)\b/, 'refugees'],
  [/^(displaced|internally displaced)\b/, 'displaced'],
  [/^(evacuees?)\b/, 'evacuated'],
  [/^(civilians?)\b/, 'civilians_killed'],
  [/^(dollars?|euros?|pounds?|roubles?|rubles?|hryvnias?)\b/, 'money'],
];
