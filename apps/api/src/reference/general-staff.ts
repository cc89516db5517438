import type { Category, Qualifier } from '@claimdesk/contracts';
import {
  GENERAL_STAFF_FIELDS,
  GENERAL_STAFF_META_FIELDS,
  GENERAL_STAFF_QUALIFIERS,
  GENERAL_STAFF_SUBJECT,
  GENERAL_STAFF_UNMAPPED,
} from './general-staff-categories.ts';
import {
  type ReadReferenceResult,
  type ReferenceRow,
  type RowProblem,
  arrayElementLines,
  isCalendarDate,
} from './reference-rows.ts';

/**
 * Reads one JSON file of the General Staff dataset (russia_losses_equipment.json or
 * russia_losses_personnel.json): an array of daily records of running totals. The correction file
 * (russia_losses_equipment_correction.json) holds differences, some negative, and is refused.
 */
export function readGeneralStaff(text: string): ReadReferenceResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { rows: [], problems: [{ line: 1, message: `not JSON: ${(error as Error).message}` }], skipped: [] };
  }
  if (!Array.isArray(data))
    return { rows: [], problems: [{ line: 1, message: 'expected a JSON array of daily records' }], skipped: [] };
  const lines = arrayElementLines(text);
  const rows: ReferenceRow[] = [];
  const problems: RowProblem[] = [];
  const skipped = new Set<string>();
  for (const [index, record] of (data as unknown[]).entries()) {
    const line = lines[index] ?? 1;
    const problem = (message: string) => {
      problems.push({ line, message: `record ${index + 1}: ${message}` });
    };
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      problem('not an object');
      continue;
    }
    const fields = record as Record<string, unknown>;
    if (!isCalendarDate(fields.date)) {
      problem(`date ${JSON.stringify(fields.date)} is not a YYYY-MM-DD day`);
      continue;
    }
    const date = fields.date;
    const sums = new Map<Category, number>();
    let isBad = false;
    for (const [field, value] of Object.entries(fields)) {
      if (GENERAL_STAFF_META_FIELDS.has(field)) continue;
      if (field in GENERAL_STAFF_UNMAPPED) {
        skipped.add(`${field} (${GENERAL_STAFF_UNMAPPED[field]})`);
        continue;
      }
      const category = (GENERAL_STAFF_FIELDS as Record<string, Category>)[field];
      if (!category) {
        skipped.add(`${field} (unknown field)`);
        continue;
      }
      // POW was no longer counted after 2022-04-28: null means "not reported", not zero.
      if (value === null) continue;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        problem(`${field} ${JSON.stringify(value)} is not a running total (a count of 0 or more)`);
        isBad = true;
        continue;
      }
      sums.set(category, (sums.get(category) ?? 0) + value);
    }
    if (isBad) continue;
    for (const [category, value] of sums) {
      let qualifier: Qualifier = 'exact';
      if (category === 'personnel') {
        const mark = fields['personnel*'];
        qualifier = GENERAL_STAFF_QUALIFIERS[mark as keyof typeof GENERAL_STAFF_QUALIFIERS] ?? 'exact';
      }
      rows.push({ line, date, category, subject: GENERAL_STAFF_SUBJECT, value, qualifier });
    }
  }
  return { rows, problems, skipped: [...skipped].sort() };
}
