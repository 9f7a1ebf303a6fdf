import type { CommentStatus, Evidence } from './comment.js';
import { HIDE_REASONS, type HideReason } from './moderation.js';
import type { RuleAction, RuleMode, RuleRecord, RuleType } from './rule.js';

/** A rule as the rules page lists it: the record plus its quality over the last 7 days. */
export interface RuleAdminRecord extends RuleRecord {
  /** Hits (live and shadow) in the last 7 days. */
  hits7d: number;
  /** Live hits in the last 7 days that a moderator then decided (approved or hid). */
  decided7d: number;
  /** Share of those a moderator approved anyway (null: none decided yet). */
  overrideRate7d: number | null;
  /** The override rate is above the site's warning level (live rules with enough decided hits). */
  overrideWarning: boolean;
  /** Drop from hide to flag automatically when the warning fires. */
  autoDemote: boolean;
}

/** Body of `POST /api/rules` and `PUT /api/rules/:id` (PUT: every field optional; `version` = the version edited). */
export interface RuleSaveRequest {
  name: string;
  type: RuleType;
  config: Record<string, unknown>;
  action: RuleAction;
  mode?: RuleMode;
  enabled?: boolean;
  severity?: number;
  autoDemote?: boolean;
  /** The version the admin edited: a save on top of another admin's save is a 409. */
  version?: number;
  /** Why (a save of an existing rule, a rollback): the new version's change note, shown in the versions table. */
  note?: string;
}

/** One rule type: what it catches and its config schema (JSON Schema, draft 2020-12), for the dashboard's form. */
export interface RuleTypeInfo {
  type: RuleType;
  /** The type's name in words ("Listed words and patterns"). */
  label: string;
  /** One line: what it catches. */
  description: string;
  schema: Record<string, unknown>;
  /** The config a new rule of this type starts from (the schema's defaults). */
  defaults: Record<string, unknown>;
  /** The rule reads the author's history (`repeat`, `flood`): the tester and backtests have none to give it. */
  usesHistory: boolean;
}

/** One change between two configs, by path (`extraTerms.0.term`). */
export interface ConfigChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/** One saved version of a rule: its fields as they were then (RuleRecord's), who saved it and what changed. */
export interface RuleVersionRecord
  extends Pick<RuleRecord, 'version' | 'name' | 'type' | 'config' | 'action' | 'mode' | 'enabled' | 'severity'> {
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  /** Why this version exists when it was not a plain edit: "rolled back to v2", "auto-demoted: …". */
  note: string | null;
  /** What changed from the previous version (config, and the other fields as `action`, `mode`, ...). */
  changes: ConfigChange[];
}

/** Body of `POST /api/rules/:id/rollback`. */
export interface RuleRollbackRequest {
  version: number;
}

/** A rule the tester or a backtest runs: a saved rule's draft, or a new one. */
export interface RuleDraft {
  id?: string;
  name?: string;
  type: RuleType;
  config: Record<string, unknown>;
  action?: RuleAction;
  mode?: RuleMode;
  severity?: number;
}

/** Body of `POST /api/rules/test`. Without `rules`, the saved enabled rule set runs. */
export interface RuleTestRequest {
  comment: { body: string; title?: string };
  article?: { title?: string; body?: string };
  parent?: { body: string };
  rules?: RuleDraft[];
}

export interface RuleTestResult {
  ruleId: string | null;
  name: string;
  type: RuleType;
  version: number | null;
  action: RuleAction;
  mode: RuleMode;
  outcome: 'hit' | 'pass' | 'error';
  score: number;
  threshold: number;
  evidence: Evidence;
}

export interface RuleTestResponse {
  results: RuleTestResult[];
  /** What triage would do with these verdicts under the current site settings. */
  status: CommentStatus;
}

export const RULE_JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type RuleJobStatus = (typeof RULE_JOB_STATUSES)[number];

/** Body of `POST /api/rules/:id/backtests`: a draft (config, action over the saved rule) or an old version. */
export interface BacktestRequest {
  config?: Record<string, unknown>;
  version?: number;
  /** How many of the most recently decided comments (default 1,000, at most 200,000). */
  limit?: number;
}

/**
 * Backtest labels: which rule types each hide reason confirms. A comment hidden as "Spam or advertising" is a miss
 * of the links rule, not of the insult rule; for the insult rule it is left out of the backtest. `keywords` and
 * `author` rules are lists an admin fills for any purpose, so every hidden comment counts for them, whatever its
 * reason (free text or none included). For every other type, a hide with no listed reason is left out.
 */
