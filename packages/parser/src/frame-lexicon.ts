import { wordList } from './word-list.ts';

/**
 * Frames that take a figure out of this war as it stands: a toll of an earlier war or atrocity, or
 * a number of dead that is imagined, feared for the future or conditional. Such a figure is kind
 * other, never a loss. Matched case-insensitively as whole words in the figure's sentence.
 */
const HISTORICAL_EVENTS = wordList(`
  Second World War, World War II, World War Two, World War 2, WWII, WW2, First World War, World War I,
  World War One, WWI, Great Patriotic War, Great War, Holodomor, Holocaust, Shoah, Babi Yar, Babyn Yar,
  siege of Leningrad, Leningrad blockade, Battle of Stalingrad, Stalingrad, Afghan war, Soviet-Afghan war,
  Chechen war, Chechen wars, Stalin's purges, Stalin’s purges, Great Terror, Great Famine, Gulag,
  Nazi occupation, Nazi invasion, Nazi Germany, Nazis, Hitler, Third Reich, Soviet Union, USSR, Red Army,
  Soviet soldiers, Soviet troops, Soviet citizens, Soviet people, Soviet army, war in Afghanistan,
  civil war in Syria, Srebrenica
`);

const asPattern = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

/**
 * An earlier war or atrocity named in the sentence, or a year before 2014 the count is set in ("in
 * 1943", not "in 2000 villages"). The
 * entries are ASCII words (or end in one), so a plain word boundary does: no per-position lookbehind.
 */
export const HISTORICAL = new RegExp(
  `\\b(?:${HISTORICAL_EVENTS.map(asPattern).join('|')})\\b|\\b(?:in|during|from|between)\\s+(?:the\\s+)?(?:19[0-9]{2}|200[0-9]|201[0-3])s?\\b(?!\\s+[a-z]+s\\b)`,
  'i',
);

/** Words that open an imagined or conditional frame before the figure ("just imagine", "if"). */
const HYPOTHETICAL_OPENERS = wordList(`
  imagine, imagined, imagining, suppose, supposing, picture, hypothetically, hypothetical, scenario,
  worst case, worst-case, in the event, otherwise, if, unless, could have been, would have been
`);

export const HYPOTHETICAL_BEFORE = new RegExp(`\\b(?:${HYPOTHETICAL_OPENERS.map(asPattern).join('|')})\\b`, 'i');

/**
 * A modal on the verb of the loss: "could die", "would be killed", "will lose", "are at risk of
 * dying". "May have died" reports a possible past loss and stays a loss.
 */
export const MODAL_LOSS =
  /\b(?:could|would|might|may|will|shall|going to|threatens? to|risk|at risk of|set to)\s+(?:(?:not|also|soon|easily|still|then|be|get|have to)\s+){0,2}(?:die|dying|be killed|be wounded|be injured|be lost|be destroyed|lose|losing|kill|killing|perish|be captured|starve|freeze)\b/i;
