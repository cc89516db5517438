import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { importArticle, listClaimFeed } from '@claimdesk/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

const MOD_REPORT = `date 2022-04-12 | Ministry of Defence of Ukraine (mil.gov.ua): The total combat losses of the enemy from 24.02 to 12.04 were approximately:
personnel ‒ about 19600 осіб,
tanks ‒ 732 од,
APV ‒ 1946 од,
aircraft – 157 од.
Ukraine said Russia lost 14 aircraft and 8 helicopters on Saturday.
`;

/** The migration as shipped, for this database: one statement at a time (SQLite runs one per call). */
function migrationStatements(kind: 'sqlite' | 'postgresql'): string[] {
  const dir = join(import.meta.dirname, '../../prisma', kind, 'migrations');
  const folder = readdirSync(dir).find((d) => d.endsWith('_merge_tally_pairs'));
  if (!folder) throw new Error('no merge_tally_pairs migration');
  return readFileSync(join(dir, folder, 'migration.sql'), 'utf8')
    .replace(/^--.*$/gm, '')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
}

describe.each(DATABASE_KINDS)('one claim per tally span on %s', (kind) => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await test.drop();
  });

  it('stores a tally line as one figure claim; a statement with more in it keeps its own claim', async () => {
    const { article } = await importArticle(test.db, { text: MOD_REPORT });
    const lines = article.statements.filter((s) => s.content.text.includes('‒') || s.content.text.includes('–'));
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const s of lines) {
      const claims = article.claims.filter((c) => c.statementId === s.id);
      expect(claims.map((c) => c.kind)).toEqual(['figure']);
    }
    const said = article.claims.filter((c) => c.text.startsWith('Russia lost 14 aircraft'));
    expect(said.map((c) => c.kind)).toEqual(['statement']);
  });

  it('merges each stored pair into the figure claim without losing a verdict; the later verdict is current', async () => {
    const prisma = test.db.prisma;
    // A database from before the change: a tally line stored as a statement claim and a figure
    // claim with the same span, both judged, and a statement with two figures (not a pair).
    const articleId = randomUUID();
    await prisma.article.create({
      data: {
        id: articleId,
        text: MOD_REPORT,
        contentHash: randomUUID(),
        title: 'old MoD report',
        parserVersion: '1.0.0',
      },
    });
    const tanks = {
      text: 'tanks ‒ 732 од',
      start: MOD_REPORT.indexOf('tanks ‒'),
      end: MOD_REPORT.indexOf('tanks ‒') + 14,
    };
    const said = MOD_REPORT.indexOf('Russia lost');
    const statementId = randomUUID();
    const otherStatementId = randomUUID();
    const base = { articleId, side: 'ukraine', sourceCanonical: 'Ministry of Defence of Ukraine' };
    await prisma.statement.create({
      data: {
        id: statementId,
        articleId,
        key: 's2',
        ordinal: 1,
        side: 'ukraine',
        contentText: tanks.text,
        contentStart: tanks.start,
        contentEnd: tanks.end,
        direct: false,
      },
    });
    await prisma.statement.create({
      data: {
        id: otherStatementId,
        articleId,
        key: 's6',
        ordinal: 5,
        side: 'ukraine',
        contentText: MOD_REPORT.slice(said, said + 42),
        contentStart: said,
        contentEnd: said + 42,
        direct: false,
      },
    });
    const pairStatement = randomUUID();
    const pairFigure = randomUUID();
    await prisma.claim.createMany({
      data: [
        {
          id: pairStatement,
          ...base,
          statementId,
          kind: 'statement',
          ordinal: 0,
          ...tanks,
          status: 'disputed',
          version: 2,
        },
        {
          id: pairFigure,
          ...base,
          statementId,
          kind: 'figure',
          ordinal: 1,
          ...tanks,
          value: 732,
          category: 'tanks',
          subject: 'russia',
          status: 'verified',
          version: 1,
        },
        {
          id: randomUUID(),
          ...base,
          statementId: otherStatementId,
          kind: 'statement',
          ordinal: 2,
          text: MOD_REPORT.slice(said, said + 42),
          start: said,
          end: said + 42,
          status: 'verified',
          version: 1,
        },
        {
          id: randomUUID(),
          ...base,
          statementId: otherStatementId,
          kind: 'figure',
          ordinal: 3,
          text: '14 aircraft',
          start: said + 12,
          end: said + 23,
          value: 14,
          category: 'aircraft',
        },
      ],
    });
    const verdict = (claimId: string, status: string, version: number, at: string) =>
      prisma.verdict.create({
        data: {
          claimId,
          status,
          version,
          note: status,
          authorName: 'Olena K',
          createdAt: new Date(at),
          publishedAt: new Date(at),
        },
      });
    await verdict(pairFigure, 'verified', 1, '2026-01-01T10:00:00Z');
    await verdict(pairStatement, 'verified', 1, '2026-01-01T09:00:00Z');
    await verdict(pairStatement, 'disputed', 2, '2026-01-02T09:00:00Z');
    const verdictsBefore = await prisma.verdict.count();
    const claimsBefore = await prisma.claim.count();
    const feed = await listClaimFeed(test.db, { limit: 500 });

    for (const sql of migrationStatements(kind)) await prisma.$executeRawUnsafe(sql);

    expect(await prisma.verdict.count()).toBe(verdictsBefore);
    expect(await prisma.claim.count()).toBe(claimsBefore - 1);
    expect(await prisma.claim.findUnique({ where: { id: pairStatement } })).toBeNull();
    const merged = await prisma.claim.findUniqueOrThrow({
      where: { id: pairFigure },
      include: { verdicts: { orderBy: { createdAt: 'asc' } } },
    });
    expect(merged.verdicts.map((v) => v.status)).toEqual(['verified', 'verified', 'disputed']);
    // the later verdict (the statement claim's dispute) is current; the version counts both histories
    expect(merged).toMatchObject({
      status: 'disputed',
      publishedStatus: 'disputed',
      version: 3,
      kind: 'figure',
      value: 732,
    });
    // the other statement and its figure are no pair: untouched
    expect(await prisma.claim.count({ where: { statementId: otherStatementId } })).toBe(2);
    // consumers hear of both: the merged claim changed, the statement claim is removed
    const sync = await listClaimFeed(test.db, { limit: 500, updatedSince: feed.syncCursor });
    expect(sync.items.map((c) => c.id)).toEqual([pairFigure]);
    expect(sync.items[0]?.status).toBe('disputed');
    expect(sync.removed).toEqual([pairStatement]);
  });
});
