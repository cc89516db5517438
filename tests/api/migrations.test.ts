import { migrateDatabase } from '@claimdesk/db';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

type HistoryRow = { migration_name: string; finished_at: unknown };
const history = (test: TestDatabase) =>
  test.db.prisma.$queryRawUnsafe<HistoryRow[]>(
    'SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name',
  );

// `npm start` migrates on every start; when the history lists every shipped migration it reads
// that table with the plain driver instead of starting the schema engine.
describe.each(DATABASE_KINDS)('migrating an already migrated database (%s)', (kind) => {
  let test: TestDatabase | undefined;
  afterEach(async () => {
    await test?.drop();
    test = undefined;
  });

  it('applies nothing and leaves the history as it was', async () => {
    test = await createTestDatabase(kind);
    const before = await history(test);
    expect(before.length).toBeGreaterThan(0);
    expect(await migrateDatabase(test.config)).toEqual([]);
    expect(await migrateDatabase(test.config)).toEqual([]);
    expect(await history(test)).toEqual(before);
  });

  it('leaves a migration that failed half-way to the schema engine, which refuses to go on', async () => {
    test = await createTestDatabase(kind);
    const [last] = (await history(test)).slice(-1);
    await test.db.prisma.$executeRawUnsafe(
      `UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = '${last?.migration_name}'`,
    );
    await test.db.close(); // the schema engine takes SQLite's lock exclusively
    await expect(migrateDatabase(test.config)).rejects.toThrow(/fail|P3009/i);
  });

  it('applies a shipped migration the history does not list', async () => {
    test = await createTestDatabase(kind);
    const [last] = (await history(test)).slice(-1);
    await test.db.prisma.$executeRawUnsafe(
      `DELETE FROM _prisma_migrations WHERE migration_name = '${last?.migration_name}'`,
    );
    // The engine runs the migration again (it fails or succeeds by what the SQL does twice); it is
    // not skipped as if it were applied.
    await test.db.close();
    const outcome = await migrateDatabase(test.config).then(
      (applied) => applied,
      (error: unknown) => String(error),
    );
    if (Array.isArray(outcome)) expect(outcome).toEqual([last?.migration_name]);
    else expect(outcome).not.toBe('');
  });
});
