import { wordList } from './word-list.ts';
/** Speech and belief verbs that attribute content to a source, in the forms news prose uses. */
export const CUE_VERBS: readonly string[] = [
  ...wordList(`
  said, says, say, told, tells, claimed, claims, claim, added, adds, stated, states, announced,
  announces, reported, reports, confirmed, confirms, denied, denies, warned, warns, estimated, estimates,
  tweeted, wrote, writes, insisted, insists, argued, argues, noted, notes, explained, explains, stressed,
  stresses, emphasised, emphasized, acknowledged, acknowledges, admitted, admits, alleged, alleges,
  asserted, declared, declares, maintained, predicted, predicts, believes, believed, believe, thinks,
  suggested, suggests, revealed, disclosed, indicated, pointed out, ruled out, commented, informed,
  mentioned, continued, replied, responded, vowed, pledged, forecast, forecasts, concluded, observed,
  remarked, recalled, boasted, countered, conceded, posted, condemned, accused, blamed,
  expressed concern, expressed readiness, expressed his readiness, expressed her readiness,
  expressed its readiness, adding, saying, claiming, warning, arguing, telling, confirming, stating,
  noting, insisting, accusing, forecasting, insists, announcing, explaining, stressing, complained,
  urged, demanded, promised, showed, shows, found, finds, suggesting, urging, vowing, predicting, denying, alleging
`),
  // Cues beyond the say family: appeals, accusations, judgements, commitments and reports. Each is
  // rare; together they carry a large share of attributions in news prose.
  ...wordList(`
  urges, called on, calls on, called for, calls for, calling on, asked, asks, accuses, blames,
  branded, brands, denounced, denounces, criticised, criticized, criticises, criticizes, rejected,
  rejects, pledges, promises, reiterated, reiterates, repeated, admitted, questioned, suspects,
  cited, citing, pointed to, pointing to, recounted, cautioned, cautions, emphasises, emphasizes,
  acknowledged, assured, assures, insisted, predicted, reaffirmed, recalls, hailed, noted, echoed, called,
  calls, vows, threatened, threatens, encouraged, encourages, appealed to, implored, begged
`),
  // Forms for plural and generic subjects ("the authors predict", "critics argue"), and judgements
  // of a person or a thing ("described X as Y", "likened X to Y", "blasted X for Y").
  ...wordList(`
  argue, predict, conclude, concludes, emphasize, emphasise, stress, insist, warn, suggest, acknowledge,
  admit, allege, contend, contends, contended, maintains, maintain, described, describes, describe,
  likened, likens, blasted, blasts, praised, praises, reads, show, find
`),
  ...wordList(`
  wants, plans, intends
`),
  // Progressive forms: "Trump is promising lower taxes", "officials are demanding ...".
  ...wordList(`
  promising, demanding, pledging, threatening, questioning, blaming, predicting, calling for, calling on,
  maintaining
`),
  ...wordList(`
  worry, worries, worried, fear, fears, feared, expect, expects, hope, hopes, hoped, doubt, doubts,
  doubted, agree, agrees, agreed
`),
];

/**
 * Intentions stated for a source: a statement only with a to-infinitive ("Trump wants to expand the
 * army", "Clinton plans to call on young people"); "plans" and "wants" as nouns are nothing.
 */
export const INTENTION_CUES: ReadonlySet<string> = new Set(
  wordList(`
  wants, plans, intends
`),
);

/**
 * Judgements of a person or a thing: a statement only in the frame "described X as Y", "likened X to
 * Y", "praised X for Y" (or "described how ..."); "described the room" reports no claim.
 */
export const JUDGEMENT_CUES: ReadonlySet<string> = new Set(
  wordList(`
  described, describes, describe, likened, likens, blasted, blasts, praised, praises
`),
);

/**
 * Beliefs, hopes and verbs that are nouns as often as verbs: they attribute only with a "that" clause
 * or at the end of the clause ("environmentalists worry that ...", "the IMF expects that ...");
 * "fears of a wider war", "agreed to a ceasefire" are no statements.
 */
export const THAT_CLAUSE_CUES: ReadonlySet<string> = new Set(
  wordList(`
  worry, worries, worried, fear, fears, feared, expect, expects, hope, hopes, hoped, doubt, doubts,
  doubted, agree, agrees, agreed, maintain, maintains, reads, warn, stress, insist
`),
);

/**
 * Commitments and appeals whose content is a to-infinitive, with the addressee before it when there
 * is one: "pledged to push for an amendment", "urged EU leaders to change the sanctions policy".
 * Without an infinitive or a clause they report an act, not a statement ("refused the offer").
 */
export const INFINITIVE_CUES: ReadonlySet<string> = new Set(
  wordList(`
  pledged, pledges, promised, promises, vowed, vows, threatened, threatens, urged, urges, called on,
  calls on, asked, asks, warned, warns, demanded, encouraged, encourages, appealed to,
  implored, begged
`),
);

/**
 * Cues that only attribute when a document speaks: "a report from CNN showed", "an analysis by Reuters
 * found". Their source is the body named in the phrase; "Videos showed" or "troops found" are narration.
 */
export const DOCUMENT_CUES: ReadonlySet<string> = new Set(['showed', 'shows', 'show', 'found', 'finds', 'find']);
export const DOCUMENT_NOUNS =
  /\b(?:reports?|study|studies|analysis|analyses|surveys?|polls?|polling|data|figures|footage|research|investigations?|assessments?|estimates?|documents?|records|statistics|reviews?|audits?|census|count|tally|index|maps?|images|imagery|photos|videos?|slides?|charts?|graphs?|filings?|forecasts?|projections?|models?|tests?|results)\b/i;

/** Cues that hand on the source of the statement before them ("..., adding they have detained ..."). */
export const CONTINUATION_CUES: ReadonlySet<string> = new Set(
  wordList(`
  adding, saying, claiming, warning, arguing, noting, insisting, stating, confirming, telling, accusing,
  announcing, explaining, stressing, suggesting, urging, vowing, predicting, denying, alleging, pointing to
`),
);

/** Verbs that take a person object before the content: "told reporters that ...", "accused the US of ...". */
export const OBJECT_CUES: ReadonlySet<string> = new Set([
  'told',
  'tells',
  'informed',
  'telling',
  'warned',
  'urged',
  'promised',
]);

/**
 * Cues that stand before their source after a comma ("..., said the minister"). A transitive cue
 * after a comma takes an object instead ("The official, Ivan Petrenko, cited the report").
 */
export const INVERTING_CUES: ReadonlySet<string> = new Set(
  wordList(`
  said, says, added, adds, wrote, writes, warned, warns, noted, notes, claimed, claims, stated, states,
  explained, insisted, argued, continued, replied, responded, reported, reports, announced, confirmed,
  asked, recalled, concluded, observed, remarked, tweeted, posted, conceded, countered, acknowledged,
  predicted, cautioned, declared, estimated, suggested, admitted, alleged, told, tells, emphasised,
  emphasized, stressed
`),
);

/** Belief verbs: "the US said it believed X" is one statement, not two. */
export const BELIEF_CUES: ReadonlySet<string> = new Set([
  'believes',
  'believed',
  'believe',
  'thinks',
  'expects',
  'expected',
  'feels',
  'felt',
]);

export function normaliseCue(text: string): string {
  return text.toLowerCase().replace(/[\s\u00a0]+/g, ' ');
}
