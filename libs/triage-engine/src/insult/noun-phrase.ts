import { STOPWORDS } from '../text/nlp.js';
import { NO_BREAK, PHRASE_BREAK, SENTENCE_BREAK, type Token } from '../text/tokens.js';
import { TUNE } from './tuning.js';
import type { Aim, Field, Hit } from './types.js';
import {
  AUX_QUESTION,
  CALLS,
  COPULA,
  COPULA_IN_WORD,
  DETERMINER,
  EXCLAIM,
  FIRST,
  MODIFIER_ENDINGS,
  NEGATION,
  NOT_A_NOUN_AFTER,
  PERSON_NOUNS,
  REPORTING,
  SECOND,
  SKIP,
  THING,
  VERB_ENDINGS,
} from './word-classes.js';

/** Token t is in the hit's sentence and outside quotes. */
export const inSentence = (t: Token | undefined): t is Token => t !== undefined && t.breakBefore < SENTENCE_BREAK && !t.quoted;

/** Token t starts with a capital letter in the original text. */
export const capitalised = (text: string, t: Token): boolean => /^\p{Lu}/u.test(text.slice(t.start, t.start + 1));

/**
 * Token k reads as a modifier inside the noun phrase ending at `first` ("you scheming snake", "a populist hack"): an
 * adjective-like word or a name ("Kremlin puppet"), with only intensifiers, no determiner, between it and the noun
 * ("you see the snake", "you toss trash": verbs, not modifiers).
 */
export function modifierOf(f: Field, k: number, first: number): boolean {
  const toks = f.toks;
  for (let j = k + 1; j < first; j++) {
    if (DETERMINER.has(toks[j].norm) || !SKIP.has(toks[j].norm) || toks[j].breakBefore > NO_BREAK) return false;
  }
  const t = toks[k];
  return MODIFIER_ENDINGS.test(t.norm) || (t.breakBefore === NO_BREAK && capitalised(f.text, t));
}

/** Token j looks like a name: capitalised, no common word, not a thing. */
function isName(f: Field, j: number): boolean {
  const t = f.toks[j];
  return capitalised(f.text, t) && !STOPWORDS.has(t.norm) && !THING.has(t.norm) && !t.quoted;
}

/**
 * Vocative: "Idiot!", "..., coward.", "Racist trash.", "hey moron": a noun phrase standing alone as its own phrase.
 * An everyday noun ("snake") needs an insult word before it to count.
 */
export function vocativeAim(f: Field, h: Hit): Aim | null {
  const { toks, covered } = f;
  const next = toks[h.last + 1];
  if (h.entry.pos !== 'n' || (next && next.breakBefore === NO_BREAK)) return null;
  let k = h.first;
  let adjective = false;
  let unknown = h.entry.ambiguous ? 1 : 0;
  while (k > 0 && toks[k].breakBefore === NO_BREAK) {
    const w = toks[k - 1].norm;
    if (covered[k - 1]) adjective = true;
    else if (NEGATION.has(w) || COPULA.has(w) || REPORTING.has(w) || FIRST.has(w) || AUX_QUESTION.has(w) || COPULA_IN_WORD.has(w)) return null;
    else if (!SKIP.has(w) && !SECOND.has(w) && !CALLS.has(w) && unknown++ >= TUNE.vocativeUnknownWords) break;
    k--;
  }
  if (toks[k].breakBefore >= PHRASE_BREAK && (!h.entry.ambiguous || adjective)) return { factor: TUNE.vocative, pattern: 'vocative', negated: false };
  return null;
}

/**
 * An adjective hit is about a thing ("stupid idea", "ignorant comments": factor 0) unless the noun after it is a
 * person ("evil greedy man", "disgusting liberals"), what someone is said to be ("you are a stupid driver"), the
 * person addressed ("you ignorant tourists") or a name ("Wicked Baxter"). An adjective phrase about a person that
 * stands alone is a vocative or an exclamation ("Spineless little man.", "What a spineless little man.").
 * `predicated`: a copula links the hit to its subject; `target`: where the subject search stopped.
 */
export function adjectiveAim(f: Field, h: Hit, aim: Aim, predicated: boolean, target: number): Aim {
  const j = nounAfter(f, h.last);
  if (j < 0) return aim;
  const noun = f.toks[j].norm;
  let person = personNounNear(f, j) || (predicated && !THING.has(noun)) || addressedNounPhrase(f, h, aim, target, j);
  if (!person && aim.pattern === 'untargeted' && j === h.last + 1 && epithetFor(f, j)) {
    aim = { ...aim, factor: TUNE.name, pattern: 'X <name>' };
    person = true;
  }
  if (!person) return { ...aim, factor: 0, pattern: `${aim.pattern}, about a thing` };
  return aim.pattern === 'untargeted' ? standaloneAim(f, h, aim, j) : aim;
}

