import type { EvidenceSpan } from '@sift/shared';
import type { RuleInput, RuleVerdict } from '../contract/rule.js';
import type { Tally } from './find-hits.js';
import { TUNE } from './tuning.js';
import type { Hit } from './types.js';

/**
 * The verdict from the aimed hits of a comment: each hit weighs `severityWeight × factor` (capped); score =
 * 1 − Π(1 − weight) over the hits that count, plus a small prior for a comment that addresses someone or swears.
 * `profanityWeight`: the factor of untargeted profanity (0 unless the config counts it).
 */
export function verdictOf(input: RuleInput, hits: readonly Hit[], tally: Tally, profanityWeight: number, threshold: number): RuleVerdict {
  let keep = 1;
  let profanity = 0;
  const spans: EvidenceSpan[] = [];
  const terms = new Set<string>();
  const patterns = new Set<string>();
  const negated = new Set<string>();
  for (const h of hits) {
    const e = h.entry;
    if (e.pos === 'x') profanity++;
    if (h.aim.negated) {
      negated.add(e.term);
      continue;
    }
    const w = Math.min(TUNE.weightCap, TUNE.severityWeight[e.severity] * factorOf(h, tally, profanityWeight));
    if (w < TUNE.weightFloor) continue;
    keep *= 1 - w;
    const text = h.field === 'title' ? (input.comment.title ?? '') : input.comment.body;
    spans.push({ field: h.field, start: h.start, end: h.end, text: text.slice(h.start, h.end), label: `${e.term} (${e.kind}, ${h.aim.pattern})` });
    terms.add(e.term);
    patterns.add(h.aim.pattern);
  }
  // A small prior for ranking: comments that address "you" or swear are likelier insults. Never fires alone.
  const prior = Math.min(TUNE.priorMaxAddresses * TUNE.prior, TUNE.prior * tally.addresses) + (profanity > 0 ? TUNE.priorProfanity : 0);
  keep *= 1 - prior;
  const score = Math.round((1 - keep) * TUNE.scoreRounding) / TUNE.scoreRounding;
  const fired = score >= threshold;
  return {
    score,
    threshold,
    evidence: {
      summary: spans.length ? `${fired ? 'insult' : 'below threshold'}: ${[...terms].join(', ')} (${[...patterns].join('; ')})` : 'no insult',
      spans,
      terms: [...terms],
      patterns: [...patterns],
      ...(negated.size ? { negated: [...negated] } : {}),
      ...(tally.quoted ? { quotedIgnored: tally.quoted } : {}),
    },
  };
}

/**
 * A hit's factor, now that the whole comment is known: an untargeted noun counts a little (slurs too), untargeted
 * profanity only when the config says so; aimed profanity counts as a predicate ("you are shit") or, as a verb
 * right after "you" ("you screwed …"), less; a swear word that is a modifier ("you fucking idiot") is no verb
 * unless an -ing verb follows it ("you fucking joking").
 */
function factorOf(h: Hit, tally: Tally, profanityWeight: number): number {
  const e = h.entry;
  const pattern = h.aim.pattern;
  if (pattern === 'untargeted') {
    if (e.pos === 'x') return profanityWeight;
    if (e.kind === 'slur') return TUNE.untargetedSlur;
    if (e.pos === 'n' && !e.ambiguous) return tally.addresses > 0 ? TUNE.untargetedNounAddressed : TUNE.untargetedNoun;
    return h.aim.factor;
  }
  if (e.pos !== 'x' || pattern === 'profanity at someone') return h.aim.factor;
  const verb = pattern === 'you X' && (!e.modifier || h.beforeVerb);
  return Math.max(profanityWeight, h.aim.factor * (verb ? TUNE.profanityVerb : TUNE.profanityAimed));
}
