import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseArticle } from '@claimdesk/parser';
import { CliError } from '../cli-error.ts';
import { parseUsage } from '../usage.ts';
import { collectArticleFiles } from '../collect-files.ts';

export function runParse(argv: string[], out: NodeJS.WritableStream = process.stdout): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    out.write(`${parseUsage}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new CliError(`parse: no file given\n${parseUsage}`);
  const files = collectArticleFiles(positionals);
  const results = files.map((file) => {
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch (error) {
      throw new CliError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    return parseArticle(raw, { file: basename(file) });
  });
  if (values.out !== undefined) {
    if (values.out === '') throw new CliError('parse: --out needs a folder');
    mkdirSync(values.out, { recursive: true });
    for (const result of results) {
      const name = (result.file ?? 'article').replace(/\.[^.]*$/, '');
      const target = join(values.out, `${name}.json`);
      writeFileSync(target, `${JSON.stringify(result, null, 2)}\n`);
      process.stderr.write(`wrote ${target} (${result.statements.length} statements)\n`);
    }
    return 0;
  }
  out.write(`${JSON.stringify(results, null, 2)}\n`);
  return 0;
}
