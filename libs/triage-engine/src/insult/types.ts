import type { Token } from '../text/tokens.js';
import type { LexiconEntry } from './lexicon.js';

/** How strongly a hit is aimed at someone: a factor on its severity weight, and the pattern that decided it. */
export interface Aim {
  factor: number;
  /** Shown in the evidence: "you are X", "vocative", "untargeted, about a thing" … */
  pattern: string;
  negated: boolean;
}

/** One text field of the comment, as the targeting code reads it. */
export interface Field {
  name: 'title' | 'body';
  text: string;
  toks: Token[];
  /** 1 where a token belongs to a lexicon hit. */
  covered: Uint8Array;
}

/** A lexicon term found in a field, over tokens [first, last]. */
export interface Hit {
  field: 'title' | 'body';
  first: number;
  last: number;
  /** Offsets into the field's text. */
  start: number;
  end: number;
  entry: LexiconEntry;
  aim: Aim;
  /** The next word is a verb in -ing ("are you fucking joking"): a swear word there intensifies the verb. */
  beforeVerb: boolean;
}

/**
 * What the backward search from a hit to its subject learns on its way (subject.ts): reset for each hit. One per
 * compiled rule, reused, so a comment costs no allocation for it.
 */
export class Search {
  /** A negator inside the phrase: "not a total idiot". */
  negated = false;
  /** A reporting verb: "called them crooks". */
  reported = false;
  /** A copula between the subject and the hit: "you are", "he seems". */
  copula = false;
  /** Words skipped inside the noun phrase, and those of them that weaken the link ("you [lying] snake"). */
  skips = 0;
  gaps = 0;
  /** "such" right before a noun: "such hypocrites". */
  such = false;
  /** Where the search stopped: the target word when it found one, else -1. */
  target = -1;
  /** The search passed an earlier hit ("you're not stupid, merely dumb": the "not" is that hit's). */
  pastHit = false;

  reset(): void {
    this.negated = false;
    this.reported = false;
    this.copula = false;
    this.skips = 0;
    this.gaps = 0;
    this.such = false;
    this.target = -1;
    this.pastHit = false;
  }
}
