import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import type { CommentStatus } from '@sift/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { SiftDataProvider } from '../providers/dataProvider';
import { COUNTS_KEY } from '../providers/live';
import { decideNow } from '../providers/pendingDecisions';
import { decisionLabel } from './useDecide';

type Replied = { id: string; authorName: string; status: CommentStatus; version: number };

/**
 * Reply as staff: published at once in the thread under the comment, marked as staff. Ctrl+Enter sends. Under a
 * comment readers do not see (flagged, pending, hidden) the dialog warns that readers get "This comment is not
 * shown." above the reply, and offers "Approve and reply" (the approval sent at once, then the reply).
 */
export const ReplyDialog = ({ comment, open, onClose }: { comment: Replied | null; open: boolean; onClose: () => void }) => {
  const dataProvider = useDataProvider<SiftDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const unseen = !!comment && comment.status !== 'approved';
  const send = async (approve = false) => {
    if (!comment || !body.trim()) return;
    setSending(true);
    try {
      if (approve) {
        const items = [{ id: comment.id, version: comment.version }];
        const outcome = await decideNow({ action: 'approve', items, bulk: false, label: decisionLabel(1, 'approve') });
        if (!outcome?.ok) return;
      }
      await dataProvider.reply(comment.id, body);
      notify(`Reply to ${comment.authorName} published`, { type: 'success' });
      setBody('');
      onClose();
    } catch (err) {
      notify((err as Error).message || 'The reply failed', { type: 'error' });
    } finally {
      setSending(false);
      refresh();
      void queryClient.invalidateQueries({ queryKey: COUNTS_KEY });
    }
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      maxWidth="sm"
      fullWidth
      aria-labelledby="reply-title"
      // The text box has the focus once the dialog is in (the focus trap may have taken it for the dialog itself).
      slotProps={{ transition: { onEntered: () => box.current?.focus() } }}
    >
      <DialogTitle id="reply-title">Reply to {comment?.authorName} as staff</DialogTitle>
      <DialogContent>
        {unseen && (
          <Alert severity="warning" sx={{ mb: 1.5 }} data-reply-warning={comment.status}>
            This comment is {comment.status}: readers do not see it. Under it they would read “This comment is not shown.”
            and then your reply, without what it answers. Approve it first if it may be shown.
          </Alert>
        )}
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Published at once under the comment, with a staff badge. Ctrl+Enter sends{unseen ? ' (the reply only)' : ''}.
        </Typography>
        <TextField
          autoFocus
          multiline
          minRows={3}
          fullWidth
          name="reply"
          inputRef={box}
          label="Your reply"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send();
          }}
          slotProps={{ htmlInput: { maxLength: 10000 } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        {unseen && (
          <Button variant="contained" color="success" onClick={() => void send(true)} disabled={sending || !body.trim()}>
            Approve and reply
          </Button>
        )}
        <Button variant={unseen ? 'outlined' : 'contained'} onClick={() => void send()} disabled={sending || !body.trim()}>
          {unseen ? 'Reply only' : 'Publish reply'}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
