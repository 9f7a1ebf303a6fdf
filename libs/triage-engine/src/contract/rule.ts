import type { AuthorListStatus, Evidence, RuleType } from '@sift/shared';
import type { z } from 'zod';
import type { LearnedModel } from '../learned/model.js';
import type { OffTopicModel } from '../learned/off-topic-model.js';

/** What a rule sees: the comment with its article and the comment it answers. Plain data, no I/O. */
export interface RuleInput {
  comment: {
    title: string | null;
    body: string;
    authorName: string;
    authorId: string | null;
    receivedAt: Date;
    /** Set by the worker; lets history-based rules tell this article from others. */
    articleId?: string;
  };
  article: { title: string; subtitle: string | null; body: string | null } | null;
  parent: { title: string | null; body: string; authorName: string } | null;
  /** The article's other approved comments, newest first (up to 50): context for relevance. */
  thread?: ReadonlyArray<{ title: string | null; body: string }>;
  /**
   * What the worker knows about the author: their moderation list status and their earlier comments (newest first,
   * within the longest window any rule asks for). Absent when there is no history to give (the tester, evals).
   */
  author?: {
    status: AuthorListStatus | null;
    history: ReadonlyArray<{ id: string; articleId: string; title: string | null; body: string; receivedAt: Date }>;
  };
  /** Set by the worker when a `campaign` rule is active (issue 18). */
  campaign?: CampaignContext;
}

/**
 * What the worker knows about the campaign a comment may be part of (issue 18): its near-duplicate cluster across
 * authors and articles, the display names its network identity (hashed IP) used lately, and its article's arrival
 * rate against the article's own baseline. Absent for the tester and evals of other rule types.
 */
export interface CampaignContext {
  /** The cluster this comment joined (counted with this comment); null when it is alone. */
  cluster: {
    id: string;
    size: number;
    authors: number;
    articles: number;
    firstSeen: Date;
    lastSeen: Date;
    /** Up to 10 distinct author names and article ids, first seen first. */
    authorNames: string[];
    articleIds: string[];
    /** The most alike earlier member: the shared passage is read against its text. */
    sample: { id: string; body: string; similarity: number } | null;
  } | null;
  /** Distinct display names posted from this comment's network identity within the last hour, this one included. */
  networkNames?: string[];
  /** The article's arrivals: per minute over the last 5 minutes, its baseline per minute (last 24 h), new authors' share. */
  burst?: { perMinute: number; baselinePerMinute: number; newAuthorShare: number };
}

/**
 * A rule's verdict. The rule fires when `score >= threshold`; what the numbers measure is the rule type's own
 * (documented in its file). `evidence.summary` says why in one line.
 */
export interface RuleVerdict {
  score: number;
  threshold: number;
  evidence: Evidence;
}

/**
 * The time left for one comment's rule run (runRules' budget). A rule whose work grows with its config (the
 * keywords rule's patterns) asks `expired()` between steps and throws RuleOverBudget when it is; runRules records
 * that rule as an `error` outcome.
 */
export interface RuleClock {
  expired(): boolean;
}

/** Thrown by a rule that stopped because the comment's time budget ran out. */
export class RuleOverBudget extends Error {
  constructor() {
    super('over the time budget');
  }
}

/**
 * A rule type: a config schema and a pure function. `compile` runs once per rule version (build regexes, lexicons)
 * and returns the evaluator that runs per comment (with the run's clock, when it has a budget).
 */
export interface RuleDefinition<C> {
  type: RuleType;
  /** The type's name in words, for admins ("Listed words and patterns"); `type` is its id. */
  label: string;
  /** One line for admins: what this rule type catches. */
  description: string;
  schema: z.ZodType<C>;
  compile(config: C, site?: SiteModels): (input: RuleInput, clock?: RuleClock) => RuleVerdict;
  /** How many minutes of the author's history the rule reads (`input.author.history`); absent: none. */
  historyMinutes?(config: C): number;
}

/**
 * What a site has learned from its moderators' decisions (issue 15): the promoted insult and off-topic models, when
 * there are. Rule types that learn read theirs at compile time; the others ignore it.
 */
export interface SiteModels {
  insult?: LearnedModel | null;
  offTopic?: OffTopicModel | null;
}

/** Text fields a rule may match in, with the names evidence spans use. */
export function commentFields(input: RuleInput): Array<{ field: 'title' | 'body'; text: string }> {
  const fields: Array<{ field: 'title' | 'body'; text: string }> = [];
  if (input.comment.title) fields.push({ field: 'title', text: input.comment.title });
  fields.push({ field: 'body', text: input.comment.body });
  return fields;
}
