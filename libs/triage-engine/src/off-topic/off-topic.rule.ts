import { z } from 'zod';
import { commentFields, type RuleDefinition, type RuleInput } from '../engine/rule.js';
import { IndexCache, overlap, ReferenceIndex } from './reference-index.js';
import { distinct, Vocabulary, type Term } from './terms.js';
import { ThreadFeedback, type ThreadContext } from './thread-feedback.js';
import { ThreadScratch } from './thread-scratch.js';
import { dominantScript, englishStopwordRatio, noEnglishStopword } from '../text/script.js';
import { STOPWORDS, stem } from '../text/nlp.js';
import { quotedRanges } from '../text/tokens.js';
import { CAPACITY, CONFIG_BOUNDS, EVIDENCE, LANGUAGE, OFF_TOPIC_CURVE, OFF_TOPIC_DEFAULTS, POST, RELEVANCE, THREAD_FEEDBACK } from './tuning.js';

export { OFF_TOPIC_CURVE, OFF_TOPIC_DEFAULTS } from './tuning.js';

/**
 * `off_topic`: the comment is unrelated to its article and, for a reply, to the comment it answers.
 *
 * Relevance = weighted overlap of the comment's content stems with the article (title and subtitle count double,
 * body once; a comment that shares only common words with it counts `commonOnly` of that) and with the parent
 * comment; a short reply is judged against its parent. Score (higher = more off
 * topic) = σ(bias − slope·ln(1 + relevance) + novelty·ln(1 + names the article never mentions) + offThread·ln(1 +
 * words shared with the thread's comments unrelated to the article)), in [0, 1] (the thread terms: see ThreadFeedback).
 * Link-only and content-free posts ("just watch this ...", a bare URL) and posts in another script or language
 * than the article score high with their own evidence. Article and parent indexes are built once per text and
 * cached (a changed article is a new cache key), so the evaluator stays pure.
 */

export const offTopicConfigSchema = z.object({
  threshold: z.number().min(CONFIG_BOUNDS.threshold.min).max(CONFIG_BOUNDS.threshold.max).default(OFF_TOPIC_DEFAULTS.threshold),
  /** A reply with fewer content words than this is judged against its parent only. */
  shortReplyTerms: z
    .number()
    .int()
    .min(CONFIG_BOUNDS.shortReplyTerms.min)
    .max(CONFIG_BOUNDS.shortReplyTerms.max)
    .default(OFF_TOPIC_DEFAULTS.shortReplyTerms),
});
export type OffTopicConfig = z.infer<typeof offTopicConfigSchema>;

/**
 * A comment with its thread (`RuleInput.thread`: the article's other approved comments, which the worker and the
 * eval command pass): words that the article's most on-topic comments share add to relevance (pseudo-relevance
 * feedback), which helps when the article is only a title; words that the thread's comments unrelated to the
 * article share among themselves (and no on-topic one uses) count against it (another conversation).
 */
export type OffTopicInput = RuleInput;

const URL_RE = /\b(?:https?:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|ly|be|io|co|tv|gov|edu|uk|ca|info)(?:\/\S*)?/giu;
/** Whatever URL_RE matches contains one of these; most comments do not, and skip the costlier full match. */
const URL_HINT = /:\/\/|www\.|\.(?:com|org|net|ly|be|io|co|tv|gov|edu|uk|ca|info)/iu;
/** Words that carry no topic in a post: pointers to elsewhere and chat fillers. */
const FILLER = new Set(
  ('watch look check click see read listen video videos link links clip here there lol lmao wow omg haha hahaha ' +
    'yes no yep nope ok okay thanks thank please great nice cool awesome amazing good bad wrong right true false ' +
    'exactly indeed agree disagree sad funny interesting wtf smh rofl hmm ah oh yeah nah share subscribe follow ' +
    'youtube com www http https channel page site').split(' '),
);
const POINTER_RE = new RegExp(
  `\\b(watch|check|look|see|click|read|listen|visit|go)\\b[^.!?\\n]{0,${POST.pointerGap}}\\b(this|here|out|link|video|clip|at)\\b`,
  'iu',
);
const NAME_RE = new RegExp(`\\b\\p{Lu}\\p{Ll}{${POST.minNameLength - 1},}\\b`, 'gu');

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const round = (x: number) => Math.round(x * EVIDENCE.rounding) / EVIDENCE.rounding;

/** The author's own text: without `>` lines that repeat the comment answered (see quotedRanges). */
function stripQuoted(text: string, quotedFrom?: string | null): string {
  const r = quotedRanges(text, quotedFrom ?? null);
  if (r.length === 0) return text;
  let out = '';
  let at = 0;
  for (let i = 0; i < r.length; i += 2) {
    // Only whole `>` lines are removed here; quotation marks inside prose stay (they are usually on topic).
    if (!/^\s*(>|&gt;)/.test(text.slice(r[i], r[i] + 4))) continue;
    out += text.slice(at, r[i]);
    at = r[i + 1];
  }
  return out + text.slice(at);
}