export const HIDE_REASON_RULE_TYPES: Record<HideReason, readonly RuleType[]> = {
  'Personal attack': ['insult'],
  'Hate or harassment': ['insult'],
  'Spam or advertising': ['links', 'repeat', 'flood', 'campaign'],
  'Off topic': ['off_topic'],
  Misinformation: ['campaign'],
  Duplicate: ['repeat', 'flood', 'campaign'],
};
/** Rule types every hide confirms, whatever its reason. */
export const ANY_HIDE_CONFIRMS: readonly RuleType[] = ['keywords', 'author'];

/** The hide reasons that count as "should be caught" for `type` in a backtest (`'any'`: every hidden comment). */
export function hideReasonsConfirming(type: RuleType): readonly HideReason[] | 'any' {
  if (ANY_HIDE_CONFIRMS.includes(type)) return 'any';
  return HIDE_REASONS.filter((r) => HIDE_REASON_RULE_TYPES[r].includes(type));
}

export interface ConfusionMatrix {
  /** Caught and a moderator hid it. */
  truePositive: number;
  /** Caught but a moderator approved it. */
  falsePositive: number;
  /** Passed but a moderator hid it. */
  falseNegative: number;
  /** Passed and a moderator approved it. */
  trueNegative: number;
}

export interface BacktestExample {
  id: string;
  excerpt: string;
  /** What the moderator decided. */
  decided: 'approved' | 'hidden';
}

export interface BacktestSide {
  matrix: ConfusionMatrix;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  errors: number;
}

export interface BacktestResult {
  /** The decided comments measured (left-out ones not included). */
  comments: number;
  /**
   * Hidden comments left out: their hide reason confirms no rule of this type (HIDE_REASON_RULE_TYPES), by reason
   * (`null`: hidden without one). Absent on backtests run before this existed.
   */
  excluded?: { count: number; byReason: Array<{ reason: string | null; count: number }> };
  draft: BacktestSide;
  /** The rule's current saved version over the same comments. */
  current: BacktestSide;
  newlyFlagged: { count: number; examples: BacktestExample[] };
  noLongerFlagged: { count: number; examples: BacktestExample[] };
  durationMs: number;
}

export interface BacktestRecord {
  id: string;
  ruleId: string;
  status: RuleJobStatus;
  /** 0–100. */
  progress: number;
  /** What ran: `draft` or `v3`; against the current version `currentVersion`. */
  label: string;
  currentVersion: number;
  limit: number;
  config: Record<string, unknown>;
  result: BacktestResult | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  createdBy: string | null;
}

/** Body of `POST /api/rules/retriage`: re-run triage over comments no human decided, received since `since`. */
export interface RetriageRequest {
  /** ISO date; default: 7 days ago. */
  since?: string;
}

export interface RetriageRecord {
  id: string;
  status: RuleJobStatus;
  progress: number;
  since: string;
  result: { examined: number; changed: number; skippedHuman: number; byStatus: Partial<Record<CommentStatus, number>> } | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** One day of a rule's quality. */
export interface RuleQualityDay {
  day: string;
  hits: number;
  /** Hits a moderator then approved (overrides) / hid (agreed). */
  approved: number;
  hidden: number;
  overrideRate: number | null;
}

/** `GET /api/rules/:id/quality`: hits per day for 30 days, and (for shadow rules) what it would have done. */
export interface RuleQuality {
  ruleId: string;
  mode: RuleMode;
  action: RuleAction;
  days: RuleQualityDay[];
  totals: { hits: number; approved: number; hidden: number; undecided: number; overrideRate: number | null };
  /** The shadow hits with the moderators' decisions (most recent first). */
  shadowExamples: Array<{ id: string; excerpt: string; status: CommentStatus; decidedBy: 'user' | 'rule' | null }>;
}

/** Site-wide moderation settings (versioned like rules). */
export interface SiteSettingsRecord {
  autoApprove: boolean;
  preModerate: boolean;
  /** The 7-day override rate above which a live rule shows a warning. */
  overrideWarnRate: number;
  /** Hits a moderator must have decided before the warning can fire. */
  overrideMinDecided: number;
  /** A dashboard session unused this long ends: the next renewal asks to sign in again (5–1440). */
  sessionIdleMinutes: number;
  /**
   * A retrained insult model promotes itself when its cross-validated AUC is above the promoted version's (day 0:
   * the lexicon's) and its precision not below; each such promotion is recorded on the version with the figures.
   */
  learnedAutoPromote: boolean;
  version: number;
  updatedAt: string;
}

export type SiteSettingsSaveRequest = Partial<Omit<SiteSettingsRecord, 'version' | 'updatedAt'>> & { version?: number };
