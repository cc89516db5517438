import { describe, expect, it } from 'vitest';
import { parseArticle } from './index.ts';

/** A body with a header so that the first paragraph is annotated like any other. */
const article = (body: string, date = '2022-02-27') => `date ${date} Kyiv | Test Desk: ${body}`;

function statementsOf(raw: string) {
  const parsed = parseArticle(raw);
  for (const s of parsed.statements) {
    expect(raw.slice(s.content.start, s.content.end)).toBe(s.content.text);
    if (s.source) expect(raw.slice(s.source.start, s.source.end)).toBe(s.source.text);
    if (s.cue) expect(raw.slice(s.cue.start, s.cue.end)).toBe(s.cue.text);
  }
  return parsed.statements.map((s) => ({
    source: s.source?.text ?? null,
    canonical: s.sourceCanonical,
    side: s.sourceSide,
    cue: s.cue?.text ?? null,
    content: s.content.text,
    direct: s.direct,
  }));
}

describe('reported speech', () => {
  it('takes the source before the cue and drops a leading "that"', () => {
    expect(
      statementsOf(article('Kremlin spokesman Dmitry Peskov has said that a Russian delegation has reached Gomel.')),
    ).toEqual([
      {
        source: 'Dmitry Peskov',
        canonical: 'Dmitry Peskov',
        side: 'russia',
        cue: 'said',
        content: 'a Russian delegation has reached Gomel',
        direct: false,
      },
    ]);
  });

  it('takes the source after a clause-final cue ("..., X said")', () => {
    const [s] = statementsOf(
      article('Three more civilians were killed in the town of Vuhledar, the regional governor said on Tuesday.'),
    );
    expect(s).toMatchObject({
      source: 'the regional governor',
      cue: 'said',
      content: 'Three more civilians were killed in the town of Vuhledar',
    });
  });

  it('reads an inverted cue with an appositive ("..., said the governor, Serhiy Haida.")', () => {
    const [s] = statementsOf(
      article('Shelling intensified in Luhansk, with Popasna the worst hit, said the regional governor, Serhiy Haida.'),
    );
    expect(s).toMatchObject({
      source: 'Serhiy Haida',
      canonical: 'Serhiy Haida',
      side: 'ukraine',
      cue: 'said',
      content: 'Shelling intensified in Luhansk, with Popasna the worst hit',
    });
  });

  it('reads "according to X" before and after the content', () => {
    const [after] = statementsOf(
      article('More than 3,000 dolphins have died in the Black Sea, according to Ukrainian scientists.'),
    );
    expect(after).toMatchObject({
      source: 'Ukrainian scientists',
      side: 'ukraine',
      cue: 'according to',
      content: 'More than 3,000 dolphins have died in the Black Sea',
    });
    const [before] = statementsOf(article('According to the ministry, 40 soldiers had died.'));
    expect(before).toMatchObject({ source: 'the ministry', cue: 'According to', content: '40 soldiers had died' });
    const [apposed] = statementsOf(
      article('According to Oleksiy Arestovych, an adviser to the president’s office, Russian troops were regrouping.'),
    );
    expect(apposed).toMatchObject({ source: 'Oleksiy Arestovych', content: 'Russian troops were regrouping' });
  });

  it('skips the object of "told" and hands the source on to ", adding that"', () => {
    const found = statementsOf(
      article(
        'Roman Vlasenko told Radio Svoboda that the army was still in the city, adding that 90% of it had been damaged.',
      ),
    );
    expect(found).toEqual([
      expect.objectContaining({ source: 'Roman Vlasenko', cue: 'told', content: 'the army was still in the city' }),
      expect.objectContaining({ source: 'Roman Vlasenko', cue: 'adding', content: '90% of it had been damaged' }),
    ]);
  });

  it('hands the source on to a continuation after an adverb (", even suggesting")', () => {
    const found = statementsOf(
      article('The governor complained about the shelling overnight, even suggesting the dam had been mined.'),
    );
    expect(found.map((s) => [s.cue, s.content])).toEqual([
      ['complained', 'the shelling overnight'],
      ['suggesting', 'the dam had been mined'],
    ]);
  });

  it('reads "NAME, APPOSITIVE, said" and keeps the appositive for the side', () => {
    const [s] = statementsOf(
      article(
        'Andriy Zagorodnyuk, the former defence minister of Ukraine, said Russian forces were trying to surround Kharkiv.',
      ),
    );
    expect(s).toMatchObject({
      source: 'Andriy Zagorodnyuk',
      side: 'ukraine',
      content: 'Russian forces were trying to surround Kharkiv',
    });
  });

  it('takes the agent of a passive cue as the source', () => {
    const [s] = statementsOf(article('All these facts have been officially confirmed by the IAEA.'));
    expect(s).toMatchObject({ source: 'the IAEA', cue: 'confirmed', content: 'All these facts' });
  });

  it('reads "This was announced by X" as X stating the sentence before', () => {
    const found = statementsOf(
      article(
        'Ten humanitarian corridors have been agreed. This was announced by Deputy Prime Minister Iryna Vereshchuk.',
      ),
    );
    expect(found).toEqual([
      expect.objectContaining({
        source: 'Iryna Vereshchuk',
        cue: 'announced',
        content: 'Ten humanitarian corridors have been agreed',
      }),
    ]);
  });

  it('ends the content of a subordinate clause at its comma', () => {
    const found = statementsOf(
      article(
        'After Emmanuel Macron expressed concern for the safety of nuclear plants, Vladimir Putin explained that the plant was safe.',
      ),
    );
    expect(found.map((s) => [s.source, s.content])).toEqual([
      ['Emmanuel Macron', 'the safety of nuclear plants'],
      ['Vladimir Putin', 'the plant was safe'],
    ]);
  });

  it('cuts a content at another statement’s attribution ("A, but B, the source added")', () => {
    const found = statementsOf(
      article('Ukraine said it had downed three helicopters, but Russia said its forces controlled the base.'),
    );
    expect(found.map((s) => s.content)).toEqual(['it had downed three helicopters', 'its forces controlled the base']);
  });

  it('takes what an accusation alleges after "of"', () => {
    const [s] = statementsOf(article('South Korea accused the North’s leader, Kim Jong Un, of fanatic recklessness.'));
    expect(s).toMatchObject({ source: 'South Korea', cue: 'accused', content: 'fanatic recklessness' });
  });

  it('reads progressive cues and coordinated modifiers in a source', () => {
    expect(
      statementsOf(article('Ofgem will lift the cap in January, and BFY is forecasting it could reach £3,850.')),
    ).toEqual([expect.objectContaining({ source: 'BFY', cue: 'forecasting', content: 'it could reach £3,850' })]);
    expect(
      statementsOf(
        article('MPs on the business and energy committee said this week that the price cap should be replaced.'),
      )[0],
    ).toMatchObject({
      source: 'MPs on the business and energy committee',
      content: 'the price cap should be replaced',
    });
  });

  it('lets a document speak only when the phrase names who published it', () => {
    const found = statementsOf(
      article(
        'A lunchtime report from CNN showed Russian forces in control of the base. Videos showed a swarm of helicopters. An analysis by Reuters found that 300 buildings were destroyed.',
      ),
    );
    expect(found.map((s) => [s.source, s.cue, s.content])).toEqual([
      ['CNN', 'showed', 'Russian forces in control of the base'],
      ['Reuters', 'found', '300 buildings were destroyed'],
    ]);
  });

  it('ignores nouns and names that look like cues', () => {
    expect(
      statementsOf(article('The grim forecasts came a day after the Commonwealth of Independent States met.')),
    ).toEqual([]);
    expect(statementsOf(article('Several battleground states could be decisive in a close election.'))).toEqual([]);
    expect(statementsOf(article('British households face being told to brace for annual bills.'))).toEqual([]);
    expect(statementsOf(article('Footage of the mayor saying nothing at all went viral.'))).toEqual([]);
  });

  it('does not make a belief inside a statement a second statement', () => {
    const found = statementsOf(article('The US said it believed Russia launched 100 missiles in the first wave.'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      source: 'The US',
      cue: 'said',
      content: 'it believed Russia launched 100 missiles in the first wave',
    });
  });
});

