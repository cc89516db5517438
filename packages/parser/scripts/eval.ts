// npm run eval -- [--gold DIR] [--articles DIR] [-v] [--json] [--folds K] [--by-outlet]
// Scores the parser against hand-checked annotations (claim-format shape).
//
// --folds K    held-out scores per fold: files grouped by article and dealt into K fixed folds,
//              stratified by outlet (src/folds.ts); prints each fold and the mean, std, min and max.
// --by-outlet  the same figures per outlet (the file name's last `_` suffix: _guardian, _kremlin ...).
//
// Trained components: if scripts/train.ts exists and exports
//   train(examples: Array<{ file: string; text: string; gold: GoldArticle }>): Partial<ParseOptions>
// then with --folds (and --by-outlet, which uses 5 folds unless --folds is given) each fold's files
// are parsed with parseArticle(text, { file, ...train(examples of the other folds) }), so no file
// is scored by a model that saw it. Without --folds the parser's committed weights are used.
// --rules-only  with --folds, skips the trainer: the parser as shipped on every fold (the comparison).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { assignFolds, outletOf, spread } from '../src/folds.ts';
import { type ParseOptions, type ParsedArticle, parseArticle } from '../src/index.ts';
import {
  type GoldArticle,
  type Scores,
  addScores,
  diffArticle,
  emptyScores,
  exactSpanPrf,
  prf,
  ratio,
  scoreArticle,
} from '../src/score.ts';

const repo = resolve(import.meta.dirname, '../../..');
const { values } = parseArgs({
  options: {
    gold: { type: 'string', default: resolve(repo, '../shared/data/gold') },
    articles: { type: 'string', default: resolve(repo, '../shared/data/articles') },
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
    folds: { type: 'string' },
    'by-outlet': { type: 'boolean', default: false },
    'rules-only': { type: 'boolean', default: false },
  },
});
for (const dir of [values.gold, values.articles]) {
  if (!existsSync(dir)) {
    console.error(`eval: no such folder ${dir}`);
    process.exit(2);
  }
}
const foldCount = values.folds === undefined ? (values['by-outlet'] ? 5 : 0) : Number(values.folds);
if (values.folds !== undefined && !(Number.isInteger(foldCount) && foldCount >= 2)) {
  console.error(`eval: --folds takes a whole number of at least 2, got ${values.folds}`);
  process.exit(2);
}

export interface TrainingExample {
  file: string;
  text: string;
  gold: GoldArticle;
}
type Train = (examples: TrainingExample[]) => Partial<ParseOptions>;

const examples: TrainingExample[] = [];
for (const name of readdirSync(values.gold)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const articlePath = join(values.articles, name.replace(/\.json$/, '.txt'));
  if (!existsSync(articlePath)) continue;
  examples.push({
    file: name,
    text: readFileSync(articlePath, 'utf8'),
    gold: JSON.parse(readFileSync(join(values.gold, name), 'utf8')) as GoldArticle,
  });
}

// The trainer hook, loaded only when present (held-out scoring of trained components).
const trainPath = join(import.meta.dirname, 'train.ts');
const train: Train | null =
  foldCount > 0 && !values['rules-only'] && existsSync(trainPath)
    ? (((await import(pathToFileURL(trainPath).href)) as { train?: Train }).train ?? null)
    : null;

const foldOf =
  foldCount > 0
    ? assignFolds(
        examples.map((e) => e.file),
        foldCount,
      )
    : new Map<string, number>();
const trained = new Map<number, Partial<ParseOptions>>();
function optionsFor(file: string): Partial<ParseOptions> {
  const k = foldOf.get(file);
  if (!train || k === undefined) return {};
  let opts = trained.get(k);
  if (!opts) {
    opts = train(examples.filter((e) => foldOf.get(e.file) !== k));
    trained.set(k, opts);
  }
  return opts;
}

const total = emptyScores();
const rows: Array<{ file: string; scores: Scores }> = [];
for (const ex of examples) {
  const pred = parseArticle(ex.text, { ...optionsFor(ex.file), file: ex.file });
  const scores = scoreArticle(pred, ex.gold);
  addScores(total, scores);
  rows.push({ file: ex.file, scores });
  if (values.verbose && !values.json) printDiff(ex.file, ex.gold, pred);
}

