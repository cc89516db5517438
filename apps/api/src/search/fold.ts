/**
 * Folds text so that the spellings of one name compare equal: case, accents, Cyrillic script and
 * the usual Ukrainian/Russian transliteration variants ("Zelenskyy", "Zelenskiy", "Zelensky",
 * "Зеленський" -> "zelenski"; "Kyiv", "Kiev", "Київ" -> "kiv"; "Haidai", "Gaiday" -> "gaidai").
 * Applied the same way to what is indexed and to what is searched, so the folded form only has to
 * be the same for variants, not readable. `%` and `_` are kept as characters of a word (they are
 * never wildcards); every other non-letter, non-digit is a word break.
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

/** One word, already lower-case Latin: the transliteration variants collapsed. */
function foldWord(word: string): string {
  return (
    word
      // х is kh in every scheme: keep it apart from h (Ukrainian г) before h folds into g.
      .replaceAll('kh', 'x')
      // Ukrainian г is h, Russian г is g (Haidai / Gaidai, Kharkiv aside).
      .replaceAll('h', 'g')
      // й, и, ы, і and the y/j of the various schemes: i (Zelenskyy / Zelenskiy, Kyiv).
      .replaceAll(/[yj]/g, 'i')
      // Russian е after a vowel-like i and Ukrainian і/ї (Kiev / Kyiv, Sergei / Serhiy).
      .replaceAll(/ie|ei/g, 'i')
      // Doubled vowels from the schemes (Zelenskii, Kyiv -> kiiv): one.
      .replaceAll(/([aeiou])\1+/g, '$1')
  );
}

/** The words of a text, folded (see above). */
export function foldWords(text: string): string[] {
  const latin = text
    .normalize('NFKD')
    .replaceAll(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll(/[\u0400-\u04ff]/g, (c) => CYRILLIC[c] ?? c)
    // Apostrophes inside a word (Ukrains'kyi, O'Brien) join it.
    .replaceAll(/(\p{L})['’ʼ](\p{L})/gu, '$1$2');
  return latin
    .split(/[^\p{L}\p{N}%_]+/u)
    .filter(Boolean)
    .map(foldWord);
}

/** A text folded for comparison and indexing: its folded words, one space apart. */
export function foldText(text: string): string {
  return foldWords(text).join(' ');
}
