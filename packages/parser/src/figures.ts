import { CATEGORY_NOUNS, sideOf } from './lexicon.ts';
import { NUMBER_WORDS, readNumber } from './numbers.ts';
import type { Category, Figure, Qualifier, Side } from './types.ts';

const QUALIFIERS: Array<[RegExp, Qualifier]> = [
  [/(more than|over|in excess of|upwards of)\s+$/i, 'more_than'],
  [/(at least|no fewer than|no less than|a minimum of)\s+$/i, 'at_least'],
  [/(up to|as many as|as much as|at most|a maximum of|no more than)\s+$/i, 'up_to'],
  [/(less than|fewer than|under|below)\s+$/i, 'less_than'],
  [/(about|around|approximately|roughly|nearly|almost|some|an estimated|estimated|close to|approx\.?)\s+$/i, 'approx'],
];

const STOP = new Set([
  'and', 'or', 'of', 'in', 'on', 'at', 'to', 'the', 'since', 'from', 'with', 'by', 'as', 'were', 'was', 'have', 'has', 'had',
  'is', 'are', 'be', 'been', 'till', 'until', 'who', 'which', 'that', 'for', 'per', 'a', 'an', 'this', 'these', 'those', 'it',
  'but', 'than', 'into', 'after', 'before', 'during', 'over', 'under', 'while', 'would', 'will', 'could', 'can', 'not',
]);

/** Words after a number that make it a date, time, duration, age, distance, share or model name. */
const NOT_A_COUNT = /^(?:%|per ?cent|percent|years?\b|year-old|months?\b|weeks?\b|days?\b|hours?\b|minutes?\b|seconds?\b|am\b|pm\b|a\.m\.|p\.m\.|km\b|kilomet|miles?\b|metres?\b|meters?\b|st\b|nd\b|rd\b|th\b|times\b|degrees?\b|votes? in favou?r|o'clock|kg\b|tonnes?\s+of\b(?!)|-year|-day|-hour|-km|mm\b|°)/i;
const MONTHS = /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b/i;

export interface FigureContext {
  sourceSide: Side;
  since: string | null;
  /** True inside a loss report (ministry list): running totals since the start of the invasion. */
  isLossList?: boolean;
}

function categoryOf(unitPhrase: string): Category {
  const words = unitPhrase.toLowerCase().split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const tail = words.slice(i).join(' ');
    for (const [re, category] of CATEGORY_NOUNS) if (re.test(tail)) return category;
  }
  return 'other';
}

/** The verb before a count can say more than its noun: "detained 471 servicemen" are captured. */
function contextCategory(before: string, category: Category, unitPhrase: string): Category {
  const lead = before.toLowerCase();
  const isPeople = category === 'personnel' || category === 'other' || category === 'civilians_killed' || category === 'children';
  if (!isPeople) return category;
  if (/\b(detained|captured|taken prisoner|took prisoner|imprisoned|held captive|prisoners? of war)\b[^.]*$/.test(lead)) return 'captured';
  if (/\b(evacuated|rescued)\b[^.]*$/.test(lead) && category === 'other') return 'evacuated';
  const isCivilian = /civilian/i.test(unitPhrase);
  if (/\b(killed|dead|died)\b[^.]*$/.test(lead)) return isCivilian ? 'civilians_killed' : category === 'personnel' ? 'personnel' : category === 'children' ? 'children' : 'killed';
  if (/\b(wounded|injured)\b[^.]*$/.test(lead)) return isCivilian ? 'civilians_wounded' : category === 'personnel' ? 'personnel' : 'wounded';
  return category;
}

const LOSS_CATEGORIES = new Set<Category>([
  'personnel', 'tanks', 'armoured_vehicles', 'artillery', 'mlrs', 'air_defence', 'aircraft', 'helicopters', 'uav', 'missiles',
  'ships', 'vehicles', 'special_equipment', 'captured', 'killed', 'wounded',
]);

