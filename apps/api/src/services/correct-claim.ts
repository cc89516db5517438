import { randomUUID } from 'node:crypto';
import {
  type CorrectionResponse,
  FIGURE_FIELDS,
  type Offsets,
  type Span,
  createCorrectionRequestSchema,
} from '@claimdesk/contracts';
import type { Database, Prisma } from '@claimdesk/db';
import { AppError, type ErrorPath } from '../errors.ts';
import { validate } from '../validate.ts';
import { queueCorrectionWebhooks } from './publish-claim.ts';
import { latestVerdictInclude, toClaim } from './serialize.ts';
import { toCorrection } from './serialize-corrections.ts';
import { linkArticleSources } from './source-entities.ts';

export interface CorrectionActor {
  userId: string | null;
  name: string;
}

type Tx = Prisma.TransactionClient;

/**
 * Reads a span of the stored raw text by its offsets: the text is never taken from the client,
 * so `raw.slice(start, end) === text` holds for every corrected or added span.
 */
export function readSpan(raw: string, offsets: Offsets, path: ErrorPath): Span {
  if (offsets.end > raw.length) {
    throw new AppError(
      'validation_error',
      `${path.join('.')}: ends at ${offsets.end}, after the article's end (${raw.length})`,
      {
        path: [...path, 'end'],
      },
    );
  }
  const text = raw.slice(offsets.start, offsets.end);
  if (text.trim() === '') {
    throw new AppError('validation_error', `${path.join('.')}: the span holds only white space`, { path });
  }
  return { text, start: offsets.start, end: offsets.end };
}

const spanOf = (text: string | null, start: number | null, end: number | null): Span | null =>
  text !== null && start !== null && end !== null ? { text, start, end } : null;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The claim as it now stands, for a 409: the editor sees what changed and decides again. */
export async function conflictWithCurrent(tx: Tx, claimId: string, version: number): Promise<AppError> {
  const current = await tx.claim.findUnique({ where: { id: claimId }, include: latestVerdictInclude });
  if (!current) return new AppError('not_found', `no claim ${claimId}`, { path: ['id'] });
  return new AppError(
    'version_conflict',
    `this claim changed since you opened it (it is at version ${current.version}, not ${version}): review it and correct again`,
    { path: ['version'], details: { claim: toClaim(current) } },
  );
}

/** Appends the correction event, bumps nothing itself (the caller already did), records the change. */
async function appendCorrection(
  tx: Tx,
  data: {
    claimId: string;
    kind: 'edit' | 'reject' | 'restore' | 'add';
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    note: string;
    groupId: string;
    version: number;
  },
  actor: CorrectionActor,
) {
  const row = await tx.claimCorrection.create({
    data: {
      id: randomUUID(),
      claimId: data.claimId,
      kind: data.kind,
      before: JSON.stringify(data.before),
      after: JSON.stringify(data.after),
      note: data.note,
      groupId: data.groupId,
      authorId: actor.userId,
      authorName: actor.name,
      version: data.version,
    },
  });
  // The v1 sync sees every correction as a change of the claim (a rejection as a removal).
  await tx.claimChange.create({ data: { claimId: data.claimId } });
  return row;
}

/**
 * Corrects what the parser extracted (edit), rejects a claim as not a claim (reject) or undoes
 * that (restore). The claim's version is the lock, as for verdicts: a stale version changes
 * nothing and answers 409 with the claim as it stands. Corrections never touch verdicts; every
 * write of one action commits together or not at all.
 */
