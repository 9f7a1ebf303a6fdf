import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { SiftDataProvider } from '../providers/dataProvider';
import { COUNTS_KEY } from '../providers/live';

/** Reply as staff: published at once in the thread under the comment, marked as staff. Ctrl+Enter sends. */
export const ReplyDialog = ({ comment, open, onClose }: { comment: { id: string; authorName: string } | null; open: boolean; onClose: () => void }) => {
  const dataProvider = useDataProvider<SiftDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const send = async () => {
    if (!comment || !body.trim()) return;
    setSending(true);
    try {
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
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="reply-title">
      <DialogTitle id="reply-title">Reply to {comment?.authorName} as staff</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Published at once under the comment, with a staff badge. Ctrl+Enter sends.
        </Typography>
        <TextField
          autoFocus
          multiline
          minRows={3}
          fullWidth
          name="reply"
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
        <Button variant="contained" onClick={() => void send()} disabled={sending || !body.trim()}>
          Publish reply
        </Button>
      </DialogActions>
    </Dialog>
  );
};
