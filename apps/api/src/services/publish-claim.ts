import { randomUUID } from 'node:crypto';
import {
  type ClaimChangeResponse,
  type ClaimStates,
  type PublishArticleResponse,
  type WebhookPayload,
  publishArticleRequestSchema,
  publishClaimRequestSchema,
  retractClaimRequestSchema,
  withdrawDraftRequestSchema,
} from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import { AppError } from '../errors.ts';
import { validate } from '../validate.ts';
import { publishedVerdictInclude, toPublicClaim } from './publication.ts';
import { latestVerdictInclude, toClaim, toVerdict, verdictInclude } from './serialize.ts';

export interface DeskActor {
  userId: string | null;
  name: string;
}

type Tx = Parameters<Parameters<Database['prisma']['$transaction']>[0]>[0];

const newestFirst = [{ createdAt: 'desc' as const }, { version: 'desc' as const }];

/** A 409 with the claim as it now stands, so the app can show who changed it. */
async function versionConflict(tx: Tx, claimId: string, version: number): Promise<AppError> {
  const current = await tx.claim.findUnique({ where: { id: claimId }, include: latestVerdictInclude });
  if (!current) return new AppError('not_found', `no claim ${claimId}`, { path: ['id'] });
  const by = current.changedByName ?? current.verdicts[0]?.authorName;
  return new AppError(
    'version_conflict',
    by
      ? `this claim changed since you opened it: ${by} changed it (now ${current.status}, version ${current.version}); review and try again`
      : `this claim is at version ${current.version}, not ${version}; reload it and try again`,
    { path: ['version'], details: { claim: toClaim(current) } },
  );
}

/** The optimistic lock of every desk write: bumps the version the editor saw, or refuses with 409. */
export async function bumpClaimVersion(tx: Tx, claimId: string, version: number, actor: DeskActor): Promise<void> {
  const { count } = await tx.claim.updateMany({
    where: { id: claimId, version },
    data: { version: { increment: 1 }, changedById: actor.userId, changedByName: actor.name },
  });
  if (count === 0) throw await versionConflict(tx, claimId, version);
}

/** One delivery per active webhook, with the verdict and the claim as consumers now see it. */
async function queueWebhooks(
  tx: Tx,
  event: WebhookPayload['event'],
  verdict: Parameters<typeof toVerdict>[0],
): Promise<void> {
  const webhooks = await tx.webhook.findMany({ where: { isActive: true }, select: { id: true } });
  if (webhooks.length === 0) return;
  const claim = await tx.claim.findUniqueOrThrow({ where: { id: verdict.claimId }, include: publishedVerdictInclude });
  const payload = JSON.stringify({
    event,
    verdict: toVerdict(verdict),
    claim: toPublicClaim(claim),
  } satisfies WebhookPayload);
  await tx.webhookDelivery.createMany({
    data: webhooks.map((w) => ({ id: randomUUID(), webhookId: w.id, verdictId: verdict.id, payload })),
  });
}

/**
 * A correction (edit, reject, restore) of claims that consumers see with a public verdict: one
 * delivery per claim and webhook, with that verdict and the claim as it now stands. Claims
 * without a public verdict send nothing, as drafts do not.
 */
export async function queueCorrectionWebhooks(
  tx: Tx,
  event: 'claim.corrected' | 'claim.rejected' | 'claim.restored',
  claimIds: string[],
): Promise<void> {
  if ((await tx.webhook.count({ where: { isActive: true } })) === 0) return;
  for (const claimId of claimIds) {
    const verdict = await tx.verdict.findFirst({
      where: { claimId, publishedAt: { not: null }, retractedAt: null },
      orderBy: newestFirst,
      include: verdictInclude,
    });
    if (verdict) await queueWebhooks(tx, event, verdict);
  }
}

/**
 * Makes the claim's latest verdict public (inside the caller's transaction, after the version
 * check): the verdict is stamped, consumers' status follows it, the v1 feed gets a change and
 * webhooks a delivery. Only the latest verdict can be published: an older draft was overtaken.
 */
export async function publishLatestVerdict(tx: Tx, claimId: string, actor: DeskActor, now = new Date()) {
  const latest = await tx.verdict.findFirst({ where: { claimId }, orderBy: newestFirst });
  if (!latest || latest.publishedAt || latest.retractedAt)
    throw new AppError('conflict', 'this claim has no draft verdict to publish', { path: ['id'] });
  const verdict = await tx.verdict.update({
    where: { id: latest.id },
    data: { publishedAt: now, publishedByName: actor.name },
    include: verdictInclude,
  });
  await tx.claim.update({ where: { id: claimId }, data: { publishedStatus: verdict.status } });
  await tx.claimChange.create({ data: { claimId } });
  await queueWebhooks(tx, 'verdict.published', verdict);
  return verdict;
}

async function deskClaim(tx: Tx, claimId: string) {
  return toClaim(await tx.claim.findUniqueOrThrow({ where: { id: claimId }, include: latestVerdictInclude }));
}

export async function publishClaim(
  db: Database,
  claimId: string,
  input: unknown,
  actor: DeskActor,
): Promise<ClaimChangeResponse> {
  const { version } = validate(publishClaimRequestSchema, input);
  return db.prisma.$transaction(async (tx) => {
    await bumpClaimVersion(tx, claimId, version, actor);
    await publishLatestVerdict(tx, claimId, actor);
    return { claim: await deskClaim(tx, claimId) };
  });
}