export async function correctClaim(
  db: Database,
  claimId: string,
  input: unknown,
  actor: CorrectionActor,
): Promise<CorrectionResponse> {
  const body = validate(createCorrectionRequestSchema, input);
  const note = body.note.trim();
  return db.prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: claimId }, include: { statement: true } });
    if (!claim) throw new AppError('not_found', `no claim ${claimId}`, { path: ['id'] });
    if (claim.version !== body.version) throw await conflictWithCurrent(tx, claimId, body.version);
    const groupId = randomUUID();
    const alsoChanged: string[] = [];
    let event: Awaited<ReturnType<typeof appendCorrection>>;

    const bump = async (id: string, version: number, data: Prisma.ClaimUpdateManyMutationInput) => {
      const updated = await tx.claim.updateMany({
        where: { id, version },
        // Who changed it: the live desk tells other open pages ("changed by <name>").
        data: {
          ...data,
          isCorrected: true,
          version: { increment: 1 },
          changedById: actor.userId,
          changedByName: actor.name,
        },
      });
      if (updated.count === 0) throw await conflictWithCurrent(tx, id, version);
    };

    if (body.kind === 'reject' || body.kind === 'restore') {
      const rejecting = body.kind === 'reject';
      if (claim.isRejected === rejecting) {
        throw new AppError(
          'conflict',
          rejecting ? 'this claim is already rejected' : 'this claim is not rejected: there is nothing to restore',
          { path: ['kind'] },
        );
      }
      // A figure of a rejected statement is not a claim on its own: the statement comes back first.
      if (!rejecting && claim.kind === 'figure') {
        const statementClaim = await tx.claim.findFirst({
          where: { statementId: claim.statementId, kind: 'statement', isRejected: true },
          select: { id: true },
        });
        if (statementClaim) {
          throw new AppError(
            'conflict',
            `its statement (${statementClaim.id}) is rejected as not a claim: restore the statement first (the figures rejected with it come back with it)`,
            { path: ['kind'], details: { claimId: statementClaim.id } },
          );
        }
      }
      // A figure lives inside its statement: rejecting the statement rejects its figures with it,
      // and restoring it brings back those (and only those) rejected in the same action.
      let figureIds: string[] = [];
      if (claim.kind === 'statement') {
        const figures = await tx.claim.findMany({
          where: { statementId: claim.statementId, kind: 'figure', isRejected: !rejecting },
          select: { id: true, version: true, corrections: { orderBy: { createdAt: 'desc' }, take: 1 } },
        });
        if (rejecting) figureIds = figures.map((f) => f.id);
        else {
          const lastReject = await tx.claimCorrection.findFirst({
            where: { claimId, kind: 'reject' },
            orderBy: { createdAt: 'desc' },
          });
          figureIds = figures
            .filter(
              (f) =>
                lastReject && f.corrections[0]?.kind === 'reject' && f.corrections[0].groupId === lastReject.groupId,
            )
            .map((f) => f.id);
        }
        for (const f of figures.filter((x) => figureIds.includes(x.id))) {
          await bump(f.id, f.version, { isRejected: rejecting });
          await appendCorrection(
            tx,
            {
              claimId: f.id,
              kind: body.kind,
              before: { rejected: !rejecting },
              after: { rejected: rejecting },
              note: `${rejecting ? 'rejected' : 'restored'} with its statement${note ? `: ${note}` : ''}`,
              groupId,
              version: f.version + 1,
            },
            actor,
          );
          alsoChanged.push(f.id);
        }
      }
      await bump(claimId, body.version, { isRejected: rejecting });
      event = await appendCorrection(
        tx,
        {
          claimId,
          kind: body.kind,
          before: { rejected: !rejecting },
          after: { rejected: rejecting },
          note,
          groupId,
          version: body.version + 1,
        },
        actor,
      );
    } else {
      const f = body.fields;
      if (claim.isRejected) {
        throw new AppError('conflict', 'this claim is rejected as not a claim: restore it before correcting it', {
          path: ['kind'],
        });
      }
      if (claim.kind === 'statement') {
        const figureField = FIGURE_FIELDS.find((k) => f[k] !== undefined);
        if (figureField) {
          throw new AppError(
            'validation_error',
            `fields.${figureField}: a statement has no ${figureField} of its own; correct it on the figure`,
            { path: ['fields', figureField] },
          );
        }
      }
      const st = claim.statement;
      const needsText = ['source', 'cue', 'content', 'span'].some((k) => f[k as keyof typeof f] != null);
      const raw = needsText
        ? (await tx.article.findUniqueOrThrow({ where: { id: claim.articleId }, select: { text: true } })).text
        : '';
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const changed = (key: string, was: unknown, now: unknown) => {
        if (same(was, now)) return false;
        before[key] = was;
        after[key] = now;
        return true;
      };
      const statementData: Prisma.StatementUpdateInput = {};
      /** Copies of statement fields on every claim of the statement (the queue filters by them). */
      const denormalised: Prisma.ClaimUpdateManyMutationInput = {};
      const own: Prisma.ClaimUpdateManyMutationInput = {};

      if (f.source !== undefined) {
        const now = f.source ? readSpan(raw, f.source, ['fields', 'source']) : null;
        if (changed('source', spanOf(st.sourceText, st.sourceStart, st.sourceEnd), now))
          Object.assign(statementData, {
            sourceText: now?.text ?? null,
            sourceStart: now?.start ?? null,
            sourceEnd: now?.end ?? null,
          });
      }
      if (f.sourceCanonical !== undefined && changed('sourceCanonical', st.sourceCanonical, f.sourceCanonical)) {
        statementData.sourceCanonical = f.sourceCanonical;
        denormalised.sourceCanonical = f.sourceCanonical;
      }
      if (f.side !== undefined && changed('side', st.side, f.side)) {
        statementData.side = f.side;
        denormalised.side = f.side;
      }
      if (f.cue !== undefined) {
        const now = f.cue ? readSpan(raw, f.cue, ['fields', 'cue']) : null;
        if (changed('cue', spanOf(st.cueText, st.cueStart, st.cueEnd), now))
          Object.assign(statementData, {
            cueText: now?.text ?? null,
            cueStart: now?.start ?? null,
            cueEnd: now?.end ?? null,
          });
      }
      let content = { start: st.contentStart, end: st.contentEnd };
      let contentChanged = false;
      if (f.content !== undefined) {
        const now = readSpan(raw, f.content, ['fields', 'content']);
        if (changed('content', spanOf(st.contentText, st.contentStart, st.contentEnd), now)) {
          Object.assign(statementData, { contentText: now.text, contentStart: now.start, contentEnd: now.end });
          content = now;
          contentChanged = true;
          // Its figures live inside it: a content that would leave one outside is refused.
          const outside = await tx.claim.findFirst({
            where: {
              statementId: st.id,
              kind: 'figure',
              isRejected: false,
              // This figure's own new span (given with it) is checked against the new content below.
              ...(f.span !== undefined ? { id: { not: claimId } } : {}),
              OR: [{ start: { lt: now.start } }, { end: { gt: now.end } }],
            },
            select: { text: true, start: true, end: true },
          });
          if (outside) {
            throw new AppError(
              'validation_error',
              `fields.content: the statement's figure "${outside.text}" (${outside.start}-${outside.end}) would lie outside it; correct or reject that figure first`,
              { path: ['fields', 'content'] },
            );
          }
        }
      }
      if (f.asOf !== undefined && changed('asOf', st.asOf, f.asOf)) {
        statementData.asOf = f.asOf;
        denormalised.asOf = f.asOf;
      }
      if (f.direct !== undefined && changed('direct', st.direct, f.direct)) statementData.direct = f.direct;
      if (f.span !== undefined) {
        const now = readSpan(raw, f.span, ['fields', 'span']);
        if (now.start < content.start || now.end > content.end) {
          throw new AppError(
            'validation_error',
            `fields.span: a figure lies inside its statement's content (${content.start}-${content.end})`,
            { path: ['fields', 'span'] },
          );
        }
        if (changed('span', { text: claim.text, start: claim.start, end: claim.end }, now))
          Object.assign(own, { text: now.text, start: now.start, end: now.end });
      }
      for (const key of ['value', 'qualifier', 'category', 'figureKind', 'unit', 'subject', 'since'] as const) {
        const now = f[key];
        if (now !== undefined && changed(key, claim[key], now)) Object.assign(own, { [key]: now });
      }
      if (Object.keys(after).length === 0) {
        throw new AppError('validation_error', 'fields: nothing to correct, every field already has this value', {
          path: ['fields'],
        });
      }
      // The statement claim's own span is the statement's content.
      if (contentChanged && claim.kind === 'statement') {
        const now = after.content as Span;
        Object.assign(own, { text: now.text, start: now.start, end: now.end });
      }
      await bump(claimId, body.version, { ...own, ...denormalised });
      if (Object.keys(statementData).length > 0) {
        await tx.statement.update({ where: { id: st.id }, data: { ...statementData, isCorrected: true } });
        // The other claims of the statement carry its fields too (and its content, for its claim).
        const siblings = await tx.claim.findMany({
          where: { statementId: st.id, id: { not: claimId } },
          select: { id: true, kind: true },
        });
        for (const s of siblings) {
          const data: Prisma.ClaimUpdateInput = { ...denormalised };
          if (s.kind === 'statement') {
            data.isCorrected = true;
            if (contentChanged) {
              const now = after.content as Span;
              Object.assign(data, { text: now.text, start: now.start, end: now.end });
            }
          }
          if (Object.keys(data).length === 0) continue;
          await tx.claim.update({ where: { id: s.id }, data });
          await tx.claimChange.create({ data: { claimId: s.id } });
          alsoChanged.push(s.id);
        }
      }
      event = await appendCorrection(
        tx,
        { claimId, kind: 'edit', before, after, note, groupId, version: body.version + 1 },
        actor,
      );
    }

    // A corrected source is a spelling: link it to its entity.
    await linkArticleSources(tx, db.provider, claim.articleId);
    // Webhook consumers hear of corrections to what they were sent (claims with a public verdict).
    await queueCorrectionWebhooks(
      tx,
      body.kind === 'edit' ? 'claim.corrected' : body.kind === 'reject' ? 'claim.rejected' : 'claim.restored',
      [claimId, ...alsoChanged],
    );
    const rows = await tx.claim.findMany({
      where: { id: { in: [claimId, ...alsoChanged] } },
      include: latestVerdictInclude,
    });
    const target = rows.find((r) => r.id === claimId);
    if (!target) throw new AppError('not_found', `no claim ${claimId}`, { path: ['id'] });
    return {
      claim: toClaim(target),
      correction: toCorrection(event),
      alsoChanged: rows.filter((r) => r.id !== claimId).map(toClaim),
    };
  });
}
