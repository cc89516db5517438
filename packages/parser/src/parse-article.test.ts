import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ParsedArticle, parseArticle } from './index.ts';

const seed = readFileSync(join(import.meta.dirname, '../../../sample-data/00_2022-02-27_jagran.txt'), 'utf8');
const parsed = parseArticle(seed, { file: '00_2022-02-27_jagran.txt' });
const bySource = (name: string) => parsed.statements.filter((s) => s.sourceCanonical === name);
const figure = (text: string) => parsed.statements.flatMap((s) => s.figures).find((f) => f.text === text);

function expectValidSpans(raw: string, result: ParsedArticle) {
  for (const s of result.statements) {
    expect(raw.slice(s.content.start, s.content.end)).toBe(s.content.text);
    if (s.source) expect(raw.slice(s.source.start, s.source.end)).toBe(s.source.text);
    if (s.cue) expect(raw.slice(s.cue.start, s.cue.end)).toBe(s.cue.text);
    for (const f of s.figures) expect(raw.slice(f.start, f.end)).toBe(f.text);
  }
}

describe('parseArticle on the seed article', () => {
  it('reads the header and the byline', () => {
    expect(parsed).toMatchObject({
      file: '00_2022-02-27_jagran.txt',
      publishedOn: '2022-02-27',
      dateline: ['Moscow', 'Kyiv'],
      outlet: 'Jagran News Desk',
      byline: 'Aalok Sensharma',
    });
  });

  it('gives offsets into the raw text for every span', () => {
    expectValidSpans(seed, parsed);
  });

  it('finds Peskov, Zelenskyy (position and quote), Putin and Reznikov', () => {
    expect(bySource('Dmitry Peskov')[0]).toMatchObject({ sourceSide: 'russia', cue: { text: 'said' }, direct: false });
    const zelenskyy = bySource('Volodymyr Zelenskyy');
    expect(zelenskyy.some((s) => s.content.text === 'Kyiv is ready for talks')).toBe(true);
    expect(zelenskyy.find((s) => s.direct)?.content.text).toBe(
      'Warsaw, Bratislava, Budapest, Istanbul, Baku. We proposed all of them',
    );
    expect(bySource('Vladimir Putin')[0]).toMatchObject({
      direct: true,
      sourceSide: 'russia',
      source: { text: 'Putin' },
    });
    expect(bySource('Oleksii Reznikov')[0]).toMatchObject({
      direct: true,
      sourceSide: 'ukraine',
      cue: { text: 'tweeted' },
    });
  });

  it('finds the Russian claim with 471 servicemen and 975 sites', () => {
    expect(figure('471 Ukrainian servicemen')).toMatchObject({ value: 471, category: 'captured', subject: 'ukraine' });
    expect(figure('975 military infrastructure sites')).toMatchObject({ value: 975 });
  });

  it("finds each figure of Ukraine's loss list, dated the day before", () => {
    const list = parsed.statements.find((s) => s.content.text.startsWith('Russia has lost 14 aircraft'));
    expect(list).toMatchObject({ sourceCanonical: 'Ukraine', sourceSide: 'ukraine', asOf: '2022-02-26' });
    expect(list?.figures.map((f) => [f.value, f.category])).toEqual([
      [14, 'aircraft'],
      [8, 'helicopters'],
      [102, 'tanks'],
      [536, 'armoured_vehicles'],
      [15, 'other'],
      [1, 'air_defence'],
    ]);
    for (const f of list?.figures ?? [])
      expect(f).toMatchObject({ subject: 'russia', since: '2022-02-24', qualifier: 'exact' });
  });

  it('reads "over 3,500 soldiers" as more than 3500 Russian personnel since 24 February', () => {
    expect(figure('over 3,500 soldiers')).toMatchObject({
      value: 3500,
      qualifier: 'more_than',
      category: 'personnel',
      subject: 'russia',
      since: '2022-02-24',
    });
  });
});

describe('parseArticle on awkward input', () => {
  it('handles a missing header, CRLF, curly quotes and written numbers', () => {
    const raw =
      '  Officials said three helicopters were shot down.\r\n\r\n“We have lost more than 1.5m tonnes of grain,” the minister said.\r\n';
    const result = parseArticle(raw);
    expect(result.publishedOn).toBeNull();
    expectValidSpans(raw, result);
    const values = result.statements.flatMap((s) => s.figures.map((f) => f.value));
    expect(values).toContain(3);
    expect(values).toContain(1_500_000);
  });

  it('returns no statements for empty or odd text, and never throws', () => {
    for (const raw of ['', '"', '“”', '\u200b\u200b', 'said said said', '1,,,,2', 'date 2022-13-99 | :']) {
      expect(() => parseArticle(raw)).not.toThrow();
      expectValidSpans(raw, parseArticle(raw));
    }
  });
});

describe('held-out grammar (parser 2.26.0)', () => {
  const header = 'date 2022-06-01 Kyiv | Example Desk: ';
  const parse = (body: string) => parseArticle(`${header}${body}`);

  it('reads two typographic single marks as a double quotation mark', () => {
    const raw = `${header}‘‘We will hold the bridge until the end of the week,” the brigade commander, Ivan Petrenko, said on Friday.`;
    const s = parseArticle(raw).statements.find((x) => x.direct);
    expect(s?.content.text).toBe('We will hold the bridge until the end of the week');
    expectValidSpans(raw, parseArticle(raw));
  });

  it('ends a content at a participle after a quote closed on its comma, which states a claim of its own', () => {
    const s = parse(
      'Finance Minister Anna Berg said on Monday that the harvest was “badly hurt,” pointing to figures that show exports fell by a third.',
    ).statements;
    expect(s.map((x) => x.content.text)).toEqual([
      'the harvest was “badly hurt,”',
      'figures that show exports fell by a third',
    ]);
    expect(s.every((x) => x.sourceCanonical === 'Anna Berg')).toBe(true);
  });

  it('gives a person introduced with an age first the side of the role after it', () => {
    const s = parse(
      '“We are waiting for the order to move,” said Sgt. Petro Ivanenko, 31, a member of the Ukrainian 10th Brigade.',
    ).statements[0];
    expect(s).toMatchObject({ sourceCanonical: 'Petro Ivanenko', sourceSide: 'ukraine' });
  });

  it('gives "the city’s mayor" the side of the town the text named before', () => {
    const s = parse(
      'Shelling hit Bakhmut again overnight.\n\nAid convoys were stopped at the edge of town.\n\nThe city’s mayor, Olena Hrytsenko, said the water plant had been hit twice.',
    ).statements.find((x) => x.sourceCanonical === 'Olena Hrytsenko');
    expect(s?.sourceSide).toBe('ukraine');
  });
});
