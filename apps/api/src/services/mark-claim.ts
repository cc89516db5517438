import { randomUUID } from 'node:crypto';
import { type CreateVerdictResponse, createVerdictRequestSchema } from '@claimdesk/contracts';
import type { Database, Prisma } from '@claimdesk/db';
import { AppError } from '../errors.ts';
import { validate } from '../validate.ts';
import { claimReturningSql, rawQuery } from './claim-sql.ts';
import { publishLatestVerdict } from './publish-claim.ts';
import { latestVerdictInclude, toClaim, toVerdict, verdictInclude } from './serialize.ts';

type Tx = Pick<Database['prisma'], 'referencePoint'>;

/** The reference rows named as evidence, copied with their dataset; an unknown id refuses the verdict. */
async function referenceEvidenceRows(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  const points = await tx.referencePoint.findMany({ where: { id: { in: ids } }, include: { dataset: true } });
  const byId = new Map(points.map((p) => [p.id, p]));
  return [...new Set(ids)].map((id, ordinal) => {
    const point = byId.get(id);
    if (!point)
      throw new AppError('validation_error', `references.${ids.indexOf(id)}: no reference row ${id}`, {
        path: ['references', ids.indexOf(id)],
      });
    return {
      pointId: point.id,
      ordinal,
      dataset: point.dataset.name,
      publisher: point.dataset.publisher,
      licence: point.dataset.licence,
      url: point.dataset.url,
      date: point.date,
      category: point.category,
      subject: point.subject,
      value: point.value,
      qualifier: point.qualifier,
    };
  });
}

export interface VerdictActor {
  userId: string | null;
  name: string;
}

/**
 * Appends a verdict. The claim's version is the lock: the update only happens when the editor saw
 * the current version, so two editors can never overwrite each other silently. A verdict is a
 * draft (the desk sees it; no change-feed entry, no webhook) unless `publish` asks to publish it at
 * once, in the same transaction (publish-claim.ts).
 */
export async function markClaim(
  db: Database,
  claimId: string,
  input: unknown,
  actor: VerdictActor,
): Promise<CreateVerdictResponse> {
  const body = checkVerdict(input);
  // Most verdicts cite no reference rows and stay drafts: two statements, no interactive transaction.
  if (body.references.length === 0 && !body.publish) {
    const done = await appendDraftVerdict(db, claimId, body, actor);
    if (done) return done;
  }
  return db.prisma.$transaction((tx) => appendVerdict(tx, claimId, body, actor));
}

/** The verdict row both ways of saving write: a new id, the note trimmed, the claim's next version. */
function verdictRow(claimId: string, body: VerdictBody, actor: VerdictActor) {
  return {
    id: randomUUID(),
    claimId,
    status: body.status,
    note: body.note.trim(),
    evidence: JSON.stringify(body.evidence),
    authorId: actor.userId,
    authorName: actor.name,
    version: body.version + 1,
  };
}

/**
 * A draft verdict without cited rows, in SQL (`claim-sql.ts`): the version check and the claim's
 * new state in one `UPDATE ... RETURNING`, and the verdict's INSERT only when that UPDATE changed
 * the row. PostgreSQL: one statement (a data-modifying WITH, atomic by itself); SQLite: both in one
 * batch transaction, the INSERT conditioned on `changes()`. Null when the version check failed:
 * the caller's transaction then tells why (unknown, stale or rejected claim).
 */
