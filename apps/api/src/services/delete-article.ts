import type { DeletedArticle } from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import { AppError } from '../errors.ts';
import { chunks } from './chunks.ts';
import { LARGE_WRITE_TRANSACTION } from './import-article.ts';

export interface AuditActor {
  /** The user's id, when a signed-in user did it. */
  id: string | null;
  /** The user's display name, or `cli:<os user>` for the command line. */
  name: string;
  /** The user's e-mail: kept in the audit event's details, which only admins read. */
  email?: string;
}

/**
 * Deletes an article with its statements, claims and their verdicts, in one transaction that also
 * appends a change for every claim (so v1 sync consumers get them in `removed`) and an audit event
 * naming who did it and what went with it. Either all of it happens or none.
 */
export async function deleteArticle(db: Database, articleId: string, actor: AuditActor): Promise<DeletedArticle> {
  return db.prisma.$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id: articleId },
      select: { id: true, title: true, contentHash: true, fileName: true, outlet: true, publishedOn: true },
    });
    if (!article) throw new AppError('not_found', `no article ${articleId}`, { path: ['id'] });
    const claimIds = (await tx.claim.findMany({ where: { articleId }, select: { id: true } })).map((c) => c.id);
    const verdictsRemoved = await tx.verdict.count({ where: { claim: { articleId } } });
    // Each removal is a change: the feed lists changes of claims that no longer exist as removed.
    for (const part of chunks(claimIds))
      await tx.claimChange.createMany({ data: part.map((claimId) => ({ claimId })) });
    const event = await tx.auditEvent.create({
      data: {
        action: 'article.deleted',
        actorId: actor.id,
        actorName: actor.name,
        subjectType: 'article',
        subjectId: article.id,
        details: JSON.stringify({
          ...article,
          claimsRemoved: claimIds.length,
          verdictsRemoved,
          ...(actor.email ? { actorEmail: actor.email } : {}),
        }),
      },
    });
    // Statements, claims and verdicts go with it (onDelete: Cascade).
    await tx.article.delete({ where: { id: articleId } });
    return {
      id: article.id,
      title: article.title,
      claimsRemoved: claimIds.length,
      verdictsRemoved,
      auditEventId: event.id,
    };
  }, LARGE_WRITE_TRANSACTION);
}
