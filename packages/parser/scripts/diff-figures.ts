// npm exec tsx packages/parser/scripts/diff-figures.ts -- [--gold DIR] [--articles DIR] [FILTER]
// Prints, per article, the figures the parser missed, the ones it invented and the matched ones
// whose category, subject, qualifier or since disagree with the gold annotations.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseArticle } from '../src/index.ts';
import { type GoldArticle, iou, matchPairs } from '../src/score.ts';
import type { Figure } from '../src/types.ts';

const repo = resolve(import.meta.dirname, '../../..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    gold: { type: 'string', default: resolve(repo, '../shared/data/gold') },
    articles: { type: 'string', default: resolve(repo, '../shared/data/articles') },
  },
});
const filter = positionals[0] ?? '';

const clip = (t: string, n = 90) => JSON.stringify(t.length > n ? `${t.slice(0, n)}…` : t);
const context = (raw: string, f: { start: number; end: number }) =>
  clip(
    raw.slice(Math.max(0, f.start - 50), f.start).replace(/\s+/g, ' ') +
      '[' +
      raw.slice(f.start, f.end) +
      ']' +
      raw.slice(f.end, f.end + 30).replace(/\s+/g, ' '),
    140,
  );
const show = (f: Figure) => `${f.value} ${f.category} ${f.subject} ${f.qualifier} since=${f.since}`;

let missed = 0;
let extra = 0;
let wrong = 0;
for (const name of readdirSync(values.gold)
  .filter((f) => f.endsWith('.json') && f.includes(filter))
  .sort()) {
  const articlePath = join(values.articles, name.replace(/\.json$/, '.txt'));
  if (!existsSync(articlePath)) continue;
  const raw = readFileSync(articlePath, 'utf8');
  const gold = JSON.parse(readFileSync(join(values.gold, name), 'utf8')) as GoldArticle;
  const pred = parseArticle(raw, { file: name });
  const predFigures = pred.statements.flatMap((s) => s.figures);
  const goldFigures = gold.statements.flatMap((s) => s.figures ?? []);
  const pairs = matchPairs(
    predFigures,
    goldFigures,
    (p, g) => (p.value === g.value && Math.min(p.end, g.end) > Math.max(p.start, g.start) ? iou(p, g) + 1 : 0),
    1,
  );
  const matchedP = new Set(pairs.map(([p]) => p));
  const matchedG = new Set(pairs.map(([, g]) => g));
  const lines: string[] = [];
  const inStatement = (f: Figure) => pred.statements.some((s) => s.content.start <= f.start && s.content.end >= f.end);
  for (const g of goldFigures.filter((x) => !matchedG.has(x))) {
    const near = predFigures.find((p) => Math.min(p.end, g.end) > Math.max(p.start, g.start));
    lines.push(
      `  MISS   ${show(g)} ${context(raw, g)}${inStatement(g) ? '' : ' (no statement)'}${near ? ` ~pred ${near.value} ${clip(near.text, 40)}` : ''}`,
    );
    missed++;
  }
  for (const p of predFigures.filter((x) => !matchedP.has(x))) {
    lines.push(`  FALSE  ${show(p)} ${context(raw, p)}`);
    extra++;
  }
  for (const [p, g] of pairs) {
    const fields = (['category', 'subject', 'qualifier', 'since'] as const).filter((k) => p[k] !== g[k]);
    if (fields.length === 0) continue;
    lines.push(`  WRONG  ${fields.map((k) => `${k}: ${p[k]} (gold ${g[k]})`).join(', ')} ${context(raw, g)}`);
    wrong++;
  }
  if (lines.length) console.log(`## ${name}\n${lines.join('\n')}`);
}
console.log(`\nmissed ${missed}, false ${extra}, mismatched ${wrong}`);
