import { describe, expect, it } from 'vitest';
import { SourceResolver } from './canonical.ts';
import { holdersOf } from './office-lexicon.ts';

describe('holdersOf', () => {
  it('reads the party and the office of a role phrase', () => {
    expect(holdersOf('the US president')).toContain('biden');
    expect(holdersOf('the German chancellor')).toContain('scholz');
    expect(holdersOf('the Nato secretary general')).toEqual(['stoltenberg']);
    expect(holdersOf('the former US president')).toBeNull();
    expect(holdersOf('the US vice president')).toBeNull();
    expect(holdersOf('the president')).toBeNull();
  });
});

describe('SourceResolver with offices', () => {
  it('resolves an office to its holder only when the article names exactly one', () => {
    const raw = 'Joe Biden announced rockets. “We moved quickly,” the US president wrote.';
    const at = raw.indexOf('the US president');
    expect(new SourceResolver(raw).resolve('the US president', 'the US president', at).canonical).toBe('Joe Biden');
    const two = 'Donald Trump and Joe Biden spoke. “We moved quickly,” the US president wrote.';
    const at2 = two.indexOf('the US president');
    expect(new SourceResolver(two).resolve('the US president', 'the US president', at2).canonical).toBe('US president');
  });
});
