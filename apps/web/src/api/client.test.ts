import { describe, expect, it } from 'vitest';
import { ApiError, shouldRetry } from './client.ts';

describe('shouldRetry', () => {
  it('tries once more after a network failure or a server error, never after a 4xx', () => {
    expect(shouldRetry(0, new ApiError(0, 'network_error', 'unreachable'))).toBe(true);
    expect(shouldRetry(0, new ApiError(503, 'internal_error', 'down'))).toBe(true);
    expect(shouldRetry(1, new ApiError(503, 'internal_error', 'down'))).toBe(false);
    expect(shouldRetry(0, new ApiError(404, 'not_found', 'no such article'))).toBe(false);
    expect(shouldRetry(0, new ApiError(401, 'unauthenticated', 'signed out'))).toBe(false);
  });
});