describe('quotations', () => {
  it('takes the speaker after the quote (", he said") and resolves the pronoun', () => {
    const found = statementsOf(
      article(
        'Justin Bronk, of the Rusi thinktank, said the airbase mattered. “However, it’s high risk because ground forces are far away,” he said.',
      ),
    );
    expect(found[1]).toMatchObject({
      source: 'he',
      canonical: 'Justin Bronk',
      cue: 'said',
      direct: true,
      content: 'However, it’s high risk because ground forces are far away',
    });
  });

  it('takes the speaker before the quote ("X said: “...”")', () => {
    const [s] = statementsOf(
      article(
        'Maria Zakharova, a spokeswoman for the Russian foreign ministry, said: “The European Union continues to exploit the CIS.”',
      ),
    );
    expect(s).toMatchObject({
      source: 'Maria Zakharova',
      side: 'russia',
      cue: 'said',
      direct: true,
      content: 'The European Union continues to exploit the CIS.',
    });
  });

  it('joins a quote split by its cue into one statement', () => {
    const raw = article(
      '“They are quite close to the city of Kherson now,” Zagorodnyuk said. “The situation is really critical there.”',
    );
    const [s] = statementsOf(raw);
    expect(s).toMatchObject({ source: 'Zagorodnyuk', direct: true });
    expect(s?.content.startsWith('They are quite close')).toBe(true);
    expect(s?.content.endsWith('really critical there.')).toBe(true);
  });

  it('runs a quote on into the next paragraph that opens with a quote and has no cue', () => {
    const raw = article(
      '“We finally have the result of our evacuation operation from Azovstal,” he said.\n\n“Today 156 people arrived in Zaporizhzhia. They will get help.”',
    );
    const found = statementsOf(raw);
    expect(found).toHaveLength(1);
    expect(found[0]?.content.endsWith('They will get help.')).toBe(true);
  });

  it('gives a quote after an indirect lead its own statement with the same source and no cue', () => {
    const raw = article(
      'Ivan Fedrov said kidnappings had resumed in Melitopol last week.\n\n“More than 500 people have been abducted in the last four months.”',
    );
    const found = statementsOf(raw);
    expect(found).toEqual([
      expect.objectContaining({ source: 'Ivan Fedrov', cue: 'said', direct: false }),
      expect.objectContaining({
        source: 'Ivan Fedrov',
        cue: null,
        direct: true,
        content: 'More than 500 people have been abducted in the last four months.',
      }),
    ]);
  });

  it('reads straight quotes, non-breaking and zero-width spaces and CRLF line ends', () => {
    const raw =
      '  The mayor\u00a0said\u200b: "The city is surrounded on three sides now."\r\n\r\n"We have no water," he said.\r\n';
    const found = statementsOf(raw);
    expect(found.map((s) => [s.source, s.direct])).toEqual([
      ['The mayor', true],
      ['he', true],
    ]);
  });

  it('does not take a title after a preposition for a quotation', () => {
    const found = statementsOf(article('Michael Flynn said Donald Trump was right. He spoke on “Fox and Friends.”'));
    expect(found.every((s) => !s.direct)).toBe(true);
  });

  it('skips blog-entry titles and captions: short lines with no closing punctuation', () => {
    const raw = article(
      'Fighting went on overnight.\n\nZelenskiy says Russia must be held accountable\n\nKuleba said the west must act now.',
    );
    expect(statementsOf(raw).map((s) => s.source)).toEqual(['Kuleba']);
  });

  it('skips scare quotes and headlines-like fragments with no cue', () => {
    expect(statementsOf(article('The so-called “special operation” entered its second week.'))).toEqual([]);
  });
});

