import { STOPWORDS } from '../text/nlp.js';
import { NO_BREAK, SENTENCE_BREAK, type Token } from '../text/tokens.js';
import type { InsultLexicon } from './lexicon-index.js';
import type { LexiconEntry } from './lexicon.js';
import { phraseAt, type Found } from './phrases.js';
import { TUNE } from './tuning.js';
import type { Aim, Field, Hit } from './types.js';
import { MENTION_MARK, NOUN_ARTICLE, SECOND, VERB_CONTEXT } from './word-classes.js';

/** What one evaluation counts across its fields (owned by the caller, one per comment). */
export interface Tally {
  /** Unquoted "you"s and @-mentions: how much the comment addresses someone. */
  addresses: number;
  /** Terms found inside quoted material, and so not counted. */
  quoted: number;
}

/** The aim of a hit not yet aimed (targeting.ts aims every hit). */
const UNAIMED: Aim = Object.freeze({ factor: 0, pattern: '', negated: false });

/** Token t is an @-mention: the mark stands right before it. */
export const isMention = (text: string, t: Token): boolean => t.start > 0 && text[t.start - 1] === MENTION_MARK;

/**
 * Every lexicon term in a field, left to right, each over its tokens [first, last]; marks their tokens `covered`.
 * Terms inside quoted material are counted in `tally.quoted` and left out.
 */
export function findHits(lex: InsultLexicon, f: Field, tally: Tally): Hit[] {
  const { toks, text, covered } = f;
  const hits: Hit[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.quoted && (SECOND.has(t.norm) || isMention(text, t))) tally.addresses++;
    // Most words start no term: no phrase, no entry, no split term, not a single letter (termAt would say null).
    const info = lex.info(t.shape);
    if (info.phrases === null && info.entry === null && !info.joinHead && t.norm.length !== 1) continue;
    const found = termAt(lex, f, i);
    if (!found) continue;
    const last = found.last;
    const entry = last === i && found.entry.pos === 'a' ? nounReading(lex, toks, i, found.entry) : found.entry;
    // A person noun used as a verb is not name-calling ("this might fool shoppers").
    if (entry.pos === 'n' && last === i && i > 0 && VERB_CONTEXT.has(toks[i - 1].norm) && t.breakBefore === NO_BREAK) continue;
    if (t.quoted) {
      tally.quoted++;
      i = last;
      continue;
    }
    for (let k = i; k <= last; k++) covered[k] = 1;
    hits.push({ field: f.name, first: i, last, start: t.start, end: toks[last].end, entry, aim: UNAIMED, beforeVerb: false });
    i = last;
  }
  return hits;
}

/** The term at token i: a phrase, else the word itself, a word split in two, or spaced letters. */
function termAt(lex: InsultLexicon, f: Field, i: number): Found | null {
  return phraseAt(lex, f.toks, i) ?? wordAt(lex, f.toks[i], i) ?? splitTermAt(lex, f, i) ?? spacedLettersAt(lex, f, i);
}

/** The word itself, as the lexicon reads it. */
function wordAt(lex: InsultLexicon, t: Token, i: number): Found | null {
  const entry = lex.info(t.shape).entry;
  if (!entry) return null;
  if (entry.upperOnly && !t.upper) return null;
  // "he'll", "we'd": a contraction is never the swear word it folds to.
  if (t.apos && entry.pos === 'x') return null;
  return { entry, last: i };
}

/**
 * "half wit", "loud mouth", "fi lth": a term split in two by one space, when neither part is a common word nor a
 * term of its own ("in human", "who re" stay apart). The term itself or its plural, not a stemmer's guess
 * ("murder rate" is no murderer).
 */
function splitTermAt(lex: InsultLexicon, f: Field, i: number): Found | null {
  const t = f.toks[i];
  const n = f.toks[i + 1];
  if (!n || n.breakBefore !== NO_BREAK || n.start - t.end !== 1 || !lex.info(t.shape).joinHead || !lex.info(n.shape).joinTail) return null;
  if (t.norm.length + n.norm.length < TUNE.splitTermMinLetters || f.text[t.end] !== ' ' || n.quoted) return null;
  const entry = lex.joined(t.norm, n.norm);
  return entry ? { entry, last: i + 1 } : null;
}

/** s p a c e d letters: one-letter tokens in a row read as one word ("s t u p i d"), or as a word's start ("a s s wipe"). */
function spacedLettersAt(lex: InsultLexicon, f: Field, i: number): Found | null {
  const { toks, text } = f;
  if (toks[i].norm.length !== 1) return null;
  let j = i;
  let joined = toks[i].norm;
  while (j + 1 < toks.length && toks[j + 1].norm.length === 1 && toks[j + 1].start - toks[j].end <= TUNE.spacedMaxGap && !text.slice(toks[j].end, toks[j + 1].start).includes('\n')) {
    j++;
    joined += toks[j].norm;
  }
  let found: Found | null = null;
  if (j - i + 1 >= TUNE.spacedMinLetters) {
    const entry = lex.lookup(joined);
    if (entry) found = { entry, last: j };
  }
  // "a s s wipe": letters, then the rest of the word.
  const tail = toks[j + 1];
  if (j - i + 1 >= TUNE.spacedTailMinLetters && tail && tail.start - toks[j].end <= TUNE.spacedMaxGap && tail.breakBefore !== SENTENCE_BREAK) {
    const entry = lex.lookup(joined + tail.norm);
    if (entry && (!found || entry.severity >= found.entry.severity)) found = { entry, last: j + 1 };
  }
  return found;
}

/**
 * "That man is a known racist.": a term that is an adjective and a noun, after an article and with no noun after it, is
 * the noun.
 */
function nounReading(lex: InsultLexicon, toks: Token[], i: number, entry: LexiconEntry): LexiconEntry {
  const noun = lex.nounOf(entry);
  const after = toks[i + 1];
  if (!noun || (after && after.breakBefore === NO_BREAK && !STOPWORDS.has(after.norm))) return entry;
  for (let k = i - 1; k >= 0 && k >= i - TUNE.articleLookback && toks[k + 1].breakBefore < SENTENCE_BREAK; k--) {
    if (NOUN_ARTICLE.has(toks[k].norm)) return noun;
  }
  return entry;
}
