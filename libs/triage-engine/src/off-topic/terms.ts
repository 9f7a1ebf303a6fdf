import stopwordsIso from 'stopwords-iso';
import { STOPWORDS, stem } from '../text/nlp.js';
import { CAPACITY, RELEVANCE } from './tuning.js';
import { foldWord, scanWords } from './words.js';

/**
 * Content terms: the words of a text that can carry its topic, each reduced to what relevance compares.
 *
 * Words are folded, stopwords dropped (`stopword` list + contractions, see text/nlp.ts), and stemmed
 * (`wink-porter2-stemmer`). Each stem is weighted by a rough inverse-frequency proxy: words on the long
 * general-English list of `stopwords-iso` ("according", "actually", "able") weigh `RELEVANCE.commonWeight`, other
 * words `RELEVANCE.specificWeight`, so rare topical words dominate.
 */
const COMMON: ReadonlySet<string> = new Set((stopwordsIso as Record<string, string[]>).en.map((w) => w.replace(/'/g, '')));

export interface Term {
  /** Porter2 stem of the folded word. */
  stem: string;
  /** First letters of the folded word (`RELEVANCE.prefixLength`): a looser key ("belgian" ~ "belgium"). */
  prefix: string;
  weight: number;
  /** The stem as a small integer (`Vocabulary.stemId`), valid while `epoch` is the vocabulary's. */
  id: number;
  epoch: number;
}

/** A written word's term and folded form; null when it is not a content word. */
type WordEntry = { term: Term; word: string } | null;

/**
 * The stem table and word cache of one compiled rule (it lives in the rule's OffTopicState, never at module level).
 *
 * Stems get small integer ids, so that a thread's per-stem tallies are array slots rather than string-keyed maps (a
 * thread is new with every comment the worker judges). The table starts over when it grows past `CAPACITY.stems`
 * (`resetIfFull`, between comments); terms of an older generation (`epoch`) are then looked up again by stem.
 * Written words map to their terms through a bounded cache; terms are shared and never mutated.
 */
export class Vocabulary {
  /** `capacity`: how many stems the id table holds before it starts over (`CAPACITY.stems`; specs set a small one). */
  constructor(private readonly capacity: number = CAPACITY.stems) {}

  private generation = 0;
  private readonly ids = new Map<string, number>();
  /** How many stems have an id (the next id to give). */
  private count = 0;
  private readonly words = new Map<string, WordEntry>();

  /** The id table's generation: a term's id is valid while its `epoch` equals it. */
  get epoch(): number {
    return this.generation;
  }

  /** How many stems have an id: every valid id is below it. */
  get size(): number {
    return this.count;
  }

  stemId(stem: string): number {
    let id = this.ids.get(stem);
    if (id === undefined) {
      id = this.count++;
      this.ids.set(stem, id);
    }
    return id;
  }

  /** The term's stem id in the current table; -1 when the stem is not in it (then no tally holds it either). */
  termId(t: Term): number {
    return t.epoch === this.generation ? t.id : (this.ids.get(t.stem) ?? -1);
  }

  /**
   * Starts the id table over (a new generation) once it holds more than `capacity` stems. Whatever holds ids of an
   * older generation must be rebuilt: a ThreadFeedback records its `epoch`, and OffTopicState rebuilds a cached one
   * whose epoch has passed.
   */
  resetIfFull(): void {
    if (this.count <= this.capacity) return;
    this.ids.clear();
    this.count = 0;
    this.generation++;
    this.words.clear();
  }

  /** Content terms of a text, in order (repeats kept). `words`, when given, receives each term's folded word. */
  contentTerms(text: string, words?: string[]): Term[] {
    const out: Term[] = [];
    scanWords(text, (start, end) => {
      const e = this.entry(text.slice(start, end));
      if (e === null) return;
      out.push(e.term);
      words?.push(e.word);
    });
    return out;
  }

  /** A word as written → its term and folded form (null: not a content word). */
  private entry(raw: string): WordEntry {
    let e = this.words.get(raw);
    if (e !== undefined) return e;
    const w = foldWord(raw);
    e = w.length < RELEVANCE.minWordLength || STOPWORDS.has(w) || /^\d+$/.test(w) ? null : { term: this.term(w), word: w };
    if (this.words.size >= CAPACITY.words) this.words.clear();
    this.words.set(raw, e);
    return e;
  }

  /** The term of a folded content word. */
  private term(w: string): Term {
    const stemText = stem(w);
    const prefix = w.length >= RELEVANCE.prefixLength ? w.slice(0, RELEVANCE.prefixLength) : '';
    const weight = COMMON.has(w) ? RELEVANCE.commonWeight : RELEVANCE.specificWeight;
    return Object.freeze({ stem: stemText, prefix, weight, id: this.stemId(stemText), epoch: this.generation });
  }
}

/**
 * The first occurrence of each stem, with its folded word: what `overlap` and `ThreadFeedback.score` read, computed
 * once per comment rather than once per reference.
 */
export function distinct(terms: readonly Term[], words?: readonly string[]): { terms: Term[]; words: string[] } {
  const seen = new Set<string>();
  const out: Term[] = [];
  const outWords: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    if (seen.has(t.stem)) continue;
    seen.add(t.stem);
    out.push(t);
    outWords.push(words?.[i] ?? t.stem);
  }
  return { terms: out, words: outWords };
}
