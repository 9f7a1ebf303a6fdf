import type { RuleInput } from '../contract/rule.js';
import { articleLanguage, type ArticleLanguage } from './language.js';
import { stripQuoted } from './post.js';
import { IndexCache, ReferenceIndex } from './reference-index.js';
import { Vocabulary, type Term } from './terms.js';
import { ThreadFeedback, type ThreadComment, type ThreadContext } from './thread-feedback.js';
import { ThreadScratch } from './thread-scratch.js';
import { CAPACITY, OFF_TOPIC_CURVE, RELEVANCE } from './tuning.js';

type Article = NonNullable<RuleInput['article']>;
type Parent = NonNullable<RuleInput['parent']>;
type Thread = NonNullable<RuleInput['thread']>;

/** What the rule keeps per article text. */
export interface ArticleState {
  /** The strings the state was built from: the same article object with the same strings needs no re-check. */
  src: readonly [string, string | null, string | null];
  index: ReferenceIndex;
  language: ArticleLanguage;
  /** Thread feedback by thread (length, first and last comment), for this article only. */
  threads: Map<string, ThreadFeedback>;
}

/**
 * Everything one compiled off_topic rule keeps from call to call, created by `compile` and owned by the rule
 * instance (nothing is module-level, so two compiled rules share nothing): the vocabulary (stem ids, word cache),
 * the scratch tables and ThreadComment memo that thread feedback borrows, and bounded caches of the work that repeats
 * between comments — article and parent indexes, thread comments' terms, thread feedback. Every cache is keyed by the
 * text it was built from (a changed article is a new key; a thread by `CAPACITY.threadKeyChars`), so a verdict
 * depends on the input, not on what the rule judged before; thread feedback built before the vocabulary started over
 * (`Vocabulary.resetIfFull`) is rebuilt.
 */
export class OffTopicState implements ThreadContext {
  readonly vocab: Vocabulary;

  /** `stemCapacity`: the vocabulary's size before it starts over (the default in production; specs set a small one). */
  constructor(stemCapacity?: number) {
    this.vocab = new Vocabulary(stemCapacity);
  }

  readonly scratch = new ThreadScratch();
  readonly threadComments = new WeakMap<readonly Term[], WeakMap<ReferenceIndex, ThreadComment>>();
  private readonly parents = new IndexCache(CAPACITY.parents);
  /** Per-article work is done once per article text; the same article object is found without hashing its text. */
  private readonly byObject = new WeakMap<object, ArticleState>();
  private readonly byText = new Map<string, ArticleState>();
  /** A thread changes with every new comment, but its comments do not: their terms are computed once. */
  private readonly termsByComment = new Map<string, Term[]>();

  article(a: Article): ArticleState {
    const known = this.byObject.get(a);
    if (known && known.src[0] === a.title && known.src[1] === a.subtitle && known.src[2] === a.body) return known;
    const key = `${a.title}\u0001${a.subtitle ?? ''}\u0001${a.body ?? ''}`;
    let st = this.byText.get(key);
    if (!st) {
      const index = new ReferenceIndex(this.vocab, [
        [a.title, RELEVANCE.titleBoost],
        [a.subtitle, RELEVANCE.titleBoost],
        [a.body, RELEVANCE.bodyBoost],
      ]);
      const language = articleLanguage(`${a.title}\n${a.subtitle ?? ''}\n${a.body ?? ''}`);
      st = { src: [a.title, a.subtitle, a.body], index, language, threads: new Map() };
      if (this.byText.size >= CAPACITY.articles) this.byText.delete(this.byText.keys().next().value as string);
      this.byText.set(key, st);
    }
    this.byObject.set(a, st);
    return st;
  }

  parentIndex(parent: Parent): ReferenceIndex {
    return this.parents.get(
      `${parent.title ?? ''}\n${parent.body}`,
      () =>
        new ReferenceIndex(this.vocab, [
          [parent.title, RELEVANCE.parentBoost],
          [stripQuoted(parent.body), RELEVANCE.parentBoost],
        ]),
    );
  }

  /** The feedback of a thread under an article, built once per thread (its length, first and last comment). */
  threadFeedback(art: ArticleState, thread: Thread): ThreadFeedback {
    const n = CAPACITY.threadKeyChars;
    const key = `${thread.length}\u0002${thread[0].body.slice(0, n)}\u0002${thread[thread.length - 1].body.slice(0, n)}`;
    let fb = art.threads.get(key);
    if (!fb || fb.epoch !== this.vocab.epoch) {
      const terms = thread.map((c) => this.commentTerms(c));
      fb = new ThreadFeedback(this, art.index, terms, thread.map((c) => c.body), undefined, OFF_TOPIC_CURVE.thread);
      if (art.threads.size >= CAPACITY.threadsPerArticle) art.threads.delete(art.threads.keys().next().value as string);
      art.threads.set(key, fb);
    }
    return fb;
  }

  /** A thread comment's content terms (bounded memo). */
  private commentTerms(c: { title: string | null; body: string }): Term[] {
    const key = c.title ? `${c.title}\n${c.body}` : c.body; // the body string itself: its hash is cached
    let t = this.termsByComment.get(key);
    if (!t) {
      t = this.vocab.contentTerms(stripQuoted(key));
      if (this.termsByComment.size >= CAPACITY.threadComments) this.termsByComment.delete(this.termsByComment.keys().next().value as string);
      this.termsByComment.set(key, t);
    }
    return t;
  }
}
