import { describe, expect, it } from 'vitest';
import { shingles, shinglesInSlices, textSimilarity } from './similarity.ts';

describe('word shingles', () => {
  it('built in slices are the same set as built at once', async () => {
    let turns = 0;
    const yieldTurn = async () => {
      turns += 1;
    };
    const long = 'Kyiv said on Sunday that 12 tanks were destroyed. '.repeat(5_000);
    for (const text of ['', 'one', 'two words', 'three words here', 'Ünïcode, Київ: 12 tanks!', long])
      expect([...(await shinglesInSlices(text, yieldTurn))].sort()).toEqual([...shingles(text)].sort());
    // 45,000 words: two turns of the event loop on the way.
    expect(turns).toBe(2);
    expect(textSimilarity(long, long)).toBe(1);
  });
});
