import { describe, expect, it } from 'vitest';
import { parseArticle } from './index.ts';

const transcript = [
  'date 2022-03-10 | President of Russia (en.kremlin.ru): Vladimir Putin held a meeting with permanent members of the Security Council.',
  '',
  'Vladimir Putin: Good afternoon, colleagues.',
  '',
  'Today we will discuss the situation in Donbass, where the shelling has not stopped for eight years.',
  '',
  'Sergei Shoigu: Comrade Supreme Commander-in-Chief, the armed forces have destroyed 3,213 military infrastructure facilities.',
  '',
  'Question: Mr President, what will happen next?',
  '',
  'Vladimir Putin: Everything is going according to plan, and all the goals will be achieved.',
].join('\n');

describe('transcripts with speaker labels', () => {
  const parsed = parseArticle(transcript);
  const turns = parsed.statements.filter((s) => s.cue === null && s.source !== null);

  it('makes one direct statement per turn, sourced to the label, with no cue', () => {
    expect(turns.map((s) => [s.source?.text, s.sourceSide, s.direct])).toEqual([
      ['Vladimir Putin', 'russia', true],
      ['Sergei Shoigu', 'russia', true],
      ['Vladimir Putin', 'russia', true],
    ]);
    for (const s of parsed.statements) expect(transcript.slice(s.content.start, s.content.end)).toBe(s.content.text);
  });

  it('runs a turn on over the paragraphs up to the next label', () => {
    expect(turns[0]?.content.text.endsWith('for eight years.')).toBe(true);
    expect(turns[0]?.content.text.startsWith('Good afternoon')).toBe(true);
  });

  it('skips questions and adds no outlet statement for a turn with a figure', () => {
    expect(parsed.statements.some((s) => s.content.text.includes('what will happen next'))).toBe(false);
    expect(parsed.statements.filter((s) => s.content.text.includes('3,213'))).toHaveLength(1);
  });

  it('is not triggered by a few colons in ordinary prose', () => {
    const prose =
      'date 2022-03-10 | The Guardian: The minister said: “We will win.”\n\nNote: figures are provisional.\n\nKyiv: calm night.';
    expect(parseArticle(prose).statements.every((s) => s.cue !== null)).toBe(true);
  });
});

describe('a transcript appended to a report, with role prefixes on the labels', () => {
  const raw = [
    'date 2022-03-05 Moscow | Test Desk: Vladimir Putin met Alexander Lukashenko. Earlier, Dmitry Peskov said that the talks would last three hours.',
    '',
    'President of Russia Vladimir Putin: Good afternoon. Our forces have destroyed 200 tanks and the economy is growing fast.',
    '',
    'President of Belarus Alexander Lukashenko: We have delivered 300 tonnes of grain to the border towns this week.',
    '',
    'Vladimir Putin: This is very important for both our countries and for the region as a whole.',
  ].join('\n');
  const rows = parseArticle(raw).statements.map((s) => [s.sourceCanonical, s.sourceSide, s.cue?.text ?? null]);

  it('keeps the statements before the transcript and names the speaker behind each role', () => {
    expect(rows).toEqual([
      ['Dmitry Peskov', 'russia', 'said'],
      ['Vladimir Putin', 'russia', null],
      ['Alexander Lukashenko', 'other', null],
      ['Vladimir Putin', 'russia', null],
    ]);
  });
});

describe('a transcript quoted over paragraphs', () => {
  it('reads labels inside an opening quotation mark', () => {
    const raw = [
      'date 2016-09-25 | Test Desk: Partial transcript as follows:',
      '',
      '"WALLACE: Let us start with the news on the debate story tonight, shall we?',
      '',
      '"PENCE: Well, the American people have an enormously important choice to make this year.',
      '',
      '"WALLACE: Will she actually be there tomorrow night, at the debate itself?',
      '',
      '"PENCE: She will not be attending the debate, and the campaign has said so clearly.',
    ].join('\n');
    const turns = parseArticle(raw).statements.map((s) => [s.source?.text, s.content.text.slice(0, 10)]);
    expect(turns).toEqual([
      ['PENCE', 'Well, the '],
      ['PENCE', 'She will n'],
    ]);
  });
});
