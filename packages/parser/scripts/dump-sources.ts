// npx tsx packages/parser/scripts/dump-sources.ts [--gold DIR] [--articles DIR] [--folds K] [FILTER]
// Lists every matched statement whose source disagrees with gold, grouped by held-out fold, with the
// predicted source span, the gold canonical name and the sentence before the content, so source
// errors can be grouped by cause (role before a name, pronoun antecedent, official texts ...).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { assignFolds, outletOf } from '../src/folds.ts';
import { parseArticle } from '../src/index.ts';
import { type GoldArticle, diffArticle } from '../src/score.ts';

const repo = resolve(import.meta.dirname, '../../..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    gold: { type: 'string', default: resolve(repo, '../shared/data/gold') },
    articles: { type: 'string', default: resolve(repo, '../shared/data/articles') },
    folds: { type: 'string', default: '5' },
  },
});
const files = readdirSync(values.gold)
  .filter((f) => f.endsWith('.json') && existsSync(join(values.articles, f.replace(/\.json$/, '.txt'))))
  .filter((f) => positionals.every((p) => f.includes(p)))
  .sort();
const foldOf = assignFolds(files, Number(values.folds));
const flat = (t: string) => t.replace(/\s+/g, ' ');
const clip = (t: string, n: number) => JSON.stringify(flat(t).length > n ? `${flat(t).slice(0, n)}…` : flat(t));
let count = 0;
let matched = 0;
const rows: string[] = [];
for (const file of files) {
  const raw = readFileSync(join(values.articles, file.replace(/\.json$/, '.txt')), 'utf8');
  const gold = JSON.parse(readFileSync(join(values.gold, file), 'utf8')) as GoldArticle;
  const pred = parseArticle(raw, { file });
  const d = diffArticle(pred, gold);
  matched += d.wrongStatements.length;
  for (const w of d.wrongStatements) {
    if (!w.fields.includes('source')) continue;
    count++;
    const p = w.pred;
    const g = w.gold;
    const at = Math.min(p.content.start, g.content.start, p.source?.start ?? Number.POSITIVE_INFINITY);
    rows.push(
      [
        `fold ${(foldOf.get(file) ?? 0) + 1} ${outletOf(file)} ${file} @${g.content.start}`,
        `  pred: ${JSON.stringify(p.source?.text ?? null)} -> ${JSON.stringify(p.sourceCanonical)} (${p.sourceSide}) cue ${JSON.stringify(p.cue?.text ?? null)}`,
        `  gold: ${JSON.stringify(g.source?.text ?? null)} -> ${JSON.stringify(g.sourceCanonical)} (${g.sourceSide}) cue ${JSON.stringify(g.cue?.text ?? null)}`,
        `  before: ${clip(raw.slice(Math.max(0, at - 220), at), 220)}`,
        `  content: ${clip(g.content.text, 160)}`,
      ].join('\n'),
    );
  }
}
console.log(rows.join('\n'));
console.log(`\n${count} source mismatches (${matched} matched statements with any wrong field)`);