describe('cues beyond the say family', () => {
  const one = (body: string) => statementsOf(article(body)).map((s) => [s.source, s.cue, s.content]);

  it('reads appeals, reports of calls and accusations as attributions', () => {
    expect(one('The mayor of the town called on residents to leave their homes before the storm.')).toEqual([
      ['The mayor of the town', 'called on', 'residents to leave their homes before the storm'],
    ]);
    expect(one('Prime Minister Jane Doe urges lawmakers to approve the budget by Friday.')).toEqual([
      ['Jane Doe', 'urges', 'lawmakers to approve the budget by Friday'],
    ]);
    expect(one('The minister reiterated that the border would stay closed for another month.')).toEqual([
      ['The minister', 'reiterated', 'the border would stay closed for another month'],
    ]);
    expect(one('Senator John Smith questioned whether the plan would ever pay for itself.')).toEqual([
      ['John Smith', 'questioned', 'whether the plan would ever pay for itself'],
    ]);
  });

  it('reads a transitive cue after a comma with its object, never as "content, said X"', () => {
    expect(one('The official, Ivan Petrenko, cited the report on the rockets.')).toEqual([
      ['Ivan Petrenko', 'cited', 'the report on the rockets'],
    ]);
  });

  it('reads "called X a Y" as a judgement, but not a name, a phone call or a meeting', () => {
    expect(one('Senator John Smith called the deal a disaster for the country.')).toEqual([
      ['John Smith', 'called', 'the deal a disaster for the country'],
    ]);
    expect(one('The ministry called the ambassador on Monday evening.')).toEqual([]);
    expect(one('He joined a group called “Friends of the Earth” in 2010.')).toEqual([]);
  });

  it('keeps a poll or a study that shows something as its own source', () => {
    expect(one('A Bloomberg poll shows that most voters want lower taxes.')).toEqual([
      ['A Bloomberg poll', 'shows', 'most voters want lower taxes'],
    ]);
    expect(one('Videos showed smoke rising over the city.')).toEqual([]);
  });

  it('keeps thanks and welcomes out: they report no claim', () => {
    expect(one('The governor thanked the volunteers for their work during the floods.')).toEqual([]);
  });
});

