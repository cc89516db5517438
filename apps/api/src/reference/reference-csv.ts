import { categorySchema, qualifierSchema, sideSchema } from '@claimdesk/contracts';
import { CsvError, parse } from 'csv-parse/sync';
import { type ReadReferenceResult, type ReferenceRow, type RowProblem, isCalendarDate } from './reference-rows.ts';

export const CSV_FIELDS = ['date', 'category', 'subject', 'value', 'qualifier'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
/** Which header names the file uses for each field (`--columns date=Day,value=Count`). */
export type CsvColumns = Partial<Record<CsvField, string>>;

/** Parses `date=Day,value=Count` into a column mapping; unknown fields are refused. */
export function parseColumnMapping(text: string): CsvColumns {
  const columns: CsvColumns = {};
  for (const pair of text.split(',').filter((p) => p.trim() !== '')) {
    const [field, header] = pair.split('=').map((s) => s.trim());
    if (!field || !header || !(CSV_FIELDS as readonly string[]).includes(field))
      throw new Error(`column mapping "${pair}": expected FIELD=HEADER with FIELD one of ${CSV_FIELDS.join(', ')}`);
    columns[field as CsvField] = header;
  }
  return columns;
}

/**
 * Reads a CSV with a header line: date,category,subject,value[,qualifier] (or the headers named
 * in `columns`). Categories, subjects and qualifiers are the parser's names (claim-format.md).
 */
export function readReferenceCsv(text: string, columns: CsvColumns = {}): ReadReferenceResult {
  const header = (field: CsvField) => columns[field] ?? field;
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    // The qualifier column is optional: a row may end after its value.
    records = parse(text, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
      relax_column_count: true,
    });
  } catch (error) {
    const line = error instanceof CsvError ? Number((error as CsvError & { lines?: number }).lines ?? 1) : 1;
    return { rows: [], problems: [{ line, message: (error as Error).message }], skipped: [] };
  }
  const first = records[0]?.record ?? {};
  const missing = (['date', 'category', 'subject', 'value'] as const).filter((f) => !(header(f) in first));
  if (records.length > 0 && missing.length > 0)
    return {
      rows: [],
      problems: [
        {
          line: 1,
          message: `missing column ${missing.map((f) => `"${header(f)}"`).join(', ')} (map columns with --columns ${missing[0]}=HEADER)`,
        },
      ],
      skipped: [],
    };
  const known = new Set(CSV_FIELDS.map(header));
  const skipped = Object.keys(first)
    .filter((h) => !known.has(h))
    .map((h) => `${h} (not a reference column)`);
  const rows: ReferenceRow[] = [];
  const problems: RowProblem[] = [];
  for (const { record, info } of records) {
    const line = info.lines;
    const bad: string[] = [];
    const date = record[header('date')];
    if (!isCalendarDate(date)) bad.push(`date "${date ?? ''}" is not a YYYY-MM-DD day`);
    const category = categorySchema.safeParse(record[header('category')]);
    if (!category.success) bad.push(`category "${record[header('category')] ?? ''}" is not one of the parser's`);
    const subject = sideSchema.safeParse(record[header('subject')]);
    if (!subject.success)
      bad.push(`subject "${record[header('subject')] ?? ''}" is not ${sideSchema.options.join('/')}`);
    const rawValue = (record[header('value')] ?? '').replaceAll(/[\s_]/g, '');
    const value = rawValue === '' ? Number.NaN : Number(rawValue);
    if (!Number.isFinite(value) || value < 0) bad.push(`value "${record[header('value')] ?? ''}" is not a count`);
    const rawQualifier = record[header('qualifier')] ?? '';
    const qualifier = qualifierSchema.safeParse(rawQualifier === '' ? 'exact' : rawQualifier);
    if (!qualifier.success) bad.push(`qualifier "${rawQualifier}" is not ${qualifierSchema.options.join('/')}`);
    if (bad.length > 0 || !isCalendarDate(date) || !category.success || !subject.success || !qualifier.success) {
      problems.push({ line, message: bad.join('; ') });
      continue;
    }
    rows.push({ line, date, category: category.data, subject: subject.data, value, qualifier: qualifier.data });
  }
  return { rows, problems, skipped };
}
