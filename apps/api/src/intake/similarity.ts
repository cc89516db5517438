/** Word shingles of this many words: one changed word touches at most this many of them. */
const SHINGLE = 3;

/** A 32-bit FNV-1a hash of a string: shingles are compared as numbers, not kept as strings. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The set of hashed 3-word shingles of a text (case and punctuation ignored). */
export function shingles(text: string): Set<number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const set = new Set<number>();
  if (words.length < SHINGLE) {
    if (words.length > 0) set.add(hash(words.join(' ')));
    return set;
  }
  for (let i = 0; i + SHINGLE <= words.length; i++) set.add(hash(words.slice(i, i + SHINGLE).join(' ')));
  return set;
}

/** Words hashed between two turns of the event loop. */
const WORDS_PER_SLICE = 20_000;

/**
 * The same set as `shingles`, built a slice of words at a time with a turn of the event loop
 * between slices (`yieldTurn`): a 2 MB text has 350,000 words, and hashing them in one go held up
 * every other request for a few hundred milliseconds.
 */
export async function shinglesInSlices(text: string, yieldTurn: () => Promise<void>): Promise<Set<number>> {
  const set = new Set<number>();
  const window: string[] = [];
  let n = 0;
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    window.push(match[0]);
    if (window.length > SHINGLE) window.shift();
    if (window.length === SHINGLE) set.add(hash(window.join(' ')));
    if (++n % WORDS_PER_SLICE === 0) await yieldTurn();
  }
  if (n > 0 && n < SHINGLE) set.add(hash(window.join(' ')));
  return set;
}

/**
 * How much two texts say the same thing, from 0 to 1: the Jaccard index of their word shingles.
 * A copy with one word changed (Kyiv -> Kiev) in a 600-word report scores about 0.99; another
 * report from the same outlet on the same day scores near 0.
 */
export function textSimilarity(a: string | Set<number>, b: string | Set<number>): number {
  const x = typeof a === 'string' ? shingles(a) : a;
  const y = typeof b === 'string' ? shingles(b) : b;
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  for (const s of small) if (large.has(s)) shared += 1;
  return shared / (x.size + y.size - shared);
}

/** The least similarity for a text to be stored as a new version of an article rather than beside it. */
export const VERSION_SIMILARITY = 0.8;
