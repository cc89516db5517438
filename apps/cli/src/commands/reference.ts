import { parseArgs } from 'node:util';
import {
  AppError,
  REFERENCE_FORMATS,
  type ReferenceFormat,
  importReference,
  parseColumnMapping,
  readReferenceFiles,
} from '@claimdesk/api';
import { CliError } from '../cli-error.ts';
import { referenceUsage } from '../usage.ts';
import { withDatabase } from './admin-db.ts';

export async function runReference(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string' },
      columns: { type: 'string' },
      name: { type: 'string' },
      url: { type: 'string' },
      publisher: { type: 'string' },
      licence: { type: 'string' },
      'cumulative-from': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(referenceUsage);
    return 0;
  }
  const [sub, ...files] = positionals;
  if (sub !== 'import') throw new CliError(`reference: unknown subcommand "${sub ?? ''}"\n${referenceUsage}`);
  const format = values.format as ReferenceFormat | undefined;
  if (!format || !REFERENCE_FORMATS.includes(format))
    throw new CliError(`reference import: --format must be one of ${REFERENCE_FORMATS.join(', ')}\n${referenceUsage}`);
  if (files.length === 0) throw new CliError(`reference import: no file given\n${referenceUsage}`);
  if (values.url && !/^https?:\/\//.test(values.url)) throw new CliError('reference import: --url must be http(s)');
  const from = values['cumulative-from'];
  if (from !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(from))
    throw new CliError('reference import: --cumulative-from must be YYYY-MM-DD');

  let input: ReturnType<typeof readReferenceFiles>;
  try {
    input = readReferenceFiles(files, {
      format,
      columns: values.columns ? parseColumnMapping(values.columns) : undefined,
      dataset: {
        ...(values.name ? { name: values.name } : {}),
        ...(values.url ? { url: values.url } : {}),
        ...(values.publisher ? { publisher: values.publisher } : {}),
        ...(values.licence ? { licence: values.licence } : {}),
        ...(from ? { cumulativeFrom: from } : {}),
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR')
      throw new CliError(`reference import: cannot read ${(error as NodeJS.ErrnoException).path}`);
    throw new CliError(`reference import: ${(error as Error).message}`);
  }
  return withDatabase(async (db) => {
    try {
      const report = await importReference(db, input.dataset, input.files);
      console.log(`${report.dataset.name} (${report.dataset.licence}, ${report.dataset.url})`);
      for (const s of report.series)
        console.log(`  ${s.category} (${s.subject}): ${s.points} points, ${s.from} to ${s.to}`);
      for (const s of report.skipped) console.log(`  left out: ${s}`);
      console.log(
        `stored ${report.read} points: ${report.created} new, ${report.updated} changed, ${report.unchanged} unchanged`,
      );
      return 0;
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_error')
        throw new CliError(`reference import: ${error.message}`, 1);
      throw error;
    }
  });
}
