import type { ReportReason } from './reader.js';
import type { AuthorListStatus, CommentDetail, CommentRecord, CommentStatus, ModerationAction, ModerationEventRecord } from './comment.js';

/** Reasons a moderator can pick when hiding (free text is allowed too). */
export const HIDE_REASONS = ['Personal attack', 'Hate or harassment', 'Spam or advertising', 'Off topic', 'Misinformation', 'Duplicate'] as const;
export type HideReason = (typeof HIDE_REASONS)[number];

/**
 * The queues of the moderation dashboard (`all` = no status filter). `reported` is not a status: it holds the
 * approved comments with open reader reports (docs/reader.md, "Reports"), still published while they wait.
 */
export const QUEUES = ['flagged', 'reported', 'pending', 'approved', 'hidden', 'all'] as const;
export type Queue = (typeof QUEUES)[number];

/** `GET /api/moderation/counts`: comments per status, and all of them. */
export type QueueCounts = Record<Queue, number>;

/** One item of a bulk decision: the comment and the version the moderator saw. */
export interface BulkDecisionItem {
  id: string;
  version: number;
}

/** Body of `POST /api/moderation/comments/bulk-decision`. */
export interface BulkDecisionRequest {
  action: ModerationAction;
  items: BulkDecisionItem[];
  reason?: string;
}

/** One item's result: `ok`, `conflict` (changed since loaded: who moved it), `not_found` or `invalid` (e.g. hide a hidden one). */
export interface BulkDecisionItemResult {
  id: string;
  result: 'ok' | 'conflict' | 'not_found' | 'invalid';
  status?: CommentStatus;
  version?: number;
  message?: string;
  decidedBy?: string | null;
}

export interface BulkDecisionResponse {
  action: ModerationAction;
  results: BulkDecisionItemResult[];
  ok: number;
  failed: number;
}

/** Body of `POST /api/moderation/comments/:id/reply`. */
export interface ReplyRequest {
  body: string;
}

/** Answer of the reply endpoint: the stored staff comment. */
export interface ReplyResponse {
  id: string;
  parentId: string;
  status: CommentStatus;
  authorName: string;
  authorRole: 'staff';
  body: string;
}

/** An audit event with its details (e.g. `replyId` on the parent's "replied" event). */
export interface AuditEventRecord extends ModerationEventRecord {
  details: Record<string, unknown> | null;
}

/** One of the author's other comments, and how it was decided. */
export interface AuthorHistoryItem {
  id: string;
  articleTitle: string;
  body: string;
  status: CommentStatus;
  receivedAt: string;
  /** Who made the latest status change: a moderator's name, "rules" or null when nobody has yet. */
  decidedBy: string | null;
  decidedByType: 'user' | 'rule' | 'system' | null;
  reason: string | null;
}

/** An author as the moderators see them (react-admin resource `authors`, id = author key). */
export interface AuthorRecord {
  id: string;
  displayName: string;
  status: AuthorListStatus | null;
  note: string | null;
  updatedAt: string | null;
  updatedByName: string | null;
  total: number;
  approved: number;
  flagged: number;
  hidden: number;
  pending: number;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
  /** While suspended: until when (ISO), else null. A suspension ends by itself: it is compared when they post. */
  suspendedUntil: string | null;
  /** While suspended: what the author is told when they try to post. */
  suspensionMessage: string | null;
}

/** Body of `PUT /api/moderation/authors/:key/suspension`: no comments from this author for `hours`. */
export interface AuthorSuspensionRequest {
  hours: number;
  message: string;
}

/** Body of `PUT /api/moderation/authors/:key`: put on a list (or take off: null). */
export interface AuthorUpdateRequest {
  status: AuthorListStatus | null;
  note?: string | null;
  displayName?: string;
}

/** `GET /api/moderation/comments/:id`: the card. */
export interface ModerationCommentDetail extends CommentDetail {
  authorKey: string;
  author: AuthorRecord;
  history: AuthorHistoryItem[];
  audit: AuditEventRecord[];
  replies: Array<{ id: string; authorName: string; body: string; status: CommentStatus; receivedAt: string; staff: boolean }>;
  /** Open reader reports (newest first): the moderator's next decision resolves them. */
  reports: CommentReportRecord[];
}

/** One reader's report of a comment, as the moderators see it (the reporter is not named). */
export interface CommentReportRecord {
  id: string;
  reason: ReportReason;
  note: string | null;
  createdAt: string;
}

/** `POST /api/moderation/stream-token`: a short-lived token for the SSE stream (EventSource cannot send headers). */
export interface StreamTokenResponse {
  token: string;
  expiresIn: number;
}

/** What the live stream says. `received`: a comment was stored; `changed`: a status changed (by rule or person). */
export type LiveEvent =
  | { type: 'received'; id: string; articleId: string; status: CommentStatus; at: string }
  | {
      type: 'changed';
      id: string;
      articleId: string | null;
      from: CommentStatus | null;
      to: CommentStatus;
      version: number | null;
      actorType: 'user' | 'rule' | 'system';
      actorId: string | null;
      at: string;
    }
  /** A reader reported a published comment; `reports` = its open reports now. */
  | { type: 'reported'; id: string; articleId: string; reports: number; at: string }
  /**
   * A staff member has comment `id`'s card open (a heartbeat: `expiresIn` seconds from now unless renewed), or closed
   * it (`expiresIn` 0). Changes nothing in Postgres.
   */
  | { type: 'presence'; id: string; userId: string; name: string; expiresIn: number; at: string };

/** Who has which comment's card open (`GET /api/moderation/presence`, `PUT …/comments/:id/presence`). */
export interface PresenceEntry {
  commentId: string;
  userId: string;
  name: string;
  /** Seconds until it lapses unless the viewer's dashboard renews it. */
  expiresIn: number;
}

/** `GET /api/stats/home`. */
export interface HomeStats {
  counts: QueueCounts;
  /** Last 24 hours, oldest first, one point per hour (ISO hour start). */
  perHour: Array<{ hour: string; received: number; flagged: number; decided: number; medianDecisionSeconds: number | null }>;
  /** Median time from receipt to a moderator's decision over the last 24 hours (seconds), null when none. */
  medianDecisionSeconds: number | null;
  decisions24h: number;
}

/** A row of the moderation queue: the comment record and its author key (for the author filter and actions). */
export interface QueueRow extends CommentRecord {
  authorKey: string;
}
