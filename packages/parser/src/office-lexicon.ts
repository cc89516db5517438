import { partiesOf } from './side-lexicon.ts';
import { wordList } from './word-list.ts';

/**
 * Who holds the top offices of third parties that war coverage names by office alone ("the US
 * president", "the German chancellor", "the Nato secretary general"). Data, not rules: a line is
 * `party | office | surnames of holders in recent years`. A role resolves to a holder only when the
 * article itself names exactly one of them, so an outdated line cannot invent a speaker.
 * Russia's and Ukraine's heads of state live in side-lexicon.ts (HEADS_OF_STATE).
 */
const OFFICES = `
usa | president | biden, trump, obama
usa | secretary of state | blinken, pompeo
usa | defense secretary | austin
france | president | macron
germany | chancellor | scholz, merkel
uk | prime minister | johnson, truss, sunak
uk | foreign secretary | truss, cleverly
poland | president | duda
poland | prime minister | morawiecki
turkey | president | erdoğan, erdogan
italy | prime minister | draghi, meloni
canada | prime minister | trudeau
hungary | prime minister | orbán, orban
china | president | xi
un | secretary general | guterres
nato | secretary general | stoltenberg
eu | commission president | von der leyen, leyen
`;

interface Office {
  party: string;
  words: RegExp;
  surnames: readonly string[];
}

const offices: Office[] = OFFICES.split('\n').flatMap((line) => {
  const [party, office, holders] = line.split('|').map((x) => x.trim());
  if (!party || !office || !holders) return [];
  const words = office.split(/\s+/).join('[\\s\\u00a0-]+(?:of[\\s\\u00a0]+(?:the[\\s\\u00a0]+)?)?');
  return [{ party, words: new RegExp(`\\b${words}\\b`, 'i'), surnames: wordList(holders) }];
});

/** Surnames of the holders of the office a role phrase names ("the US president" -> biden, trump, obama), or null. */
export function holdersOf(role: string): readonly string[] | null {
  if (/\b(?:former|ex|vice|deputy|acting|late)\b/i.test(role)) return null;
  const parties = new Set(partiesOf(role));
  // "the European Commission president": the commission's own line.
  if (/\bcommission\b/i.test(role)) parties.add('eu');
  for (const o of offices) if (parties.has(o.party) && o.words.test(role)) return o.surnames;
  return null;
}
