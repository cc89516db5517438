import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { exportCorrectedArticles } from '@claimdesk/api';
import { CliError } from '../cli-error.ts';
import { correctionsUsage } from '../usage.ts';
import { withDatabase } from './admin-db.ts';

export async function runCorrections(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    console.log(correctionsUsage);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'export') throw new CliError(`corrections: unknown subcommand "${sub}"\n${correctionsUsage}`);
  const { values } = parseArgs({
    args: rest,
    options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(correctionsUsage);
    return 0;
  }
  if (!values.out) throw new CliError(`corrections export: --out DIR is required\n${correctionsUsage}`);
  const out = values.out;
  const articles = await withDatabase(exportCorrectedArticles);
  mkdirSync(out, { recursive: true });
  for (const a of articles) {
    // The raw text byte for byte: every offset in the JSON points into it.
    writeFileSync(join(out, `${a.name}.txt`), a.text, 'utf8');
    writeFileSync(join(out, `${a.name}.json`), `${JSON.stringify(a.json, null, 2)}\n`, 'utf8');
    console.log(`wrote ${a.name}.txt and ${a.name}.json (${a.corrections} corrections)`);
  }
  console.log(
    `${articles.length} corrected ${articles.length === 1 ? 'article' : 'articles'} in ${out}; score the parser on them with: npm run eval -- --gold ${out} --articles ${out}`,
  );
  return 0;
}