function printDiff(name: string, gold: GoldArticle, pred: ParsedArticle): void {
  const d = diffArticle(pred, gold);
  const clip = (t: string) => JSON.stringify(t.length > 110 ? `${t.slice(0, 110)}…` : t);
  console.log(`\n## ${name}`);
  for (const g of d.missedStatements)
    console.log(
      `  MISS  [${g.sourceCanonical} ${g.sourceSide ?? ''} ${g.cue?.text ?? '-'}] ${clip(g.content.text)} @${g.content.start}`,
    );
  for (const p of d.extraStatements)
    console.log(
      `  EXTRA [${p.sourceCanonical} ${p.sourceSide} ${p.cue?.text ?? '-'}] ${clip(p.content.text)} @${p.content.start}`,
    );
  for (const w of d.wrongStatements) {
    console.log(
      `  WRONG ${w.fields.join(',')}: pred [${w.pred.sourceCanonical} ${w.pred.sourceSide} ${w.pred.direct}] gold [${w.gold.sourceCanonical} ${w.gold.sourceSide} ${w.gold.direct}] ${clip(w.gold.content.text)}`,
    );
  }
  for (const g of d.missedFigures)
    console.log(`  FMISS ${clip(g.text)} ${g.value} ${g.category} ${g.subject} ${g.qualifier} @${g.start}`);
  for (const p of d.extraFigures)
    console.log(`  FEXTRA ${clip(p.text)} ${p.value} ${p.category} ${p.subject} ${p.qualifier} @${p.start}`);
  for (const w of d.wrongFigures) {
    console.log(
      `  FWRONG ${w.fields.join(',')}: ${clip(w.gold.text)} pred ${w.pred.category}/${w.pred.subject}/${w.pred.qualifier} gold ${w.gold.category}/${w.gold.subject}/${w.gold.qualifier}`,
    );
  }
}

const fmt = (n: number) => (Number.isNaN(n) ? '  -  ' : n.toFixed(3));
const summary = (s: Scores) => {
  const st = prf(s.statements);
  const fg = prf(s.figures);
  return {
    statements: {
      ...st,
      tp: s.statements.tp,
      fp: s.statements.fp,
      fn: s.statements.fn,
      source: ratio(s.statements.source),
      side: ratio(s.statements.side),
      direct: ratio(s.statements.direct),
    },
    figures: {
      ...fg,
      tp: s.figures.tp,
      fp: s.figures.fp,
      fn: s.figures.fn,
      category: ratio(s.figures.category),
      subject: ratio(s.figures.subject),
      qualifier: ratio(s.figures.qualifier),
      spanExactF1: exactSpanPrf(s.figures).f1,
    },
  };
};
type Summary = ReturnType<typeof summary>;
/** The figures every table prints, in column order. */
const metrics: Array<[string, (s: Summary) => number]> = [
  ['P', (s) => s.statements.p],
  ['R', (s) => s.statements.r],
  ['F1', (s) => s.statements.f1],
  ['src', (s) => s.statements.source],
  ['side', (s) => s.statements.side],
  ['| fig P', (s) => s.figures.p],
  ['R', (s) => s.figures.r],
  ['F1', (s) => s.figures.f1],
  ['cat', (s) => s.figures.category],
  ['subj', (s) => s.figures.subject],
  ['qual', (s) => s.figures.qualifier],
  ['span', (s) => s.figures.spanExactF1],
];
const header = (first: string, width: number) =>
  `${''.padEnd(width)} statements                    | figures\n${first.padEnd(width)} ${metrics
    .map(([h]) => (h.startsWith('|') ? `| ${h.slice(6).padEnd(5)}` : h.padEnd(5)))
    .join(' ')}`;
const line = (label: string, width: number, s: Summary) =>
  `${label.padEnd(width)} ${metrics.map(([h, f]) => (h.startsWith('|') ? `| ${fmt(f(s))}` : fmt(f(s)))).join(' ')}`;

