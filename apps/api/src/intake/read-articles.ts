import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { type ArticleLimits, decodeArticleBytes } from '../services/check-article-text.ts';
import { extractHtml } from './extract-html.ts';

/** One article read from a file, with the metadata the file gives (it wins over the text's header). */
export interface ArticleRecord {
  text: string;
  fileName: string;
  title?: string;
  url?: string;
  outlet?: string;
  publishedOn?: string;
  byline?: string;
}

/** Each article a file holds, or why one of them cannot be read; `label` names it (file, line, row). */
export type ReadResult = { label: string; record: ArticleRecord } | { label: string; refusal: string };

export const ARTICLE_FIELDS = ['text', 'html', 'title', 'url', 'outlet', 'publishedOn', 'byline'] as const;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];
/** Which column (CSV) holds which field: `--map text=articles,publishedOn=published`. */
export type FieldMap = Partial<Record<ArticleField, string>>;

export const ARTICLE_FILE_EXTENSIONS = ['.txt', '.html', '.htm', '.json', '.ndjson', '.jsonl', '.csv'];

const optionalText = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() || undefined : v === null ? undefined : v),
  z.string().max(1000).optional(),
);
const recordSchema = z
  .object({
    text: z.string().optional(),
    html: z.string().optional(),
    title: optionalText,
    url: optionalText.pipe(
      z
        .string()
        .url('must be an http(s) URL')
        .regex(/^https?:/i, 'must be an http(s) URL')
        .optional(),
    ),
    outlet: optionalText,
    // Dates as exports write them ("2022-03-05", "2022-03-05T10:00:00Z", "2022-03-05 10:00"): the day.
    publishedOn: z.preprocess(
      (v) => (typeof v === 'string' ? (/^\d{4}-\d{2}-\d{2}/.exec(v.trim())?.[0] ?? v) : v === null ? undefined : v),
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
        .optional(),
    ),
    byline: optionalText,
  })
  .refine((r) => (r.text ?? '').trim() || (r.html ?? '').trim(), 'needs a text or an html field');

/** Parses a map given as `field=column,field=column`. */
export function parseFieldMap(value: string): FieldMap {
  const map: FieldMap = {};
  for (const pair of value.split(',').filter(Boolean)) {
    const [field, column] = pair.split('=', 2).map((s) => s.trim());
    if (!field || !column || !(ARTICLE_FIELDS as readonly string[]).includes(field))
      throw new AppError(
        'validation_error',
        `map: "${pair}" is not FIELD=COLUMN with FIELD one of ${ARTICLE_FIELDS.join(', ')}`,
        { path: ['map'] },
      );
    map[field as ArticleField] = column;
  }
  return map;
}

function toRecord(raw: unknown, fileName: string, limits: ArticleLimits): ArticleRecord {
  const parsed = recordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new AppError('validation_error', `${where}${issue?.message ?? 'not an article record'}`, { path: [] });
  }
  const r = parsed.data;
  const fromHtml = !r.text?.trim() && r.html ? extractHtml(r.html) : null;
  const text = fromHtml ? fromHtml.text : (r.text ?? '');
  decodeArticleBytes(Buffer.from(text, 'utf8'), limits);
  const pick = (explicit: string | undefined, found: string | null | undefined) => explicit ?? found ?? undefined;
  const record: ArticleRecord = { text, fileName };
  const fields = {
    title: pick(r.title, fromHtml?.title),
    url: pick(r.url, fromHtml?.url),
    outlet: pick(r.outlet, fromHtml?.outlet),
    publishedOn: pick(r.publishedOn, fromHtml?.publishedOn),
    byline: pick(r.byline, fromHtml?.byline),
  };
  for (const [key, value] of Object.entries(fields)) if (value) record[key as keyof typeof fields] = value;
  return record;
}

const refusalOf = (error: unknown) =>
  error instanceof Error ? error.message.split('\n')[0] || error.name : String(error);

function each(label: (i: number) => string, items: unknown[], read: (item: unknown) => ArticleRecord): ReadResult[] {
  return items.map((item, i) => {
    try {
      return { label: label(i), record: read(item) };
    } catch (error) {
      return { label: label(i), refusal: refusalOf(error) };
    }
  });
}

/**
 * Reads the articles a file holds, by its extension: .txt (one article, the seed's header format),
 * .html/.htm (a web page: main text and metadata), .json (a record or an array of records),
 * .ndjson/.jsonl (a record per line), .csv (a record per row; `map` names the columns). Records
 * are `{text|html, title?, url?, outlet?, publishedOn?, byline?}`. Pure: bytes in, records out.
 */
export function readArticleFile(
  fileName: string,
  bytes: Uint8Array,
  options: { limits: ArticleLimits; map?: FieldMap },
): ReadResult[] {
  const ext = extname(fileName).toLowerCase();
  const { limits } = options;
  try {
    if (ext === '.html' || ext === '.htm') {
      // A page is larger than its text: markup may take several times the text's size.
      const html = decodeArticleBytes(bytes, { maxChars: limits.maxChars * 4 });
      return [{ label: fileName, record: toRecord({ html }, fileName, limits) }];
    }
    if (ext === '.json' || ext === '.ndjson' || ext === '.jsonl' || ext === '.csv') {
      const content = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new AppError('validation_error', 'is not valid UTF-8: save it as UTF-8 and import it again', {
          path: [],
        });
      }
      const read = (item: unknown) => toRecord(item, fileName, limits);
      if (ext === '.json') {
        const data = JSON.parse(content) as unknown;
        const items = Array.isArray(data) ? data : [data];
        return each((i) => (Array.isArray(data) ? `${fileName} [${i}]` : fileName), items, read);
      }
      if (ext === '.csv') return readCsv(fileName, content, options.map ?? {}, read);
      const lines = content.split(/\r?\n/);
      const results: ReadResult[] = [];
      for (const [i, line] of lines.entries()) {
        if (!line.trim()) continue;
        const label = `${fileName}:${i + 1}`;
        try {
          results.push({ label, record: read(JSON.parse(line)) });
        } catch (error) {
          results.push({ label, refusal: error instanceof SyntaxError ? 'not valid JSON' : refusalOf(error) });
        }
      }
      return results;
    }
    return [{ label: fileName, record: { text: decodeArticleBytes(bytes, limits), fileName } }];
  } catch (error) {
    const reason = error instanceof SyntaxError ? `not valid JSON (${error.message})` : refusalOf(error);
    return [{ label: fileName, refusal: reason }];
  }
}

function readCsv(
  fileName: string,
  content: string,
  map: FieldMap,
  read: (item: unknown) => ArticleRecord,
): ReadResult[] {
  const rows = parseCsv(content, {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
  }) as Array<{
    record: Record<string, string>;
    info: { lines: number };
  }>;
  const header = rows[0] ? Object.keys(rows[0].record) : [];
  for (const [field, column] of Object.entries(map)) {
    if (!header.includes(column))
      throw new AppError(
        'validation_error',
        `map: ${field}=${column}, but the CSV has no column "${column}" (it has ${header.join(', ')})`,
        { path: ['map'] },
      );
  }
  const column = (field: ArticleField) => map[field] ?? field;
  return rows.map(({ record: row, info }) => {
    const label = `${fileName}:${info.lines}`;
    try {
      const item = Object.fromEntries(
        ARTICLE_FIELDS.map((f) => [f, row[column(f)]]).filter(([, v]) => v !== undefined),
      );
      return { label, record: read(item) };
    } catch (error) {
      return { label, refusal: refusalOf(error) };
    }
  });
}