describe('third-person official write-ups', () => {
  const kremlin = (body: string) =>
    `date 2022-03-29 The Kremlin, Moscow | President of Russia (en.kremlin.ru): ${body}`;
  const rows = (body: string) => statementsOf(kremlin(body)).map((s) => [s.canonical, s.side, s.cue, s.content]);

  it('gives a cue-less sentence with a figure to the named person whose report it carries on', () => {
    expect(
      rows(
        'Anna Ivanova said that the fund had grown quickly. The fund received 500 applications this year. Later the President noted that 40 schools were built.',
      ),
    ).toEqual([
      ['Anna Ivanova', 'russia', 'said', 'the fund had grown quickly'],
      ['Anna Ivanova', 'russia', null, 'The fund received 500 applications this year'],
      ['President', 'russia', 'noted', '40 schools were built'],
    ]);
  });

  it('falls back to the office when a quote or another speaker comes between', () => {
    const out = rows(
      'Anna Ivanova said that the fund had grown quickly. "We are proud of every project," Anna Ivanova said. The fund received 500 applications this year.',
    );
    expect(out.at(-1)).toEqual(['President of Russia', 'russia', null, 'The fund received 500 applications this year']);
  });

  it('reads an unnamed capitalised role as the guest who spoke last, and "according to him" as that person', () => {
    const out = rows(
      'Vladimir Putin heard Anna Ivanova report on the region. The Governor said that 300 homes were rebuilt. According to him, 20 bridges were repaired.',
    );
    expect(out.slice(-2)).toEqual([
      ['Anna Ivanova', 'russia', 'said', '300 homes were rebuilt'],
      ['Anna Ivanova', 'russia', 'According to', '20 bridges were repaired'],
    ]);
  });
});

describe('quotes split by their cue', () => {
  it('runs on over a scare quote in the attribution clause', () => {
    const raw = article(
      '“The sanctions have failed completely,” Mr. Lee said, echoing complaints about “hysteria.” “They will only hurt the people who wrote them.”',
    );
    expect(statementsOf(raw).map((s) => s.content)).toEqual([
      'The sanctions have failed completely,” Mr. Lee said, echoing complaints about “hysteria.” “They will only hurt the people who wrote them.',
    ]);
  });

  it('gives a quote running over paragraphs to the cue of each paragraph', () => {
    const raw = article(
      '“Half of the town has been lost,” Ivan Petrenko said. “The situation is very serious.\n\n“The army continues to resist this push. The town still stands,” he said.',
    );
    expect(statementsOf(raw).map((s) => [s.cue, s.content])).toEqual([
      ['said', 'Half of the town has been lost,” Ivan Petrenko said. “The situation is very serious.'],
      ['said', 'The army continues to resist this push. The town still stands'],
    ]);
  });
});

