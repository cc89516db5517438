import { describe, expect, it } from 'vitest';
import { makeClaim } from '../test/fixtures.tsx';
import { nextPendingClaim } from './next-pending.ts';

describe('nextPendingClaim', () => {
  const claims = [
    makeClaim({ id: 'a', status: 'verified' }),
    makeClaim({ id: 'b', status: 'pending' }),
    makeClaim({ id: 'c', status: 'disputed' }),
    makeClaim({ id: 'd', status: 'pending' }),
  ];

  it('skips judged claims, wraps round to the top, and starts at the top when nothing is selected', () => {
    expect(nextPendingClaim(claims, 1)?.id).toBe('d');
    expect(nextPendingClaim(claims, 2)?.id).toBe('d');
    expect(nextPendingClaim(claims, 3)?.id).toBe('b');
    expect(nextPendingClaim(claims, -1)?.id).toBe('b');
  });

  it('finds nothing when the selected claim is the only one pending, or none is', () => {
    expect(nextPendingClaim(claims.slice(0, 3), 1)).toBeNull();
    expect(nextPendingClaim([makeClaim({ status: 'verified' })], -1)).toBeNull();
    expect(nextPendingClaim([], -1)).toBeNull();
  });
});
