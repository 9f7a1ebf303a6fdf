import { NO_BREAK, SENTENCE_BREAK, type Token } from '../text/tokens.js';
import type { InsultLexicon } from './lexicon-index.js';
import type { LexiconEntry } from './lexicon.js';
import { TUNE } from './tuning.js';
import { INTENSIFYING_ARTICLE, SECOND } from './word-classes.js';

/** A lexicon term found at a token: its entry, and the index of its last token. */
export interface Found {
  entry: LexiconEntry;
  last: number;
}

/** The canonical word a token reads as: itself, or the lexicon term it spells ("f**k" → fuck, "fuuk" → fuk). */
const canon = (lex: InsultLexicon, t: Token) => lex.info(t.shape).entry?.term ?? t.norm;

/**
 * The phrase of the lexicon starting at token i, if the words around it let it be one; null when there is none or
 * when the context says otherwise (then the first word may still be a term on its own).
 */
export function phraseAt(lex: InsultLexicon, toks: Token[], i: number): Found | null {
  const found = matchPhrase(lex, toks, i);
  if (!found || intensified(toks, i, found) || !allowedBefore(toks, found)) return null;
  return found;
}

/**
 * The first phrase (longest first) whose words follow token i. A phrase of three or more words may take one
 * extra insult adjective or swear word inside it ("shut your filthy mouth", "kiss my fat ass"); the last word of a
 * name-calling phrase may be plural ("bottom feeders", "cry babies").
 */
function matchPhrase(lex: InsultLexicon, toks: Token[], i: number): Found | null {
  const list = lex.info(toks[i].shape).phrases;
  if (!list) return null;
  for (const p of list) {
    let ok = true;
    let j = i;
    let inserted = false;
    for (let k = 1; k < p.tokens.length && ok; k++) {
      j++;
      let t = toks[j];
      if (!t) {
        ok = false;
        break;
      }
      const want = p.tokens[k];
      const mayInsert = !inserted && k >= TUNE.phraseInsertFromWord && p.tokens.length >= TUNE.phraseInsertMinWords;
      if (mayInsert && t.norm !== want && !t.quoted && t.breakBefore === NO_BREAK && toks[j + 1]) {
        const e = lex.info(t.shape).entry;
        if (e && (e.pos === 'a' || e.pos === 'x')) {
          inserted = true;
          t = toks[++j];
        }
      }
      const plural = k === p.tokens.length - 1 && p.entry.pos === 'n' && (t.norm === `${want}s` || t.norm === `${want.slice(0, -1)}ies`);
      if (t.quoted || t.breakBefore === SENTENCE_BREAK || (t.norm !== want && !plural && canon(lex, t) !== want)) ok = false;
    }
    if (ok) return { entry: p.entry, last: j };
  }
  return null;
}

/**
 * "whoever the fuck you like", "what the fuck you on about": after an intensifying article, a profanity phrase that
 * ends on the reader ("fuck you") is an intensifier, not a curse at the reader.
 */
function intensified(toks: Token[], i: number, found: Found): boolean {
  return (
    found.entry.kind === 'profanity' &&
    i > 0 &&
    INTENSIFYING_ARTICLE.has(toks[i - 1].norm) &&
    toks[i].breakBefore === NO_BREAK &&
    SECOND.has(toks[found.last].norm)
  );
}

/** Whether the word after a phrase lets it be the phrase (its `notBefore`: "suck it up" is no "suck it"). */
function allowedBefore(toks: Token[], found: Found): boolean {
  const notBefore = found.entry.notBefore;
  if (!notBefore) return true;
  const after = toks[found.last + 1];
  return !(after && after.breakBefore === NO_BREAK && notBefore.includes(after.norm));
}
