import { describe, expect, it } from 'vitest';
import { type FigureContext, findFigures } from './figures.ts';
import type { Figure, Side } from './types.ts';

const ctx = (sourceSide: Side, extra: Partial<FigureContext> = {}): FigureContext => ({
  sourceSide,
  since: null,
  ...extra,
});
const figuresIn = (text: string, side: Side = 'ukraine', extra: Partial<FigureContext> = {}) =>
  findFigures(text, 0, text.length, ctx(side, extra));
const only = (text: string, side: Side = 'ukraine', extra: Partial<FigureContext> = {}): Figure => {
  const found = figuresIn(text, side, extra);
  expect(found).toHaveLength(1);
  const [figure] = found;
  if (!figure) throw new Error(`no figure in ${text}`);
  return figure;
};

describe('findFigures: numbers', () => {
  it('reads thousands separators', () => {
    expect(only('Russia has lost 3,500 soldiers')).toMatchObject({ text: '3,500 soldiers', value: 3500 });
    expect(only('a regular army that numbers 125,600')).toMatchObject({ text: '125,600', value: 125_600 });
  });

  it('reads number words before a counted noun', () => {
    expect(only('it had shot down three helicopters')).toMatchObject({
      text: 'three helicopters',
      value: 3,
      category: 'helicopters',
    });
    expect(only('More than one and a half million citizens of Ukraine')).toMatchObject({
      value: 1_500_000,
      qualifier: 'more_than',
    });
    expect(only('ten humanitarian corridors have been agreed')).toMatchObject({ value: 10 });
  });

  it('reads suffixes and scale words', () => {
    expect(only('a $40bn package')).toMatchObject({
      text: '$40bn',
      value: 40_000_000_000,
      category: 'money',
      unit: '$',
    });
    expect(only('the $40 billion package')).toMatchObject({ text: '$40 billion', value: 40_000_000_000 });
    expect(only('1.5m refugees had crossed the border', 'other')).toMatchObject({
      value: 1_500_000,
      category: 'refugees',
    });
    expect(
      figuresIn('£1,200 each for 8m of the most vulnerable households', 'other').map((f) => [f.value, f.category]),
    ).toEqual([
      [1200, 'money'],
      [8_000_000, 'other'],
    ]);
    expect(only('there are 90 million of us together')).toMatchObject({ text: '90 million of us', value: 90_000_000 });
  });
});

describe('findFigures: qualifiers and ranges', () => {
  it.each([
    ['over 3,500 soldiers were killed', 'more_than'],
    ['more than 100 civilians had managed to escape', 'more_than'],
    ['about 100,000 remained in the city', 'approx'],
    ['approximately 300 millionaires', 'approx'],
    ['at least 40 soldiers had died', 'at_least'],
    ['up to 200 civilians remained trapped', 'up_to'],
    ['less than 50 tanks', 'less_than'],
    ['contributors who gave $200 or less', 'up_to'],
  ] as const)('%s -> %s', (text, qualifier) => {
    expect(only(text).qualifier).toBe(qualifier);
  });

  it('reads a range as one figure: the lower bound, at least', () => {
    expect(only('between 100 and 200 occupiers were liquidated')).toMatchObject({
      text: 'between 100 and 200 occupiers',
      value: 100,
      qualifier: 'at_least',
      category: 'personnel',
    });
    expect(only('300 to 400 tanks')).toMatchObject({ text: '300 to 400 tanks', value: 300, qualifier: 'at_least' });
    expect(only('300-400 tanks')).toMatchObject({ value: 300, qualifier: 'at_least' });
    expect(only('from 300 to 400 soldiers were killed')).toMatchObject({ value: 300, qualifier: 'at_least' });
  });

  it('keeps "from A to B" as two amounts, and a ratio as none', () => {
    expect(figuresIn('bills rose from £1,271 to £3,850', 'other').map((f) => f.value)).toEqual([1271, 3850]);
    expect(figuresIn('a 3 to 1 margin', 'other')).toEqual([]);
  });
});

