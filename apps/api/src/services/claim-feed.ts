import type { V1ClaimPage, v1ClaimsQuerySchema } from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import {
  claimColumnsSql,
  latestVerdictJoinSql,
  rawQuery,
  verdictColumnsSql,
  whereSql,
  withLatestVerdicts,
} from './claim-sql.ts';
import { claimFilter } from './list-claims.ts';
import { publishedVerdictInclude, toPublicClaim } from './publication.ts';

type V1Query = z.output<typeof v1ClaimsQuerySchema>;
type Tx = Pick<Database['prisma'], 'claimChange' | '$queryRaw' | '$queryRawUnsafe'>;

const encodeCursor = (feedNumber: number) => `c${feedNumber}`;

/** Only numbering takes this lock (readers of the feed, one at a time); writers never do. */
const NUMBERING_LOCK = 7355608;

/**
 * PostgreSQL: numbers every committed change that has no number yet. Writers append changes
 * without a number and never wait for each other; numbers are given after commit, by whoever
 * reads the feed, under a lock that only numbering takes. Each numbering commits before the next
 * one starts, and takes MAX + 1, 2, ... over what the last one committed, so a number is never
 * below one a consumer has already read: a change that commits late is numbered late. SQLite
 * numbers each change at insert (a trigger): one writer at a time makes insertion order commit order.
 */
export async function numberChanges(db: Database): Promise<void> {
  if (db.provider !== 'postgresql') return;
  const [due] = await db.prisma.$queryRaw<Array<{ due: boolean }>>`
    SELECT EXISTS (SELECT 1 FROM "ClaimChange" WHERE "feedNumber" IS NULL) AS "due"`;
  if (!due?.due) return;
  // Read committed: the UPDATE takes its snapshot after the lock is held, so it sees every number
  // the numbering before it committed.
  await db.prisma.$transaction([
    db.prisma.$queryRaw`SELECT pg_advisory_xact_lock(${NUMBERING_LOCK})::text AS "locked"`,
    db.prisma.$executeRaw`
      UPDATE "ClaimChange" AS c SET "feedNumber" = n."feedNumber"
      FROM (
        SELECT "seq",
          (SELECT COALESCE(MAX("feedNumber"), 0) FROM "ClaimChange") + row_number() OVER (ORDER BY "seq") AS "feedNumber"
        FROM "ClaimChange"
        WHERE "feedNumber" IS NULL
      ) AS n
      WHERE c."seq" = n."seq"`,
  ]);
}

async function decodePosition(db: Tx, value: string, field: string): Promise<number> {
  const m = /^c(\d{1,15})$/.exec(value);
  if (m?.[1]) return Number(m[1]);
  const time = Date.parse(value);
  if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new AppError('validation_error', `${field}: expected a cursor from a previous response or an ISO date-time`, {
      path: [field],
    });
  }
  const last = await db.claimChange.findFirst({
    where: { createdAt: { lte: new Date(time) }, feedNumber: { not: null } },
    orderBy: { feedNumber: 'desc' },
    select: { feedNumber: true },
  });
  return last?.feedNumber ?? 0;
}

/**
 * The consumer feed. Every claim write appends a ClaimChange; its feed number follows commit
 * order (see numberChanges). A page holds the claims whose latest numbered change is after the
 * position, oldest first: the change table is walked once along the feedNumber index and each
 * row is checked against the (claimId, feedNumber) index, so a full sync of N claims is linear.
 * A claim with a committed change that is not numbered yet (a transaction that began earlier is
 * still open) waits for that number, so one state of a claim is never sent twice.
 * A consumer that stores `syncCursor` and polls with `updatedSince` gets each changed claim once
 * per change, and never misses one.
 */
export async function listClaimFeed(db: Database, query: V1Query): Promise<V1ClaimPage> {
  await numberChanges(db);
  // One snapshot for the change numbers and the claims they point at: otherwise a claim changed
  // between the two reads would be sent in its newer state now and, for that same change, again
  // on the next poll. On SQLite the transaction also waits for this process's open writes (one
  // connection: outside a transaction it could read their uncommitted rows).
  // A reader may queue behind a large import on SQLite: wait for it rather than fail after 2 s.
  const options = {
    maxWait: 10_000,
    timeout: 30_000,
    ...(db.provider === 'postgresql' ? { isolationLevel: 'RepeatableRead' as never } : {}),
  };
  // Built before the transaction: on SQLite it may query, and the transaction holds the one connection.
  const filter = await claimFilter(db, { ...query, kind: undefined });
  return db.prisma.$transaction(async (tx) => {
    const position = query.cursor
      ? await decodePosition(tx, query.cursor, 'cursor')
      : query.updatedSince
        ? await decodePosition(tx, query.updatedSince, 'updatedSince')
        : 0;
    const page = await tx.$queryRaw<Array<{ feedNumber: number; claimId: string }>>`
      SELECT c."feedNumber", c."claimId" FROM "ClaimChange" AS c
      WHERE c."feedNumber" > ${position}
        AND NOT EXISTS (
          SELECT 1 FROM "ClaimChange" AS later
          WHERE later."claimId" = c."claimId" AND (later."feedNumber" > c."feedNumber" OR later."feedNumber" IS NULL)
        )
      ORDER BY c."feedNumber"
      LIMIT ${query.limit + 1}`;
    const hasMore = page.length > query.limit;
    if (hasMore) page.pop();
    const lastNumber = Number(page.at(-1)?.feedNumber ?? position);
    const ids = page.map((g) => g.claimId);
    const where = {
      // Consumers see published verdicts only: the status filter is the published one.
      AND: [
        ...filter.AND,
        { id: { in: ids } },
        ...(query.status?.length ? [{ publishedStatus: { in: query.status } }] : []),
      ],
    };
    const params: unknown[] = [];
    const whereRaw = whereSql(db.provider, where, 'c', params, ['isRejected']);
    // One statement (`claim-sql.ts`): the page's claims that pass the filter, each with its latest
    // published verdict; Prisma's include when the filter holds what the SQL compiler does not know.
    const rows: Array<Parameters<typeof toPublicClaim>[0]> =
      page.length === 0
        ? []
        : whereRaw === null
          ? await tx.claim.findMany({ where, include: publishedVerdictInclude })
          : ((await withLatestVerdicts(
              tx,
              db.provider,
              await rawQuery<Record<string, unknown>>(
                tx,
                db.provider,
                `SELECT ${claimColumnsSql('c')}, ${verdictColumnsSql()} FROM "Claim" AS c
                 ${latestVerdictJoinSql('public', 'c', db.provider)}
                 WHERE ${whereRaw}`,
                params,
              ),
            )) as unknown as Array<Parameters<typeof toPublicClaim>[0]>);
    // Changes of claims that no longer exist, or were rejected as not claims, are removals;
    // filtered-out claims still exist.
    const existing =
      rows.length < page.length
        ? new Set(
            (await tx.claim.findMany({ where: { id: { in: ids }, isRejected: false }, select: { id: true } })).map(
              (c) => c.id,
            ),
          )
        : new Set(rows.map((r) => r.id));
    const removed = ids.filter((claimId) => !existing.has(claimId));
    const order = new Map(ids.map((id, i) => [id, i]));
    rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return {
      items: rows.map(toPublicClaim),
      nextCursor: hasMore ? encodeCursor(lastNumber) : null,
      syncCursor: encodeCursor(lastNumber),
      hasMore,
      removed,
    };
  }, options);
}
