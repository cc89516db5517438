import { describe, expect, it } from 'vitest';
import { canonicalAlias } from './alias-lexicon.ts';

describe('canonicalAlias', () => {
  it('unifies transliterations and titles of one person', () => {
    for (const n of ['Zelenskiy', 'Volodymyr Zelensky', 'President Zelenskyy', 'Mr. Zelensky', 'Zelenskyy’s'])
      expect(canonicalAlias(n)).toBe('Volodymyr Zelenskyy');
    expect(canonicalAlias('Sergiy Gaiday')).toBe('Serhiy Haidai');
    expect(canonicalAlias('Haidai')).toBe('Serhiy Haidai');
  });

  it('forgives a one-letter slip in a long surname when the first name settles who it is', () => {
    expect(canonicalAlias('Olena Zelenskam')).toBe('Olena Zelenska');
    expect(canonicalAlias('Volodymyr Zelenskyyy')).toBe('Volodymyr Zelenskyy');
    expect(canonicalAlias('Anna Zelenskam')).toBe('Anna Zelenskam');
    expect(canonicalAlias('Zelenskam')).toBe('Zelenskam');
  });

  it('keeps a different first name apart', () => {
    expect(canonicalAlias('Olena Zelenska')).toBe('Olena Zelenska');
    expect(canonicalAlias('Anna Putin')).toBe('Anna Putin');
  });

  it('unifies the phrasings of a body', () => {
    for (const n of ["Russia's defence ministry", 'the Russian Defense Ministry', 'Russian Ministry of Defence'])
      expect(canonicalAlias(n)).toBe('Ministry of Defence of Russia');
    expect(canonicalAlias('Ukraine’s defence ministry')).toBe('Ministry of Defence of Ukraine');
  });

  it('leaves unknown names as written', () => {
    expect(canonicalAlias('Anna Ivanova')).toBe('Anna Ivanova');
    expect(canonicalAlias('the mayor')).toBe('the mayor');
  });
});
