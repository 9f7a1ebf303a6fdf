import type { MyComment, PublicThreadNode, ReaderIntakeResponse } from '@sift/shared';
import { useState } from 'react';
import type { SignedInAuthor } from './author-token';
import { CommentForm } from './CommentForm';
import { ReportAction } from './ReportForm';

interface ThreadProps {
  nodes: PublicThreadNode[];
  /** The author's own comments not (yet) published, by parent id (`''` for top level). */
  ownByParent: Map<string, MyComment[]>;
  /** Ids of the author's own comments that are published (marked "Your comment"). */
  ownPublished: Set<string>;
  articleId: string;
  commentsOpen: boolean;
  onPosted: (res: ReaderIntakeResponse) => void;
  /** The signed-in reader, when the publisher passed one. */
  author?: SignedInAuthor | null;
  depth?: number;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const formatDate = (iso: string) => dateFormat.format(new Date(iso));

/** Every text below is rendered as text (React escapes it); nothing is parsed as HTML or turned into a link. */
export function Thread({ nodes, depth = 0, ...rest }: ThreadProps) {
  if (nodes.length === 0) return null;
  return (
    <ol className={depth === 0 ? 'thread' : 'replies'}>
      {nodes.map((n) => (
        <li key={n.id}>
          <Node node={n} depth={depth} {...rest} />
        </li>
      ))}
    </ol>
  );
}

function Node({ node, depth, ownByParent, ownPublished, articleId, commentsOpen, onPosted, author }: Omit<ThreadProps, 'nodes'> & { node: PublicThreadNode; depth: number }) {
  const [replying, setReplying] = useState(false);
  const own = ownByParent.get(node.id) ?? [];
  const shared = { ownByParent, ownPublished, articleId, commentsOpen, onPosted, author };
  if (node.kind === 'removed') {
    return (
      <div className="comment removed" data-comment-id={node.id}>
        <p className="removed-note">This comment is not shown.</p>
        <OwnComments comments={own} />
        <Thread nodes={node.replies} depth={depth + 1} {...shared} />
      </div>
    );
  }
  const staff = node.authorRole === 'staff';
  return (
    <article className={`comment${staff ? ' staff' : ''}`} data-comment-id={node.id} aria-label={`Comment by ${node.authorName}`}>
      <header className="comment-meta">
        <span className="author">{node.authorName}</span>
        {staff && <span className="badge staff-badge">Moderator</span>}
        {ownPublished.has(node.id) && <span className="badge own-badge">Your comment</span>}
        <time dateTime={node.postedAt}>{formatDate(node.postedAt)}</time>
      </header>
      {node.title && node.title.trim() !== node.body.trim() && <p className="comment-title">{node.title}</p>}
      <p className="comment-body">{node.body}</p>
      <div className="comment-actions">
        {commentsOpen && !replying && (
          <button type="button" className="link-button" onClick={() => setReplying(true)} aria-label={`Reply to ${node.authorName}`}>
            Reply
          </button>
        )}
        {!staff && !ownPublished.has(node.id) && <ReportAction articleId={articleId} commentId={node.id} authorName={node.authorName} author={author} />}
      </div>
      {replying && (
        <CommentForm
          articleId={articleId}
          parentId={node.id}
          replyTo={node.authorName}
          author={author}
          onCancel={() => setReplying(false)}
          onPosted={(res) => {
            setReplying(false);
            onPosted(res);
          }}
        />
      )}
      <OwnComments comments={own} />
      <Thread nodes={node.replies} depth={depth + 1} {...shared} />
    </article>
  );
}

/** The author's own comments that readers do not see: held for review, or not published (with the reason). */
export function OwnComments({ comments }: { comments: MyComment[] }) {
  if (comments.length === 0) return null;
  return (
    <ol className="replies own-list">
      {comments.map((c) => (
        <li key={c.id}>
          <article className={`comment own ${c.state}`} data-comment-id={c.id} data-state={c.state} aria-label={`Your comment, ${stateLabel(c)}`}>
            <header className="comment-meta">
              <span className="author">{c.authorName}</span>
              <span className={`badge state-badge ${c.state}`}>{stateLabel(c)}</span>
              <time dateTime={c.postedAt}>{formatDate(c.postedAt)}</time>
            </header>
            {c.title && c.title.trim() !== c.body.trim() && <p className="comment-title">{c.title}</p>}
            <p className="comment-body">{c.body}</p>
            <p className="own-note">
              {c.state === 'held'
                ? 'Only you can see this until a moderator approves it.'
                : c.reason
                  ? `A moderator did not publish this comment. Reason: ${c.reason}`
                  : 'A moderator did not publish this comment.'}
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}

function stateLabel(c: MyComment): string {
  return c.state === 'held' ? 'Held for review' : 'Not published';
}
