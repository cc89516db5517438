import { randomUUID } from 'node:crypto';
import type { ReferenceDataset } from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import { AppError } from '../errors.ts';
import type { ReadReferenceResult, ReferenceRow, RowProblem } from '../reference/reference-rows.ts';

export interface ReferenceDatasetInput {
  slug: string;
  name: string;
  publisher: string;
  licence: string;
  url: string;
  cumulativeFrom: string | null;
}

export interface ReferenceSeriesReport {
  category: string;
  subject: string;
  points: number;
  from: string;
  to: string;
}

export interface ImportReferenceReport {
  dataset: ReferenceDataset;
  /** Rows read from the file(s), after summing fields that share a category. */
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Every series of the import with its number of points and its first and last day. */
  series: ReferenceSeriesReport[];
  skipped: string[];
}

type PointRow = Pick<Database['prisma'], '$executeRawUnsafe'>;
const COLUMNS = ['id', 'datasetId', 'date', 'category', 'subject', 'value', 'qualifier'] as const;
const CHUNK = 500;

/**
 * Multi-row INSERTs in chunks: the first import writes about 21,000 points, which Prisma's
 * createMany took over 20 s to send on a busy machine; plain multi-row statements take well under one.
 */
async function insertPoints(
  db: Database,
  tx: PointRow,
  points: Array<Record<(typeof COLUMNS)[number], string | number>>,
): Promise<void> {
  for (let i = 0; i < points.length; i += CHUNK) {
    const chunk = points.slice(i, i + CHUNK);
    let n = 0;
    const placeholder = () => (db.provider === 'postgresql' ? `$${++n}` : '?');
    const values = chunk.map(() => `(${COLUMNS.map(placeholder).join(', ')})`).join(', ');
    await tx.$executeRawUnsafe(
      `INSERT INTO "ReferencePoint" (${COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`,
      ...chunk.flatMap((p) => COLUMNS.map((c) => p[c])),
    );
  }
}

const rowKey = (category: string, subject: string, date: string) => `${category}|${subject}|${date}`;

/**
 * Stores what was read from one or more files of one dataset, all or nothing: any bad row (with
 * its line) or a day given twice refuses the whole import before anything is written, and the
 * writes run in one transaction. Importing the same data again changes nothing; a changed value
 * is updated in place. Points not in the files are kept (a file may hold part of the series).
 */
export async function importReference(
  db: Database,
  dataset: ReferenceDatasetInput,
  files: Array<{ name: string; read: ReadReferenceResult }>,
): Promise<ImportReferenceReport> {
  const problems: Array<RowProblem & { file: string }> = [];
  const seen = new Map<string, { file: string; line: number }>();
  const rows: ReferenceRow[] = [];
  for (const { name, read } of files) {
    for (const p of read.problems) problems.push({ file: name, ...p });
    for (const row of read.rows) {
      const key = rowKey(row.category, row.subject, row.date);
      const earlier = seen.get(key);
      if (earlier) {
        problems.push({
          file: name,
          line: row.line,
          message: `${row.category} (${row.subject}) on ${row.date} is given twice (first at ${earlier.file}:${earlier.line})`,
        });
        continue;
      }
      seen.set(key, { file: name, line: row.line });
      rows.push(row);
    }
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    const shown = problems.slice(0, 20).map((p) => `${p.file}:${p.line}: ${p.message}`);
    const more = problems.length > 20 ? `\n... and ${problems.length - 20} more` : '';
    throw new AppError(
      'validation_error',
      `${problems.length} bad ${problems.length === 1 ? 'row' : 'rows'}, nothing stored:\n${shown.join('\n')}${more}`,
      { path: [], details: { problems } },
    );
  }

  const counts = { created: 0, updated: 0, unchanged: 0 };
  const stored = await db.prisma.$transaction(
    async (tx) => {
      const row = await tx.referenceDataset.upsert({
        where: { slug: dataset.slug },
        create: { id: randomUUID(), ...dataset },
        update: {
          name: dataset.name,
          publisher: dataset.publisher,
          licence: dataset.licence,
          url: dataset.url,
          cumulativeFrom: dataset.cumulativeFrom,
        },
      });
      const existing = await tx.referencePoint.findMany({
        where: { datasetId: row.id },
        select: { id: true, date: true, category: true, subject: true, value: true, qualifier: true },
      });
      const byKey = new Map(existing.map((p) => [rowKey(p.category, p.subject, p.date), p]));
      const fresh = [];
      for (const r of rows) {
        const old = byKey.get(rowKey(r.category, r.subject, r.date));
        if (!old) {
          fresh.push({
            id: randomUUID(),
            datasetId: row.id,
            date: r.date,
            category: r.category,
            subject: r.subject,
            value: r.value,
            qualifier: r.qualifier,
          });
        } else if (old.value !== r.value || old.qualifier !== r.qualifier) {
          await tx.referencePoint.update({ where: { id: old.id }, data: { value: r.value, qualifier: r.qualifier } });
          counts.updated++;
        } else {
          counts.unchanged++;
        }
      }
      await insertPoints(db, tx, fresh);
      counts.created = fresh.length;
      return row;
    },
    // The first import of the General Staff series writes about 23,000 rows.
    { timeout: 120_000, maxWait: 20_000 },
  );

  const series = new Map<string, ReferenceSeriesReport>();
  for (const r of rows) {
    const key = `${r.category}|${r.subject}`;
    const s = series.get(key) ?? { category: r.category, subject: r.subject, points: 0, from: r.date, to: r.date };
    s.points++;
    if (r.date < s.from) s.from = r.date;
    if (r.date > s.to) s.to = r.date;
    series.set(key, s);
  }
  return {
    dataset: {
      id: stored.id,
      slug: stored.slug,
      name: stored.name,
      publisher: stored.publisher,
      licence: stored.licence,
      url: stored.url,
      cumulativeFrom: stored.cumulativeFrom,
    },
    read: rows.length,
    ...counts,
    series: [...series.values()].sort(
      (a, b) => a.category.localeCompare(b.category) || a.subject.localeCompare(b.subject),
    ),
    skipped: [...new Set(files.flatMap((f) => f.read.skipped))].sort(),
  };
}

export async function hasReferenceDataset(db: Database, slug: string): Promise<boolean> {
  // Raw SQL: `npm start` asks this, before the ORM has compiled any query (see ensureFirstAdmin).
  const rows = await db.prisma.$queryRaw<unknown[]>`SELECT 1 FROM "ReferenceDataset" WHERE "slug" = ${slug} LIMIT 1`;
  return rows.length > 0;
}