describe('sources away from the cue', () => {
  it('reads "X, who said ..." with the relative standing for X', () => {
    const rows = statementsOf(article('The plan was criticised by John Smith, who said it would cost too much.'));
    expect(rows.at(-1)).toMatchObject({ source: 'John Smith', cue: 'said', content: 'it would cost too much' });
  });

  it('reads a quote signed with a dash at the end of its paragraph', () => {
    const rows = statementsOf(
      article('The voters spoke.\n\n“He cannot answer a single question without scaring people.” ― Esther Tapia\n'),
    );
    expect(rows).toEqual([
      {
        source: 'Esther Tapia',
        canonical: 'Esther Tapia',
        side: 'other',
        cue: '―',
        content: 'He cannot answer a single question without scaring people.',
        direct: true,
      },
    ]);
  });
});

describe('sources named elsewhere in the text', () => {
  const rows = (body: string) => statementsOf(article(body)).map((s) => [s.canonical, s.cue]);

  it('reads "the report" and "the service" as the body named with them just before', () => {
    expect(
      rows(
        'Monitors cited a report by the Organisation for Security and Co-operation in Europe on the camps. The report added that 40 prisoners had been beaten.',
      ).at(-1),
    ).toEqual(['Organisation for Security and Co-operation in Europe', 'added']);
    expect(
      rows(
        'Tracking by Lloyd’s List Intelligence, a maritime information service, began in March. The service said 20 ships left port.',
      ).at(-1),
    ).toEqual(['Lloyd’s List Intelligence', 'said']);
  });

  it('gives reported speech an outlet relays to the speaker ("Reuters reported him saying")', () => {
    expect(
      rows(
        'The governor, Ivan Petrenko, wrote on Telegram. Reuters reported him saying that 40 prisoners were freed.',
      ).at(-1),
    ).toEqual(['Ivan Petrenko', 'saying']);
  });

  it('gives "their data" to the body last named as a source', () => {
    expect(
      rows(
        'Lloyd’s List Intelligence said exports fell. In the weeks after the invasion, trade was stable, their data showed.',
      ).at(-1),
    ).toEqual(['Lloyd’s List Intelligence', 'showed']);
  });

  it('gives a relayed quote to the speaker the outlet quoted', () => {
    expect(rows('“A third of the town is under our control,” the agency quoted Leonid Pasechnik as saying.')).toEqual([
      ['Leonid Pasechnik', 'saying'],
    ]);
  });

  it('links a role to the person named with it after a coordinated name, or named next as "the official"', () => {
    expect(
      rows(
        'President Anna Bell and Prime Minister of Canada Justin Trudeau met in Ottawa. Later the Prime Minister of Canada said that aid would continue.',
      ).at(-1),
    ).toEqual(['Justin Trudeau', 'said']);
    expect(
      rows(
        'Rockets destroyed 30 depots, the defence ministry spokesperson said on Friday. The official, Ivan Petrenko, said that the rockets played a key role in the fighting.',
      )[0],
    ).toEqual(['Ivan Petrenko', 'said']);
  });
});

describe('quotes over several paragraphs', () => {
  it('joins a closed quote and the next paragraph’s quote when no new speaker or cue comes between', () => {
    const raw = article(
      'Ivan Petrenko said the cell was small. “There was a table and two chairs.”\n\n“I saw people beaten every day and I was scared all the time.”',
    );
    expect(statementsOf(raw).map((s) => s.content)).toEqual([
      'the cell was small',
      'There was a table and two chairs.”\n\n“I saw people beaten every day and I was scared all the time.',
    ]);
  });
});

describe('sides of people with no office', () => {
  const rows = (body: string) => statementsOf(article(body)).map((s) => [s.canonical, s.side]);

  it('gives a resident the side of the town where the text first names them, and a first name its full name', () => {
    expect(
      rows(
        'Anna Kovalenko fled Mariupol in March with her two children. Anna said the shelling never stopped. A reporter, John Doe, said the roads were closed.',
      ),
    ).toEqual([
      ['Anna Kovalenko', 'ukraine'],
      ['John Doe', 'other'],
    ]);
  });
});