/** Held-out table for groups of files (folds or outlets): one row each, then mean, std, min and max. */
function groupTable(title: string, groups: Array<{ label: string; files: string[] }>) {
  const byFile = new Map(rows.map((r) => [r.file, r.scores]));
  const summaries = groups.map((g) => {
    const s = emptyScores();
    for (const f of g.files) {
      const r = byFile.get(f);
      if (r) addScores(s, r);
    }
    return { ...g, summary: summary(s) };
  });
  const stats = metrics.map(([, f]) => spread(summaries.map((g) => f(g.summary))));
  return { title, groups: summaries, stats };
}

function printGroupTable(t: ReturnType<typeof groupTable>) {
  const w = 28;
  console.log(`\n${t.title}`);
  console.log(header('', w));
  for (const g of t.groups) console.log(line(`${g.label} (${g.files.length})`, w, g.summary));
  for (const stat of ['mean', 'std', 'min', 'max'] as const) {
    console.log(
      `${stat.padEnd(w)} ${t.stats.map((s, i) => `${metrics[i]?.[0].startsWith('|') ? '| ' : ''}${fmt(s[stat])}`).join(' ')}`,
    );
  }
}

const tables: Array<ReturnType<typeof groupTable>> = [];
if (values.folds !== undefined) {
  const groups = Array.from({ length: foldCount }, (_, k) => ({
    label: `fold ${k + 1}`,
    files: examples.map((e) => e.file).filter((f) => foldOf.get(f) === k),
  }));
  tables.push(
    groupTable(
      `held-out, ${foldCount} folds by article, stratified by outlet${train ? ', trained on the other folds' : ''}`,
      groups,
    ),
  );
}
if (values['by-outlet']) {
  const outlets = [...new Set(examples.map((e) => outletOf(e.file)))].sort();
  const groups = outlets.map((o) => ({
    label: o,
    files: examples.map((e) => e.file).filter((f) => outletOf(f) === o),
  }));
  tables.push(
    groupTable(`held-out, by outlet${train ? ` (each file trained without its fold of ${foldCount})` : ''}`, groups),
  );
}

if (values.json) {
  console.log(
    JSON.stringify(
      {
        files: rows.map((r) => ({
          file: r.file,
          ...(foldCount > 0 ? { fold: (foldOf.get(r.file) ?? 0) + 1 } : {}),
          ...summary(r.scores),
        })),
        total: summary(total),
        ...Object.fromEntries(
          tables.map((t, i) => [
            values.folds !== undefined && i === 0 ? 'folds' : 'outlets',
            {
              groups: t.groups.map((g) => ({ label: g.label, files: g.files, ...g.summary })),
              spread: Object.fromEntries(t.stats.map((s, j) => [metrics[j]?.[0].replace('| ', ''), s])),
            },
          ]),
        ),
      },
      null,
      2,
    ),
  );
} else {
  if (tables.length === 0) {
    console.log(header('file', 40));
    for (const r of [...rows, { file: 'TOTAL', scores: total }]) console.log(line(r.file, 40, summary(r.scores)));
  }
  for (const t of tables) printGroupTable(t);
  const t = summary(total);
  console.log(
    `\nstatements: P ${fmt(t.statements.p)} R ${fmt(t.statements.r)} F1 ${fmt(t.statements.f1)} (tp ${t.statements.tp}, fp ${t.statements.fp}, fn ${t.statements.fn}); source ${fmt(t.statements.source)}, side ${fmt(t.statements.side)}, direct ${fmt(t.statements.direct)}`,
  );
  console.log(
    `figures:    P ${fmt(t.figures.p)} R ${fmt(t.figures.r)} F1 ${fmt(t.figures.f1)} (tp ${t.figures.tp}, fp ${t.figures.fp}, fn ${t.figures.fn}); category ${fmt(t.figures.category)}, subject ${fmt(t.figures.subject)}, qualifier ${fmt(t.figures.qualifier)}, exact span F1 ${fmt(t.figures.spanExactF1)}`,
  );
}
