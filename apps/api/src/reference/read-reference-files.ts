import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ReferenceDatasetInput } from '../services/import-reference.ts';
import { readGeneralStaff } from './general-staff.ts';
import { GENERAL_STAFF_DATASET } from './general-staff-categories.ts';
import { type CsvColumns, readReferenceCsv } from './reference-csv.ts';
import type { ReadReferenceResult } from './reference-rows.ts';

export const REFERENCE_FORMATS = ['general-staff', 'csv'] as const;
export type ReferenceFormat = (typeof REFERENCE_FORMATS)[number];

export interface ReadReferenceFilesOptions {
  format: ReferenceFormat;
  /** csv: the header name of each field. */
  columns?: CsvColumns;
  /** csv: who publishes the series; general-staff: built in (a value given here overrides it). */
  dataset?: Partial<ReferenceDatasetInput>;
}

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replaceAll(/[^a-z0-9]+/g, '-')
    .replaceAll(/^-|-$/g, '');

/** Reads the files of one dataset in the given format; bad rows come back as problems, with lines. */
export function readReferenceFiles(
  paths: string[],
  options: ReadReferenceFilesOptions,
): { dataset: ReferenceDatasetInput; files: Array<{ name: string; read: ReadReferenceResult }> } {
  const files = paths.map((path) => {
    const text = readFileSync(path, 'utf8');
    const read = options.format === 'general-staff' ? readGeneralStaff(text) : readReferenceCsv(text, options.columns);
    return { name: basename(path), read };
  });
  if (options.format === 'general-staff') return { dataset: { ...GENERAL_STAFF_DATASET, ...options.dataset }, files };
  const given = options.dataset ?? {};
  if (!given.name || !given.url) throw new Error('a CSV dataset needs --name and --url (who publishes it, and where)');
  return {
    dataset: {
      slug: given.slug ?? slugOf(given.name),
      name: given.name,
      publisher: given.publisher ?? given.name,
      licence: given.licence ?? 'unknown',
      url: given.url,
      cumulativeFrom: given.cumulativeFrom ?? null,
    },
    files,
  };
}
