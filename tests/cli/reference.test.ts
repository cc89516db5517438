import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimdeskSync } from '../support/node-process.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-reference-cli-'));

function claimdesk(args: string[], env: Record<string, string>) {
  const result = claimdeskSync(args, { env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.each(DATABASE_KINDS)('claimdesk reference import on %s', (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await test.drop();
  });

  const csv = join(dir, `${Math.random().toString(36).slice(2)}.csv`);
  const args = ['reference', 'import', '--format', 'csv', '--name', 'Desk tally', '--url', 'https://example.org/tally'];

  it('imports a CSV through a column mapping and reports what it stored; again, nothing new', () => {
    writeFileSync(csv, 'day,kind,whose,n\n2022-02-25,tanks,russia,80\n2022-02-26,tanks,russia,146\n');
    const mapped = [...args, '--columns', 'date=day,category=kind,subject=whose,value=n', csv];
    const first = claimdesk(mapped, { DATABASE_URL: test.url });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('tanks (russia): 2 points, 2022-02-25 to 2022-02-26');
    expect(first.stdout).toContain('stored 2 points: 2 new, 0 changed, 0 unchanged');
    const again = claimdesk(mapped, { DATABASE_URL: test.url });
    expect(again.stdout).toContain('stored 2 points: 0 new, 0 changed, 2 unchanged');
  });

  it('names the file and line of each bad row, exits 1 and stores nothing', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'date,category,subject,value\n2022-03-01,tanks,russia,198\n2022-03-02,tanks,nobody,211\n');
    const result = claimdesk([...args, bad], { DATABASE_URL: test.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('1 bad row, nothing stored');
    expect(result.stderr).toContain('bad.csv:3: subject "nobody"');
    expect(await test.db.prisma.referencePoint.count({ where: { date: '2022-03-01' } })).toBe(0);
  });

  it('refuses an unknown format with usage', () => {
    const result = claimdesk(['reference', 'import', '--format', 'xlsx', csv], { DATABASE_URL: test.url });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format must be one of general-staff, csv');
  });
});
