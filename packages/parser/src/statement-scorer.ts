import { normaliseCue } from './cue-lexicon.ts';
import { PRONOUN_SOURCES, looksLikePersonName } from './noun-phrase.ts';
import type { Statement } from './types.ts';

/**
 * A trained check on the attributions the rules find: a logistic regression over the statement's
 * frame (its cue, where the cue stands, the kind of source, the content's length and first word)
 * that says how likely the statement is one an annotator would file. Trained by `npm run train` on
 * ../shared/data/gold only (scripts/train.ts); the weights are data in their own JSON file.
 */
export interface ScorerWeights {
  version: 1;
  /** Statements scoring below this probability are dropped. */
  threshold: number;
  bias: number;
  weights: Record<string, number>;
}

type Candidate = Pick<Statement, 'source' | 'cue' | 'content' | 'direct' | 'figures' | 'sourceSide'>;

const bucket = (n: number) => (n < 4 ? 'lt4' : n < 8 ? 'lt8' : n < 16 ? 'lt16' : n < 32 ? 'lt32' : 'ge32');

/** The sparse features of one statement: strings, each present once. */
export function statementFeatures(st: Candidate, isOfficial: boolean): string[] {
  const words = st.content.text.split(/[\s\u200b]+/).filter(Boolean);
  const first = (words[0] ?? '').toLowerCase().replace(/[^\p{L}]/gu, '');
  const cue = st.cue ? normaliseCue(st.cue.text) : 'none';
  const cuePos = !st.cue
    ? 'none'
    : st.cue.end <= st.content.start
      ? 'before'
      : st.cue.start >= st.content.end
        ? 'after'
        : 'inside';
  const src = st.source?.text ?? '';
  const srcKind = !st.source
    ? 'none'
    : PRONOUN_SOURCES.has(src.toLowerCase())
      ? 'pronoun'
      : looksLikePersonName(src)
        ? 'name'
        : /^\p{Lu}/u.test(src)
          ? 'capital'
          : 'phrase';
  const head =
    src
      .toLowerCase()
      .split(/[\s\u200b]+/)
      .at(-1)
      ?.replace(/[’']s$/, '') ?? '';
  return [
    `cue=${cue}`,
    `cuepos=${cuePos}`,
    `cue+pos=${cue}|${cuePos}`,
    `direct=${st.direct}`,
    `src=${srcKind}`,
    `srchead=${srcKind === 'name' ? 'NAME' : head}`,
    `len=${bucket(words.length)}`,
    `first=${first}`,
    `figures=${st.figures.length > 0}`,
    `official=${isOfficial}`,
    `side=${st.sourceSide}`,
    `question=${/\?[”"’]?$/.test(st.content.text)}`,
  ];
}

/** The probability that a statement with these features is one an annotator files. */
export function scoreStatement(w: ScorerWeights, features: readonly string[]): number {
  let z = w.bias;
  for (const f of features) z += w.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

export interface ScorerExample {
  features: string[];
  /** 1 when the statement matches a gold statement. */
  label: 0 | 1;
  /** The article it comes from: threshold selection holds whole articles out. */
  group?: string;
}

/** Thresholds tried, lowest first; a higher one drops more statements. */
const THRESHOLDS = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9];

/**
 * Trains the weights and picks the threshold by an inner cross-validation over articles: the
 * threshold whose dropped statements are most often wrong (false minus true attributions dropped,
 * held out), the lowest on a tie, so the check drops nothing unless dropping helps on unseen text.
 */
export function trainScorerWithThreshold(examples: readonly ScorerExample[], inner = 4): ScorerWeights {
  const groups = [...new Set(examples.map((e) => e.group ?? ''))].sort();
  const gain = THRESHOLDS.map(() => 0);
  for (let k = 0; k < inner; k++) {
    const held = new Set(groups.filter((_, i) => i % inner === k));
    const w = trainScorer(examples.filter((e) => !held.has(e.group ?? '')));
    for (const e of examples.filter((x) => held.has(x.group ?? ''))) {
      const p = scoreStatement(w, e.features);
      for (const [i, t] of THRESHOLDS.entries()) if (p < t) gain[i] = (gain[i] as number) + (e.label === 0 ? 1 : -1);
    }
  }
  let best = -1;
  let bestGain = 0;
  for (const [i, g] of gain.entries()) {
    if (g > bestGain) {
      best = i;
      bestGain = g;
    }
  }
  // No threshold drops more wrong statements than right ones: the check keeps everything.
  return trainScorer(examples, { threshold: best < 0 ? 0 : (THRESHOLDS[best] as number) });
}

/**
 * Full-batch gradient descent on the L2-regularised log loss, from zero weights, over features in
 * sorted order: no randomness, so the same examples give the same weights to the last digit.
 */
export function trainScorer(
  examples: readonly ScorerExample[],
  { iterations = 400, rate = 0.5, l2 = 0.01, threshold = 0.5, minCount = 2 } = {},
): ScorerWeights {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  // Features seen fewer than minCount times carry no evidence worth a weight.
  const names = [...counts.keys()].filter((f) => (counts.get(f) ?? 0) >= minCount).sort();
  const index = new Map(names.map((f, i) => [f, i]));
  const rows = examples.map((e) => ({
    x: [...new Set(e.features.flatMap((f) => (index.has(f) ? [index.get(f) as number] : [])))].sort((a, b) => a - b),
    y: e.label,
  }));
  const w = new Float64Array(names.length);
  let b = 0;
  const n = Math.max(1, rows.length);
  for (let it = 0; it < iterations; it++) {
    const grad = new Float64Array(names.length);
    let gb = 0;
    for (const r of rows) {
      let z = b;
      for (const i of r.x) z += w[i] as number;
      const err = 1 / (1 + Math.exp(-z)) - r.y;
      gb += err;
      for (const i of r.x) grad[i] = (grad[i] as number) + err;
    }
    b -= (rate * gb) / n;
    for (let i = 0; i < w.length; i++)
      w[i] = (w[i] as number) - rate * ((grad[i] as number) / n + l2 * (w[i] as number));
  }
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  const weights: Record<string, number> = {};
  for (const [i, f] of names.entries()) {
    const v = round(w[i] as number);
    if (v !== 0) weights[f] = v;
  }
  return { version: 1, threshold, bias: round(b), weights };
}
