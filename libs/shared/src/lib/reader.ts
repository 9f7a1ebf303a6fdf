import type { AuthorRole, IntakeResponse } from './comment.js';

/**
 * The reader's side (docs/reader.md): what `GET /api/public/...` answers. Only approved comments carry text; a
 * comment that is not approved never appears, except as a text-less `removed` placeholder above approved replies.
 */
export const THREAD_ORDERS = ['newest', 'oldest'] as const;
export type ThreadOrder = (typeof THREAD_ORDERS)[number];

/** `GET /api/public/articles/:externalId`. */
export interface PublicArticle {
  externalId: string;
  title: string;
  subtitle: string | null;
  url: string | null;
  commentsOpen: boolean;
}

/** An approved comment. Replies are nested, oldest first. */
export interface PublicComment {
  kind: 'comment';
  id: string;
  parentId: string | null;
  authorName: string;
  /** `staff` for a moderator's reply. */
  authorRole: AuthorRole;
  title: string | null;
  body: string;
  postedAt: string;
  replies: PublicThreadNode[];
}

/** A comment that is not approved but has approved replies: no author, title, text or date — only its place. */
export interface RemovedComment {
  kind: 'removed';
  id: string;
  parentId: string | null;
  replies: PublicThreadNode[];
}

export type PublicThreadNode = PublicComment | RemovedComment;

/** `GET /api/public/articles/:externalId/comments?order=&limit=&cursor=`: one page of top-level threads. */
export interface PublicThreadPage {
  articleExternalId: string;
  order: ThreadOrder;
  /** Approved comments on the whole article (all pages, replies included). */
  approvedCount: number;
  /** Top-level threads on the whole article (placeholders included). */
  threadCount: number;
  comments: PublicThreadNode[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Intake's answer now also carries the author's private token (shown once; only its hash is stored). */
export interface ReaderIntakeResponse extends IntakeResponse {
  readerToken: string;
}

/** Body of `POST /api/public/comments/mine`. */
export interface MyCommentsRequest {
  tokens: string[];
}

/** What the author is told about their own comment. */
export type MyCommentState = 'held' | 'published' | 'not_published';

export interface MyComment {
  /** The token this entry answers (so the page can forget tokens that no longer match anything). */
  token: string;
  id: string;
  articleExternalId: string;
  parentId: string | null;
  authorName: string;
  title: string | null;
  body: string;
  postedAt: string;
  state: MyCommentState;
  /** For `not_published`: the moderator's reason, when one was given. */
  reason: string | null;
}

export interface MyCommentsResponse {
  comments: MyComment[];
}

/** Intake's 403 for a suspended author (docs/reader.md, "Suspension"): the message names the end and the moderators' words. */
export interface SuspendedBody {
  statusCode: 403;
  error: 'Forbidden';
  message: string;
  suspendedUntil: string;
  suspensionMessage: string;
}

/** The message the reader page shows for an error answer (every API error has this shape). */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  fields?: Record<string, string[]>;
}

/** Why a reader reports a comment (docs/reader.md, "Reports"). */
export const REPORT_REASONS = ['Spam or advertising', 'Abuse or harassment', 'Hate speech', 'Off topic', 'Misinformation', 'Other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** Body of `POST /api/public/comments/:id/reports`. */
export interface ReportRequest {
  reason: ReportReason;
  /** Optional words for the moderators (up to 500 characters). */
  note?: string;
  /** A signed-in reader (as for intake); without it the reader is their network. */
  authorToken?: string;
}

/** Answer of the report endpoint (201): the report was recorded; a moderator will look. */
export interface ReportResponse {
  commentId: string;
  reported: true;
}
