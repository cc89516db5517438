import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildArticleRows, contentHash } from '@claimdesk/api';
import { parseArticle } from '@claimdesk/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGeneratedArticles } from '../support/generated-files.ts';
import { claimdeskSpawn, claimdeskSync } from '../support/node-process.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

const FILES = 500;

/**
 * Starts `claimdesk import` and kills it with SIGKILL (kill -9: no handler, no cleanup) once it has
 * printed `after` imported articles; resolves with what it printed and how it ended.
 */
function importAndKill(args: string[], env: Record<string, string>, after: number) {
  return new Promise<{ stdout: string; signal: NodeJS.Signals | null; code: number | null }>((resolve) => {
    const child = claimdeskSpawn(['import', ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      if ((stdout.match(/^imported /gm)?.length ?? 0) >= after && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('close', (code, signal) => resolve({ stdout, signal, code }));
  });
}

describe.each(DATABASE_KINDS)('kill -9 in the middle of a %s import, then a clean re-run', (kind) => {
  let test: TestDatabase;
  let dir: string;
  /** What each file must be stored as: its content hash and its number of statements and claims. */
  const expected = new Map<string, { statements: number; claims: number }>();

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    dir = mkdtempSync(join(tmpdir(), 'claimdesk-interrupted-'));
    for (const path of writeGeneratedArticles(dir, FILES)) {
      const text = readFileSync(path, 'utf8');
      const rows = buildArticleRows('x', parseArticle(text));
      expected.set(contentHash(text), { statements: rows.statements.length, claims: rows.claims.length });
    }
    expect(expected.size).toBe(FILES);
  });
  afterAll(async () => {
    await test.drop();
  });

  /** Every stored article is one of the files, whole: all its statements, claims and changes. */
  async function expectOnlyWholeArticles() {
    const articles = await test.db.prisma.article.findMany({
      select: { contentHash: true, _count: { select: { statements: true, claims: true } } },
    });
    for (const a of articles) {
      const want = expected.get(a.contentHash);
      expect(want, `stored article ${a.contentHash} is one of the files`).toBeDefined();
      expect(a._count).toEqual(want);
    }
    expect(new Set(articles.map((a) => a.contentHash)).size).toBe(articles.length);
    // No claim without its article and no change without its claim: nothing half-written.
    const claims = await test.db.prisma.claim.count();
    expect(claims).toBe(articles.reduce((sum, a) => sum + a._count.claims, 0));
    expect(await test.db.prisma.claimChange.count()).toBe(claims);
    expect(await test.db.prisma.statement.count()).toBe(articles.reduce((sum, a) => sum + a._count.statements, 0));
    return articles.length;
  }

  it(`stores every one of ${FILES} files exactly once, and none by halves (the re-run with --concurrency 3)`, async () => {
    const env = { DATABASE_URL: test.url };
    const killed = await importAndKill([dir], env, 100);
    expect(killed.signal).toBe('SIGKILL');
    // Killed mid-way: it had not reached the end.
    expect(killed.stdout).not.toContain(`${FILES} files:`);
    const storedBefore = await expectOnlyWholeArticles();
    expect(storedBefore).toBeGreaterThanOrEqual(100);
    expect(storedBefore).toBeLessThan(FILES);

    // The re-run takes three files at a time (--concurrency), parsing in worker threads.
    const rerun = claimdeskSync(['import', '--concurrency', '3', dir], {
      env: { ...process.env, ...env },
    });
    expect(rerun.stderr).toBe('');
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toContain(
      `${FILES} files: ${FILES - storedBefore} imported, ${storedBefore} already stored, 0 failed`,
    );
    expect(await expectOnlyWholeArticles()).toBe(FILES);
  }, 900_000);

  it('refuses a --concurrency that is not a whole number from 1 to 64', () => {
    for (const bad of ['0', '65', 'two', '1.5']) {
      const res = claimdeskSync(['import', '--concurrency', bad, dir], {
        env: { ...process.env, DATABASE_URL: test.url },
      });
      expect(res.status).toBe(2);
      expect(res.stderr).toContain(`--concurrency must be a whole number from 1 to 64, not "${bad}"`);
    }
  });
});
