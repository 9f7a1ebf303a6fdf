import { hasLongRun, squeeze } from '../text/fold.js';
import { STOPWORDS, stem } from '../text/nlp.js';
import type { WordShape } from '../text/tokens.js';
import {
  COMPOUNDS,
  RUN_IN_INTENSIFIERS,
  STEM_GUARDS,
  type InsultKind,
  type InsultPos,
  type LexiconEntry,
  type Severity,
  type StemGuard,
} from './lexicon.js';
import { builtinEntries, withUsage } from './lexicon-entries.js';
import { TUNE } from './tuning.js';

/** An admin's extra term (config) before folding. */
export interface ExtraTerm {
  term: string;
  severity: Severity;
  kind: InsultKind | 'custom';
  pos: InsultPos;
}

/** What a token's word means to the lexicon. */
export interface TokenInfo {
  entry: LexiconEntry | null;
  phrases: PhraseEntry[] | null;
  /** The word may be the first / second part of a term split in two (see `joined`): no common word, no term. */
  joinHead: boolean;
  joinTail: boolean;
}

/** A phrase of the lexicon, as its words. */
export interface PhraseEntry {
  tokens: string[];
  entry: LexiconEntry;
}

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]/g, '')
    .trim();

/** A pattern for "ends in one of these". */
const endingIn = (list: readonly string[]) => new RegExp(`(${list.join('|')})$`);

/** The data's stem guards, each as a test: is `norm` (squeezed: `sq`) another word than `term`? */
const GUARDS = STEM_GUARDS.map((g) => ({ pos: new Set(g.pos), isOtherWord: guardTest(g) }));

function guardTest(g: StemGuard): (norm: string, sq: string, term: string) => boolean {
  if ('keepsSpelling' in g) return (norm, sq, term) => !norm.startsWith(term.slice(0, -1)) && !sq.startsWith(term.slice(0, -1));
  const wordEnds = endingIn(g.wordEnds);
  const termEnds = endingIn(g.termEnds);
  return (norm, _sq, term) => wordEnds.test(norm) && !termEnds.test(term);
}
/** The data's compounds, with their exceptions as a pattern. */
const COMPOUND_RULES = COMPOUNDS.map((c) => ({ ...c, except: c.except.length ? endingIn(c.except) : null }));
/** "fuckingloser": an intensifier of RUN_IN_INTENSIFIERS, then the word it intensifies. */
const RUN_IN = new RegExp(`^(?:${RUN_IN_INTENSIFIERS.join('|')})([a-z]{${TUNE.runInMinLetters},})$`);

/**
 * Folded look-up structures for the lexicon, built once per compiled rule: what a word reads as, through
 * inflection, spelling slips, masks ("f**k"), stretched letters and compounds.
 */
export class InsultLexicon {
  private readonly words = new Map<string, LexiconEntry>();
  private readonly stems = new Map<string, LexiconEntry[]>();
  private readonly squeezed = new Map<string, LexiconEntry>();
  private readonly masked = new Map<string, LexiconEntry[]>();
  private readonly phrases = new Map<string, PhraseEntry[]>();
  private readonly allow: Set<string>;
  private readonly cache = new Map<string, LexiconEntry | null>();
  private readonly starts = new Map<string, PhraseEntry[] | null>();
  private readonly nouns = new Map<string, LexiconEntry>();
  private readonly heads = new Set<string>();
  private readonly tails = new Set<string>();

