import type { ModerationCommentDetail } from '@sift/shared';
import { useState } from 'react';
import { ListButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import { CommentCard, DecisionButtons } from './CommentCard';
import { HideDialog } from './HideDialog';
import { AlsoLooking } from './Presence';
import { ReplyDialog } from './ReplyDialog';
import { useDecide } from './useDecide';

const CommentPage = () => {
  const comment = useRecordContext<ModerationCommentDetail>();
  const decide = useDecide();
  const [dialog, setDialog] = useState<null | 'hide' | 'reply'>(null);
  if (!comment) return null;
  return (
    <>
      <AlsoLooking commentId={comment.id} />
      <CommentCard
        comment={comment}
        layout="page"
        actions={<DecisionButtons comment={comment} onApprove={() => decide(comment, 'approve')} onHide={() => setDialog('hide')} onReply={() => setDialog('reply')} />}
      />
      <HideDialog
        open={dialog === 'hide'}
        onClose={() => setDialog(null)}
        onHide={(reason) => {
          setDialog(null);
          decide(comment, 'hide', reason);
        }}
      />
      <ReplyDialog comment={comment} open={dialog === 'reply'} onClose={() => setDialog(null)} />
    </>
  );
};

const CommentTitle = () => {
  const comment = useRecordContext<ModerationCommentDetail>();
  return <>{comment ? `Comment by ${comment.authorName}` : 'Comment'}</>;
};

/** A comment's card on its own page (links from the history and the audit trail). */
export const CommentShow = () => (
  <Show
    title={<CommentTitle />}
    actions={
      <TopToolbar>
        <ListButton label="Back to the queue" />
      </TopToolbar>
    }
  >
    <CommentPage />
  </Show>
);
