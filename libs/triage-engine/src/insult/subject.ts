import { hasLongRun, squeeze } from '../text/fold.js';
import { STOPWORDS } from '../text/nlp.js';
import { NO_BREAK, PHRASE_BREAK, SENTENCE_BREAK } from '../text/tokens.js';
import { capitalised, inSentence, modifierOf } from './noun-phrase.js';
import { TUNE } from './tuning.js';
import type { Aim, Field, Hit, Search } from './types.js';
import {
  ADVERB_ENDING,
  ARTICLE,
  AUX_QUESTION,
  COORDINATOR,
  COPULA,
  COPULA_IN_WORD,
  FIRST,
  GROUP,
  IMPERATIVE_BE,
  IMPERATIVE_CUE,
  INVERTED_COPULA,
  LABEL_OPENER,
  NEGATION,
  OPENERS,
  PLURAL_COPULA,
  PLURAL_ENDING,
  REPORTING,
  SECOND,
  SECOND_POSS,
  SKIP,
  SUCH,
  THING,
  THIRD,
  YOUR_AS_YOURE,
} from './word-classes.js';

/** What one word of the backward search decides: the aim it found, go on to the word before, or stop. */
type Step = Aim | 'next' | 'stop';

/**
 * Who a hit is said of, searching back from it through its sentence: "you (are) X", "your X", "they are X",
 * "<Name> is X", "what a X" … Steps over intensifiers and fillers, notes negators, reporting verbs and copulas on
 * the way (in `s`), and gives up after `TUNE.subjectMaxWords` words or at an unknown word it cannot read as a
 * modifier. Null when it finds no one.
 */
export function searchBack(f: Field, h: Hit, s: Search): Aim | null {
  const toks = f.toks;
  for (let k = h.first - 1, steps = 0; k >= 0 && steps < TUNE.subjectMaxWords; k--, steps++) {
    if (toks[k + 1].breakBefore === SENTENCE_BREAK || toks[k].quoted) break;
    const norm = toks[k].norm;
    // Stretched function words are squeezed ("sooo").
    const w = hasLongRun(norm) ? squeeze(norm) : norm;
    const gap = TUNE.gap ** s.gaps;
    s.target = k;
    // "you're", "they're", "he's": the copula is in the word.
    if (COPULA_IN_WORD.has(w)) s.copula = true;
    const step = targetAt(f, h, s, k, w, gap) ?? functionWordAt(f, h, s, k, w, gap) ?? otherWordAt(f, h, s, k, w);
    if (step === 'stop') break;
    if (step !== 'next') return step;
  }
  return null;
}

/** Word k names the target: a pronoun ("you", "your", "I", "they", "he") or an opener ("what a", "hey", "another"). */
function targetAt(f: Field, h: Hit, s: Search, k: number, w: string, gap: number): Step | null {
  const toks = f.toks;
  const pos = h.entry.pos;
  const negated = s.negated;
  if (SECOND.has(w)) return { factor: TUNE.direct * gap, pattern: s.copula ? 'you are X' : 'you X', negated };
  if (SECOND_POSS.has(w)) return yourAim(f, h, s, k, gap);
  if (FIRST.has(w)) return { factor: TUNE.self, pattern: 'self', negated };
  // "Are people truly that stupid?", "is he insane?": a question puts the copula before the subject.
  const inverted = !s.copula && k > 0 && toks[k].breakBefore === NO_BREAK && INVERTED_COPULA.has(toks[k - 1].norm);
  const linked = s.copula || inverted || pos === 'n';
  if (GROUP.has(w)) return { factor: (linked ? TUNE.group : TUNE.groupAdjective) * gap, pattern: 'they are X', negated };
  if (THIRD.has(w)) return { factor: (linked ? TUNE.third : TUNE.thirdAdjective) * gap, pattern: 'someone is X', negated };
  const opener = OPENERS.get(w);
  if (opener && pos !== 'a' && pos !== 'x') return { factor: TUNE[opener.factor] * gap, pattern: opener.pattern, negated };
  if (LABEL_OPENER.has(w) && pos === 'n') {
    // "Another populist hack.", "Another idiot who …": a sentence opening on "another X" labels someone.
    return toks[k].breakBefore === SENTENCE_BREAK ? { factor: TUNE.exclaim * gap, pattern: 'another X', negated } : 'next';
  }
  return null;
}

