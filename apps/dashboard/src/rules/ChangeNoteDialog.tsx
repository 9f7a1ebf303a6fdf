import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import type { RuleMode } from '@sift/shared';
import { useState } from 'react';

/**
 * A rule change is a new version of a rule that may be running on every comment: before it is saved (a save or a
 * roll back) the admin confirms it and says why, in a change note the versions table shows.
 */
export const ChangeNoteDialog = ({
  title,
  mode,
  enabled,
  onClose,
  onConfirm,
}: {
  /** e.g. "Save as version 4?", "Roll back to v2?"; null: closed. */
  title: string | null;
  mode: RuleMode;
  enabled: boolean;
  onClose: () => void;
  onConfirm: (note: string) => void;
}) => {
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const confirm = () => {
    if (!note.trim()) return setMissing(true);
    onConfirm(note.trim());
    setNote('');
    setMissing(false);
  };
  return (
    <Dialog open={title !== null} onClose={onClose} aria-labelledby="change-note-title" maxWidth="sm" fullWidth data-dialog="change-note">
      <DialogTitle id="change-note-title">{title}</DialogTitle>
      <DialogContent>
        <Alert severity={enabled && mode === 'live' ? 'warning' : 'info'} sx={{ mb: 2 }}>
          {enabled && mode === 'live'
            ? 'This rule is live: from the moment you confirm, it decides every new comment with these settings.'
            : 'This rule is not live (shadow mode or disabled): the change only affects what it records.'}
        </Alert>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Say why, for whoever reads the versions table later.
        </Typography>
        <TextField
          autoFocus
          fullWidth
          label="Change note"
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            setMissing(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              confirm();
            }
          }}
          error={missing}
          helperText={missing ? 'A change note is needed' : 'e.g. “threshold lowered: it missed “total clown” in the queue”'}
          slotProps={{ htmlInput: { maxLength: 500, name: 'change-note' } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={confirm}>
          Confirm
        </Button>
      </DialogActions>
    </Dialog>
  );
};
