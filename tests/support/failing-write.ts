import type { Database } from '@claimdesk/db';

/** Runs the verdict transaction's writes with an author that does not exist: the insert fails after the update. */
export async function markClaimForTest(db: Database, claimId: string): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findUniqueOrThrow({ where: { id: claimId } });
    await tx.claim.update({ where: { id: claimId }, data: { status: 'disputed', version: claim.version + 1 } });
    await tx.verdict.create({
      data: {
        claimId,
        status: 'disputed',
        note: 'x',
        authorId: 'no-such-user',
        authorName: 'x',
        version: claim.version + 1,
      },
    });
  });
}
