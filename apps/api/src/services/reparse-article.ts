import type { ArticleDetail } from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import { parseArticle } from '@claimdesk/parser';
import { AppError } from '../errors.ts';
import { lockChangeFeed } from './change-feed-lock.ts';
import { getArticle } from './get-article.ts';
import { buildArticleRows } from './import-article.ts';

type OldClaim = { id: string; kind: string; text: string; start: number; end: number; status: string };
type NewClaim = ReturnType<typeof buildArticleRows>['claims'][number];

/**
 * Pairs old and new claims: same kind and text at the same offsets first, then the same kind and
 * text at the nearest offset (the parser moved a span boundary elsewhere).
 */
export function matchClaims(oldClaims: OldClaim[], newClaims: NewClaim[]): Map<string, OldClaim> {
  const matches = new Map<string, OldClaim>();
  const used = new Set<string>();
  for (const n of newClaims) {
    const exact = oldClaims.find((o) => !used.has(o.id) && o.kind === n.kind && o.text === n.text && o.start === n.start);
    if (exact) {
      matches.set(n.id, exact);
      used.add(exact.id);
    }
  }
  for (const n of newClaims) {
    if (matches.has(n.id)) continue;
    const candidates = oldClaims
      .filter((o) => !used.has(o.id) && o.kind === n.kind && o.text === n.text)
      .sort((a, b) => Math.abs(a.start - n.start) - Math.abs(b.start - n.start));
    const best = candidates[0];
    if (best) {
      matches.set(n.id, best);
      used.add(best.id);
    }
  }
  return matches;
}

/**
 * Re-runs the current parser on a stored article. Judged claims are never lost: a matched claim
 * keeps its id, status, version and verdicts (moved to the new statement); an unmatched judged
 * claim stays, marked isFound = false; unmatched pending claims go.
 */
export async function reparseArticle(db: Database, articleId: string): Promise<ArticleDetail> {
  const article = await db.prisma.article.findUnique({ where: { id: articleId }, include: { claims: true, statements: true } });
  if (!article) throw new AppError('not_found', `no article ${articleId}`, { path: ['id'] });
  const parsed = parseArticle(article.text, article.fileName ? { file: article.fileName } : {});
  const { statements, claims } = buildArticleRows(articleId, parsed);
  const matches = matchClaims(article.claims, claims);
  const matchedOld = new Set([...matches.values()].map((o) => o.id));
  await db.prisma.$transaction(async (tx) => {
    await lockChangeFeed(db, tx);
    await tx.statement.createMany({ data: statements });
    for (const n of claims) {
      const old = matches.get(n.id);
      if (old) {
        const { id: _newId, ...fields } = n;
        await tx.claim.update({ where: { id: old.id }, data: { ...fields, isFound: true } });
        await tx.claimChange.create({ data: { claimId: old.id } });
      } else {
        await tx.claim.create({ data: n });
        await tx.claimChange.create({ data: { claimId: n.id } });
      }
    }
    const lost = article.claims.filter((o) => !matchedOld.has(o.id));
    const judgedLost = lost.filter((o) => o.status !== 'pending').map((o) => o.id);
    await tx.claim.deleteMany({ where: { id: { in: lost.filter((o) => o.status === 'pending').map((o) => o.id) } } });
    if (judgedLost.length > 0) {
      // Keep each judged claim attached to a statement: the first new one, or a kept old one.
      const keepStatementIds = new Set(
        (await tx.claim.findMany({ where: { id: { in: judgedLost } }, select: { statementId: true } })).map((c) => c.statementId),
      );
      await tx.claim.updateMany({ where: { id: { in: judgedLost } }, data: { isFound: false } });
      for (const claimId of judgedLost) await tx.claimChange.create({ data: { claimId } });
      await tx.statement.deleteMany({ where: { articleId, id: { in: article.statements.map((s) => s.id).filter((sid) => !keepStatementIds.has(sid)) } } });
    } else {
      await tx.statement.deleteMany({ where: { articleId, id: { in: article.statements.map((s) => s.id) } } });
    }
    await tx.article.update({ where: { id: articleId }, data: { parserVersion: parsed.parserVersion } });
  });
  return getArticle(db, articleId);
}

