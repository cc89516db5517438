import { describe, expect, it } from 'vitest';
import { foldName, foldText } from './fold.ts';
import { claimSearchText, searchTerms } from './search-claims.ts';

/** Does a search for `query` find a text (every word of the query starts a word of the text)? */
const finds = (query: string, text: string) => {
  const stored = claimSearchText(text, null);
  const terms = searchTerms(query);
  return terms.length > 0 && terms.every((t) => stored.includes(t));
};

// Ukrainian (or official) spelling first, Russian or older spellings after.
const PAIRS: Array<[string, ...string[]]> = [
  ['Kharkiv', 'Kharkov', 'Харків', 'Харьков'],
  ['Kyiv', 'Kiev', 'Київ', 'Киев'],
  ['Zelensky', 'Zelenskiy', 'Zelenskyy', 'Зеленський', 'Зеленский'],
  ['Haidai', 'Gaiday', 'Gaidai', 'Гайдай'],
  ['Mykolaiv', 'Nikolaev', 'Nikolayev', 'Миколаїв', 'Николаев'],
  ['Luhansk', 'Lugansk', 'Луганськ', 'Луганск'],
  ['Odesa', 'Odessa', 'Одеса', 'Одесса'],
  ['Zaporizhzhia', 'Zaporozhye', 'Zaporizhia', 'Запоріжжя', 'Запорожье'],
  ['Lviv', 'Lvov', 'Львів', 'Львов'],
];

describe('search fold', () => {
  it.each(PAIRS)('folds every spelling of %s to one form, and each finds the others in both directions', (...names) => {
    expect(new Set(names.map(foldText)).size, names.map(foldText).join(', ')).toBe(1);
    for (const a of names)
      for (const b of names) expect(finds(a, `Shelling near ${b}, officials said.`), `${a} -> ${b}`).toBe(true);
  });

  it('ignores case and accents, and finds a name with a suffix or an apostrophe (the start of a word)', () => {
    expect(finds('KÍEV', 'kiev')).toBe(true);
    expect(finds('Kharkov', "Kharkiv's mayor")).toBe(true);
    expect(finds('Zaporozhye', 'Zaporizhzhia region')).toBe(true);
    expect(finds('Zelen', 'President Zelenskyy')).toBe(true);
  });

  it('does not make everything match everything: distinct places, people and words stay apart', () => {
    const distinct = [
      'Kyiv',
      'Kharkiv',
      'Kherson',
      'Lviv',
      'Luhansk',
      'Lysychansk',
      'Mariupol',
      'Mykolaiv',
      'Odesa',
      'Zaporizhzhia',
      'Donetsk',
      'Dnipro',
      'Izium',
      'Bucha',
      'Irpin',
      'Zelensky',
      'Haidai',
      'Peskov',
      'Shoigu',
      'Kim',
      'tanks',
      'drones',
      'shells',
      'civilians',
      'killed',
      'wounded',
    ];
    const wrong: string[] = [];
    for (const a of distinct)
      for (const b of distinct) if (a !== b && finds(a, `Report from ${b} today.`)) wrong.push(`${a} -> ${b}`);
    expect(wrong).toEqual([]);
    // Numbers keep their digits: "100" is not "10" or "1000".
    expect(finds('100', '10 tanks')).toBe(false);
    expect(finds('100', '1000 tanks')).toBe(true);
    expect(finds('10', '100 tanks')).toBe(true);
    expect(finds('100', '1,00 tanks')).toBe(false);
  });

  it('keeps source alias keys in the narrower fold they were stored in', () => {
    expect(foldName('Zelenskyy')).toBe('zelenski');
    expect(foldName('Kharkov')).toBe('xarkov');
    expect(foldName('Serhiy Haidai')).toBe(foldName('Sergiy Gaiday'));
  });
});
