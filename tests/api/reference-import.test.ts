import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError, importReference, readReferenceFiles } from '@claimdesk/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGeneralStaff } from '../support/reference-data.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-reference-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const csvDataset = { name: 'Test series', url: 'https://example.org/series', licence: 'CC-BY-4.0' };

async function refused(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the import was not refused');
}

describe.each(DATABASE_KINDS)('reference import on %s', (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await test.drop();
  });

  it('stores the General Staff series with its publisher and licence, mapped onto the parser categories', async () => {
    const report = await importGeneralStaff(test.db);
    expect(report.dataset).toMatchObject({ slug: 'general-staff', licence: 'MIT', cumulativeFrom: '2022-02-24' });
    expect(report.created).toBe(report.read);
    expect(report.series.map((s) => s.category)).toEqual([
      'air_defence',
      'aircraft',
      'armoured_vehicles',
      'artillery',
      'captured',
      'helicopters',
      'missiles',
      'mlrs',
      'personnel',
      'ships',
      'special_equipment',
      'tanks',
      'uav',
      'vehicles',
    ]);
    expect(report.skipped.join(' ')).toContain('submarines');
    const tanks = await test.db.prisma.referencePoint.findMany({
      where: { category: 'tanks', subject: 'russia', date: { in: ['2022-02-25', '2022-02-26'] } },
      orderBy: { date: 'asc' },
    });
    expect(tanks.map((p) => p.value)).toEqual([80, 146]);
    // Until May 2022 the report listed vehicles and fuel tanks apart: the parser's vehicles is their sum.
    const vehicles = await test.db.prisma.referencePoint.findFirstOrThrow({
      where: { category: 'vehicles', date: '2022-02-25' },
    });
    expect(vehicles.value).toBe(100 + 60);
    const personnel = await test.db.prisma.referencePoint.findFirstOrThrow({
      where: { category: 'personnel', date: '2022-02-26' },
    });
    expect(personnel).toMatchObject({ value: 4300, qualifier: 'approx' });
  });

  it('is idempotent: the same files again store nothing new and say so', async () => {
    const before = await test.db.prisma.referencePoint.count();
    const report = await importGeneralStaff(test.db);
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: report.read });
    expect(await test.db.prisma.referencePoint.count()).toBe(before);
    expect(await test.db.prisma.referenceDataset.count()).toBe(1);
  });

  it('imports a CSV with a column mapping, and updates a changed value in place', async () => {
    const path = file(
      'series.csv',
      'Day,What,Whose,Count,Qual\n2022-03-01,tanks,russia,198,\n2022-03-02,tanks,russia,211,approx\n',
    );
    const columns = { date: 'Day', category: 'What', subject: 'Whose', value: 'Count', qualifier: 'Qual' };
    const read = () => readReferenceFiles([path], { format: 'csv', columns, dataset: csvDataset });
    const first = await importReference(test.db, read().dataset, read().files);
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(first.dataset).toMatchObject({ slug: 'test-series', licence: 'CC-BY-4.0' });
    writeFileSync(path, 'Day,What,Whose,Count,Qual\n2022-03-01,tanks,russia,198,\n2022-03-02,tanks,russia,212,\n');
    const second = await importReference(test.db, read().dataset, read().files);
    expect(second).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const point = await test.db.prisma.referencePoint.findFirstOrThrow({
      where: { dataset: { slug: 'test-series' }, date: '2022-03-02' },
    });
    expect(point).toMatchObject({ value: 212, qualifier: 'exact' });
  });

  it('reports every bad row with its line and stores none of the good ones', async () => {
    const before = await test.db.prisma.referencePoint.count();
    const path = file(
      'bad.csv',
      [
        'date,category,subject,value,qualifier',
        '2022-04-01,tanks,russia,300',
        '2022-02-30,tanks,russia,1',
        '2022-04-02,tonks,russia,2',
        '2022-04-03,tanks,russia,-4',
        '2022-04-04,tanks,russia,5,roughly',
        '2022-04-01,tanks,russia,301',
      ].join('\n'),
    );
    const input = readReferenceFiles([path], { format: 'csv', dataset: { ...csvDataset, name: 'Bad series' } });
    const error = await refused(() => importReference(test.db, input.dataset, input.files));
    expect(error.code).toBe('validation_error');
    const problems = (error.details as { problems: Array<{ file: string; line: number; message: string }> }).problems;
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7]);
    expect(error.message).toContain('bad.csv:3: date "2022-02-30"');
    expect(error.message).toContain('bad.csv:4: category "tonks"');
    expect(error.message).toContain('bad.csv:7: tanks (russia) on 2022-04-01 is given twice (first at bad.csv:2)');
    expect(await test.db.prisma.referencePoint.count()).toBe(before);
    expect(await test.db.prisma.referenceDataset.count({ where: { slug: 'bad-series' } })).toBe(0);
  });

  it('refuses the General Staff correction file (differences, not running totals) with the record lines', async () => {
    const path = file(
      'correction.json',
      '[\n  {\n    "date": "2022-10-13",\n    "tank": 0,\n    "APC": -25\n  },\n  {\n    "date": "2023-05-27",\n    "tank": -5\n  }\n]\n',
    );
    const before = await test.db.prisma.referencePoint.count();
    const input = readReferenceFiles([path], { format: 'general-staff', dataset: { slug: 'gs-correction' } });
    const error = await refused(() => importReference(test.db, input.dataset, input.files));
    expect(error.message).toContain('correction.json:2: record 1: APC -25 is not a running total');
    expect(error.message).toContain('correction.json:7: record 2: tank -5');
    expect(await test.db.prisma.referencePoint.count()).toBe(before);
  });
});