/** "your X": said to the reader ("your a moron" is "you're a …"), or the reader's noun or quality ("your stupidity"). */
function yourAim(f: Field, h: Hit, s: Search, k: number, gap: number): Aim {
  const { pos, kind } = h.entry;
  const next = f.toks[h.last + 1];
  const clauseEnd = !inSentence(next) || next.breakBefore === PHRASE_BREAK || STOPWORDS.has(next.norm);
  // "your a moron", "ur such an idiot", "your dumb.": your = you're.
  if (YOUR_AS_YOURE.has(f.toks[k + 1].norm) || s.copula || (pos === 'a' && k === h.first - 1 && clauseEnd)) {
    return { factor: TUNE.direct * gap, pattern: 'you are X', negated: s.negated };
  }
  if (pos === 'n') return { factor: TUNE.yourNoun * gap, pattern: 'your X', negated: s.negated };
  if (pos === 'q') {
    const quality = kind === 'intellect' ? TUNE.yourQualityIntellect : TUNE.yourQuality;
    return { factor: quality * gap, pattern: 'your X', negated: s.negated };
  }
  return { factor: TUNE.yourAdjective * gap, pattern: 'your X', negated: s.negated };
}

/** Word k frames the hit: "such", a negator, a reporting verb, a copula (or an imperative "don't be X"). */
function functionWordAt(f: Field, h: Hit, s: Search, k: number, w: string, gap: number): Step | null {
  const toks = f.toks;
  if (SUCH.has(w) && k === h.first - 1 && h.entry.pos === 'n') {
    // "such hypocrites" (no article): an exclamation about the people addressed, unless a subject comes first.
    s.such = true;
    return 'next';
  }
  if (NEGATION.has(w)) {
    // Only a negator inside the phrase negates it ("not a total idiot"), not one a few words away, nor one before
    // an earlier term ("you're not stupid, merely dumb": "dumb" stands).
    if (s.skips === 0 && !s.pastHit) s.negated = true;
    return 'next';
  }
  if (REPORTING.has(w)) {
    s.reported = true;
    return 'next';
  }
  if (COPULA.has(w)) {
    // "don't be such a coward", "stop being a bully", "Be brave, not a coward": said to the reader.
    const before = k > 0 && toks[k].breakBefore < SENTENCE_BREAK ? toks[k - 1].norm : '';
    if (IMPERATIVE_BE.has(w) && (toks[k].breakBefore === SENTENCE_BREAK || IMPERATIVE_CUE.has(before))) {
      return { factor: TUNE.direct * gap, pattern: "don't be X", negated: false };
    }
    s.copula = true;
    return 'next';
  }
  return null;
}

/**
 * Any other word k: an earlier hit, a filler or an adverb (stepped over); after a copula, the subject; else a
 * modifier inside the noun phrase ("you scheming snake") or a coordinated adjective ("rude and stupid"), at most
 * a few; else the end of the search.
 */
function otherWordAt(f: Field, h: Hit, s: Search, k: number, w: string): Step {
  const { toks, covered } = f;
  const { pos, ambiguous } = h.entry;
  if (covered[k]) s.pastHit = true;
  if (covered[k] || SKIP.has(w) || AUX_QUESTION.has(w) || (w.length >= TUNE.adverbMinLetters && w.endsWith(ADVERB_ENDING))) return 'next';
  // An unknown word: the subject when a copula sits between it and the hit.
  if (s.copula) return subjectAim(f, h, s, k, w);
  const article = k > 0 && ARTICLE.has(toks[k - 1].norm) && toks[k].breakBefore === NO_BREAK;
  if (s.skips < TUNE.subjectMaxSkips && pos === 'n' && !ambiguous) {
    s.skips++;
    if (!article) s.gaps++;
    return 'next';
  }
  // "you scheming snake", "a populist hack", "what a smug clown": an everyday noun may take one modifier of
  // its own, a word right before it (nothing but intensifiers between: "the" in "you see the snake" ends it).
  if (s.skips === 0 && pos === 'n' && ambiguous && !STOPWORDS.has(w) && toks[k + 1].breakBefore === NO_BREAK && modifierOf(f, k, h.first)) {
    s.skips++;
    if (!article) s.gaps++;
    return 'next';
  }
  // "you are rude and stupid": skip one coordinated adjective.
  if (s.skips === 0 && pos === 'a' && (COORDINATOR.has(toks[k + 1].norm) || toks[k + 1].breakBefore === PHRASE_BREAK)) {
    s.skips++;
    s.gaps++;
    return 'next';
  }
  return 'stop';
}

/** The unknown word k before a copula is the subject: a thing, a name, a group ("liberals are"), or someone. */
function subjectAim(f: Field, h: Hit, s: Search, k: number, w: string): Aim {
  const t = f.toks[k];
  const plainNoun = h.entry.pos === 'n' && !h.entry.ambiguous;
  if (THING.has(w)) return { factor: plainNoun ? TUNE.thingNoun : 0, pattern: 'it is X', negated: s.negated };
  if (capitalised(f.text, t) && t.breakBefore !== SENTENCE_BREAK) return { factor: TUNE.name, pattern: '<name> is X', negated: s.negated };
  if (w.endsWith(PLURAL_ENDING) && PLURAL_COPULA.has(f.toks[k + 1].norm)) return { factor: TUNE.group, pattern: 'they are X', negated: s.negated };
  return { factor: plainNoun ? TUNE.unknownNoun : TUNE.unknownAdj, pattern: 'someone is X', negated: s.negated };
}
