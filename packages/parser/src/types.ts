import type { ScorerWeights } from './statement-scorer.ts';
/**
 * The parser's output. The JSON shape is fixed by ../shared/docs/claim-format.md:
 * fields may be added, never renamed or dropped.
 */
export const SIDES = ['russia', 'ukraine', 'other', 'unknown'] as const;
export type Side = (typeof SIDES)[number];

export const QUALIFIERS = ['exact', 'approx', 'at_least', 'more_than', 'up_to', 'less_than'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** The Ukrainian General Staff's daily loss categories (claim-format.md's taxonomy, first part). */
export const LOSS_CATEGORIES = [
  'personnel',
  'tanks',
  'armoured_vehicles',
  'artillery',
  'mlrs',
  'air_defence',
  'aircraft',
  'helicopters',
  'uav',
  'missiles',
  'ships',
  'vehicles',
  'special_equipment',
] as const;

export const CATEGORIES = [
  ...LOSS_CATEGORIES,
  'captured',
  'killed',
  'wounded',
  'civilians_killed',
  'civilians_wounded',
  'children',
  'refugees',
  'displaced',
  'evacuated',
  'money',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * What a figure counts (an extra field beside claim-format's, allowed by the contract):
 * - loss: people killed, wounded, captured or missing, and weapons, vehicles or buildings destroyed,
 *   downed or lost, reported as having happened in this war;
 * - count: people or things counted but not lost (troops, refugees, evacuees, jets sold, projects);
 * - money: an amount of money;
 * - amount: a quantity of goods or a measure (tonnes of grain, barrels, square metres, km of road);
 * - other: a number that counts nothing in this war as it stands: a death toll of an earlier war or
 *   a hypothetical one ("just imagine 14 thousand corpses", "10,000 people could die").
 */
export const FIGURE_KINDS = ['loss', 'count', 'money', 'amount', 'other'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

/**
 * Categories that say people were lost. Only a figure of kind loss carries one; the same people
 * counted otherwise (an army's size, a hypothetical toll) are other. Weapon categories name what a
 * figure counts whatever its kind ("950 new trams will be purchased" is vehicles, a count).
 */
export const CASUALTY_CATEGORIES = [
  'personnel',
  'captured',
  'killed',
  'wounded',
  'civilians_killed',
  'civilians_wounded',
] as const satisfies readonly Category[];

/** A slice of the raw input: `raw.slice(start, end) === text` (UTF-16 offsets). */
export interface Span {
  text: string;
  start: number;
  end: number;
}

export interface Figure extends Span {
  value: number;
  qualifier: Qualifier;
  category: Category;
  /** The counted noun as written ("BBMs", "servicemen"). */
  unit: string;
  /** Whose loss or count it is. */
  subject: Side;
  /** Start of a running total (YYYY-MM-DD), or null. */
  since: string | null;
  /** What it counts: a loss, a count, money, an amount, or other (historical or hypothetical). */
  kind: FigureKind;
}

export interface Statement {
  /** Stable for the same input and parser version. */
  id: string;
  source: Span | null;
  sourceCanonical: string | null;
  sourceSide: Side;
  cue: Span | null;
  content: Span;
  direct: boolean;
  /** Date the statement was made or refers to (YYYY-MM-DD), or null. */
  asOf: string | null;
  figures: Figure[];
}

export interface ParsedArticle {
  file?: string;
  parserVersion: string;
  publishedOn: string | null;
  dateline: string[];
  outlet: string | null;
  byline: string | null;
  statements: Statement[];
}

export interface ParseOptions {
  /** File name to echo in the result (the parser itself never reads files). */
  file?: string;
  /**
   * Weights of the trained statement check (src/statement-scorer.ts); null turns it off. Absent, the
   * parser uses its committed weights, if it ships any. The fold evaluation passes weights trained
   * without the fold it scores.
   */
  statementScorer?: ScorerWeights | null;
}
