import { z } from 'zod';
import { commentFields, type RuleDefinition } from '../contract/rule.js';
import { quotedRanges, tokenize } from '../text/tokens.js';
import { learnedVerdict } from './learned-verdict.js';
import { LearnedScorer } from '../learned/scorer.js';
import { findHits, type Tally } from './find-hits.js';
import { InsultLexicon } from './lexicon-index.js';
import { verdictOf } from './score.js';
import { aimHits } from './targeting.js';
import { TUNE } from './tuning.js';
import { Search, type Field, type Hit } from './types.js';

/**
 * `insult`: name-calling and contempt aimed at a person or group.
 *
 * For each text field: find the lexicon's terms in the tokens (find-hits.ts, phrases.ts; the lexicon is data in
 * lexicon.ts), aim each at someone or no one (targeting.ts: "you are X", "you X", "X like you", "they are X",
 * "what a X", "<name> is X", a vocative "X!"), then weigh them (score.ts). Negated hits ("you're not an idiot") and
 * hits inside quoted material (`>` lines, quotation marks) count zero; adjectives about things ("stupid idea")
 * count zero; untargeted profanity counts zero unless `countUntargetedProfanity`. Score = 1 − Π(1 − weight) over
 * hits, in [0, 1], plus a small prior from how much the comment addresses "you" (always below any sensible
 * threshold on its own). Fires when score ≥ `threshold`. Every number is in tuning.ts.
 *
 * With a site model (`SiteModels.insult`, learned from the site's own decisions: learned/), the score is instead the
 * stacked probability of the lexicon's score and the model's, against the model's threshold (learned-verdict.ts).
 */
export const INSULT_DEFAULTS = {
  threshold: TUNE.threshold,
  countUntargetedProfanity: false,
} as const;

const severity = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const term = (minLetters: number) => z.string().trim().min(minLetters).max(TUNE.termMaxLetters);
export const insultConfigSchema = z.object({
  threshold: z
    .number()
    .min(TUNE.configThresholdMin)
    .max(TUNE.configThresholdMax)
    .default(INSULT_DEFAULTS.threshold)
    .describe('Score (0–1) at which a comment is flagged: lower catches milder name-calling, and more by mistake.'),
  extraTerms: z
    .array(
      z.object({
        term: term(TUNE.extraTermMinLetters).describe('The word or phrase, as readers write it.'),
        kind: z
          .enum(['intellect', 'character', 'appearance', 'dehumanising', 'slur', 'profanity', 'custom'])
          .default('custom')
          .describe('What it attacks: intellect, character, appearance; dehumanising words and slurs; profanity; or custom.'),
        severity: severity.default(TUNE.extraTermSeverity).describe('1 mild, 2 clear, 3 severe: how much one hit weighs towards the threshold.'),
        pos: z
          .enum(['n', 'a', 'p', 'q', 'x'])
          .default('n')
          .meta({ title: 'Used as' })
          .describe('How it is used: n a name for a person ("idiot"), a an adjective for a person ("stupid"), p a phrase that targets by itself ("shut up"), q a quality ("stupidity"), x profanity.'),
      }),
    )
    .max(TUNE.maxTerms)
    .default([])
    .describe('Words to add to the built-in list of insults, one row each.'),
  allowTerms: z
    .array(term(TUNE.allowTermMinLetters))
    .max(TUNE.maxTerms)
    .default([])
    .describe('Words never to count as insults on this site, one per line (a team nickname, a place name).'),
  countUntargetedProfanity: z
    .boolean()
    .default(INSULT_DEFAULTS.countUntargetedProfanity)
    .describe('Also count swearing that is aimed at no one ("this is shit").'),
});
export type InsultConfig = z.infer<typeof insultConfigSchema>;

export const insultRule: RuleDefinition<InsultConfig> = {
  type: 'insult',
  label: 'Insults and name-calling',
  description: 'Name-calling and contempt aimed at a person or group, including obfuscated spellings.',
  schema: insultConfigSchema,
  compile(config, site) {
    const lex = new InsultLexicon(config.extraTerms, config.allowTerms);
    // A site model (learned from this site's decisions) stacks with the lexicon and decides; day 0 has none.
    const learned = site?.insult ? new LearnedScorer(site.insult) : null;
    const profanityWeight = config.countUntargetedProfanity ? TUNE.untargetedProfanity : 0;
    const search = new Search();
    return (input) => {
      const tally: Tally = { addresses: 0, quoted: 0 };
      const hits: Hit[] = [];
      const parentText = input.parent ? `${input.parent.title ?? ''}\n${input.parent.body}` : null;
      for (const { field, text } of commentFields(input)) {
        if (!text) continue;
        const toks = tokenize(text, quotedRanges(text, parentText));
        const f: Field = { name: field, text, toks, covered: new Uint8Array(toks.length) };
        const fieldHits = findHits(lex, f, tally);
        aimHits(f, fieldHits, search);
        for (const h of fieldHits) hits.push(h);
      }
      const verdict = verdictOf(input, hits, tally, profanityWeight, config.threshold);
      return learned ? learnedVerdict(verdict, learned, input) : verdict;
    };
  },
};