/** The noun an adjective at `last` may modify (past intensifiers: "stupid little people"), or -1. */
function nounAfter(f: Field, last: number): number {
  const { toks, covered } = f;
  let j = last + 1;
  while (j < toks.length && toks[j].breakBefore === NO_BREAK && SKIP.has(toks[j].norm) && !NOT_A_NOUN_AFTER.has(toks[j].norm) && !covered[j]) j++;
  const n = toks[j];
  const noun = n && n.breakBefore === NO_BREAK && !covered[j] && !NOT_A_NOUN_AFTER.has(n.norm) && (!STOPWORDS.has(n.norm) || PERSON_NOUNS.has(n.norm));
  return noun ? j : -1;
}

/** A person noun, or another hit, within a few words from j in the same phrase. */
function personNounNear(f: Field, j: number): boolean {
  const { toks, covered } = f;
  const end = Math.min(toks.length, j + TUNE.personNounWindow);
  for (let q = j; q < end && (q === j || toks[q].breakBefore === NO_BREAK); q++) if (PERSON_NOUNS.has(toks[q].norm) || covered[q]) return true;
  return false;
}

/** "you ignorant tourists", "you pathetic little man": "you" + adjective + noun, ending the phrase, is the person addressed. */
function addressedNounPhrase(f: Field, h: Hit, aim: Aim, target: number, j: number): boolean {
  const toks = f.toks;
  if (aim.pattern !== 'you X' || target < 0 || THING.has(toks[j].norm)) return false;
  if (j + 1 < toks.length && toks[j + 1].breakBefore === NO_BREAK) return false;
  for (let q = target + 1; q < h.first; q++) if (DETERMINER.has(toks[q].norm) || !SKIP.has(toks[q].norm)) return false;
  return true;
}

/**
 * "Wicked Baxter", "Sleazy Baxter": an adjective right before a name (one or two capitalised words) is an epithet for
 * that person when a verb or a function word follows ("Sleazy Baxter is", "Wicked Baxter strikes"), not a noun the
 * name modifies ("a stupid Samsung update").
 */
function epithetFor(f: Field, j: number): boolean {
  const toks = f.toks;
  if (!isName(f, j)) return false;
  let e = j;
  if (toks[e + 1] && toks[e + 1].breakBefore === NO_BREAK && isName(f, e + 1)) e++;
  const after = toks[e + 1];
  return !after || after.breakBefore > NO_BREAK || STOPWORDS.has(after.norm) || VERB_ENDINGS.test(after.norm);
}

/** An untargeted adjective about a person, noun at j: "What a pathetic little boy you are.", "What a …", "Spineless little man." */
function standaloneAim(f: Field, h: Hit, aim: Aim, j: number): Aim {
  const toks = f.toks;
  let end = j;
  while (end + 1 < toks.length && toks[end + 1].breakBefore === NO_BREAK && (PERSON_NOUNS.has(toks[end + 1].norm) || f.covered[end + 1])) end++;
  const after = toks[end + 1];
  if (after && after.breakBefore === NO_BREAK && SECOND.has(after.norm) && !after.quoted) return { ...aim, factor: TUNE.direct, pattern: 'X you are' };
  if (exclaimBefore(f, h.first)) return { ...aim, factor: TUNE.exclaim, pattern: 'what a X' };
  const alone = toks[h.first].breakBefore >= PHRASE_BREAK && (end + 1 >= toks.length || toks[end + 1].breakBefore >= PHRASE_BREAK);
  return alone ? { ...aim, factor: TUNE.vocative, pattern: 'vocative' } : { ...aim, factor: TUNE.untargetedNoun, pattern: 'untargeted' };
}

/** "what"/"such" a few words before `first`, with only intensifiers between: "What a spineless …". */
function exclaimBefore(f: Field, first: number): boolean {
  const toks = f.toks;
  for (let k = first - 1; k >= 0 && k >= first - TUNE.exclaimLookback && toks[k + 1].breakBefore === NO_BREAK; k--) {
    if (EXCLAIM.has(toks[k].norm)) return true;
    if (!SKIP.has(toks[k].norm)) return false;
  }
  return false;
}
