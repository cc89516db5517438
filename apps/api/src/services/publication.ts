import type { Claim } from '@claimdesk/contracts';
import type { Prisma } from '@claimdesk/db';
import type { Actor } from '../auth/authenticate.ts';
import { latestVerdictInclude, toClaim, toRetraction, toVerdict, verdictInclude } from './serialize.ts';

/**
 * Who sees what. The desk (signed-in users) sees every verdict, drafts included; consumers (API
 * keys, /api/v1, ClaimReview, CSV, webhooks) see only published verdicts.
 */
export type View = 'desk' | 'public';

export function viewOf(actor: Actor | undefined): View {
  return actor?.kind === 'user' ? 'desk' : 'public';
}

/** The status column a view filters and counts by. */
export const statusColumn = (view: View) => (view === 'public' ? 'publishedStatus' : 'status');

/** The latest published verdict (retracted or not): what a consumer's view of a claim is built from. */
export const publishedVerdictInclude = {
  verdicts: {
    where: { publishedAt: { not: null } },
    orderBy: [{ createdAt: 'desc' }, { version: 'desc' }],
    take: 1,
    include: verdictInclude,
  },
} satisfies Prisma.ClaimInclude;

type Row = Parameters<typeof toClaim>[0];

/**
 * A claim as consumers see it, read with `publishedVerdictInclude`: the status and verdict are the
 * published ones, so a draft shows nowhere. `version` and `updatedAt` stay the claim's own
 * counters (each change a consumer is sent is a new state of them); a draft alone sends nothing.
 */
export function toPublicClaim(row: Row): Claim {
  const published = row.verdicts?.[0];
  const isRetracted = published?.retractedAt != null;
  return {
    ...toClaim({ ...row, verdicts: [] }),
    status: row.publishedStatus as Claim['status'],
    latestVerdict: published && !isRetracted ? toVerdict(published) : null,
    retraction: toRetraction(published),
  };
}

/** One claim for a view, from a row read with the matching include. */
export const toClaimFor = (view: View) => (view === 'public' ? toPublicClaim : toClaim);

/** The include that goes with a view. */
export const claimIncludeFor = (view: View) => (view === 'public' ? publishedVerdictInclude : latestVerdictInclude);
