import type { V1ClaimPage, v1ClaimsQuerySchema } from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import { claimFilter } from './list-claims.ts';
import { latestVerdictInclude, toClaim } from './serialize.ts';

type V1Query = z.output<typeof v1ClaimsQuerySchema>;
type Tx = Pick<Database['prisma'], 'claimChange'>;

const encodeCursor = (seq: number) => `c${seq}`;

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
    where: { createdAt: { lte: new Date(time) } },
    orderBy: { seq: 'desc' },
  });
  return last?.seq ?? 0;
}

/**
 * The consumer feed. Every claim write appends a ClaimChange with a number that follows commit
 * order; a page holds the claims whose latest change is after the position, oldest change first.
 * A consumer that stores `syncCursor` and polls with `updatedSince` gets each changed claim once
 * per change, and never misses one.
 */
export async function listClaimFeed(db: Database, query: V1Query): Promise<V1ClaimPage> {
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
  return db.prisma.$transaction(async (tx) => {
    const position = query.cursor
      ? await decodePosition(tx, query.cursor, 'cursor')
      : query.updatedSince
        ? await decodePosition(tx, query.updatedSince, 'updatedSince')
        : 0;
    const groups = await tx.claimChange.groupBy({
      by: ['claimId'],
      where: { seq: { gt: position } },
      _max: { seq: true },
      orderBy: { _max: { seq: 'asc' } },
      take: query.limit + 1,
    });
    const hasMore = groups.length > query.limit;
    const page = groups.slice(0, query.limit);
    const lastSeq = page.at(-1)?._max.seq ?? position;
    const filter = claimFilter(db, { ...query, kind: undefined, q: undefined });
    const where = {
      AND: [
        ...filter.AND,
        { id: { in: page.map((g) => g.claimId) } },
        ...(query.status?.length ? [{ status: { in: query.status } }] : []),
      ],
    };
    const rows = page.length > 0 ? await tx.claim.findMany({ where, include: latestVerdictInclude }) : [];
    // Changes of claims that no longer exist, or were rejected as not claims, are removals;
    // filtered-out claims still exist.
    const existing =
      rows.length < page.length
        ? new Set(
            (
              await tx.claim.findMany({
                where: { id: { in: page.map((g) => g.claimId) }, isRejected: false },
                select: { id: true },
              })
            ).map((c) => c.id),
          )
        : new Set(rows.map((r) => r.id));
    const removed = page.map((g) => g.claimId).filter((claimId) => !existing.has(claimId));
    const order = new Map(page.map((g, i) => [g.claimId, i]));
    rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return {
      items: rows.map(toClaim),
      nextCursor: hasMore ? encodeCursor(lastSeq) : null,
      syncCursor: encodeCursor(lastSeq),
      hasMore,
      removed,
    };
  }, options);
}