describe('parenthetical cues', () => {
  const one = (body: string) => statementsOf(article(body)).map((s) => [s.source, s.cue, s.content]);

  it('takes the whole sentence when the cue sits inside it', () => {
    expect(one('Acts of protest, Ms. Rivera said, are acts of patriotism in a free country.')).toEqual([
      ['Ms. Rivera', 'said', 'Acts of protest, Ms. Rivera said, are acts of patriotism in a free country'],
    ]);
  });

  it('takes the main clause after the cue when a subordinate clause opens the sentence', () => {
    expect(one('When the plan was announced, Ms. Rivera said, she feared the worst for the town.')).toEqual([
      ['Ms. Rivera', 'said', 'she feared the worst for the town'],
    ]);
  });
});

describe('clause ends and scare quotes around the cue', () => {
  const one = (body: string) => statementsOf(article(body)).map((s) => [s.cue, s.content]);

  it('reads a cue followed by the narrator’s time clause as clause-final', () => {
    expect(
      one('Russian forces have taken most of the city, the governor has said as heavy fighting continued.'),
    ).toEqual([['said', 'Russian forces have taken most of the city']]);
  });

  it('keeps a short scare quote that opens the reported clause inside it', () => {
    expect(one('The mayor also said “quite a few” civilians were sheltering under the plant.')).toEqual([
      ['said', '“quite a few” civilians were sheltering under the plant'],
    ]);
  });

  it('lets a document cue that names no publisher cut no other statement', () => {
    expect(one('Russia said it will hand over the bodies of 152 soldiers found underneath the plant.')).toEqual([
      ['said', 'it will hand over the bodies of 152 soldiers found underneath the plant'],
    ]);
  });
});

describe('plural roles', () => {
  it('reads "the presidents" and a following "they" as the two people the text paired', () => {
    const raw =
      'date 2022-06-08 NA | President of Russia (en.kremlin.ru): Vladimir Putin had a telephone conversation with President of Iran Sayyid Ebrahim Raisi. The presidents noted the need to continue talks on the nuclear deal. They reaffirmed their commitment to the Astana Process.';
    expect(statementsOf(raw).map((s) => s.canonical)).toEqual([
      'Vladimir Putin and Sayyid Ebrahim Raisi',
      'Vladimir Putin and Sayyid Ebrahim Raisi',
    ]);
  });
});

describe('recall: reported clauses the cue frame makes plain', () => {
  it('keeps a fronted phrase after an explicit "that" ("found that in X, Y")', () => {
    const [s] = statementsOf(
      article("The study found that in the state's three largest counties, voters have been taken off the rolls."),
    );
    expect(s).toMatchObject({
      cue: 'found',
      content: "in the state's three largest counties, voters have been taken off the rolls",
    });
  });

  it('reads "that" as the subject when a verb follows it ("said that would permit")', () => {
    const [s] = statementsOf(article('The minister said that would permit the financing of more submarines.'));
    expect(s).toMatchObject({ cue: 'said', content: 'that would permit the financing of more submarines' });
  });

  it('keeps a "that because" clause', () => {
    const [s] = statementsOf(
      article('Obama said that because terrorists are Muslim does not mean Muslims are terrorists.'),
    );
    expect(s).toMatchObject({
      source: 'Obama',
      content: 'because terrorists are Muslim does not mean Muslims are terrorists',
    });
  });

  it('reads a state or party abbreviation in the attribution clause as no sentence end', () => {
    const [s] = statementsOf(
      article('“It’s a dog whistle to all Americans,” Rep. Gwen Moore (D-Wis.) said Friday. Then she left.'),
    );
    expect(s).toMatchObject({ source: 'Gwen Moore', cue: 'said', content: 'It’s a dog whistle to all Americans' });
  });

  it('lets plural polls speak ("Polls showed that ...")', () => {
    const [s] = statementsOf(article('Polls showed that few Americans thought of climate change as a priority.'));
    expect(s).toMatchObject({
      source: 'Polls',
      cue: 'showed',
      content: 'few Americans thought of climate change as a priority',
    });
  });
});

