import { SENTENCE_BREAK } from '../text/tokens.js';
import { inSentence } from './noun-phrase.js';
import { TUNE } from './tuning.js';
import type { Aim, Field, Hit, Search } from './types.js';
import { COMPARISON, COMPLEMENT, INDEFINITE, REPORTING, REPORTING_PAIRS } from './word-classes.js';

/**
 * "those who call them crooks", "you called me an idiot", "as though he were a criminal": a reporting verb between
 * the hit and a little before its target reports the words rather than saying them.
 */
export function reportedBefore(f: Field, h: Hit, aim: Aim, target: number): boolean {
  const toks = f.toks;
  const stop = aim.pattern === 'vocative' || target < 0 ? -1 : target - TUNE.reportedWordsBeforeTarget - 1;
  for (let k = h.first - 1, n = 0; k > stop && k >= 0 && n < TUNE.reportedMaxWords && toks[k + 1].breakBefore < SENTENCE_BREAK; k--, n++) {
    const w = toks[k].norm;
    if (REPORTING.has(w)) return true;
    const first = REPORTING_PAIRS.get(w);
    if (first !== undefined && k > 0 && toks[k - 1].norm === first) return true;
  }
  return false;
}

/**
 * How the sentence frames an aimed hit: an adjective with an "of" complement tells a state ("sick of
 * waiting"), one between "as … as" is a comparison ("as naive as a tourist"), reported words count a little,
 * and a negated hit is marked so (it then counts zero).
 */
export function frame(f: Field, h: Hit, aim: Aim, s: Search): Aim {
  const toks = f.toks;
  const next = toks[h.last + 1];
  const next2 = toks[h.last + 2];
  if (h.entry.pos === 'a') {
    if (inSentence(next) && COMPLEMENT.has(next.norm) && !(inSentence(next2) && INDEFINITE.has(next2.norm))) {
      aim = { ...aim, factor: 0, pattern: `${aim.pattern}, X of` };
    }
    if (h.first > 0 && COMPARISON.has(toks[h.first - 1].norm) && next && COMPARISON.has(next.norm)) aim = { ...aim, factor: aim.factor * TUNE.comparison };
  }
  if (s.reported) aim = { ...aim, factor: aim.factor * TUNE.reported, pattern: `${aim.pattern}, reported` };
  return s.negated ? { ...aim, negated: true } : aim;
}