describe('findFigures: what is not a figure', () => {
  it.each([
    ['on February 24 and 24 February 2022'],
    ['in 2014 and in the 1990s'],
    ['at 10:30 or 8pm, on 24.02.2022'],
    ['from 24.02 to 12.04'],
    ['for three days and two weeks, 48 hours'],
    ['a 35-year-old mother, aged 29, and Quina Jones, 25, said'],
    ['the 58th army and the 1st battalion'],
    ['Su-25, S-400, Covid-19, MH17 and the Boeing 737'],
    ['Articles 30-34, 38, 39, 41-44, 53 of the Constitution'],
    ['the Nord Stream 1 pipeline'],
    ['15% of Russians, 40 per cent, 1 in 4 people, eight out of 10'],
    ['5km from the border and 20 miles away'],
    ['call 3-62-76, (097) 551-59-17 or 0800-503-508'],
    ['Call 0 800 500 225 for help'],
    ['at 87B Melitopolske Highway, 57 Tsentralna Street and 131 West 23rd Street'],
    ['dozens of tanks, hundreds of soldiers, thousands of people, tens of thousands, millions of refugees'],
    ['no one ever has the right; the number seven brings happiness'],
    ['under article 5 of the treaty, reactor 4 and unit 3'],
    ['Trump is 6\'3" tall and weighs 236 pounds'],
  ])('%s', (text) => {
    expect(figuresIn(text).map((f) => f.text)).toEqual([]);
  });

  it('keeps a count that follows a listed name', () => {
    expect(figuresIn('in paragraph 12, 300 tanks').map((f) => f.text)).toEqual(['300 tanks']);
    expect(figuresIn('he said that in Bucha 410 bodies were found').map((f) => f.text)).toEqual(['410 bodies']);
  });

  it('drops a currency conversion in parentheses', () => {
    expect(figuresIn('a $40bn (£32bn) aid package', 'other').map((f) => f.text)).toEqual(['$40bn']);
  });
});

describe('findFigures: category from the counted noun', () => {
  it.each([
    ['536 BBMs', 'armoured_vehicles'],
    ['12 APCs', 'armoured_vehicles'],
    ['102 tanks', 'tanks'],
    ['76 fuel tanks', 'vehicles'],
    ['14 aircraft', 'aircraft'],
    ['3 Su-25 jets', 'aircraft'],
    ['7 S-400 systems', 'air_defence'],
    ['1 BUK missile', 'air_defence'],
    ['31 drones', 'uav'],
    ['6 cruise missiles', 'missiles'],
    ['30 warships', 'ships'],
    ['15 heavy machine guns', 'other'],
    ['15 special equipment', 'special_equipment'],
  ] as const)('%s -> %s', (text, category) => {
    expect(figuresIn(`Russia has lost ${text}`)[0]?.category).toBe(category);
  });

  it('takes people categories from the verb around the count', () => {
    expect(figuresIn('57 people had been killed and 169 injured').map((f) => [f.value, f.category])).toEqual([
      [57, 'killed'],
      [169, 'wounded'],
    ]);
    expect(figuresIn('attacks killed 21 civilians and injured 27').map((f) => [f.value, f.category])).toEqual([
      [21, 'civilians_killed'],
      [27, 'civilians_wounded'],
    ]);
    expect(only('300 persons were liquidated').category).toBe('personnel');
    expect(only('Russia says it has detained 471 Ukrainian servicemen', 'russia').category).toBe('captured');
    expect(only('More than 500 people have been abducted').category).toBe('captured');
    expect(only('Today 156 people arrived in Zaporizhzhia').category).toBe('evacuated');
    expect(only('the successful evacuation of 101 civilians', 'other').category).toBe('evacuated');
    expect(only('more than 2 million people have fled the country').category).toBe('refugees');
  });

  it('counts soldiers as personnel only when they are lost', () => {
    expect(only('over 3,500 soldiers were killed').category).toBe('personnel');
    expect(only('bunkers with up to 2,000 Ukrainian soldiers').category).toBe('other');
    expect(only('Russia has massed more than 150,000 troops', 'other').category).toBe('other');
  });

  it('reads civilians without a verb as other, and children as children', () => {
    expect(only('up to 200 civilians remained trapped').category).toBe('other');
    expect(only('78 Ukrainian children').category).toBe('children');
  });

  it('shares one cue and one owner across a list', () => {
    const list = figuresIn(
      'Russia has lost 14 aircraft, 8 helicopters, 102 tanks, 536 BBMs and over 3,500 soldiers',
      'ukraine',
      { since: '2022-02-24' },
    );
    expect(list.map((f) => [f.value, f.category, f.subject])).toEqual([
      [14, 'aircraft', 'russia'],
      [8, 'helicopters', 'russia'],
      [102, 'tanks', 'russia'],
      [536, 'armoured_vehicles', 'russia'],
      [3500, 'personnel', 'russia'],
    ]);
    for (const f of list) expect(f.since).toBe('2022-02-24');
  });
});