export const offTopicRule: RuleDefinition<OffTopicConfig> = {
  type: 'off_topic',
  description: 'Unrelated to the article and to the comment it answers; link-only or content-free posts.',
  schema: offTopicConfigSchema,
  compile(config) {
    const vocab = new Vocabulary();
    const ctx: ThreadContext = { vocab, scratch: new ThreadScratch(), seedTerms: new WeakMap() };
    const parents = new IndexCache(CAPACITY.parents);
    // Per-article work (index, script, language) is done once per article text; the same article object is found
    // without even hashing its text.
    interface ArticleState {
      key: string;
      /** The strings the state was built from: the same article object with the same strings needs no re-check. */
      src: readonly [string, string | null, string | null];
      index: ReferenceIndex;
      script: string | null;
      english: boolean;
      /** Thread feedback by thread (length, first and last comment), for this article only. */
      threads: Map<string, ThreadFeedback>;
    }
    const byObject = new WeakMap<object, ArticleState>();
    const byText = new Map<string, ArticleState>();
    const articleState = (a: NonNullable<RuleInput['article']>): ArticleState => {
      const known = byObject.get(a);
      if (known && known.src[0] === a.title && known.src[1] === a.subtitle && known.src[2] === a.body) return known;
      const key = `${a.title}\u0001${a.subtitle ?? ''}\u0001${a.body ?? ''}`;
      let st = byText.get(key);
      if (!st) {
        const text = `${a.title}\n${a.subtitle ?? ''}\n${a.body ?? ''}`;
        st = {
          key,
          src: [a.title, a.subtitle, a.body],
          index: new ReferenceIndex(vocab, [
            [a.title, RELEVANCE.titleBoost],
            [a.subtitle, RELEVANCE.titleBoost],
            [a.body, RELEVANCE.bodyBoost],
          ]),
          script: dominantScript(text),
          english: englishStopwordRatio(text) > LANGUAGE.englishRatio,
          threads: new Map(),
        };
        if (byText.size >= CAPACITY.articles) byText.delete(byText.keys().next().value as string);
        byText.set(key, st);
      }
      byObject.set(a, st);
      return st;
    };
    const threshold = config.threshold;
    const verdict = (score: number, summary: string, extra: Record<string, unknown> = {}) => ({
      score: round(score),
      threshold,
      evidence: { summary, terms: [] as string[], ...extra },
    });

    // A thread changes with every new comment, but its comments do not: their terms are computed once (bounded memo).
    const termsByComment = new Map<string, Term[]>();
    const threadCommentTerms = (c: { title: string | null; body: string }): Term[] => {
      const key = c.title ? `${c.title}\n${c.body}` : c.body; // the body string itself: its hash is cached
      let t = termsByComment.get(key);
      if (!t) {
        t = vocab.contentTerms(stripQuoted(key));
        if (termsByComment.size >= CAPACITY.threadComments) termsByComment.delete(termsByComment.keys().next().value as string);
        termsByComment.set(key, t);
      }
      return t;
    };

    return (input: OffTopicInput) => {
      const raw = commentFields(input)
        .map((f) => f.text)
        .join('\n');
      const parentText = input.parent ? `${input.parent.title ?? ''}\n${input.parent.body}` : null;
      const own = stripQuoted(raw, parentText);
      const links = URL_HINT.test(own) ? (own.match(URL_RE) ?? []) : [];
      const prose = links.length ? own.replace(URL_RE, ' ') : own;
      const words: string[] = [];
      const terms: Term[] = vocab.contentTerms(prose, words);
      // How many of the terms carry a topic (not fillers like "watch", "lol").
      let topical = 0;
      for (const w of words) if (!FILLER.has(w)) topical++;

      // Content-free: nothing of the author's own beyond links and fillers.
      if (topical === 0) {
        if (links.length > 0) {
          return verdict(OFF_TOPIC_CURVE.contentFree, `link-only post (${links.length} link${links.length > 1 ? 's' : ''})`, {
            reason: 'link-only',
            links,
            sharedTerms: 'none',
          });
        }
        if (POINTER_RE.test(raw) || !/\p{L}/u.test(own)) {
          return verdict(OFF_TOPIC_CURVE.contentFree, 'content-free post (nothing but a pointer or filler)', {
            reason: 'content-free',
            sharedTerms: 'none',
          });
        }
      }

      const article = input.article;
      const art = article ? articleState(article) : null;
      if (!article && !input.parent) {
        return verdict(0, 'no article or parent to compare with', { reason: 'no-reference' });
      }

      const aIdx = art ? art.index : null;
      const parent = input.parent;
      const pIdx = parent
        ? parents.get(`${parent.title ?? ''}\n${parent.body}`, () =>
              new ReferenceIndex(vocab, [
                [parent.title, RELEVANCE.parentBoost],
                [stripQuoted(parent.body), RELEVANCE.parentBoost],
              ]),
          )
        : null;

      const uniq = distinct(terms, words);
      const aOv = aIdx ? overlap(uniq.terms, aIdx, uniq.words) : null;
      const pOv = pIdx ? overlap(uniq.terms, pIdx, uniq.words) : null;
      const shortReply = !!pIdx && topical < config.shortReplyTerms;
      const ov = shortReply || !aOv ? pOv! : pOv && pOv.shared > aOv.shared ? pOv : aOv;
      const against = ov === pOv ? 'parent' : 'article';

      // Another script than the article's (Cyrillic comment on a Latin-script article, ...).
      if (art && topical > 0 && ov.shared === 0) {
        const c = dominantScript(prose);
        if (art.script && c && art.script !== c) {
          return verdict(OFF_TOPIC_CURVE.otherScript, `written in ${c} script, the article in ${art.script}`, {
            reason: 'other-script',
            sharedTerms: 'none',
          });
        }
        // Same script, another language: an English article and a longer comment with no English function word.
        if (art.script === LANGUAGE.englishScript && art.english && noEnglishStopword(prose, LANGUAGE.minForeignWords)) {
          return verdict(OFF_TOPIC_CURVE.otherScript, 'not in the language of the article', {
            reason: 'other-language',
            sharedTerms: 'none',
          });
        }
      }

      // Names the article (or parent) never mentions suggest another story.
      let novel = 0;
      const ref = against === 'parent' ? pIdx! : aIdx!;
      for (const m of prose.matchAll(NAME_RE)) {
        // A capitalised word not opening a sentence.
        let b = m.index - 1;
        while (b >= 0 && (prose[b] === ' ' || prose[b] === '"' || prose[b] === '(')) b--;
        if (b < 0 || prose[b] === '.' || prose[b] === '!' || prose[b] === '?' || prose[b] === '\n') continue;
        const w = m[0].toLowerCase();
        if (!STOPWORDS.has(w) && !ref.stems.has(stem(w))) novel++;
      }

      // Only common words shared with the article ("no", "means"): weak evidence (see Overlap.specific).
      let rel = against === 'article' && !ov.specific ? ov.shared * OFF_TOPIC_CURVE.commonOnly : ov.shared;
      const thread = input.thread;
      let threadTerms: string[] = [];
      let offRel = 0;
      let offThreadTerms: string[] = [];
      let lean = 0;
      if (aIdx && against === 'article' && thread && thread.length >= THREAD_FEEDBACK.minComments) {
        const threads = art!.threads;
        const n = CAPACITY.threadKeyChars;
        const key = `${thread.length}\u0002${thread[0].body.slice(0, n)}\u0002${thread[thread.length - 1].body.slice(0, n)}`;
        let fb = threads.get(key);
        if (!fb) {
          fb = new ThreadFeedback(ctx, aIdx, thread.map(threadCommentTerms), thread.map((c) => c.body), undefined, OFF_TOPIC_CURVE.thread);
          if (threads.size >= CAPACITY.threadsPerArticle) threads.delete(threads.keys().next().value as string);
          threads.set(key, fb);
        }
        const f = fb.score(uniq.terms, uniq.words, input.comment.body);
        rel += OFF_TOPIC_CURVE.thread * f.score;
        threadTerms = f.terms;
        const o = fb.offScore(uniq.terms, uniq.words, input.comment.body);
        offRel = o.score;
        offThreadTerms = o.terms;
        if (rel === 0 && offRel === 0) lean = fb.lean(uniq.terms, input.comment.body);
      }
      const score = sigmoid(
        OFF_TOPIC_CURVE.bias -
          OFF_TOPIC_CURVE.slope * Math.log1p(rel) +
          OFF_TOPIC_CURVE.novelty * Math.log1p(novel) +
          OFF_TOPIC_CURVE.offThread * Math.log1p(offRel) +
          OFF_TOPIC_CURVE.lean * Math.tanh(OFF_TOPIC_CURVE.leanScale * lean),
      );
      const top = ov.terms.slice(0, EVIDENCE.terms);
      // The moderator's one line says what pushed the score: overlap, and a side discussion's words when they count.
      const side = offThreadTerms.length ? `; uses words of a side discussion in the thread: ${offThreadTerms.slice(0, EVIDENCE.sideTerms).join(', ')}` : '';
      return verdict(
        score,
        (top.length ? `shares ${top.slice(0, EVIDENCE.summaryTerms).join(', ')} with the ${against}` : `shares no content word with the ${against}`) + side,
        {
          terms: top,
          sharedTerms: top.length ? top : 'none',
          against,
          relevance: round(rel),
          ...(threadTerms.length ? { threadTerms: threadTerms.slice(0, EVIDENCE.terms) } : {}),
          ...(offThreadTerms.length ? { offThreadTerms: offThreadTerms.slice(0, EVIDENCE.terms), offThreadEvidence: round(offRel) } : {}),
          ...(shortReply ? { shortReply: true } : {}),
          ...(lean !== 0 ? { threadLean: round(lean) } : {}),
        },
      );
    };
  },
};
