import type { Database, PrismaDb } from '@claimdesk/db';

/**
 * The same real database, with one Prisma operation made to fail: `withFault(db, 'claimChange',
 * 'createMany')` throws when that call is reached, inside whatever transaction it runs in, after
 * the writes before it. `withFault(db, 'ClaimChange', 'INSERT')` fails a raw INSERT into that
 * table (the import writes its rows with plain multi-row INSERTs). Tests use it to show that a
 * failed write leaves nothing behind.
 */
export function withFault(db: Database, model: string, operation: string): Database {
  const rawStatement = `${operation.toUpperCase()} INTO "${model}"`;
  const prisma = db.prisma.$extends({
    query: {
      $allModels: {
        async $allOperations({ model: m, operation: op, args, query }) {
          if (m.toLowerCase() === model.toLowerCase() && op === operation)
            throw new Error(`injected fault: ${model}.${operation}`);
          return query(args);
        },
      },
      async $allOperations({ model: m, operation: op, args, query }) {
        const sql = Array.isArray(args) ? args[0] : (args as { query?: unknown } | undefined)?.query;
        if (m === undefined && op.startsWith('$executeRaw') && typeof sql === 'string' && sql.startsWith(rawStatement))
          throw new Error(`injected fault: ${rawStatement}`);
        return query(args);
      },
    },
  }) as unknown as PrismaDb;
  return { prisma, provider: db.provider, close: async () => {} };
}
