import { describe, expect, it } from 'vitest';
import { resolveAsOf, resolveSince } from './dates.ts';

describe('resolveSince', () => {
  it.each([
    ['losses since February 24', '2022-02-24'],
    ['since 24 February', '2022-02-24'],
    ['total combat losses from 24.02 to 12.04', '2022-02-24'],
    ['since the start of the invasion', '2022-02-24'],
    ['since the beginning of the full-scale war', '2022-02-24'],
    ['since the beginning of the special military operation', '2022-02-24'],
    ['since the invasion began', '2022-02-24'],
    ['since Russia invaded', '2022-02-24'],
  ])('%s -> %s', (text, iso) => {
    expect(resolveSince(text, '2022-04-12')).toBe(iso);
  });

  it('returns null without a start', () => {
    expect(resolveSince('Russia has lost 14 aircraft', '2022-02-27')).toBeNull();
    expect(resolveSince('since Sunday', '2022-02-27')).toBeNull();
  });
});

describe('resolveAsOf', () => {
  it('resolves a weekday to the latest such day not after the article', () => {
    expect(resolveAsOf('the ministry said on Saturday', '2022-02-27')).toBe('2022-02-26');
    expect(resolveAsOf('said yesterday', '2022-02-27')).toBe('2022-02-26');
    expect(resolveAsOf('on 25 February', '2022-02-27')).toBe('2022-02-25');
    expect(resolveAsOf('no date here', '2022-02-27')).toBe('2022-02-27');
    expect(resolveAsOf('on Saturday', null)).toBeNull();
  });
});
