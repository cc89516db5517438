// npm run train -- [--gold DIR] [--articles DIR] [--out FILE] [--check]
// Trains the parser's statement check (src/statement-scorer.ts) on ../shared/data/gold only and
// writes its weights as JSON (default src/statement-weights.json). Deterministic: the same gold
// data gives byte-identical JSON. --check writes nothing and exits 1 when the committed file differs.
//
// `npm run eval -- --folds K` imports train() from here and scores each fold with weights trained on
// the other folds only. PolNeAR (../shared/data/polnear-dev) states no data licence: it is never
// training data here, only an evaluation set.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type ParseOptions, parseArticle } from '../src/index.ts';
import { type GoldArticle, iou, matchPairs } from '../src/score.ts';
import {
  type ScorerExample,
  type ScorerWeights,
  statementFeatures,
  trainScorerWithThreshold,
} from '../src/statement-scorer.ts';
import type { Statement } from '../src/types.ts';

export interface TrainingExample {
  file: string;
  text: string;
  gold: GoldArticle;
}

const OFFICIAL_HINT =
  /\b(President of|Ministry|Ministry of|General Staff|Government of|Office of|Kremlin|Cabinet)\b|\.gov\b|kremlin\.ru|mil\.gov/i;

/** One example per statement the cue rules find (the check off): 1 when it matches a gold statement. */
export function scorerExamples(examples: readonly TrainingExample[]): ScorerExample[] {
  const out: ScorerExample[] = [];
  for (const ex of examples) {
    const parsed = parseArticle(ex.text, { file: ex.file, statementScorer: null });
    const isOfficial = parsed.outlet !== null && OFFICIAL_HINT.test(parsed.outlet);
    const candidates = parsed.statements.filter((s) => s.cue !== null);
    const matched = new Set(
      matchPairs<Statement, GoldArticle['statements'][number]>(
        candidates,
        ex.gold.statements,
        (p, g) => iou(p.content, g.content),
        0.5,
      ).map(([p]) => p),
    );
    for (const s of candidates)
      out.push({ features: statementFeatures(s, isOfficial), label: matched.has(s) ? 1 : 0, group: ex.file });
  }
  return out;
}

export function trainWeights(examples: readonly TrainingExample[]): ScorerWeights {
  return trainScorerWithThreshold(scorerExamples(examples));
}

/** The eval hook: options for parsing a held-out fold, trained on the other folds' examples only. */
export function train(examples: TrainingExample[]): Partial<ParseOptions> {
  return { statementScorer: trainWeights(examples) };
}

export function loadExamples(goldDir: string, articlesDir: string): TrainingExample[] {
  return readdirSync(goldDir)
    .filter((f) => f.endsWith('.json') && existsSync(join(articlesDir, f.replace(/\.json$/, '.txt'))))
    .sort()
    .map((file) => ({
      file,
      text: readFileSync(join(articlesDir, file.replace(/\.json$/, '.txt')), 'utf8'),
      gold: JSON.parse(readFileSync(join(goldDir, file), 'utf8')) as GoldArticle,
    }));
}

export const serialiseWeights = (w: ScorerWeights) => `${JSON.stringify(w, null, 2)}\n`;

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const repo = resolve(import.meta.dirname, '../../..');
  const { values } = parseArgs({
    options: {
      gold: { type: 'string', default: resolve(repo, '../shared/data/gold') },
      articles: { type: 'string', default: resolve(repo, '../shared/data/articles') },
      out: { type: 'string', default: resolve(import.meta.dirname, '../src/statement-weights.json') },
      check: { type: 'boolean', default: false },
    },
  });
  if (/polnear/i.test(values.gold)) {
    console.error('train: PolNeAR states no data licence; it is an evaluation set, never training data');
    process.exit(2);
  }
  const examples = loadExamples(values.gold, values.articles);
  const json = serialiseWeights(trainWeights(examples));
  if (values.check) {
    const same = existsSync(values.out) && readFileSync(values.out, 'utf8') === json;
    console.log(same ? `train: ${values.out} equals the trained weights` : `train: ${values.out} differs`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(values.out, json);
  console.log(
    `train: ${examples.length} articles -> ${values.out} (${Object.keys(JSON.parse(json).weights).length} weights)`,
  );
}
