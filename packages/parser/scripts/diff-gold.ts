// npx tsx packages/parser/scripts/diff-gold.ts [--gold DIR] [--articles DIR] [--figures] NAME...
// Prints, per article, the statements the parser missed, the ones it found that gold does not
// have, and matched ones whose source, side or direct flag differ. A missed statement shows the
// nearest prediction overlapping it, so a span that is merely too long or too short is visible.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseArticle } from '../src/index.ts';
import { type GoldArticle, diffArticle, iou } from '../src/score.ts';
import type { Statement } from '../src/types.ts';

const repo = resolve(import.meta.dirname, '../../..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    gold: { type: 'string', default: resolve(repo, '../shared/data/gold') },
    articles: { type: 'string', default: resolve(repo, '../shared/data/articles') },
    figures: { type: 'boolean', default: false },
    width: { type: 'string', default: '140' },
  },
});
const width = Number(values.width) || 140;
const clip = (t: string) => JSON.stringify(t.length > width ? `${t.slice(0, width)}…` : t);
type Any = Pick<Statement, 'source' | 'sourceCanonical' | 'sourceSide' | 'cue' | 'content' | 'direct'>;
const tag = (s: Any) =>
  `[${s.source?.text ?? '-'} => ${s.sourceCanonical ?? '-'} | ${s.sourceSide} | ${s.cue?.text ?? '-'} | ${s.direct ? 'Q' : 'R'}]`;

const names = positionals.length > 0 ? positionals : readdirSync(values.gold).filter((f) => f.endsWith('.json'));
for (const given of names) {
  const name = basename(given).replace(/\.(txt|json)$/, '');
  const goldPath = join(values.gold, `${name}.json`);
  const articlePath = join(values.articles, `${name}.txt`);
  if (!existsSync(goldPath) || !existsSync(articlePath)) {
    console.error(`diff-gold: no gold or article for ${name}`);
    continue;
  }
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldArticle;
  const pred = parseArticle(readFileSync(articlePath, 'utf8'), { file: name });
  const d = diffArticle(pred, gold);
  console.log(
    `\n## ${name}  (gold ${gold.statements.length}, pred ${pred.statements.length}, miss ${d.missedStatements.length}, extra ${d.extraStatements.length}, wrong ${d.wrongStatements.length})`,
  );
  for (const g of d.missedStatements) {
    console.log(`  MISS  @${g.content.start} ${tag(g)} ${clip(g.content.text)}`);
    const near = pred.statements
      .map((p) => ({ p, o: iou(p.content, g.content) }))
      .filter((x) => x.o > 0)
      .sort((a, b) => b.o - a.o)[0];
    if (near)
      console.log(
        `     ~ iou ${near.o.toFixed(2)} @${near.p.content.start} ${tag(near.p)} ${clip(near.p.content.text)}`,
      );
  }
  for (const p of d.extraStatements) console.log(`  EXTRA @${p.content.start} ${tag(p)} ${clip(p.content.text)}`);
  for (const w of d.wrongStatements) {
    console.log(
      `  WRONG ${w.fields.join(',')} @${w.gold.content.start} ${clip(w.gold.content.text)}\n     pred ${tag(w.pred)}\n     gold ${tag(w.gold)}`,
    );
  }
  if (values.figures) {
    for (const g of d.missedFigures)
      console.log(`  FMISS ${clip(g.text)} ${g.value} ${g.category} ${g.subject} ${g.qualifier} @${g.start}`);
    for (const p of d.extraFigures)
      console.log(`  FEXTRA ${clip(p.text)} ${p.value} ${p.category} ${p.subject} ${p.qualifier} @${p.start}`);
  }
}
