import { z } from 'zod';
import type { RuleDefinition, RuleInput, RuleVerdict } from '../contract/rule.js';
import { otherLanguage } from './language.js';
import { emptyPostReason, novelNames, readPost, type Post } from './post.js';
import { overlap, type Overlap, type ReferenceIndex } from './reference-index.js';
import { OffTopicState, type ArticleState } from './rule-state.js';
import { distinct, type Term } from './terms.js';
import { CONFIG_BOUNDS, EVIDENCE, OFF_TOPIC_CURVE, OFF_TOPIC_DEFAULTS, THREAD_FEEDBACK } from './tuning.js';
import { OFF_TOPIC_FEATURE_INDEX as F, OFF_TOPIC_FEATURES, type OffTopicDecision } from '../learned/off-topic-model.js';
import { OffTopicScorer } from './learned-verdict.js';

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
  compile(config, site) {
    const state = new OffTopicState();
    // A site model (learned from this site's off-topic decisions) scores the rule's features instead of the curve.
    const learned = site?.offTopic ? new OffTopicScorer(site.offTopic) : null;
    return (input: OffTopicInput) => judge(input, config, state, learned);
  },
};

/**
 * Off-topic decisions for training (the retrain job and the eval's `--learn-from` both call this): each labelled
 * comment, with its article, parent and thread as the worker would pass them, read by the rule with `config` — its
 * features and day 0's score. `key` names the comment in the model's training fingerprint (its text).
 */
export function offTopicDecisions(
  rows: ReadonlyArray<{ input: OffTopicInput; label: boolean }>,
  config: OffTopicConfig = offTopicConfigSchema.parse({}),
): OffTopicDecision[] {
  const state = new OffTopicState();
  return rows.map(({ input, label }) => {
    const r = read(input, config, state);
    const c = input.comment;
    const day0 = dayZero(r, config.threshold).score;
    return { features: featuresOf(r, state, input, day0), label, lexicon: day0, key: `${c.title ?? ''}\u0001${c.body}` };
  });
}

/** What the comment is measured against: the article or the parent, with the overlap that decided it. */
interface Match {
  against: 'article' | 'parent';
  ref: ReferenceIndex;
  ov: Overlap;
  /** Both overlaps (null without that reference): the learned model weighs them apart. */
  article: Overlap | null;
  parent: Overlap | null;
  shortReply: boolean;
  /** The comment's distinct terms and their words (see `distinct`). */
  terms: Term[];
  words: string[];
}

/** What the thread says about the comment (all zero and empty without a usable thread). */
interface ThreadEvidence {
  /** Relevance with the thread's on-topic words added. */
  rel: number;
  /** The thread's on-topic evidence alone (before its weight). */
  threadRel: number;
  threadTerms: string[];
  offRel: number;
  offThreadTerms: string[];
  lean: number;
}

/**
 * One comment's verdict, the checks in order: a post with nothing of its own (link-only, content-free); no reference
 * to compare with; another script or language; else the score from relevance, names and the thread. With a site
 * model (`learned`), the same reading is scored by it instead of the curve (learned-verdict.ts).
 */
function judge(input: OffTopicInput, config: OffTopicConfig, state: OffTopicState, learned: OffTopicScorer | null): RuleVerdict {
  const r = read(input, config, state);
  const day0 = dayZero(r, config.threshold);
  return learned && r.kind !== 'no-reference' ? learned.verdict(day0, featuresOf(r, state, input, day0.score)) : day0;
}

/** What the rule read of a comment: which check decided, and everything the curve and the learned model weigh. */
type Reading = { kind: 'link-only' | 'content-free' | 'no-reference'; post: Post } | Judged;

/** A reading with a reference to judge against. */
interface Judged {
      kind: 'other-script' | 'other-language' | 'relevance';
      post: Post;
      art: ArticleState | null;
      m: Match;
      /** The moderator's line for another script or language. */
      summary: string;
      novel: number;
      t: ThreadEvidence;
}

const judged = (r: Reading): r is Judged => r.kind === 'relevance' || r.kind === 'other-script' || r.kind === 'other-language';

