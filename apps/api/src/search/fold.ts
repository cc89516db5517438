/**
 * Folds text so that the spellings of one name compare equal: case, accents, Cyrillic script and
 * the usual Ukrainian/Russian transliteration variants ("Zelenskyy", "Zelenskiy", "Zelensky",
 * "Зеленський" -> "zelenski"; "Kyiv", "Kiev", "Київ" -> "kiv"; "Haidai", "Gaiday" -> "gaidai";
 * "Kharkiv", "Kharkov" -> "garkiv"). Applied the same way to what is indexed and to what is
 * searched, so the folded form only has to be the same for variants, not readable. `%` and `_` are
 * kept as characters of a word (they are never wildcards); every other non-letter, non-digit is a
 * word break. Search matches the start of a folded word (search-claims.ts), so the folds may be
 * generous without "Kyiv" finding "Kharkiv".
 *
 * `foldName` is the older, narrower fold that source alias keys (SourceAlias.key) are stored in:
 * a key identifies an entity, so it does not change with the search folds (that would need every
 * stored key re-made and could join two people's aliases).
 */

// Cyrillic (Ukrainian and Russian) to Latin, one common scheme; the folds below absorb the others.
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/**
 * One word, already lower-case Latin: the Ukrainian/Russian transliteration variants collapsed by
 * equivalence classes of letters, never by a list of names. Both spellings of a pair fold to one
 * form: Kharkiv/Kharkov, Kyiv/Kiev, Zelensky/Zelenskiy/Zelenskyy, Haidai/Gaiday,
 * Mykolaiv/Nikolaev, Luhansk/Lugansk, Odesa/Odessa, Zaporizhzhia/Zaporozhye.
 */
function foldWord(word: string): string {
  return (
    word
      // ж is zh in every scheme: one letter, so that its h does not become g below.
      .replaceAll('zh', 'ж')
      // х (kh), Ukrainian г (h) and Russian г (g) are one class: Kharkiv/Harkiv, Haidai/Gaidai, Luhansk/Lugansk.
      .replaceAll('kh', 'g')
      .replaceAll('h', 'g')
      // й, и, ы, і and the y/j of the various schemes: i (Zelenskyy / Zelenskiy, Gaiday / Haidai).
      .replaceAll(/[yj]/g, 'i')
      // Russian е after i and Ukrainian і/ї (Kiev / Kyiv, Sergei / Serhii); -ye/-ia endings below.
      .replaceAll(/ie|ei/g, 'i')
      // Doubled letters (not digits), from the schemes or the spelling: one (Zelenskii, Kyiv -> kiiv,
      // Odessa, Zaporizhzhia).
      .replaceAll(/(\p{L})\1+/gu, '$1')
      // Ukrainian -ія / -жжя for Russian -ие / -ье: one ending (Zaporizhzhia / Zaporozhye).
      .replace(/ia$/, 'i')
      // Russian -ев for Ukrainian -їв (Nikolaev / Mykolaiv, Kiev).
      .replace(/ev$/, 'iv')
      // Ukrainian і for Russian о in the closed last syllable (Kharkiv / Kharkov, Lviv / Lvov,
      // Zaporizhzhia / Zaporozhye): the o before the final consonants (and a final i) folds to i.
      .replace(/o([^aeiou]+i?)$/, 'i$1')
      // Ukrainian Мико- for Russian Нико- (Mykola / Nikolai, Mykolaiv / Nikolaev).
      .replace(/^miko/, 'niko')
  );
}

/** True when a folded word has a letter or digit (a word of only `%` and `_` is matched anywhere). */
export const isWordLike = (word: string) => /[\p{L}\p{N}]/u.test(word);

/** One word for a source alias key: the narrower fold keys were stored in (see above). */
function foldNameWord(word: string): string {
  return word
    .replaceAll('kh', 'x')
    .replaceAll('h', 'g')
    .replaceAll(/[yj]/g, 'i')
    .replaceAll(/ie|ei/g, 'i')
    .replaceAll(/([aeiou])\1+/g, '$1');
}

/** A source name folded for its alias key (SourceAlias.key). */
export function foldName(text: string): string {
  return latinWords(text).map(foldNameWord).join(' ');
}

/** The words of a text, folded (see above). */
export function foldWords(text: string): string[] {
  return latinWords(text).map(foldWord);
}

/** The words of a text in lower-case Latin, unfolded. */
function latinWords(text: string): string[] {
  const latin = text
    .normalize('NFKD')
    .replaceAll(/\p{M}/gu, '')
    .toLowerCase()
    // A soft or hard sign before a vowel is sounded y (Запорожье: Zaporozhye).
    .replaceAll(/[ьъ](?=[еёюяи])/g, 'й')
    .replaceAll(/[\u0400-\u04ff]/g, (c) => CYRILLIC[c] ?? c)
    // Apostrophes inside a word (Ukrains'kyi, O'Brien) join it.
    .replaceAll(/(\p{L})['’ʼ](\p{L})/gu, '$1$2');
  return latin.split(/[^\p{L}\p{N}%_]+/u).filter(Boolean);
}

/** A text folded for comparison and indexing: its folded words, one space apart. */
export function foldText(text: string): string {
  return foldWords(text).join(' ');
}
