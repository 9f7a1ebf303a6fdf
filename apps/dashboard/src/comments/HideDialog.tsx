import { Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItemButton, ListItemText, TextField, Typography } from '@mui/material';
import { HIDE_REASONS } from '@sift/shared';
import { type KeyboardEvent, useState } from 'react';

/**
 * Hide with an optional reason: 1–6 pick a reason from the short list at once, or type one and press Enter
 * (Enter on an empty field hides without a reason). Esc cancels.
 */
export const HideDialog = ({ open, onClose, onHide }: { open: boolean; onClose: () => void; onHide: (reason?: string) => void }) => {
  const [text, setText] = useState('');
  const done = (reason?: string) => {
    setText('');
    onHide(reason);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      done(text.trim() || undefined);
    } else if (!text && /^[1-9]$/.test(e.key) && Number(e.key) <= HIDE_REASONS.length) {
      e.preventDefault();
      done(HIDE_REASONS[Number(e.key) - 1]);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} onKeyDown={onKeyDown} aria-labelledby="hide-title" maxWidth="xs" fullWidth>
      <DialogTitle id="hide-title">Hide this comment</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary">
          Pick a reason (1–{HIDE_REASONS.length}), type your own, or press Enter to hide without one.
        </Typography>
        <List dense>
          {HIDE_REASONS.map((r, i) => (
            <ListItemButton key={r} onClick={() => done(r)} data-reason={r}>
              <ListItemText primary={`${i + 1}. ${r}`} />
            </ListItemButton>
          ))}
        </List>
        <TextField autoFocus fullWidth size="small" label="Other reason" value={text} onChange={(e) => setText(e.target.value)} slotProps={{ htmlInput: { maxLength: 500 } }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button color="error" variant="contained" onClick={() => done(text.trim() || undefined)}>
          Hide
        </Button>
      </DialogActions>
    </Dialog>
  );
};