describe('findFigures: whose count it is (subject)', () => {
  it('takes a side named in the figure itself', () => {
    expect(only('it has detained 471 Ukrainian servicemen', 'russia').subject).toBe('ukraine');
    expect(only('13,000 Russian soldiers had died', 'ukraine').subject).toBe('russia');
  });

  it('gives destroyed equipment to the enemy of whoever destroyed it', () => {
    expect(only('Ukrainian forces destroyed 12 APCs', 'ukraine').subject).toBe('russia');
    expect(only('its forces had destroyed 74 “objects of military infrastructure', 'russia').subject).toBe('ukraine');
    expect(only('the enemy lost 600 people in the last day', 'ukraine')).toMatchObject({
      category: 'personnel',
      subject: 'russia',
    });
  });

  it('gives a loss to the side named as losing it', () => {
    expect(only('the Ukrainian army has lost 2,870 tanks', 'russia').subject).toBe('ukraine');
    expect(only('it believed Russia launched 100 missiles', 'other').subject).toBe('russia');
  });

  it('gives supplied weapons to the recipient', () => {
    expect(
      figuresIn('the US will send 100 Switchblade drones and 18 howitzers to Ukraine', 'other').map((f) => f.subject),
    ).toEqual(['ukraine', 'ukraine']);
    expect(only('Russia has deployed 30 warships', 'other').subject).toBe('russia');
  });

  it('gives soldiers who died to the source side', () => {
    expect(only('at least 40 soldiers had died', 'ukraine').subject).toBe('ukraine');
  });

  it('places people by the place named, and other countries as other', () => {
    expect(only('an attack on a railway station in Kramatorsk that killed more than 50 people', 'other').subject).toBe(
      'ukraine',
    );
    expect(only('More than 15,000 millionaires are expected to flee Russia', 'other').subject).toBe('russia');
    expect(only('he could lose more than 11” Republican votes', 'other').subject).toBe('other');
    expect(only('More than 3,000 dolphins in the Black Sea have died', 'ukraine').subject).toBe('other');
  });
});

describe('findFigures: more people and weapons', () => {
  it('reads participles, bodies and deportations', () => {
    expect(
      figuresIn('shelling hit the city, killing 2 and injuring 14').map((f) => [f.value, f.category, f.subject]),
    ).toEqual([
      [2, 'killed', 'ukraine'],
      [14, 'wounded', 'ukraine'],
    ]);
    expect(only('The bodies of 410 civilians have been recovered').category).toBe('civilians_killed');
    expect(only('some 4,000 Ukrainians have been forcibly deported to Russia').category).toBe('captured');
    expect(only('7.1 million internally displaced people remain', 'other').category).toBe('displaced');
    expect(
      figuresIn('5,000 people had been buried in the city, 210 of them children').map((f) => [f.text, f.category]),
    ).toEqual([
      ['5,000 people', 'killed'],
      ['210 of them children', 'children'],
    ]);
    expect(only('it destroyed three Su-24 bombers', 'russia')).toMatchObject({
      text: 'three Su-24 bombers',
      category: 'aircraft',
    });
    expect(figuresIn('7,295 people were evacuated, 4,128 of them from Mariupol').map((f) => f.category)).toEqual([
      'evacuated',
      'evacuated',
    ]);
  });

  it('reads weapon nouns of later loss reports', () => {
    expect(only('Russia has lost 1 submarine').category).toBe('ships');
    expect(only('Russia has lost 3 MRL').category).toBe('mlrs');
  });

  it('skips a money threshold that defines a group', () => {
    expect(figuresIn('About 15% of Russians with more than $1m (£820,000) in ready assets', 'other')).toEqual([]);
  });
});