const opposite = (side: Side): Side => (side === 'russia' ? 'ukraine' : side === 'ukraine' ? 'russia' : 'unknown');

/**
 * Whose count it is: a side named in the figure's own words ("471 Ukrainian servicemen"), else the
 * side named nearest before it in the clause ("Russia has lost ..."), else for losses the other
 * side of the source, and for other counts the source's own side.
 */
function subjectOf(raw: string, clauseStart: number, figureStart: number, unitPhrase: string, category: Category, ctx: FigureContext): Side {
  const own = sideOf(unitPhrase);
  if (own === 'russia' || own === 'ukraine') return own;
  const before = raw.slice(Math.max(clauseStart, figureStart - 160), figureStart);
  const mentions = [...before.matchAll(/\b(Russia|Russian|Russians|Ukraine|Ukrainian|Ukrainians|Kyiv|Moscow|Kremlin)\b/g)];
  const last = mentions.at(-1)?.[0];
  if (last && LOSS_CATEGORIES.has(category)) return /^(Russia|Russian|Russians|Moscow|Kremlin)$/.test(last) ? 'russia' : 'ukraine';
  if (LOSS_CATEGORIES.has(category)) return ctx.sourceSide === 'other' || ctx.sourceSide === 'unknown' ? 'unknown' : opposite(ctx.sourceSide);
  if (last) return /^(Russia|Russian|Russians|Moscow|Kremlin)$/.test(last) ? 'russia' : 'ukraine';
  return ctx.sourceSide;
}

/** Every figure inside raw[start, end): counts and amounts, with qualifier, category and subject. */
export function findFigures(raw: string, start: number, end: number, ctx: FigureContext): Figure[] {
  const figures: Figure[] = [];
  let i = start;
  while (i < end) {
    const c = raw[i] ?? '';
    const prev = raw[i - 1] ?? ' ';
    const isDigit = c >= '0' && c <= '9';
    const isWordStart = /[A-Za-z]/.test(c) && !/[A-Za-z0-9-]/.test(prev);
    if (!(isDigit && !/[A-Za-z0-9.,-]/.test(prev === '$' || prev === '£' || prev === '€' ? ' ' : prev)) && !isWordStart) {
      i++;
      continue;
    }
    if (isWordStart) {
      const word = /^[A-Za-z]+/.exec(raw.slice(i, i + 20))?.[0]?.toLowerCase() ?? '';
      if (!NUMBER_WORDS.has(word) || word === 'and' || word === 'half' || word === 'dozen') {
        i += Math.max(1, word.length);
        continue;
      }
    }
    const num = readNumber(raw, i);
    if (!num || num.end > end || num.end === num.start) {
      i++;
      continue;
    }
    const figure = buildFigure(raw, start, end, num, ctx);
    if (figure) figures.push(figure);
    i = Math.max(num.end, figure?.end ?? 0, i + 1);
  }
  return figures;
}

