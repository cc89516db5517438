import type { V1ClaimDetail } from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import { getClaimReference } from './get-claim-reference.ts';
import { getClaim } from './list-claims.ts';
import { listRelatedClaims } from './list-related-claims.ts';
import { getSourceSummary } from './source-entities.ts';

/** One claim for consumers: what the desk shows beside it, in one answer. */
export async function getV1Claim(db: Database, claimId: string): Promise<V1ClaimDetail> {
  // The consumers' view: published verdicts only.
  const claim = await getClaim(db, claimId, 'public');
  const [{ claimId: _r, ...reference }, { claimId: _l, ...related }, sourceEntity] = await Promise.all([
    getClaimReference(db, claimId),
    listRelatedClaims(db, claimId, 'public'),
    claim.sourceId ? getSourceSummary(db, claim.sourceId) : null,
  ]);
  return { ...claim, reference, related, sourceEntity };
}
