// npm run eval -- --gold DIR --articles DIR [--json]
// Scores the parser against hand-checked annotations (claim-format shape).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseArticle } from '../src/index.ts';
import { type GoldArticle, type Scores, diffArticle, emptyScores, prf, ratio, scoreArticle } from '../src/score.ts';

const repo = resolve(import.meta.dirname, '../../..');
const { values } = parseArgs({
  options: {
    gold: { type: 'string', default: resolve(repo, '../shared/data/gold') },
    articles: { type: 'string', default: resolve(repo, '../shared/data/articles') },
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
  },
});
for (const dir of [values.gold, values.articles]) {
  if (!existsSync(dir)) {
    console.error(`eval: no such folder ${dir}`);
    process.exit(2);
  }
}
const total = emptyScores();
const rows: Array<{ file: string; scores: Scores }> = [];
for (const name of readdirSync(values.gold)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const articlePath = join(values.articles, name.replace(/\.json$/, '.txt'));
  if (!existsSync(articlePath)) continue;
  const gold = JSON.parse(readFileSync(join(values.gold, name), 'utf8')) as GoldArticle;
  const pred = parseArticle(readFileSync(articlePath, 'utf8'), { file: name });
  const scores = scoreArticle(pred, gold);
  scoreArticle(pred, gold, total);
  rows.push({ file: name, scores });
  if (values.verbose && !values.json) printDiff(name, gold, pred);
}

function printDiff(name: string, gold: GoldArticle, pred: ReturnType<typeof parseArticle>): void {
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
    },
  };
};
if (values.json) {
  console.log(
    JSON.stringify(
      { files: rows.map((r) => ({ file: r.file, ...summary(r.scores) })), total: summary(total) },
      null,
      2,
    ),
  );
} else {
  console.log(
    'file                                      stmt P   R     F1    src   side  | fig P   R     F1    cat   subj  qual',
  );
  for (const r of [...rows, { file: 'TOTAL', scores: total }]) {
    const s = summary(r.scores);
    console.log(
      `${r.file.padEnd(40)} ${fmt(s.statements.p)} ${fmt(s.statements.r)} ${fmt(s.statements.f1)} ${fmt(s.statements.source)} ${fmt(s.statements.side)} | ${fmt(s.figures.p)} ${fmt(s.figures.r)} ${fmt(s.figures.f1)} ${fmt(s.figures.category)} ${fmt(s.figures.subject)} ${fmt(s.figures.qualifier)}`,
    );
  }
  const t = summary(total);
  console.log(
    `\nstatements: P ${fmt(t.statements.p)} R ${fmt(t.statements.r)} F1 ${fmt(t.statements.f1)} (tp ${t.statements.tp}, fp ${t.statements.fp}, fn ${t.statements.fn}); source ${fmt(t.statements.source)}, side ${fmt(t.statements.side)}, direct ${fmt(t.statements.direct)}`,
  );
  console.log(
    `figures:    P ${fmt(t.figures.p)} R ${fmt(t.figures.r)} F1 ${fmt(t.figures.f1)} (tp ${t.figures.tp}, fp ${t.figures.fp}, fn ${t.figures.fn}); category ${fmt(t.figures.category)}, subject ${fmt(t.figures.subject)}, qualifier ${fmt(t.figures.qualifier)}`,
  );
}