/**
 * Undo of a draft: the draft never left the desk, so it is removed and the claim returns to the
 * verdict before it. No change reaches the v1 feed or a webhook: consumers never knew of it.
 */
export async function withdrawDraft(
  db: Database,
  claimId: string,
  input: unknown,
  actor: DeskActor,
): Promise<ClaimChangeResponse> {
  const { version } = validate(withdrawDraftRequestSchema, input);
  return db.prisma.$transaction(async (tx) => {
    await bumpClaimVersion(tx, claimId, version, actor);
    const latest = await tx.verdict.findFirst({ where: { claimId }, orderBy: newestFirst });
    if (!latest || latest.publishedAt)
      throw new AppError('conflict', 'this claim has no draft verdict to withdraw: its latest verdict is public', {
        path: ['id'],
      });
    await tx.verdict.delete({ where: { id: latest.id } });
    const before = await tx.verdict.findFirst({ where: { claimId }, orderBy: newestFirst });
    await tx.claim.update({
      where: { id: claimId },
      data: { status: before && !before.retractedAt ? before.status : 'pending' },
    });
    return { claim: await deskClaim(tx, claimId) };
  });
}

/** Takes back the public verdict with a note: consumers see the claim unrated and get the change. */
export async function retractClaim(
  db: Database,
  claimId: string,
  input: unknown,
  actor: DeskActor,
): Promise<ClaimChangeResponse> {
  const { version, note } = validate(retractClaimRequestSchema, input);
  return db.prisma.$transaction(async (tx) => {
    await bumpClaimVersion(tx, claimId, version, actor);
    const published = await tx.verdict.findFirst({
      where: { claimId, publishedAt: { not: null } },
      orderBy: newestFirst,
    });
    if (!published || published.retractedAt)
      throw new AppError('conflict', 'this claim has no published verdict to retract', { path: ['id'] });
    const verdict = await tx.verdict.update({
      where: { id: published.id },
      data: { retractedAt: new Date(), retractedByName: actor.name, retractionNote: note.trim() },
      include: verdictInclude,
    });
    const latest = await tx.verdict.findFirst({ where: { claimId }, orderBy: newestFirst });
    await tx.claim.update({
      where: { id: claimId },
      // A draft written after the public verdict stays the desk's status; otherwise it needs review again.
      data: { publishedStatus: 'pending', ...(latest?.id === published.id ? { status: 'pending' } : {}) },
    });
    await tx.claimChange.create({ data: { claimId } });
    await queueWebhooks(tx, 'verdict.retracted', verdict);
    return { claim: await deskClaim(tx, claimId) };
  });
}

/** "Publish all reviewed": every claim of the article whose latest verdict is a draft. */
export async function publishArticle(
  db: Database,
  articleId: string,
  input: unknown,
  actor: DeskActor,
): Promise<PublishArticleResponse> {
  const body = validate(publishArticleRequestSchema, input ?? {});
  return db.prisma.$transaction(
    async (tx) => {
      const article = await tx.article.findUnique({ where: { id: articleId }, select: { id: true } });
      if (!article) throw new AppError('not_found', `no article ${articleId}`, { path: ['id'] });
      const claims = await tx.claim.findMany({ where: { articleId }, include: latestVerdictInclude });
      const seen = body.claims ? new Map(body.claims.map((c) => [c.id, c.version])) : null;
      if (seen) {
        const known = new Set(claims.map((c) => c.id));
        const stranger = body.claims?.findIndex((c) => !known.has(c.id)) ?? -1;
        if (stranger >= 0)
          throw new AppError('validation_error', `claims.${stranger}: not a claim of this article`, {
            path: ['claims', stranger, 'id'],
          });
      }
      let published = 0;
      for (const claim of claims) {
        const latest = claim.verdicts[0];
        if (seen && !seen.has(claim.id)) continue;
        // The version the editor saw (or, without a list, the one just read): a claim that moved
        // meanwhile is refused with 409 and nothing is published.
        const version = seen?.get(claim.id) ?? claim.version;
        if (version !== claim.version) throw await versionConflict(tx, claim.id, version);
        if (!latest || latest.publishedAt) continue;
        await bumpClaimVersion(tx, claim.id, version, actor);
        await publishLatestVerdict(tx, claim.id, actor);
        published += 1;
      }
      const after = await tx.claim.findMany({
        where: { articleId },
        include: latestVerdictInclude,
        orderBy: { ordinal: 'asc' },
      });
      return { published, claims: after.map(toClaim) };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

/** What an open article page polls: tiny, and the same bytes (ETag, 304) while nothing changed. */
export async function listClaimStates(db: Database, articleId: string): Promise<ClaimStates> {
  const [article, claims] = await Promise.all([
    db.prisma.article.findUnique({ where: { id: articleId }, select: { id: true } }),
    db.prisma.claim.findMany({
      where: { articleId },
      select: { id: true, version: true, changedById: true, changedByName: true },
      orderBy: { ordinal: 'asc' },
    }),
  ]);
  if (!article) throw new AppError('not_found', `no article ${articleId}`, { path: ['id'] });
  return {
    items: claims.map((c) => ({
      id: c.id,
      version: c.version,
      changedById: c.changedById,
      changedBy: c.changedByName,
    })),
  };
}
