import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NAME_RE, SourceResolver, nameRuns } from './canonical.ts';

function resolveAt(raw: string, sourceText: string, phrase = sourceText, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = raw.indexOf(sourceText, at + 1);
  return new SourceResolver(raw).resolve(sourceText, phrase, at);
}

describe('SourceResolver', () => {
  it('spells a surname out to the fullest name in the article', () => {
    const raw = 'President Vladimir Putin spoke on Sunday. Later Putin said the talks had failed.';
    expect(resolveAt(raw, 'Putin', 'Putin', 1)).toEqual({ canonical: 'Vladimir Putin', side: 'russia' });
  });

  it('resolves a pronoun to the person last named before it, outside quotes', () => {
    const raw = 'Ksenia Chebysheva, 29, waited at the bus. “Dmitry Peskov lied,” she said.';
    const resolver = new SourceResolver(raw, { quotes: [{ open: raw.indexOf('“'), close: raw.indexOf('”') + 1 }] });
    expect(resolver.resolve('she', 'she', raw.indexOf('she said')).canonical).toBe('Ksenia Chebysheva');
  });

  it('takes the side of a person from the role written beside their name', () => {
    const raw = 'Andriy Zagorodnyuk, Ukraine’s former defence minister, was in Kyiv. Zagorodnyuk said it was critical.';
    expect(resolveAt(raw, 'Zagorodnyuk', 'Zagorodnyuk', 1)).toEqual({
      canonical: 'Andriy Zagorodnyuk',
      side: 'ukraine',
    });
    const un = 'Osnat Lubrani, the UN’s humanitarian coordinator for Ukraine, spoke. Lubrani said the convoy arrived.';
    expect(resolveAt(un, 'Lubrani', 'Lubrani', 1).side).toBe('other');
  });

  it('gives a local office with no country named the side of the place it runs', () => {
    const raw = 'Shelling intensified around Popasna, said the regional governor, Serhiy Haida.';
    expect(resolveAt(raw, 'Serhiy Haida', 'the regional governor, Serhiy Haida').side).toBe('ukraine');
  });

  it('resolves a definite role to the earlier source it repeats', () => {
    const raw =
      'A Ukrainian presidential adviser said the site was lost. The adviser said the facilities were damaged.';
    const resolver = new SourceResolver(raw);
    resolver.resolve('A Ukrainian presidential adviser', 'A Ukrainian presidential adviser', 0);
    expect(resolver.resolve('The adviser', 'The adviser', raw.indexOf('The adviser'))).toEqual({
      canonical: 'Ukrainian presidential adviser',
      side: 'ukraine',
    });
  });

  it('links a role with no name to the bare name given as the next source', () => {
    const raw =
      'Kidnappings have resumed in Melitopol, the mayor of the Ukrainian city said. “More than 500 people were abducted,” Ivan Fedrov said.';
    const at = raw.indexOf('Ivan Fedrov');
    const resolver = new SourceResolver(raw, {
      sources: [{ span: { text: 'Ivan Fedrov', start: at, end: at + 11 }, phrase: 'Ivan Fedrov' }],
    });
    expect(
      resolver.resolve('the mayor of the Ukrainian city', 'the mayor of the Ukrainian city', raw.indexOf('the mayor')),
    ).toEqual({ canonical: 'Ivan Fedrov', side: 'ukraine' });
    expect(resolver.resolve('Ivan Fedrov', 'Ivan Fedrov', at).side).toBe('ukraine');
  });

  it('reads "the country’s" as the country the sentence named', () => {
    const raw = 'Ukraine’s second city, Kharkiv, came under fire, the country’s military command said.';
    expect(resolveAt(raw, 'the country’s military command').side).toBe('ukraine');
  });

  it('reads "the Russian president" as the head of state the article names', () => {
    const raw = 'Vladimir Putin had a call with Olaf Scholz. The Russian President informed him about the operation.';
    expect(resolveAt(raw, 'The Russian President')).toEqual({ canonical: 'Vladimir Putin', side: 'russia' });
    const guardian = 'Volodymyr Zelenskiy spoke in Kyiv. Later the Ukrainian president said the army held.';
    expect(resolveAt(guardian, 'the Ukrainian president').canonical).toBe('Volodymyr Zelenskiy');
  });

  it('skips a person of the other stated gender when resolving he or she', () => {
    const raw = 'Mrs. Clinton met Mr. Trump on stage. She said the debate was rigged.';
    expect(new SourceResolver(raw).resolve('She', 'She', raw.indexOf('She said')).canonical).toBe('Mrs. Clinton');
  });

  it('gives an unmarked body in an office’s own text the office’s side, but not a person', () => {
    const raw = 'According to the decree, martial law is imposed. As John Paul II said, we are free.';
    const resolver = new SourceResolver(raw, { defaultSide: 'ukraine' });
    expect(resolver.resolve('the decree', 'the decree', raw.indexOf('the decree')).side).toBe('ukraine');
    expect(resolver.resolve('John Paul II', 'John Paul II', raw.indexOf('John')).side).toBe('other');
  });

  it('gives a person the office’s side in a third-person write-up, or when named by an office', () => {
    const raw = 'Anna Ivanova said the region grew. Mayor Pavel Orlov said so too. Vladimir Putin agreed.';
    const at = (name: string) => raw.indexOf(name);
    const sources = [
      { span: { text: 'Anna Ivanova', start: 0, end: 12 }, phrase: 'Anna Ivanova' },
      { span: { text: 'Vladimir Putin', start: at('Vladimir'), end: at('Vladimir') + 14 }, phrase: 'Vladimir Putin' },
    ];
    const writeUp = new SourceResolver(raw, { defaultSide: 'russia', sources });
    expect(writeUp.resolve('Anna Ivanova', 'Anna Ivanova', 0).side).toBe('russia');
    const address = new SourceResolver(raw, { defaultSide: 'russia', sources: sources.slice(0, 1) });
    expect(address.resolve('Anna Ivanova', 'Anna Ivanova', 0).side).toBe('other');
    expect(address.resolve('Pavel Orlov', 'Mayor Pavel Orlov', raw.indexOf('Pavel')).side).toBe('russia');
  });

  it('names a body for its document and spells acronyms out', () => {
    const raw = 'The EU’s announcement of sanctions said he was responsible. The US said Russia launched 100 missiles.';
    const resolver = new SourceResolver(raw);
    expect(resolver.resolve('The EU’s announcement of sanctions', 'The EU’s announcement of sanctions', 0)).toEqual({
      canonical: 'European Union',
      side: 'other',
    });
    expect(resolver.resolve('The US', 'The US', raw.indexOf('The US')).canonical).toBe('United States');
  });

  it('sources a document to its author', () => {
    const raw = 'Millionaires will leave, according to projects based on migration data by Henley & Partners.';
    const phrase = 'projects based on migration data by Henley & Partners';
    expect(new SourceResolver(raw).resolve(phrase, phrase, raw.indexOf('projects')).canonical).toBe(
      'Henley & Partners',
    );
  });

  it('links a vague role to the next named source only when their roles agree', () => {
    const raw =
      'Gas prices could triple, a senior energy official has said. Prices rose sixfold, said the head of the federal network agency, Klaus Müller. Kyiv’s forces fought back, Ukraine’s armed forces chief said. Justin Bronk, of the Rusi thinktank, said the base mattered.';
    const span = (text: string) => ({
      span: { text, start: raw.indexOf(text), end: raw.indexOf(text) + text.length },
      phrase: text,
    });
    const resolver = new SourceResolver(raw, { sources: [span('Klaus Müller'), span('Justin Bronk')] });
    expect(
      resolver.resolve('a senior energy official', 'a senior energy official', raw.indexOf('a senior')).canonical,
    ).toBe('Klaus Müller');
    expect(
      resolver.resolve('Ukraine’s armed forces chief', 'Ukraine’s armed forces chief', raw.indexOf('Ukraine’s armed'))
        .canonical,
    ).toBe('Ukraine’s armed forces chief');
  });

  it('reads a name after "of Ukraine" as a relation, not a title', () => {
    const raw = 'As a great Pole, a close friend of Ukraine John Paul II said, we united.';
    expect(resolveAt(raw, 'John Paul II', 'a close friend of Ukraine John Paul II').side).toBe('other');
    const titled = 'Ukraine President Volodymyr Zelenskyy spoke. Zelenskyy said talks failed.';
    expect(resolveAt(titled, 'Zelenskyy', 'Zelenskyy', 1).side).toBe('ukraine');
  });

  it('takes a side from an appointment clause before the name', () => {
    const raw =
      'Yet, appointed by President Volodymyr Zelensky as the head of the civil-military administration, Mr. Lyakh insists he is loyal.';
    expect(resolveAt(raw, 'Mr. Lyakh').side).toBe('ukraine');
  });

  it('repeats an earlier role only when the party or body it names agrees', () => {
    const raw =
      'Ukraine’s president, Volodymyr Zelenskiy, said the city held. Joe Biden announced rockets. The US president wrote that aid was quick.';
    const resolver = new SourceResolver(raw);
    resolver.resolve('Volodymyr Zelenskiy', 'Ukraine’s president, Volodymyr Zelenskiy', raw.indexOf('Volodymyr'));
    expect(resolver.resolve('the US president', 'the US president', raw.indexOf('The US')).canonical).not.toBe(
      'Volodymyr Zelenskiy',
    );
    const eu =
      'The audience heard President of the European Council Charles Michel and President of the European Commission Ursula von der Leyen. Michel said he agreed. For her part, the President of the European Commission said regions are ready.';
    const r = new SourceResolver(eu);
    r.resolve('Michel', 'Michel', eu.indexOf('Michel said'));
    const at = eu.indexOf('the President of the European Commission said');
    expect(
      r.resolve('the President of the European Commission', 'the President of the European Commission', at),
    ).toEqual({ canonical: 'Ursula von der Leyen', side: 'other' });
  });

  it('links a role told first to the person named next when they hold the same office', () => {
    const raw =
      'The city is surrounded, the governor of Ukraine’s Luhansk province has said. Serhiy Gaidai said shelling went on. The governor of the Luhansk region, Serhiy Gaidai, repeated it.';
    const role = 'the governor of Ukraine’s Luhansk province';
    const span = (text: string) => ({ text, start: raw.indexOf(text), end: raw.indexOf(text) + text.length });
    const resolver = new SourceResolver(raw, {
      sources: [
        { span: span(role), phrase: role },
        { span: span('Serhiy Gaidai'), phrase: 'Serhiy Gaidai' },
      ],
    });
    expect(resolver.resolve(role, role, raw.indexOf(role)).canonical).toBe('Serhiy Gaidai');
  });

  it('reads a role’s acronym against the title written out before a long name', () => {
    const raw =
      'The Head of State heard information from Head of the Zaporizhzhia Regional Military Administration Oleksandr Starukh. Oleksandr Starukh reported on the region. Later the RMA Head said people come from Kherson.';
    expect(resolveAt(raw, 'the RMA Head').canonical).toBe('Oleksandr Starukh');
  });

  it('continues the last speaker with a pronoun rather than a person named inside their clause', () => {
    const raw =
      'Mr. Biden denied that he offered the planes to buy Mr. Erdogan’s support. “There was no quid pro quo,” he said.';
    const resolver = new SourceResolver(raw);
    resolver.resolve('Mr. Biden', 'Mr. Biden', 0);
    expect(resolver.resolve('he', 'he', raw.indexOf('he said')).canonical).toBe('Mr. Biden');
    const fiji =
      'Millemarin Investment obtained a stay. The court “granted a stay”, a spokeswoman for the prosecutors told AFP. The case returns on Thursday, she said.';
    const r = new SourceResolver(fiji);
    const role = 'a spokeswoman for the prosecutors';
    r.resolve(role, role, fiji.indexOf(role));
    expect(r.resolve('she', 'she', fiji.indexOf('she said')).canonical).toBe('spokeswoman for the prosecutors');
  });

  it('sources a piece to the people it is by, and a pair of names to both', () => {
    const raw =
      'This is stated in a joint article by adviser to the President of Ukraine Oleg Ustenko and professor at MIT Sloan and former chief economist at the International Monetary Fund Simon Johnson for the Los Angeles Times. According to the article, 30,000 people return every day.';
    expect(resolveAt(raw, 'the article')).toEqual({ canonical: 'Oleg Ustenko and Simon Johnson', side: 'ukraine' });
    const pair = 'But Mr. Grassley and Mr. Leahy say other changes are needed.';
    expect(resolveAt(pair, 'Mr. Grassley', 'Mr. Grassley and Mr. Leahy').canonical).toBe('Mr. Grassley and Mr. Leahy');
  });

  it('finds the institution "the organisation" refers back to, and the body a sentence opened with for "it"', () => {
    const raw =
      'Its cases were collected by the Centre for Civil Liberties in Ukraine, although the organisation says the total is higher.';
    expect(resolveAt(raw, 'the organisation').canonical).toBe('Centre for Civil Liberties in Ukraine');
    const it =
      'BFY said bills could reach £500. Cornwall Insight, which forecasts caps, will not update until next week. It said it expected £3,500.';
    const resolver = new SourceResolver(it);
    resolver.resolve('BFY', 'BFY', 0);
    expect(resolver.resolve('It', 'It', it.indexOf('It said')).canonical).toBe('Cornwall Insight');
  });

  it('names a person introduced without a name after the person the next sentence opens with', () => {
    const raw =
      'A 16-year-old Ukrainian boy has described how he was held hostage. Vladislav Buryak, who was separated from his family, was released.';
    expect(resolveAt(raw, 'A 16-year-old Ukrainian boy')).toEqual({ canonical: 'Vladislav Buryak', side: 'ukraine' });
    const official =
      'A Homeland Security Department official said hackers struck. Donald Trump, speaking later, disagreed.';
    expect(resolveAt(official, 'a Homeland Security Department official').canonical).not.toBe('Donald Trump');
  });

  it('gives an authorless piece to the publication last named', () => {
    const raw =
      'The Global Times has since March published articles accusing it. “Such a movement has an audience,” wrote one piece on 31 March.';
    expect(resolveAt(raw, 'one piece').canonical).toBe('Global Times');
  });

  it('reads "they" as the people the sentence before listed as its subject', () => {
    const raw =
      'President of the Swiss parliament Irène Kälin, President of the Senate of Romania Florin Cîțu, President of the Assembly of North Macedonia Talat Xhaferi, who arrived, were invited. They assured their support.';
    expect(resolveAt(raw, 'They')).toEqual({ canonical: 'Irène Kälin, Florin Cîțu and Talat Xhaferi', side: 'other' });
    const object = 'Joe Biden met Olaf Scholz and Emmanuel Macron. They said the talks went well.';
    expect(resolveAt(object, 'They').canonical).not.toBe('Olaf Scholz and Emmanuel Macron');
  });
});

describe('nameRuns', () => {
  const byPattern = (raw: string) => [...raw.matchAll(NAME_RE)].map((m) => ({ text: m[0], index: m.index }));
  const byScan = (raw: string) => nameRuns(raw).map((m) => ({ text: m[0], index: m.index }));
  it('finds the capitalised runs NAME_RE finds, titles and surname particles included', () => {
    for (const raw of [
      'Russian President Vladimir Putin met Mr. Lyakh and Ursula von der Leyen in Kyiv.',
      'ÉLYSÉE said; Łukasz Ściborski, 𝐀𝐛𝐜 Def, xMr Smith, Dr.\u00a0Who',
    ])
      expect(byScan(raw)).toEqual(byPattern(raw));
  });
  it('equals the NAME_RE matches on random text', () => {
    const piece = fc.constantFrom(
      ...'aAZé É 𝐀😀\ud835.,’-'.split(''),
      'Mr',
      'Mrs. ',
      'von ',
      'de ',
      'Kyiv',
      ' ',
      '\u00a0',
      '\t',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).map((a) => a.join('')),
        (raw) => {
          expect(byScan(raw)).toEqual(byPattern(raw));
        },
      ),
      { numRuns: 300 },
    );
  });
});
