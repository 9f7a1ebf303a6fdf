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
