import { z } from 'zod';
import type { RuleDefinition, RuleInput, RuleVerdict } from '../contract/rule.js';
import { otherLanguage } from './language.js';
import { emptyPostReason, novelNames, readPost, type Post } from './post.js';
import { overlap, type Overlap, type ReferenceIndex } from './reference-index.js';
import { OffTopicState, type ArticleState } from './rule-state.js';
import { distinct, type Term } from './terms.js';
import { CONFIG_BOUNDS, EVIDENCE, OFF_TOPIC_CURVE, OFF_TOPIC_DEFAULTS, THREAD_FEEDBACK } from './tuning.js';

export { OFF_TOPIC_CURVE, OFF_TOPIC_DEFAULTS } from './tuning.js';

/**
 * `off_topic`: the comment is unrelated to its article and, for a reply, to the comment it answers.
 *
 * Relevance = weighted overlap of the comment's content stems with the article (title and subtitle count double,
 * body once; a comment that shares only common words with it counts `commonOnly` of that) and with the parent
 * comment; a short reply is judged against its parent. With a thread, words the article's most on-topic comments
 * share add to relevance, and words a side discussion of its unrelated comments keeps using count against (see
 * ThreadFeedback). Score (higher = more off topic) = σ(bias − slope·ln(1 + relevance) + novelty·ln(1 + names the
 * reference never mentions) + offThread·ln(1 + off-thread evidence) + a small thread lean), in [0, 1]; the numbers are
 * in tuning.ts. Link-only and content-free posts (a pointer such as "look at this", a bare URL) and posts in another
 * script or language than the article score high with their own evidence.
 *
 * Each compiled rule owns an OffTopicState: its caches (article and parent indexes, thread feedback, keyed by the text
 * they were built from) and scratch tables. A verdict depends only on the input.
 */
export const offTopicConfigSchema = z.object({
  threshold: z
    .number()
    .min(CONFIG_BOUNDS.threshold.min)
    .max(CONFIG_BOUNDS.threshold.max)
    .default(OFF_TOPIC_DEFAULTS.threshold)
    .describe('How far off topic a comment must score to be flagged: higher flags fewer.'),
  /** A reply with fewer content words than this is judged against its parent only. */
  shortReplyTerms: z
    .number()
    .int()
    .min(CONFIG_BOUNDS.shortReplyTerms.min)
    .max(CONFIG_BOUNDS.shortReplyTerms.max)
    .default(OFF_TOPIC_DEFAULTS.shortReplyTerms)
    .describe('A reply with fewer content words than this is judged against the comment it answers only, not the article.'),
});
export type OffTopicConfig = z.infer<typeof offTopicConfigSchema>;

/**
 * A comment with its thread (`RuleInput.thread`: the article's other approved comments, which the worker and the
 * eval command pass): words that the article's most on-topic comments share add to relevance (pseudo-relevance
 * feedback), which helps when the article is only a title; words that the thread's comments unrelated to the
 * article share among themselves (and no on-topic one uses) count against it (another conversation).
 */
export type OffTopicInput = RuleInput;

export const offTopicRule: RuleDefinition<OffTopicConfig> = {
  type: 'off_topic',
  label: 'Off topic',
  description: 'Unrelated to the article and to the comment it answers; link-only or content-free posts.',
  schema: offTopicConfigSchema,
  compile(config) {
    const state = new OffTopicState();
    return (input: OffTopicInput) => judge(input, config, state);
  },
};

/** What the comment is measured against: the article or the parent, with the overlap that decided it. */
interface Match {
  against: 'article' | 'parent';
  ref: ReferenceIndex;
  ov: Overlap;
  shortReply: boolean;
  /** The comment's distinct terms and their words (see `distinct`). */
  terms: Term[];
  words: string[];
}

/** What the thread says about the comment (all zero and empty without a usable thread). */
interface ThreadEvidence {
  /** Relevance with the thread's on-topic words added. */
  rel: number;
  threadTerms: string[];
  offRel: number;
  offThreadTerms: string[];
  lean: number;
}

/**
 * One comment's verdict, the checks in order: a post with nothing of its own (link-only, content-free); no reference
 * to compare with; another script or language; else the score from relevance, names and the thread.
 */