function buildFigure(
  raw: string,
  clauseStart: number,
  end: number,
  num: { start: number; end: number; value: number; isWords: boolean },
  ctx: FigureContext,
): Figure | null {
  let figStart = num.start;
  let value = num.value;
  let qualifier: Qualifier = 'exact';
  // Currency prefix.
  const currency = raw[num.start - 1];
  const isMoney = currency === '$' || currency === '£' || currency === '€';
  if (isMoney) figStart -= 1;
  const before = raw.slice(Math.max(clauseStart, figStart - 30), figStart);
  // Dates and model names: "February 24", "Su-25", "Covid-19", "No 1".
  if (/[A-Za-z]-$/.test(before) || /\b(No\.?|number|Number)\s$/.test(before)) return null;
  if (MONTHS.test(before.trim().split(/\s+/).at(-1) ?? '') && !num.isWords) return null;
  let after = raw.slice(num.end, Math.min(end, num.end + 60));
  if (!isMoney && NOT_A_COUNT.test(after.replace(/^[\s-]+/, (m) => (m.includes('-') ? '-' : '')))) return null;
  if (!isMoney && MONTHS.test(after.trimStart()) && !num.isWords) return null;
  if (/^\d{4}$/.test(raw.slice(num.start, num.end)) && num.value >= 1900 && num.value <= 2100) return null;
  if (/^:\d/.test(after) || /^\.\d/.test(after) || /^\/\d/.test(after)) return null;
  for (const [re, q] of QUALIFIERS) {
    const m = re.exec(before);
    if (m) {
      qualifier = q;
      figStart -= m[0].length;
      break;
    }
  }
  // Ranges: "300 to 400", "300-400", "between 100 and 200" -> lower bound, at least.
  let numEnd = num.end;
  const range = /^(\s?(?:-|–|to|and)\s?)(\d[\d,.]*)/.exec(after);
  if (range && (range[1]?.trim() !== 'and' || /between\s+$/i.test(before))) {
    numEnd += range[0].length;
    qualifier = 'at_least';
    const between = /between\s+$/i.exec(raw.slice(Math.max(clauseStart, figStart - 10), figStart));
    if (between) figStart -= between[0].length;
    after = raw.slice(numEnd, Math.min(end, numEnd + 60));
  }
  // The counted noun: up to four words that are not function words.
  const words = [...after.matchAll(/[\s\u00a0]*(?:”|’)?[\s\u00a0]*([A-Za-z][A-Za-z’'-]*(?:[A-Za-z]|s))/gy)];
  let unitEnd = numEnd;
  const unitWords: string[] = [];
  let offset = numEnd;
  for (const w of words) {
    const word = w[1] ?? '';
    if (STOP.has(word.toLowerCase()) || unitWords.length >= 4) break;
    offset += w[0].length;
    unitWords.push(word);
    unitEnd = offset;
    const category = categoryOf(unitWords.join(' '));
    const nextWord = words[unitWords.length]?.[1] ?? '';
    const continuesCompound = /^(missiles?|systems?|launchers?|vehicles?|guns?|complex(es)?|units?|carriers?)$/i.test(nextWord);
    if (category !== 'other' && !continuesCompound && !/^(ukrainian|russian|heavy|military|armou?red|anti-aircraft|special|civilian|more)$/i.test(word)) break;
  }
  if (isMoney) {
    // "$40 billion", "£3,420": the amount is the figure.
    return {
      text: raw.slice(figStart, numEnd), start: figStart, end: numEnd, value, qualifier, category: 'money',
      unit: currency === '$' ? 'USD' : currency === '£' ? 'GBP' : 'EUR', subject: subjectOf(raw, clauseStart, figStart, '', 'money', ctx), since: ctx.since,
    };
  }
  const unitPhrase = unitWords.join(' ');
  if (unitWords.length === 0 && num.isWords) return null;
  if (num.isWords && value === 1 && !/^(one)$/i.test(raw.slice(num.start, num.end))) return null;
  if (num.isWords && /^one$/i.test(raw.slice(num.start, num.end)) && !/^(of\b)/i.test(after.trim()) && unitWords.length === 0) return null;
  const category = contextCategory(raw.slice(Math.max(clauseStart, figStart - 40), figStart), categoryOf(unitPhrase), unitPhrase);
  if (/^(dollars?|euros?|pounds?)$/i.test(unitWords[0] ?? '')) value = num.value;
  return {
    text: raw.slice(figStart, unitEnd),
    start: figStart,
    end: unitEnd,
    value,
    qualifier,
    category,
    unit: unitWords.at(-1) ?? '',
    subject: subjectOf(raw, clauseStart, figStart, unitPhrase, category, ctx),
    since: LOSS_CATEGORIES.has(category) || ctx.isLossList ? ctx.since : null,
  };
}
