import type { Database } from '@claimdesk/db';

type Tx = Pick<Database['prisma'], '$queryRawUnsafe'>;

/**
 * Change-feed numbers must follow commit order, or a consumer could read seq 11 before seq 10
 * commits and skip 10 for ever. On PostgreSQL, transactions that append changes take one advisory
 * lock; SQLite already runs one writer at a time.
 */
export async function lockChangeFeed(db: Database, tx: Tx): Promise<void> {
  if (db.provider === 'postgresql') await tx.$queryRawUnsafe('SELECT pg_advisory_xact_lock(7355608)::text AS locked');
}