function judge(input: OffTopicInput, config: OffTopicConfig, state: OffTopicState): RuleVerdict {
  const threshold = config.threshold;
  const post = readPost(input, state.vocab);
  const empty = emptyPostReason(post);
  if (empty === 'link-only') {
    const n = post.links.length;
    const summary = `link-only post (${n} link${n > 1 ? 's' : ''})`;
    return verdict(threshold, OFF_TOPIC_CURVE.contentFree, summary, { reason: 'link-only', links: post.links, sharedTerms: 'none' });
  }
  if (empty === 'content-free') {
    const summary = 'content-free post (nothing but a pointer or filler)';
    return verdict(threshold, OFF_TOPIC_CURVE.contentFree, summary, { reason: 'content-free', sharedTerms: 'none' });
  }

  const art = input.article ? state.article(input.article) : null;
  if (!art && !input.parent) return verdict(threshold, 0, 'no article or parent to compare with', { reason: 'no-reference' });
  const m = match(post, art, input.parent ? state.parentIndex(input.parent) : null, config);

  if (art && post.topical > 0 && m.ov.shared === 0) {
    const other = otherLanguage(post.prose, art.language);
    if (other) return verdict(threshold, OFF_TOPIC_CURVE.otherScript, other.summary, { reason: other.reason, sharedTerms: 'none' });
  }

  const novel = novelNames(post.prose, m.ref);
  // Only common words shared with the article ("no", "means"): weak evidence (see Overlap.specific).
  const rel = m.against === 'article' && !m.ov.specific ? m.ov.shared * OFF_TOPIC_CURVE.commonOnly : m.ov.shared;
  const t = art && m.against === 'article' ? threadEvidence(state, art, input, m, rel) : noThread(rel);
  const score = sigmoid(
    OFF_TOPIC_CURVE.bias -
      OFF_TOPIC_CURVE.slope * Math.log1p(t.rel) +
      OFF_TOPIC_CURVE.novelty * Math.log1p(novel) +
      OFF_TOPIC_CURVE.offThread * Math.log1p(t.offRel) +
      OFF_TOPIC_CURVE.lean * Math.tanh(OFF_TOPIC_CURVE.leanScale * t.lean),
  );
  return relevanceVerdict(threshold, score, m, t);
}

/** The comment's overlap with the article and the parent; a short reply, or one closer to its parent, is judged against it. */
function match(post: Post, art: ArticleState | null, pIdx: ReferenceIndex | null, config: OffTopicConfig): Match {
  const aIdx = art ? art.index : null;
  const uniq = distinct(post.terms, post.words);
  const aOv = aIdx ? overlap(uniq.terms, aIdx, uniq.words) : null;
  const pOv = pIdx ? overlap(uniq.terms, pIdx, uniq.words) : null;
  const shortReply = !!pIdx && post.topical < config.shortReplyTerms;
  const ov = shortReply || !aOv ? pOv! : pOv && pOv.shared > aOv.shared ? pOv : aOv;
  const against = ov === pOv ? 'parent' : 'article';
  return { against, ref: against === 'parent' ? pIdx! : aIdx!, ov, shortReply, terms: uniq.terms, words: uniq.words };
}

function noThread(rel: number): ThreadEvidence {
  return { rel, threadTerms: [], offRel: 0, offThreadTerms: [], lean: 0 };
}

/**
 * The thread's evidence for a comment judged against its article: its on-topic words add to `rel`, a side
 * discussion's words are off-topic evidence, and a comment with neither (nor any article word) gets the thread lean.
 */
function threadEvidence(state: OffTopicState, art: ArticleState, input: OffTopicInput, m: Match, rel: number): ThreadEvidence {
  const thread = input.thread;
  if (!thread || thread.length < THREAD_FEEDBACK.minComments) return noThread(rel);
  const fb = state.threadFeedback(art, thread);
  const body = input.comment.body;
  const f = fb.score(m.terms, m.words, body);
  rel += OFF_TOPIC_CURVE.thread * f.score;
  const o = fb.offScore(m.terms, m.words, body);
  const lean = rel === 0 && o.score === 0 ? fb.lean(m.terms, body) : 0;
  return { rel, threadTerms: f.terms, offRel: o.score, offThreadTerms: o.terms, lean };
}

/** The verdict of a comment measured by relevance: the moderator's line says what pushed the score. */
function relevanceVerdict(threshold: number, score: number, m: Match, t: ThreadEvidence): RuleVerdict {
  const top = m.ov.terms.slice(0, EVIDENCE.terms);
  const shared = top.length
    ? `shares ${top.slice(0, EVIDENCE.summaryTerms).join(', ')} with the ${m.against}`
    : `shares no content word with the ${m.against}`;
  // A side discussion's words are named when they count.
  const side = t.offThreadTerms.length
    ? `; uses words of a side discussion in the thread: ${t.offThreadTerms.slice(0, EVIDENCE.sideTerms).join(', ')}`
    : '';
  return verdict(threshold, score, shared + side, {
    terms: top,
    sharedTerms: top.length ? top : 'none',
    against: m.against,
    relevance: round(t.rel),
    ...(t.threadTerms.length ? { threadTerms: t.threadTerms.slice(0, EVIDENCE.terms) } : {}),
    ...(t.offThreadTerms.length
      ? { offThreadTerms: t.offThreadTerms.slice(0, EVIDENCE.terms), offThreadEvidence: round(t.offRel) }
      : {}),
    ...(m.shortReply ? { shortReply: true } : {}),
    ...(t.lean !== 0 ? { threadLean: round(t.lean) } : {}),
  });
}

function verdict(threshold: number, score: number, summary: string, extra: Record<string, unknown> = {}): RuleVerdict {
  return { score: round(score), threshold, evidence: { summary, terms: [] as string[], ...extra } };
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const round = (x: number) => Math.round(x * EVIDENCE.rounding) / EVIDENCE.rounding;
