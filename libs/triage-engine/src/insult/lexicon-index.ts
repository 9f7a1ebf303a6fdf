import { squeeze } from '../text/fold.js';
import { builtinEntries, type InsultKind, type InsultPos, type LexiconEntry, type Severity } from './lexicon.js';
import { STOPWORDS, stem } from '../text/nlp.js';
import type { WordShape } from '../text/tokens.js';

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

export interface PhraseEntry {
  tokens: string[];
  entry: LexiconEntry;
}

/** Words ending in -ass / -tard that are not insults ("class", "bypass", "mustard"). */
const ASS_WORDS = /(hearse|coarse|sparse|hoarse|pizazz|class|glass|grass|brass|bass|mass|pass|lass|sass|crass|compass|barrass|harass|morass|carcass|cuirass|kvass|badass|kickass|madrass|assass)$/;
const TARD_WORDS = /(bastard|mustard|dastard|custard|leotard|petard|standard)$/;

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]/g, '')
    .trim();

/** Folded look-up structures for the lexicon, built once per compiled rule. */
export class InsultLexicon {
  private readonly words = new Map<string, LexiconEntry>();
  private readonly stems = new Map<string, LexiconEntry[]>();
  private readonly squeezed = new Map<string, LexiconEntry>();
  private readonly masked = new Map<string, LexiconEntry[]>();
  readonly phrases = new Map<string, PhraseEntry[]>();
  private readonly allow: Set<string>;
  private readonly cache = new Map<string, LexiconEntry | null>();
  private readonly nouns = new Map<string, LexiconEntry>();
  private readonly heads = new Set<string>();
  private readonly tails = new Set<string>();
  private readonly compoundAss: LexiconEntry = { term: '-ass', kind: 'character', severity: 2, pos: 'n' };
  private readonly compoundFucker: LexiconEntry = { term: 'fucker', kind: 'character', severity: 2, pos: 'n' };
  private readonly compoundTard: LexiconEntry = { term: '-tard', kind: 'slur', severity: 3, pos: 'n' };

  constructor(extra: readonly ExtraTerm[] = [], allow: readonly string[] = []) {
    this.allow = new Set(allow.map(fold));
    const entries: LexiconEntry[] = builtinEntries();
    for (const e of extra) entries.push({ ...e, term: fold(e.term), kind: e.kind as InsultKind });
    for (const e of entries) this.add(e);
    for (const list of this.phrases.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
    for (const e of entries) if (e.pos === 'n' && !this.allow.has(e.term) && this.words.get(e.term)?.pos === 'a') this.nouns.set(e.term, e);
    for (const w of this.words.keys()) {
      for (let n = 2; n < w.length - 1; n++) {
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

  private better(a: LexiconEntry | undefined, b: LexiconEntry): boolean {
    // Keep the stronger reading of a word listed twice; a person noun over profanity.
    if (!a) return true;
    if (a.pos === 'x' && b.pos !== 'x') return true;
    if (b.pos === 'x' && a.pos !== 'x') return false;
    return b.severity > a.severity;
  }

  private put(map: Map<string, LexiconEntry>, key: string, e: LexiconEntry) {
    if (this.better(map.get(key), e)) map.set(key, e);
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
    if (t.length >= 4) {
      const st = stem(t);
      const list = this.stems.get(st) ?? [];
      list.push(e);
      this.stems.set(st, list);
      const sq = squeeze(t);
      if (sq.length >= 4) this.put(this.squeezed, sq, e);
      if (e.pos !== 'p') {
        const key = `${t[0]}${t.length}`;
        const list = this.masked.get(key) ?? [];
        list.push(e);
        this.masked.set(key, list);
      }
    }
  }

  private readonly starts = new Map<string, PhraseEntry[] | null>();

  /**
   * Phrases a token can start: those listed under the token itself, else under the term it reads as ("f**k you").
   * Memoised per token.
   */
  phrasesFrom(norm: string): PhraseEntry[] | null {
    let list = this.starts.get(norm);
    if (list !== undefined) return list;
    list = this.phrases.get(norm) ?? this.phrases.get(this.lookup(norm)?.term ?? norm) ?? null;
    if (this.starts.size >= 100_000) this.starts.clear();
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
    if (this.cache.size >= 100_000) this.cache.clear();
    this.cache.set(norm, e);
    return e;
  }

  private resolve(norm: string): LexiconEntry | null {
    if (this.allow.has(norm)) return null;
    const exact = this.words.get(norm);
    if (exact) return exact;
    if (norm.length < 3) return null;
    if (/[*#]/.test(norm)) return this.maskedLookup(norm);
    if (!/^[a-z]+$/.test(norm)) return null;
    const sq = squeeze(norm);
    if (sq !== norm) {
      const hit = this.words.get(sq) ?? (sq.length >= 4 ? this.squeezed.get(sq) : undefined);
      // A run of three ("stuuupid") is deliberate; a plain double ("looser") only counts for longer non-swear words
      // ("assess" is not "asses").
      if (hit && (/(.)\1\1/.test(norm) || (sq.length >= 5 && hit.pos !== 'x'))) return hit;
    }
    if (norm.length >= 4) {
      // Plural and spelling slips through the stemmer ("hypocrits" → hypocrit); a verb form of a noun is not it.
      // The word must be at least as long as the entry ("homely" is not read into "home").
      for (const s of [...(this.stems.get(stem(norm)) ?? []), ...(sq !== norm ? (this.stems.get(stem(sq)) ?? []) : [])]) {
        // Nor is a noun made from an adjective ("corruption", "sickness" are not "corrupt", "sick").
        if (s.pos !== 'q' && /(ion|ness|ity|ment|ism)$/.test(norm) && !/(ion|ness|ity|ment|ism)$/.test(s.term)) continue;
        if (sq.length < s.term.length - 1) continue;
        if (s.pos === 'n' && /(ing|ed)$/.test(norm) && !s.term.endsWith('ed')) continue;
        // Nor another noun of the same stem ("murders", "anime" are no "murderer", "animal"): the
        // word keeps the term's spelling but for its last letter ("hypocrits", "bullies").
        if (s.pos === 'n' && s.term.length >= 4 && !norm.startsWith(s.term.slice(0, -1)) && !sq.startsWith(s.term.slice(0, -1))) continue;
        // ... nor an adjective or adverb made from it ("prickly" is no prick).
        if (s.pos === 'n' && norm.endsWith('ly') && !s.term.endsWith('ly')) continue;
        return s;
      }
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
    // "fuckingloser", "fknidiot": a swear-word intensifier run into the word it intensifies.
    const run = /^(?:fucking|fuckin|fucken|fkn|fking|effing|freaking|frigging)([a-z]{4,})$/.exec(norm);
    if (run) {
      const e = this.lookup(run[1]);
      if (e && e.pos !== 'x') return e;
    }
    if (norm.length >= 6 && /(ass|azz|arse)$/.test(norm) && !ASS_WORDS.test(norm)) return this.compoundAss;
    if (/^((mo|mu|m|mutha|mother|mada|motha)f+u*c*k+(er|a|ah|ers|as|az|ahs|erz)?|f+u*c*k+(er|a|ah|ers|as|az|ahs|erz)|f+u+c*k+(stick|face|nut|wad|boy|bag|muppet))$/.test(norm)) return this.compoundFucker;
    const sing = norm.endsWith('s') ? norm.slice(0, -1) : norm;
    if (sing.length >= 6 && sing.endsWith('tard') && !TARD_WORDS.test(sing)) return this.compoundTard;
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
    return bare.length >= 4 && /^[a-z]+$/.test(bare) ? this.lookup(bare) : null;
  }
}
