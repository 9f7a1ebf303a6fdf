import type { CommentStatus, ModerationAction } from './comment.js';

/** Where a text shares its campaign's passage (UTF-16 offsets), or null when it shares none of three words or more. */
export type PassageRange = { start: number; end: number } | null;

/** A campaign (near-duplicate cluster across authors and articles, issue 18) in the Campaigns queue. */
export interface CampaignRecord {
  id: string;
  size: number;
  authors: number;
  articles: number;
  firstSeen: string;
  lastSeen: string;
  /** Up to 10 author names and article ids, first seen first. */
  authorNames: string[];
  articleIds: string[];
  /** Members per status now. */
  statuses: Partial<Record<CommentStatus, number>>;
  /** The first member, with the passage it shares with the next. */
  sample: { id: string; body: string; passage: PassageRange };
  /** The latest decision on the whole campaign (null: none, or undone). */
  decision: { action: ModerationAction; reason: string | null; by: string | null; at: string } | null;
  /** Its authors' suspension by the campaign's "Suspend all authors" while in force (null: none, undone or ended). */
  suspension: { until: string; hours: number; message: string; authors: number; by: string | null; at: string } | null;
  /** "Keep hiding this campaign" while on: new members are hidden by the rules with this reason. */
  keepHiding: { reason: string | null; by: string | null; at: string } | null;
}

/** What was done to a campaign as a whole (members' decisions are in each comment's audit trail). */
export const CAMPAIGN_ACTION_KINDS = ['suspend', 'suspend-undo', 'keep-hiding-on', 'keep-hiding-off'] as const;
export type CampaignActionKind = (typeof CAMPAIGN_ACTION_KINDS)[number];
export interface CampaignActionRecord {
  kind: CampaignActionKind;
  by: string | null;
  at: string;
  /** What it did, in words ("5 authors suspended for 48 hours", "switched off by the approval"). */
  summary: string;
}

/** One member: what it says, and where it repeats the sample (the rest is how it differs). */
export interface CampaignMember {
  id: string;
  authorName: string;
  articleId: string;
  body: string;
  status: CommentStatus;
  version: number;
  receivedAt: string;
  passage: PassageRange;
}

export interface CampaignDetail extends CampaignRecord {
  members: CampaignMember[];
  /** Its whole-campaign actions, oldest first. */
  actions: CampaignActionRecord[];
}

/** Body of `PUT /api/moderation/campaigns/:id/suspension`: every author of the campaign suspended alike. */
export interface CampaignSuspensionRequest {
  hours: number;
  message: string;
}

/** Body of `PUT /api/moderation/campaigns/:id/keep-hiding`. */
export interface CampaignKeepHidingRequest {
  on: boolean;
}

/** Body of `POST /api/moderation/campaigns/:id/decision`: one decision for every member. */
export interface CampaignDecisionRequest {
  action: ModerationAction;
  reason?: string;
}

/** What a campaign decision or its undo did: members changed, and those left as they were (already so, or moved on). */
export interface CampaignDecisionResponse {
  id: string;
  action: ModerationAction | 'undo';
  changed: number;
  unchanged: number;
}