function read(input: OffTopicInput, config: OffTopicConfig, state: OffTopicState): Reading {
  const post = readPost(input, state.vocab);
  const empty = emptyPostReason(post);
  if (empty) return { kind: empty, post };

  const art = input.article ? state.article(input.article) : null;
  if (!art && !input.parent) return { kind: 'no-reference', post };
  const m = match(post, art, input.parent ? state.parentIndex(input.parent) : null, config);

  if (art && post.topical > 0 && m.ov.shared === 0) {
    const other = otherLanguage(post.prose, art.language);
    if (other) return { kind: other.reason, post, art, m, summary: other.summary, novel: 0, t: noThread(0) };
  }

  const novel = novelNames(post.prose, m.ref);
  // Only common words shared with the article ("no", "means"): weak evidence (see Overlap.specific).
  const rel = m.against === 'article' && !m.ov.specific ? m.ov.shared * OFF_TOPIC_CURVE.commonOnly : m.ov.shared;
  const t = art && m.against === 'article' ? threadEvidence(state, art, input, m, rel) : noThread(rel);
  return { kind: 'relevance', post, art, m, summary: '', novel, t };
}

/** Day 0: the hand-set curve (tuning.ts). */
function dayZero(r: Reading, threshold: number): RuleVerdict {
  switch (r.kind) {
    case 'link-only': {
      const n = r.post.links.length;
      const summary = `link-only post (${n} link${n > 1 ? 's' : ''})`;
      return verdict(threshold, OFF_TOPIC_CURVE.contentFree, summary, { reason: 'link-only', links: r.post.links, sharedTerms: 'none' });
    }
    case 'content-free':
      return verdict(threshold, OFF_TOPIC_CURVE.contentFree, 'content-free post (nothing but a pointer or filler)', { reason: 'content-free', sharedTerms: 'none' });
    case 'no-reference':
      return verdict(threshold, 0, 'no article or parent to compare with', { reason: 'no-reference' });
    case 'other-script':
    case 'other-language':
      return verdict(threshold, OFF_TOPIC_CURVE.otherScript, r.summary, { reason: r.kind, sharedTerms: 'none' });
    case 'relevance': {
      const t = r.t;
      const score = sigmoid(
        OFF_TOPIC_CURVE.bias -
          OFF_TOPIC_CURVE.slope * Math.log1p(t.rel) +
          OFF_TOPIC_CURVE.novelty * Math.log1p(r.novel) +
          OFF_TOPIC_CURVE.offThread * Math.log1p(t.offRel) +
          OFF_TOPIC_CURVE.lean * Math.tanh(OFF_TOPIC_CURVE.leanScale * t.lean),
      );
      return relevanceVerdict(threshold, score, r.m, t);
    }
  }
}

/**
 * The reading as the learned model's features (OFF_TOPIC_FEATURES, in that order): the curve's own terms, the
 * article and parent overlaps apart, the thread similarity (cosine to the thread's and the seeds' centroids),
 * content-free, another script, and length.
 */
function featuresOf(r: Reading, state: OffTopicState, input: OffTopicInput, day0: number): number[] {
  const f = new Array<number>(OFF_TOPIC_FEATURES.length).fill(0);
  f[F.dayZero] = Math.log(Math.max(day0, 1e-4) / Math.max(1 - day0, 1e-4));
  f[F.contentFree] = r.kind === 'link-only' || r.kind === 'content-free' ? 1 : 0;
  f[F.length] = Math.log1p(r.post.topical);
  if (!judged(r)) return f;
  const { m, t } = r;
  f[F.otherScript] = r.kind === 'relevance' ? 0 : 1;
  f[F.relevance] = Math.log1p(t.rel);
  f[F.article] = Math.log1p(m.article?.shared ?? 0);
  f[F.articleSpecific] = m.article?.specific ? 1 : 0;
  f[F.parent] = Math.log1p(m.parent?.shared ?? 0);
  f[F.offThread] = Math.log1p(t.offRel);
  f[F.lean] = Math.tanh(OFF_TOPIC_CURVE.leanScale * t.lean);
  f[F.threadRel] = Math.log1p(t.threadRel);
  const thread = input.thread;
  if (r.art && thread && thread.length >= THREAD_FEEDBACK.minComments) {
    const sim = state.threadFeedback(r.art, thread).similarity(m.terms, input.comment.body);
    f[F.threadCosine] = sim.thread;
    f[F.seedCosine] = sim.seeds;
    f[F.unrelatedCosine] = sim.unrelated;
  }
  return f;
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
  return { against, ref: against === 'parent' ? pIdx! : aIdx!, ov, article: aOv, parent: pOv, shortReply, terms: uniq.terms, words: uniq.words };
}

function noThread(rel: number): ThreadEvidence {
  return { rel, threadRel: 0, threadTerms: [], offRel: 0, offThreadTerms: [], lean: 0 };
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
  return { rel, threadRel: f.score, threadTerms: f.terms, offRel: o.score, offThreadTerms: o.terms, lean };
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
