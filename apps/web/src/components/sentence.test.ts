import { describe, expect, it } from 'vitest';
import { sentenceAround } from './sentence.ts';

const MOD = [
  'date 2022-04-12 | Ministry of Defence of Ukraine (mil.gov.ua): The total combat losses of the enemy from 24.02 to 12.04 were approximately:',
  'personnel – about 19600 осіб,',
  'tanks – 732 од,',
  'APV – 1946 од,',
  'Data are being updated. The calculation is complicated by the high intensity of hostilities.',
].join('\n');

describe('sentenceAround', () => {
  it('gives a line of a list the line that opens the list, so "tanks – 732" says what it counts', () => {
    const start = MOD.indexOf('tanks – 732 од');
    const context = sentenceAround(MOD, start, start + 'tanks – 732 од'.length);
    expect(context).toEqual({
      before: '',
      claim: 'tanks – 732 од',
      after: ',',
      lead: 'date 2022-04-12 | Ministry of Defence of Ukraine (mil.gov.ua): The total combat losses of the enemy from 24.02 to 12.04 were approximately:',
    });
  });

  it('gives no lead to a sentence in running text, nor to a line after a paragraph', () => {
    const start = MOD.indexOf('The calculation');
    expect(sentenceAround(MOD, start, start + 15)).toEqual({
      before: '',
      claim: 'The calculation',
      after: ' is complicated by the high intensity of hostilities.',
    });
    const prose = 'He said: “We stand.”\nThe minister said 40 soldiers died in the attack on the base.\nIt added more.';
    const at = prose.indexOf('40 soldiers');
    expect(sentenceAround(prose, at, at + 11).lead).toBeUndefined();
  });
});