describe('findFigures: ministry loss lists', () => {
  it('reads a loss report written inline as one figure per item', () => {
    const text =
      'The total combat losses of the enemy were approximately: personnel ‒ about 36350 (+150) persons were liquidated, tanks ‒ 1594 (+5), APV ‒ 3772 (+18), warships / boats ‒ 15 (+0)';
    expect(
      figuresIn(text, 'ukraine', { since: '2022-02-24' }).map((f) => [
        f.text,
        f.value,
        f.qualifier,
        f.category,
        f.subject,
        f.since,
      ]),
    ).toEqual([
      ['personnel ‒ about 36350 (+150)', 36350, 'approx', 'personnel', 'russia', '2022-02-24'],
      ['tanks ‒ 1594 (+5)', 1594, 'approx', 'tanks', 'russia', '2022-02-24'],
      ['APV ‒ 3772 (+18)', 3772, 'approx', 'armoured_vehicles', 'russia', '2022-02-24'],
      ['warships / boats ‒ 15 (+0)', 15, 'approx', 'ships', 'russia', '2022-02-24'],
    ]);
  });

  it('reads personnel lines as personnel with the running total date', () => {
    expect(only('5 personnel', 'ukraine', { isLossList: true, since: '2022-02-24' })).toMatchObject({
      category: 'personnel',
      subject: 'russia',
      since: '2022-02-24',
    });
  });
});

describe('findFigures: kind', () => {
  it.each([
    ['Russian strikes killed 8 civilians', 'loss', 'civilians_killed'],
    ['Ukraine said it had downed three Russian helicopters', 'loss', 'helicopters'],
    ['Russia has lost 102 tanks', 'loss', 'tanks'],
    ['The enemy destroyed 2,701 infrastructure facilities', 'loss', 'other'],
    ['they have detained 471 Ukrainian servicemen', 'loss', 'captured'],
    ['1.5m refugees had crossed the border', 'count', 'refugees'],
    ['Russia launched 100 missiles overnight', 'count', 'missiles'],
    ['about 9,000 trucks a day crossed the border', 'count', 'vehicles'],
    ['950 new carriages will be purchased for the metro', 'count', 'vehicles'],
    ['up to 2,000 Ukrainian soldiers remained in the tunnels', 'count', 'other'],
    ['a $40bn package', 'money', 'money'],
    ['the port will receive up to 80 million tonnes of cargo', 'amount', 'other'],
    ['About 2,500 kilometers of roads were ruined', 'amount', 'other'],
  ] as const)('%s -> %s', (text, kind, category) => {
    expect(only(text)).toMatchObject({ kind, category });
  });

  it('files a toll of an earlier war as other, never a loss category', () => {
    expect(only('In the Second World War, 27 million Soviet citizens were killed')).toMatchObject({
      kind: 'other',
      category: 'other',
    });
    expect(only('during 1932 and 1933 the famine killed 4 million Ukrainians')).toMatchObject({ kind: 'other' });
  });

  it('files an imagined or conditional toll as other', () => {
    expect(only('Just imagine 14 thousand corpses')).toMatchObject({ kind: 'other', category: 'other' });
    expect(only('If they take the city, 10,000 people could die')).toMatchObject({ kind: 'other' });
    expect(only('he warned that 5,000 more soldiers would be killed')).toMatchObject({ kind: 'other' });
  });

  it('keeps a possible past loss a loss', () => {
    expect(only('officials said 40 soldiers may have died')).toMatchObject({ kind: 'loss', category: 'personnel' });
  });

  it('a bare distance is no figure, an amount of road is', () => {
    expect(figuresIn('the tanks were 40 km from Kyiv')).toEqual([]);
    expect(only('about 33 million barrels of Japan’s oil imports')).toMatchObject({
      text: 'about 33 million barrels',
      kind: 'amount',
      subject: 'other',
    });
  });
});