  constructor(extra: readonly ExtraTerm[] = [], allow: readonly string[] = []) {
    this.allow = new Set(allow.map(fold));
    const entries: LexiconEntry[] = builtinEntries();
    for (const e of extra) entries.push(withUsage({ ...e, term: fold(e.term), kind: e.kind as InsultKind }));
    for (const e of entries) this.add(e);
    for (const list of this.phrases.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
    for (const e of entries) if (e.pos === 'n' && !this.allow.has(e.term) && this.words.get(e.term)?.pos === 'a') this.nouns.set(e.term, e);
    for (const w of this.words.keys()) {
      for (let n = TUNE.splitPartMinLetters; n <= w.length - TUNE.splitPartMinLetters; n++) {
        this.heads.add(w.slice(0, n));
        this.tails.add(w.slice(n));
      }
    }
  }

  /**
   * The term a word split in two spells ("half wit" → halfwit, "dirt bags" → dirtbag): exact spellings of a term
   * or its plural only. Call it for tokens whose infos say `joinHead` and `joinTail` (memoised per word, so most
   * word pairs cost nothing).
   */
  joined(head: string, tail: string): LexiconEntry | null {
    const w = head + tail;
    return this.allow.has(w) ? null : (this.words.get(w) ?? null);
  }

  /** The noun reading of a term listed as an adjective too ("racist", "degenerate"), or null. */
  nounOf(e: LexiconEntry): LexiconEntry | null {
    return e.pos === 'a' ? (this.nouns.get(e.term) ?? null) : null;
  }

  /** Of two entries for one word, whether `b` reads it better than `a`: a person noun over profanity, then the stronger. */
  private better(a: LexiconEntry | undefined, b: LexiconEntry): boolean {
    if (!a) return true;
    if (a.pos === 'x' && b.pos !== 'x') return true;
    if (b.pos === 'x' && a.pos !== 'x') return false;
    return b.severity > a.severity;
  }

  private put(map: Map<string, LexiconEntry>, key: string, e: LexiconEntry) {
    if (this.better(map.get(key), e)) map.set(key, e);
  }

  private push(map: Map<string, LexiconEntry[]>, key: string, e: LexiconEntry) {
    const list = map.get(key) ?? [];
    list.push(e);
    map.set(key, list);
  }

  private add(e: LexiconEntry) {
    if (this.allow.has(e.term)) return;
    const parts = e.term.split(/\s+/);
    if (parts.length > 1) {
      const list = this.phrases.get(parts[0]) ?? [];
      list.push({ tokens: parts, entry: e });
      this.phrases.set(parts[0], list);
      // "pieceofshit", "sonofabitch": the phrase written as one word.
      if (e.pos !== 'p') this.put(this.words, parts.join(''), e);
      return;
    }
    const t = parts[0];
    this.put(this.words, t, e);
    if (e.pos === 'n') {
      this.put(this.words, `${t}s`, e);
      this.put(this.words, `${t}es`, e);
    }
    if (t.length >= TUNE.fuzzyMinLetters) {
      this.push(this.stems, stem(t), e);
      const sq = squeeze(t);
      if (sq.length >= TUNE.fuzzyMinLetters) this.put(this.squeezed, sq, e);
      if (e.pos !== 'p') this.push(this.masked, `${t[0]}${t.length}`, e);
    }
  }

  /**
   * Phrases a token can start: those listed under the token itself, else under the term it reads as ("f**k you").
   * Memoised per token.
   */
  phrasesFrom(norm: string): PhraseEntry[] | null {
    let list = this.starts.get(norm);
    if (list !== undefined) return list;
    list = this.phrases.get(norm) ?? this.phrases.get(this.lookup(norm)?.term ?? norm) ?? null;
    if (this.starts.size >= TUNE.memoMax) this.starts.clear();
    this.starts.set(norm, list);
    return list;
  }

  /**
   * `lookup` and `phrasesFrom` of a token's word, kept on the word's shared shape (one field read per occurrence
   * instead of two map look-ups).
   */
  info(shape: WordShape): TokenInfo {
    if (shape.memoOwner === this) return shape.memo as TokenInfo;
    const norm = shape.norm;
    const entry = this.lookup(norm);
    const plain = !STOPWORDS.has(norm);
    const info: TokenInfo = {
      entry,
      phrases: this.phrasesFrom(norm),
      joinHead: plain && this.heads.has(norm),
      joinTail: plain && entry === null && this.tails.has(norm),
    };
    shape.memoOwner = this;
    shape.memo = info;
    return info;
  }

  /** The entry a single folded token reads as, or null. Memoised per token. */
  lookup(norm: string): LexiconEntry | null {
    let e = this.cache.get(norm);
    if (e !== undefined) return e;
    e = this.resolve(norm);
    if (this.cache.size >= TUNE.memoMax) this.cache.clear();
    this.cache.set(norm, e);
    return e;
  }

  /** Each reading in turn: exact, masked, stretched letters, stems, dropped g, run-in intensifier, compound. */
  private resolve(norm: string): LexiconEntry | null {
    if (this.allow.has(norm)) return null;
    const exact = this.words.get(norm);
    if (exact) return exact;
    if (norm.length < TUNE.exactOnlyBelow) return null;
    if (/[*#]/.test(norm)) return this.maskedLookup(norm);
    if (!/^[a-z]+$/.test(norm)) return null;
    const sq = squeeze(norm);
    if (sq !== norm) {
      const hit = this.words.get(sq) ?? (sq.length >= TUNE.fuzzyMinLetters ? this.squeezed.get(sq) : undefined);
      // A run of three ("stuuupid") is deliberate; a plain double ("looser") only counts for longer non-swear words
      // ("assess" is not "asses").
      if (hit && (hasLongRun(norm) || (sq.length >= TUNE.squeezedDoubleMinLetters && hit.pos !== 'x'))) return hit;
    }
    if (norm.length >= TUNE.fuzzyMinLetters) {
      const viaStem = this.stemLookup(norm, sq);
      if (viaStem) return viaStem;
      // "fuckin": the -ing of a word, its g dropped.
      if (norm.endsWith('in')) {
        const g = this.words.get(`${norm}g`);
        if (g) return g;
      }
      // "fucken": the -ing of a swear word spelt as it is said.
      if (norm.endsWith('en')) {
        const g = this.words.get(`${norm.slice(0, -2)}ing`);
        if (g && g.pos === 'x') return g;
      }
    }
    const run = RUN_IN.exec(norm);
    if (run) {
      const e = this.lookup(run[1]);
      if (e && e.pos !== 'x') return e;
    }
    for (const c of COMPOUND_RULES) {
      const w = c.singular && norm.endsWith('s') ? norm.slice(0, -1) : norm;
      if (w.length >= c.minLength && c.pattern.test(w) && !c.except?.test(w)) return c.entry;
    }
    return null;
  }

  /**
   * A term the word reaches through the stemmer (plural and spelling slips: "hypocrits" → hypocrite), unless a stem
   * guard says it is another word. The word must be about as long as the term ("homely" is not read into "home").
   */
  private stemLookup(norm: string, sq: string): LexiconEntry | null {
    const candidates = [...(this.stems.get(stem(norm)) ?? []), ...(sq !== norm ? (this.stems.get(stem(sq)) ?? []) : [])];
    for (const s of candidates) {
      if (sq.length < s.term.length - TUNE.stemLengthSlack) continue;
      if (!GUARDS.some((g) => g.pos.has(s.pos) && g.isOtherWord(norm, sq, s.term))) return s;
    }
    return null;
  }

  private maskedLookup(norm: string): LexiconEntry | null {
    if (!/^[a-z]/.test(norm)) return null;
    const list = this.masked.get(`${norm[0]}${norm.length}`);
    if (!list) return null;
    let best: LexiconEntry | null = null;
    for (const e of list) {
      let ok = true;
      for (let i = 1; i < norm.length && ok; i++) {
        const c = norm[i];
        if (c !== '*' && c !== '#' && c !== e.term[i]) ok = false;
      }
      // People mask swear words: prefer a term listed as profanity, then the stronger term.
      if (ok && (!best || (e.pos === 'x') > (best.pos === 'x') || ((e.pos === 'x') === (best.pos === 'x') && e.severity > best.severity)))
        best = e;
    }
    // The term's best reading ("d*ck" → dick, the noun for a person).
    if (best) return this.words.get(best.term) ?? best;
    // Stars that mask no letter: put between the letters ("jer*k", "dou*che*bag") or around the word for emphasis
    // ("*thugs*"). The word without them.
    const bare = norm.replace(/\*/g, '');
    return bare.length >= TUNE.fuzzyMinLetters && /^[a-z]+$/.test(bare) ? this.lookup(bare) : null;
  }
}
