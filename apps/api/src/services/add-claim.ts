import { randomUUID } from 'node:crypto';
import { type CorrectionResponse, type FigureKind, addClaimRequestSchema } from '@claimdesk/contracts';
import type { Database, Prisma } from '@claimdesk/db';
import { AppError } from '../errors.ts';
import { validate } from '../validate.ts';
import { type CorrectionActor, readSpan } from './correct-claim.ts';
import { latestVerdictInclude, toClaim } from './serialize.ts';
import { toCorrection } from './serialize-corrections.ts';
import { linkArticleSources } from './source-entities.ts';

/** What an added figure is when the editor does not say: most categories count losses. */
function defaultFigureKind(category: string): FigureKind {
  if (category === 'money') return 'money';
  if (category === 'other') return 'other';
  if (category === 'refugees' || category === 'displaced' || category === 'evacuated') return 'count';
  return 'loss';
}

/**
 * The ordinal an added claim takes so that it sits in article order (the claim list, j/k and the
 * queue's article sort all follow ordinals): before the first claim that comes after it in the
 * text (starts later, or at the same offset inside it), whose ordinal and every later one move up
 * by one. Nothing after it: it goes last.
 */
async function makeRoomInArticleOrder(
  tx: Prisma.TransactionClient,
  articleId: string,
  span: { start: number; end: number },
): Promise<number> {
  const next = await tx.claim.findFirst({
    where: {
      articleId,
      OR: [{ start: { gt: span.start } }, { start: span.start, end: { lt: span.end } }],
    },
    orderBy: { ordinal: 'asc' },
    select: { ordinal: true },
  });
  if (!next) {
    const last = await tx.claim.findFirst({
      where: { articleId },
      orderBy: { ordinal: 'desc' },
      select: { ordinal: true },
    });
    return (last?.ordinal ?? -1) + 1;
  }
  await tx.claim.updateMany({
    where: { articleId, ordinal: { gte: next.ordinal } },
    data: { ordinal: { increment: 1 } },
  });
  return next.ordinal;
}

/**
 * Adds a statement or figure the parser missed, from offsets into the stored article text. A
 * figure goes into the statement whose content holds it (the innermost one, as the parser nests
 * them); a statement is the editor's own, with the source they name. The same span added twice
 * (two editors at once) is refused with 409: the first one stands.
 */
export async function addClaim(
  db: Database,
  articleId: string,
  input: unknown,
  actor: CorrectionActor,
): Promise<CorrectionResponse> {
  const body = validate(addClaimRequestSchema, input);
  const note = body.note.trim();
  return db.prisma.$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id: articleId },
      select: { text: true, publishedOn: true },
    });
    if (!article) throw new AppError('not_found', `no article ${articleId}`, { path: ['id'] });
    const offsets = body.kind === 'statement' ? body.content : body.span;
    const field = body.kind === 'statement' ? 'content' : 'span';
    const span = readSpan(article.text, offsets, [field]);
    const twin = await tx.claim.findFirst({
      where: { articleId, kind: body.kind, start: span.start, end: span.end, isRejected: false },
      select: { id: true },
    });
    if (twin) {
      throw new AppError('conflict', `${field}: this ${body.kind} is already a claim (${twin.id})`, {
        path: [field],
        details: { claimId: twin.id },
      });
    }
    const ordinal = await makeRoomInArticleOrder(tx, articleId, span);
    const claimId = randomUUID();
    let after: Record<string, unknown>;

    if (body.kind === 'statement') {
      const source = body.source ? readSpan(article.text, body.source, ['source']) : null;
      const cue = body.cue ? readSpan(article.text, body.cue, ['cue']) : null;
      const asOf = body.asOf === undefined ? article.publishedOn : body.asOf;
      const statementId = randomUUID();
      const statements = await tx.statement.count({ where: { articleId } });
      await tx.statement.create({
        data: {
          id: statementId,
          articleId,
          key: `e${claimId.slice(0, 8)}`,
          ordinal: statements,
          sourceText: source?.text ?? null,
          sourceStart: source?.start ?? null,
          sourceEnd: source?.end ?? null,
          sourceCanonical: body.sourceCanonical,
          side: body.side,
          cueText: cue?.text ?? null,
          cueStart: cue?.start ?? null,
          cueEnd: cue?.end ?? null,
          contentText: span.text,
          contentStart: span.start,
          contentEnd: span.end,
          direct: body.direct,
          asOf,
          isCorrected: true,
        },
      });
      await tx.claim.create({
        data: {
          id: claimId,
          articleId,
          statementId,
          kind: 'statement',
          ordinal,
          text: span.text,
          start: span.start,
          end: span.end,
          sourceCanonical: body.sourceCanonical,
          side: body.side,
          asOf,
          publishedOn: article.publishedOn,
          origin: 'editor',
          isCorrected: true,
          version: 1,
        },
      });
      after = {
        content: span,
        source,
        sourceCanonical: body.sourceCanonical,
        side: body.side,
        cue,
        asOf,
        direct: body.direct,
      };
    } else {
      // The innermost statement whose content holds the figure, and that is not rejected.
      const holders = await tx.statement.findMany({
        where: { articleId, contentStart: { lte: span.start }, contentEnd: { gte: span.end } },
        include: { claims: { select: { kind: true, isRejected: true } } },
      });
      const statement = holders
        .filter((s) => !s.claims.some((c) => c.kind === 'statement' && c.isRejected))
        .sort((a, b) => a.contentEnd - a.contentStart - (b.contentEnd - b.contentStart))[0];
      if (!statement) {
        throw new AppError(
          'validation_error',
          'span: a figure lies inside a statement, and no statement holds this text; add the statement first',
          { path: ['span'] },
        );
      }
      const figureKind = body.figureKind ?? defaultFigureKind(body.category);
      await tx.claim.create({
        data: {
          id: claimId,
          articleId,
          statementId: statement.id,
          kind: 'figure',
          ordinal,
          text: span.text,
          start: span.start,
          end: span.end,
          sourceCanonical: statement.sourceCanonical,
          side: statement.side,
          asOf: statement.asOf,
          publishedOn: article.publishedOn,
          value: body.value,
          qualifier: body.qualifier,
          category: body.category,
          figureKind,
          unit: body.unit,
          subject: body.subject,
          since: body.since,
          origin: 'editor',
          isCorrected: true,
          version: 1,
        },
      });
      after = {
        span,
        value: body.value,
        qualifier: body.qualifier,
        category: body.category,
        figureKind,
        unit: body.unit,
        subject: body.subject,
        since: body.since,
      };
    }
    const event = await tx.claimCorrection.create({
      data: {
        id: randomUUID(),
        claimId,
        kind: 'add',
        before: '{}',
        after: JSON.stringify(after),
        note,
        groupId: randomUUID(),
        authorId: actor.userId,
        authorName: actor.name,
        version: 1,
      },
    });
    await tx.claimChange.create({ data: { claimId } });
    await linkArticleSources(tx, db.provider, articleId);
    const claim = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, include: latestVerdictInclude });
    return { claim: toClaim(claim), correction: toCorrection(event), alsoChanged: [] };
  });
}
