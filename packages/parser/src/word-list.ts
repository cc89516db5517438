/**
 * A lexicon written as prose-like text: entries separated by commas (an entry may hold spaces,
 * as "pointed out" does). Long lists stay readable and reviewable as a block of words.
 */
export function wordList(text: string): string[] {
  return text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
}
