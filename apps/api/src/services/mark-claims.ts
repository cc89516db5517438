import { type MarkClaimsResponse, markClaimsRequestSchema } from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import { AppError } from '../errors.ts';
import { validate } from '../validate.ts';
import { type VerdictActor, appendVerdict, checkVerdict } from './mark-claim.ts';

/**
 * One verdict for several claims (the same quote reported by several outlets), all or none: each
 * claim gets its own verdict and history entry, checked against the version the editor saw, in one
 * transaction, so a conflict on any of them saves nothing.
 */
export async function markClaims(db: Database, input: unknown, actor: VerdictActor): Promise<MarkClaimsResponse> {
  const { claims, ...verdict } = validate(markClaimsRequestSchema, input);
  const common = checkVerdict({ ...verdict, version: 0 });
  return db.prisma.$transaction(
    async (tx) => {
      const items = [];
      for (const [i, claim] of claims.entries()) {
        try {
          items.push(await appendVerdict(tx, claim.id, { ...common, version: claim.version }, actor));
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          throw new AppError(error.code, `claims.${i}: ${error.message}`, {
            path: ['claims', i, ...error.path],
            details: error.details,
          });
        }
      }
      return { items };
    },
    { timeout: 30_000 },
  );
}
