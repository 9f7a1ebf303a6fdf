/** Where a comment is in its lifecycle (docs/architecture.md). Readers only ever see `approved`. */
export const COMMENT_STATUSES = ['pending', 'approved', 'flagged', 'hidden'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export type AuthorRole = 'reader' | 'staff';

/** An author's place on the moderators' lists: blocked (hidden by the `author` rule), always reviewed, trusted. */
export const AUTHOR_LIST_STATUSES = ['blocked', 'review', 'trusted'] as const;
export type AuthorListStatus = (typeof AUTHOR_LIST_STATUSES)[number];

/** Who moved a comment: a person, a rule (through the worker), or the system (intake, reconciler). */
export type ActorType = 'user' | 'rule' | 'system';

export type ModerationAction = 'approve' | 'hide';

/** Body of `POST /api/articles/:externalId/comments`. */
export interface CreateCommentRequest {
  /** The name to show; optional with `authorToken` (whose name is shown). */
  authorName?: string;
  /**
   * A signed-in reader: a short-lived JWT the publisher signed (HS256, `kid` = the publisher; claims `sub`, `name`,
   * `exp`). Trust, blocks and history attach only to such verified ids (docs/reader.md).
   */
  authorToken?: string;
  title?: string;
  body: string;
  /** Id of the comment this one answers. */
  parentId?: string;
}

/** Answer of the intake endpoint (HTTP 202). */
export interface IntakeResponse {
  id: string;
  status: CommentStatus;
}

/** A span of evidence inside the comment: character offsets into `field` of the original text. */
export interface EvidenceSpan {
  field: 'title' | 'body';
  start: number;
  end: number;
  text: string;
  /** What matched: the listed term, pattern or lexicon entry. */
  label: string;
}

export interface Evidence {
  /** One line a moderator can read: why the rule fired (or failed). */
  summary: string;
  spans?: EvidenceSpan[];
  terms?: string[];
  links?: string[];
  [key: string]: unknown;
}

export type FlagOutcome = 'hit' | 'error';

/** One rule's recorded outcome in a triage decision (hits and errors; passes are not stored). */
export interface FlagRecord {
  id: string;
  ruleId: string;
  ruleName: string;
  ruleType: string;
  ruleVersion: number;
  action: 'flag' | 'hide';
  mode: 'live' | 'shadow';
  outcome: FlagOutcome;
  score: number;
  threshold: number;
  evidence: Evidence;
}

export interface ModerationEventRecord {
  id: string;
  fromStatus: CommentStatus | null;
  toStatus: CommentStatus | null;
  actorType: ActorType;
  actorId: string | null;
  actorName: string | null;
  reason: string | null;
  createdAt: string;
}

/** A row of the moderation list (react-admin resource `comments`). */
export interface CommentRecord {
  id: string;
  articleId: string;
  articleExternalId: string;
  articleTitle: string;
  parentId: string | null;
  authorName: string;
  authorId: string | null;
  authorRole: AuthorRole;
  title: string | null;
  body: string;
  status: CommentStatus;
  version: number;
  priority: number;
  receivedAt: string;
  decidedAt: string | null;
  flags: FlagRecord[];
  /** Open reader reports (an approved comment in the Reported queue has at least one). */
  openReports?: number;
  /** Posted under the name on the article's byline (same name as an identity: case, spacing, look-alikes). */
  byArticleAuthor?: boolean;
}

export interface CommentDetail extends CommentRecord {
  events: ModerationEventRecord[];
  parent: Pick<CommentRecord, 'id' | 'authorName' | 'title' | 'body' | 'status'> | null;
}

/** Body of `POST /api/moderation/comments/:id/decision`. */
export interface DecisionRequest {
  action: ModerationAction;
  /** The version the moderator saw; a stale one gets 409. */
  version: number;
  reason?: string;
}