describe('findFigures: whose loss from the verb frame', () => {
  it.each([
    ['Ukraine said it had downed three Russian helicopters', 'ukraine', 'russia'],
    ['Russian strikes killed 8 civilians', 'ukraine', 'ukraine'],
    ['Russian strikes killed 8 civilians', 'russia', 'ukraine'],
    ['Russia has demolished 1,300 high-rise buildings in the city', 'ukraine', 'ukraine'],
    ['strikes from Belarus and Russia that injured at least 15 people', 'ukraine', 'ukraine'],
    ['The enemy destroyed 2,701 infrastructure facilities', 'ukraine', 'ukraine'],
    ['the enemy destroyed 5 tanks near the village', 'ukraine', 'ukraine'],
    ['the enemy lost 5 tanks near the village', 'ukraine', 'russia'],
    ['12 civilians were killed by Russian shelling', 'other', 'ukraine'],
    ['60 people who were sheltering in the school that Russian forces bombed were killed', 'other', 'ukraine'],
    ['Ukrainian forces destroyed 20 Russian tanks', 'ukraine', 'russia'],
    ['the Russian army has deployed 500 tanks near the border', 'other', 'russia'],
    ['the US will send 100 Switchblade drones to Ukraine', 'other', 'ukraine'],
    ['the budgetary cost to EU governments is at least 60 billion euros', 'ukraine', 'other'],
  ] as const)('%s (source %s) -> %s', (text, side, subject) => {
    expect(figuresIn(text, side).at(-1)?.subject).toBe(subject);
  });

  it('counts weapons bought in a Kremlin text as Russia’s', () => {
    const raw = 'date 2022-03-01 | President of Russia (en.kremlin.ru): 950 new carriages will be purchased.';
    const start = raw.indexOf('950');
    expect(findFigures(raw, start, raw.length, ctx('unknown'))[0]).toMatchObject({
      subject: 'russia',
      kind: 'count',
    });
  });

  it('reads the dead of an army as personnel losses', () => {
    expect(only('Kyiv’s forces were suffering up to 100 deaths every day')).toMatchObject({
      category: 'personnel',
      kind: 'loss',
    });
    expect(only('we are losing 60-100 soldiers per day', 'ukraine')).toMatchObject({ category: 'personnel' });
  });
});

describe('findFigures: spans follow the gold conventions', () => {
  it.each([
    ['remained out of a prewar population of about 100,000', 'population of about 100,000'],
    ['five dead men were found', 'five dead men'],
    ['As a result, 22,000 projects received grants', '22,000 projects'],
    ['More than 6.5 million Ukrainians escaped the country', 'More than 6.5 million Ukrainians'],
    ['£1,200 each for 8m of the most vulnerable households', '8m of the most vulnerable households'],
    ['More than 32 million square meters of living space', 'More than 32 million square meters of living space'],
    ['Iran will provide as many as 300 remotely piloted aircraft', 'as many as 300 remotely piloted aircraft'],
  ] as const)('%s -> %s', (text, span) => {
    expect(figuresIn(text, 'other').at(-1)?.text).toBe(span);
  });

  it('reads a bare scaled amount after money as money', () => {
    const found = figuresIn(
      'it allocated 1.5 billion rubles. This year, the total was increased to 2 billion',
      'russia',
    );
    expect(found.at(-1)).toMatchObject({ text: '2 billion', value: 2_000_000_000, category: 'money', kind: 'money' });
  });

  it('reads flight abroad and flight from home apart', () => {
    expect(only('more than 11.5 million Ukrainians have fled their homes').category).toBe('displaced');
    expect(only('More than 6.5 million Ukrainians escaped the country').category).toBe('refugees');
  });
});

describe('findFigures: the frame is read from the whole sentence', () => {
  it('sees an earlier war named before the statement content starts', () => {
    const raw = 'The mayor said that in the Second World War, 27 million people were killed.';
    const start = raw.indexOf('27');
    expect(findFigures(raw, start, raw.length, ctx('ukraine'))[0]).toMatchObject({ kind: 'other', category: 'other' });
  });
});