describe('recall: commitments, appeals, beliefs and judgements', () => {
  it('takes a to-infinitive as the content of a commitment ("pledged to ...")', () => {
    const [s] = statementsOf(
      article('Clinton pledged to push for a constitutional amendment to overturn the decision.'),
    );
    expect(s).toMatchObject({
      source: 'Clinton',
      cue: 'pledged',
      content: 'to push for a constitutional amendment to overturn the decision',
    });
  });

  it('keeps the addressee of an appeal and ends at the source’s next cue', () => {
    const found = statementsOf(
      article('Graham urged Republicans to join the ranks of climate change believers, and criticized the party.'),
    );
    expect(found[0]).toMatchObject({
      cue: 'urged',
      content: 'Republicans to join the ranks of climate change believers',
    });
  });

  it('reads a plural subject’s cue ("the authors predict", "critics argue")', () => {
    const [s] = statementsOf(article('Critics argue that the sanctions have failed to change the Kremlin’s course.'));
    expect(s).toMatchObject({
      source: 'Critics',
      cue: 'argue',
      content: 'the sanctions have failed to change the Kremlin’s course',
    });
  });

  it('takes a belief only with its clause, not a noun ("the fear that")', () => {
    expect(statementsOf(article('The IMF expects that output will expand by 1.6 percent this year.'))[0]).toMatchObject(
      {
        cue: 'expects',
        content: 'output will expand by 1.6 percent this year',
      },
    );
    expect(
      statementsOf(article('She recalled the shelters and the fear that had gripped the people there.')),
    ).not.toContainEqual(expect.objectContaining({ cue: 'fear' }));
    expect(statementsOf(article('The two sides agreed to open humanitarian corridors on Monday.'))).toEqual([]);
  });

  it('reads a judgement in its frame ("described X as Y") and not a bare description', () => {
    expect(
      statementsOf(
        article(
          'Chris Christie described Hillary Clinton as a “disgrace” after she attacked law enforcement officers.',
        ),
      )[0],
    ).toMatchObject({ source: 'Chris Christie', cue: 'described', content: 'Hillary Clinton as a “disgrace”' });
    expect(
      statementsOf(article('A boy has described how he was held hostage by soldiers for 90 days.'))[0],
    ).toMatchObject({
      cue: 'described',
      content: 'how he was held hostage by soldiers for 90 days',
    });
    expect(statementsOf(article('Vladislav described the room where the interrogations took place.'))).toEqual([]);
  });
});

describe('recall: sources set apart from their cue', () => {
  it('reads the subject before an aside between commas ("X, speaking to ..., said")', () => {
    expect(
      statementsOf(
        article('Trump, speaking to a veterans group in Virginia, said he would order a thorough review.'),
      )[0],
    ).toMatchObject({ source: 'Trump', cue: 'said', content: 'he would order a thorough review' });
    expect(
      statementsOf(
        article(
          'Donna Rawlings, 59, of Ashton, Md., who watched the ceremony on a screen, said the event brought back memories.',
        ),
      )[0],
    ).toMatchObject({ source: 'Donna Rawlings', content: 'the event brought back memories' });
  });

  it('does not read a passive participle after a comma as a cue with an aside', () => {
    const found = statementsOf(
      article(
        'The latest measures, announced by the trade secretary, bring the total value of sanctioned goods to £4bn.',
      ),
    );
    expect(found).not.toContainEqual(expect.objectContaining({ source: 'The latest measures' }));
  });

  it('reads a restrictive relative ("an architect who said ...")', () => {
    expect(
      statementsOf(article('He refused to pay an architect who said he was stiffed on the bill.'))[0],
    ).toMatchObject({
      source: 'an architect',
      content: 'he was stiffed on the bill',
    });
  });

  it('ends a content where the source’s next cue begins ("said X and warned Y")', () => {
    const found = statementsOf(
      article('Trump said he would order a thorough review of the defenses and warned against hackers from China.'),
    );
    expect(found[0]).toMatchObject({ cue: 'said', content: 'he would order a thorough review of the defenses' });
    expect(found.some((s) => s.content.includes('warned'))).toBe(false);
  });
});