async function appendDraftVerdict(
  db: Database,
  claimId: string,
  body: VerdictBody,
  actor: VerdictActor,
): Promise<CreateVerdictResponse | null> {
  const now = new Date();
  const verdict = {
    ...verdictRow(claimId, body, actor),
    createdAt: now,
    publishedAt: null,
    publishedByName: null,
    retractedAt: null,
    retractedByName: null,
    retractionNote: null,
    references: [],
  };
  const update = `UPDATE "Claim" SET "status" = ?, "version" = "version" + 1, "changedById" = ?, "changedByName" = ?, "updatedAt" = ?
    WHERE "id" = ? AND "version" = ? AND "isRejected" = ? RETURNING ${claimReturningSql}`;
  const updateParams = [body.status, actor.userId, actor.name, now, claimId, body.version, false];
  const insertParams = [
    verdict.id,
    claimId,
    verdict.status,
    verdict.note,
    verdict.evidence,
    verdict.authorId,
    verdict.authorName,
    verdict.version,
    now,
  ];
  let rows: Array<Record<string, unknown>>;
  if (db.provider === 'postgresql') {
    rows = await rawQuery(
      db.prisma,
      db.provider,
      `WITH u AS (${update}),
       v AS (INSERT INTO "Verdict" ("id", "claimId", "status", "note", "evidence", "authorId", "authorName", "version", "createdAt")
             SELECT ?, ?, ?, ?, ?, ?, ?, ?::integer, ?::timestamp(3) FROM u)
       SELECT * FROM u`,
      [...updateParams, ...insertParams],
    );
  } else {
    [rows] = await db.prisma.$transaction([
      db.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(update, ...updateParams),
      db.prisma.$executeRawUnsafe(
        `INSERT INTO "Verdict" ("id", "claimId", "status", "note", "evidence", "authorId", "authorName", "version", "createdAt")
         SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE changes() = 1`,
        ...insertParams,
      ),
    ]);
  }
  const updated = rows[0];
  if (!updated) return null;
  const claim = toClaim({ ...(updated as unknown as Parameters<typeof toClaim>[0]), verdicts: [verdict] });
  return { claim, verdict: toVerdict(verdict) };
}

type VerdictBody = ReturnType<typeof checkVerdict>;

/** The request as the contract reads it, and the rule the contract cannot say: a note for doubt. */
export function checkVerdict(input: unknown) {
  const body = validate(createVerdictRequestSchema, input);
  if (body.status !== 'verified' && body.note.trim() === '') {
    throw new AppError(
      'validation_error',
      `note: a note is required when a claim is marked ${body.status}, so a reader learns why`,
      { path: ['note'] },
    );
  }
  return body;
}

/**
 * The writes of one verdict inside the caller's transaction (one claim, or several marked together):
 * the claim's status and version and the verdict with its cited reference rows (and, published at
 * once, the change-feed entry and the webhook deliveries).
 */
export async function appendVerdict(
  tx: Prisma.TransactionClient,
  claimId: string,
  body: VerdictBody,
  actor: VerdictActor,
): Promise<CreateVerdictResponse> {
  // The version check and the claim's new state in one statement (UPDATE ... RETURNING): the claim
  // the answer carries is the row as this transaction left it, not read back.
  const updated = await tx.claim
    .update({
      where: { id: claimId, version: body.version, isRejected: false },
      data: { status: body.status, version: { increment: 1 }, changedById: actor.userId, changedByName: actor.name },
    })
    .catch((error: unknown) => {
      // P2025: no row matched (unknown claim, stale version or rejected claim): told apart below.
      if ((error as { code?: string } | null)?.code === 'P2025') return null;
      throw error;
    });
  if (!updated) {
    const current = await tx.claim.findUnique({ where: { id: claimId }, include: latestVerdictInclude });
    if (!current) throw new AppError('not_found', `no claim ${claimId}`, { path: ['id'] });
    if (current.isRejected) {
      throw new AppError('conflict', 'this claim was rejected as not a claim: restore it before judging it', {
        path: [],
        details: { claim: toClaim(current) },
      });
    }
    const other = current.verdicts[0];
    throw new AppError(
      'version_conflict',
      other
        ? `this claim changed since you opened it: ${other.authorName} marked it ${other.status} (version ${current.version}); review and save again`
        : `this claim is at version ${current.version}, not ${body.version}; reload it and save again`,
      { path: ['version'], details: { claim: toClaim(current) } },
    );
  }
  const data = verdictRow(claimId, body, actor);
  const references = await referenceEvidenceRows(tx, body.references);
  // Without cited rows (most verdicts), one INSERT; the verdict it returns is the claim's latest
  // (this transaction holds the claim's version), so nothing is read back.
  const verdict =
    references.length === 0
      ? { ...(await tx.verdict.create({ data })), references: [] }
      : await tx.verdict.create({ data: { ...data, references: { create: references } }, include: verdictInclude });
  if (!body.publish) return { claim: toClaim({ ...updated, verdicts: [verdict] }), verdict: toVerdict(verdict) };
  // Published at once (change-feed entry, webhooks): publish-claim.ts, then the claim as it stands.
  const saved = await publishLatestVerdict(tx, claimId, actor, verdict.createdAt);
  const claim = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, include: latestVerdictInclude });
  return { claim: toClaim(claim), verdict: toVerdict(saved) };
}