describe('findFigures: a number that looks like a year', () => {
  it('sets no historical frame before a plural noun', () => {
    expect(figuresIn('Strikes cut power in 2000 homes and killed 12 civilians').at(-1)).toMatchObject({
      text: '12 civilians',
      kind: 'loss',
    });
    expect(only('in 1943 the occupiers killed 3,000 people')).toMatchObject({ kind: 'other' });
  });
});

describe('findFigures: more frames', () => {
  it('reads the Soviet war dead as historical and a supplier as no owner', () => {
    expect(only('Putin said the Soviet Union lost 27 million people in the war against Nazi Germany')).toMatchObject({
      kind: 'other',
      category: 'other',
    });
    expect(only('Ukraine received 18 howitzers from the US', 'other')).toMatchObject({
      subject: 'ukraine',
      kind: 'count',
      category: 'artillery',
    });
  });
});

describe('findFigures: a share of a whole', () => {
  it('reads "7 of the 10 missiles fired by Russia" as 7 missiles lost out of 10 fired', () => {
    expect(
      figuresIn('Ukrainian air defences shot down 7 of the 10 missiles fired by Russia').map((f) => [
        f.text,
        f.category,
        f.subject,
        f.kind,
      ]),
    ).toEqual([
      ['7', 'missiles', 'russia', 'loss'],
      ['10 missiles', 'missiles', 'russia', 'count'],
    ]);
    expect(only('air defences shot down 40 missiles launched from Belarus')).toMatchObject({ kind: 'loss' });
  });

  it('reads people "shot and killed" as killed', () => {
    expect(only('at least 707 people shot and killed by police', 'other')).toMatchObject({
      category: 'killed',
      kind: 'loss',
    });
  });
});

describe('findFigures: weapon names', () => {
  it.each([
    ['Russia has lost 40 armoured personnel carriers', '40 armoured personnel carriers', 'armoured_vehicles'],
    ['intercepted 5 Kalibr cruise missiles', '5 Kalibr cruise missiles', 'missiles'],
    ['destroyed 4 artillery pieces', '4 artillery pieces', 'artillery'],
    ['destroyed 3 Mi-8 transport helicopters', '3 Mi-8 transport helicopters', 'helicopters'],
  ] as const)('%s -> %s (%s)', (text, span, category) => {
    expect(only(text)).toMatchObject({ text: span, category, subject: 'russia', kind: 'loss' });
  });
});

describe('findFigures: attacker before place', () => {
  it('reads the attacker named before a loss before the place named after it', () => {
    expect(only('Ukrainian shelling killed 3 people in Donetsk', 'other').subject).toBe('russia');
    expect(only('Russian shelling killed 5 people in Kharkiv', 'other').subject).toBe('ukraine');
  });

  it('skips a small number word that refers back ("the two sides")', () => {
    expect(figuresIn('The two sides exchanged 144 prisoners', 'other').map((f) => f.text)).toEqual(['144 prisoners']);
  });
});

describe('findFigures: more historical and imagined tolls', () => {
  it('reads Soviet soldiers in Afghanistan as historical and imagined dead bodies as other', () => {
    expect(only('in 10 years of war in Afghanistan, 15,000 Soviet soldiers died')).toMatchObject({ kind: 'other' });
    expect(only('Imagine: 14,000 dead bodies in the streets')).toMatchObject({
      text: '14,000 dead bodies',
      kind: 'other',
      category: 'other',
    });
    expect(only('Ukraine destroyed 5 Soviet-era tanks')).toMatchObject({ kind: 'loss', category: 'tanks' });
  });
});

describe('findFigures: names and durations', () => {
  it('skips "the Group of 7" and "two consecutive quarters"', () => {
    expect(figuresIn('one of the Group of 7 advanced economies', 'other')).toEqual([]);
    expect(figuresIn('defined as two consecutive quarters of negative growth', 'other')).toEqual([]);
  });
});