describe('recall: documents and judgements with long subjects', () => {
  it('lets a document opening the clause speak across its modifiers', () => {
    expect(
      statementsOf(
        article('A 2014 study that appeared in the British Medical Journal found that the supplements did not work.'),
      )[0],
    ).toMatchObject({ source: 'A 2014 study', cue: 'found', content: 'the supplements did not work' });
  });

  it('does not read what a document is expected to show as a report', () => {
    expect(
      statementsOf(article('Data set for release on Thursday is expected to show that the economy shrank.')),
    ).toEqual([]);
  });

  it('reads "called X Y" after an appositive source, but not a naming participle', () => {
    expect(
      statementsOf(
        article('Minyon Moore, a senior adviser to the campaign, called the remarks “a true wake-up call” to voters.'),
      )[0],
    ).toMatchObject({ source: 'Minyon Moore', cue: 'called' });
    expect(statementsOf(article('His group, called the Virginia Conservation Legacy Fund, will stay open.'))).toEqual(
      [],
    );
  });
});

describe('recall: intentions', () => {
  it('reads an intention with its infinitive and not a noun ("no immediate plans")', () => {
    expect(statementsOf(article('Clinton plans to call on young people to join national service.'))[0]).toMatchObject({
      source: 'Clinton',
      cue: 'plans',
      content: 'to call on young people to join national service',
    });
    expect(statementsOf(article('The police had no immediate plans to release the recordings.'))).toEqual([]);
    expect(statementsOf(article('Trump wants a wall on the border.'))).toEqual([]);
  });

  it('keeps an intention inside a reported content from cutting it', () => {
    const [s] = statementsOf(
      article(
        'In addition, the campaign plans to make more medical records available soon, a spokesman announced Monday.',
      ),
    );
    expect(s).toMatchObject({
      cue: 'announced',
      content: 'In addition, the campaign plans to make more medical records available soon',
    });
  });
});

describe('recall: progressive cues', () => {
  it('reads a progressive commitment ("is promising")', () => {
    expect(
      statementsOf(article('Trump is promising lower taxes and more jobs for the middle class.'))[0],
    ).toMatchObject({
      source: 'Trump',
      cue: 'promising',
      content: 'lower taxes and more jobs for the middle class',
    });
  });

  it('does not take a participle after a quote’s cue as a cue ("said, describing ...")', () => {
    expect(
      statementsOf(
        article('“I feared the bunker would not withstand it,” Usmanova said, describing the time underground.'),
      ),
    ).toEqual([expect.objectContaining({ cue: 'said', content: 'I feared the bunker would not withstand it' })]);
  });
});

describe('recall: a named source, any finite verb and a "that" clause', () => {
  it('reads a verb outside the lexicon before a that-clause as a cue', () => {
    expect(statementsOf(article('Dr. Oz conceded that the pills had no proven effect on weight.'))[0]).toMatchObject({
      source: 'Dr. Oz',
      cue: 'conceded',
      content: 'the pills had no proven effect on weight',
    });
    expect(statementsOf(article('Senator Warren lamented that the bank had squeezed its employees.'))[0]).toMatchObject(
      {
        cue: 'lamented',
        content: 'the bank had squeezed its employees',
      },
    );
  });

  it('does not read a relative "that" or a verb of cause as speech', () => {
    expect(statementsOf(article('Surety companies that had insured the obligations released the cash.'))).toEqual([]);
    expect(statementsOf(article('The new law ensured that every voter could register.'))).toEqual([]);
    expect(statementsOf(article('She declined that assignment and has since left the network.'))).toEqual([]);
  });
});

describe('recall: a subject with a prepositional modifier', () => {
  it('reads the subject across "with ..." after a leading adverbial', () => {
    expect(
      statementsOf(
        article(
          'The same day, a popular military Weibo account with more than 34 million followers falsely claimed the attack was carried out by Ukrainian troops.',
        ),
      )[0],
    ).toMatchObject({
      source: 'a popular military Weibo account',
      cue: 'claimed',
      content: 'the attack was carried out by Ukrainian troops',
    });
  });
});

describe('precision: relays are not contents', () => {
  it('does not file "according to X" or "citing X" after a cue as what was said', () => {
    const found = statementsOf(
      article('The ambassador would start working in Kyiv on Monday, her office said, according to Reuters.'),
    );
    expect(found.some((s) => /^(?:according|citing)/.test(s.content))).toBe(false);
    expect(
      statementsOf(
        article('Gerasimov visited the front last week, the New York Times reported, citing Ukrainian officials.'),
      ).some((s) => /^citing/.test(s.content)),
    ).toBe(false);
  });
});
