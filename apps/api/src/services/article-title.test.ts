import { describe, expect, it } from 'vitest';
import { articleTitle } from './import-article.ts';

describe('articleTitle', () => {
  it('takes the first line of a text without a header when it stands alone as a headline', () => {
    expect(
      articleTitle('Russia says it is ready for talks in Belarus\n\nRussia on Sunday said it is "ready for talks".'),
    ).toBe('Russia says it is ready for talks in Belarus');
    expect(
      articleTitle('  Kyiv braces for a second night of shelling?\nThe city council said shelters are open.'),
    ).toBe('Kyiv braces for a second night of shelling?');
  });

  it('takes the first sentence when the first line is a paragraph, or after the header', () => {
    expect(articleTitle('Good evening to everyone. Today we speak about the front.\n\nMore text.')).toBe(
      'Good evening to everyone.',
    );
    expect(
      articleTitle(
        'date 2022-02-27 Kyiv | Desk: Russia on Sunday said it is ready for talks. Kremlin spokesman said more.',
      ),
    ).toBe('Russia on Sunday said it is ready for talks.');
    // A header's first line is never taken whole, even when it is short.
    expect(articleTitle('date 2022-02-27 Kyiv | Desk: Short line\n\nBody.')).toBe('Short line');
    // A one-line text is its first sentence.
    expect(articleTitle('The ministry said 12 tanks were destroyed near Sumy on Sunday. More follows')).toBe(
      'The ministry said 12 tanks were destroyed near Sumy on Sunday.',
    );
  });
});
