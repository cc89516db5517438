import type { Claim } from '@claimdesk/contracts';

/**
 * The next pending claim after the one at `from` (-1: none selected), wrapping round to the top,
 * so a reviewer can skip what is already judged in a long article. Null when nothing else is pending.
 */
export function nextPendingClaim(claims: Claim[], from: number): Claim | null {
  // From no selection every claim is a candidate; from a claim, every other one.
  const start = from < 0 ? 0 : from + 1;
  const count = from < 0 ? claims.length : claims.length - 1;
  for (let i = 0; i < count; i++) {
    const claim = claims[(start + i) % claims.length];
    if (claim?.status === 'pending') return claim;
  }
  return null;
}
