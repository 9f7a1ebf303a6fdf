import { NO_BREAK, SENTENCE_BREAK } from '../text/tokens.js';
import { isMention } from './find-hits.js';
import { frame, reportedBefore } from './framing.js';
import { adjectiveAim, capitalised, inSentence, vocativeAim } from './noun-phrase.js';
import { searchBack } from './subject.js';
import { TUNE } from './tuning.js';
import type { Aim, Field, Hit, Search } from './types.js';
import {
  EMBODIED,
  FIRST,
  GROUP,
  ING,
  OBJECT_PREPOSITIONS,
  PERSON_PRONOUNS,
  SECOND,
  SECOND_WITH_COPULA,
  SIMILE,
  TRAILING_COPULA,
  TRAILING_SUBJECT,
  TRAILING_SUBJECT_VERB,
} from './word-classes.js';

/** Patterns in which a copula links the hit to its subject: what follows the hit is what the subject is said to be. */
const PREDICATES: ReadonlySet<string> = new Set(['you are X', 'they are X', 'someone is X']);

/**
 * Aims every hit of a field (found by find-hits.ts, with the field's `covered` complete): what it is aimed at, and
 * for a swear word whether it intensifies a verb after it. `s` is the compiled rule's scratch search state.
 */
export function aimHits(f: Field, hits: Hit[], s: Search): void {
  for (const h of hits) {
    h.aim = aimOf(f, h, s);
    if (h.entry.pos !== 'x') continue;
    // "what the fuck is he on about": profanity in a sentence about a person.
    if (h.aim.pattern === 'untargeted' && !h.aim.negated && sentenceHasPerson(f, h.first)) {
      h.aim = { factor: TUNE.profanityAtPerson, pattern: 'profanity at someone', negated: false };
    }
    const after = f.toks[h.last + 1];
    h.beforeVerb = !!after && after.breakBefore === NO_BREAK && !f.covered[h.last + 1] && after.norm.length >= TUNE.ingVerbMinLetters && after.norm.endsWith(ING);
  }
}

/**
 * What a hit is aimed at, in order: a directed phrase aims itself; else a pattern after the hit ("X like you"), a
 * vocative, or the subject found searching back ("you are X"); else a subject after it ("X he is"); else "such X"
 * or untargeted. An adjective is then checked for what it describes (a thing or a person), and the sentence's
 * framing (negated, reported …) applied.
 */
export function aimOf(f: Field, h: Hit, s: Search): Aim {
  if (h.entry.pos === 'p') return phraseAim(f, h);
  s.reset();
  let aim = forwardAim(f, h) ?? vocativeAim(f, h) ?? searchBack(f, h, s);
  if (aim && aim.factor > 0 && reportedBefore(f, h, aim, s.target)) s.reported = true;
  if (!aim || aim.factor === 0) aim = trailingSubjectAim(f, h) ?? aim;
  const predicated = s.copula && aim !== null && PREDICATES.has(aim.pattern);
  if (!aim && s.such) aim = { factor: TUNE.exclaim, pattern: 'such X', negated: s.negated };
  if (!aim) aim = { factor: 0, pattern: 'untargeted', negated: s.negated };
  if (h.entry.pos === 'a' && aim.pattern !== 'X personified') aim = adjectiveAim(f, h, aim, predicated, s.target);
  return frame(f, h, aim, s);
}

/** A directed phrase targets by itself, unless its object is the speaker ("shame on me"). */
function phraseAim(f: Field, h: Hit): Aim {
  const after = f.toks[h.last + 1];
  if (OBJECT_PREPOSITIONS.has(f.toks[h.last].norm) && after && after.breakBefore === NO_BREAK && FIRST.has(after.norm)) {
    return { factor: TUNE.self, pattern: 'self', negated: false };
  }
  return { factor: TUNE.phrase, pattern: 'directed phrase', negated: false };
}

/** A pattern right after the hit: "X like you", "X like <Name>", "X personified", "what a twit you are". */
function forwardAim(f: Field, h: Hit): Aim | null {
  const next = f.toks[h.last + 1];
  const next2 = f.toks[h.last + 2];
  if (!inSentence(next)) return null;
  if (SIMILE.has(next.norm) && inSentence(next2)) {
    if (SECOND.has(next2.norm) || GROUP.has(next2.norm)) {
      return { factor: SECOND.has(next2.norm) ? TUNE.direct : TUNE.group, pattern: `X like ${next2.norm}`, negated: false };
    }
    if (h.entry.pos === 'n' && capitalised(f.text, next2)) return { factor: TUNE.name, pattern: 'X like <name>', negated: false };
  }
  if (EMBODIED.has(next.norm)) return { factor: TUNE.phrase, pattern: 'X personified', negated: false };
  if (SECOND_WITH_COPULA.has(next.norm) || (SECOND.has(next.norm) && inSentence(next2) && TRAILING_COPULA.has(next2.norm))) {
    return { factor: TUNE.direct, pattern: 'X you are', negated: false };
  }
  return null;
}

/** "what a smug clown he is", "how smug they are": the subject comes after the hit. */
function trailingSubjectAim(f: Field, h: Hit): Aim | null {
  const next = f.toks[h.last + 1];
  const next2 = f.toks[h.last + 2];
  if (!inSentence(next) || !inSentence(next2) || !TRAILING_SUBJECT_VERB.has(next2.norm)) return null;
  const who = TRAILING_SUBJECT.get(next.norm);
  return who ? { factor: TUNE[who], pattern: `X ${next.norm} ${next2.norm}`, negated: false } : null;
}

/** A person (you, he, they, an @-mention) in the same sentence as token i, outside quotes. */
function sentenceHasPerson(f: Field, i: number): boolean {
  const toks = f.toks;
  let a = i;
  while (a > 0 && toks[a].breakBefore < SENTENCE_BREAK) a--;
  for (let k = a; k < toks.length && (k === a || toks[k].breakBefore < SENTENCE_BREAK); k++) {
    const t = toks[k];
    if (!t.quoted && (PERSON_PRONOUNS.has(t.norm) || isMention(f.text, t))) return true;
  }
  return false;
}
