import type { Database, PrismaDb } from '@claimdesk/db';

/**
 * The same real database, with one Prisma operation made to fail: `failOn('claimChange',
 * 'createMany')` throws when that call is reached, inside whatever transaction it runs in, after
 * the writes before it. Tests use it to show that a failed write leaves nothing behind.
 */
export function withFault(db: Database, model: string, operation: string): Database {
  const prisma = db.prisma.$extends({
    query: {
      $allModels: {
        async $allOperations({ model: m, operation: op, args, query }) {
          if (m.toLowerCase() === model.toLowerCase() && op === operation)
            throw new Error(`injected fault: ${model}.${operation}`);
          return query(args);
        },
      },
    },
  }) as unknown as PrismaDb;
  return { prisma, provider: db.provider, close: async () => {} };
}
