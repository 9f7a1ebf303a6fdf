import { Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItemButton, ListItemText, TextField, Typography } from '@mui/material';
import { HIDE_REASONS } from '@sift/shared';
import { type KeyboardEvent, useState } from 'react';

/**
 * Hide always with a reason (the author and the audit trail see it): 1–6 pick one from the short list at once, or
 * type one and press Enter. Esc cancels. `count` > 1 when hiding a selection.
 */
export const HideDialog = ({ open, onClose, onHide, count = 1 }: { open: boolean; onClose: () => void; onHide: (reason: string) => void; count?: number }) => {
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const done = (reason: string) => {
    if (!reason) return setMissing(true);
    setText('');
    setMissing(false);
    onHide(reason);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      done(text.trim());
    } else if (!text && /^[1-9]$/.test(e.key) && Number(e.key) <= HIDE_REASONS.length) {
      e.preventDefault();
      done(HIDE_REASONS[Number(e.key) - 1]);
    }
  };
  const close = () => {
    setMissing(false);
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} onKeyDown={onKeyDown} aria-labelledby="hide-title" maxWidth="xs" fullWidth>
      <DialogTitle id="hide-title">{count === 1 ? 'Hide this comment' : `Hide ${count} comments`}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary">
          Why? Pick a reason (1–{HIDE_REASONS.length}) or type your own and press Enter. The author and the audit trail see it.
        </Typography>
        <List dense>
          {HIDE_REASONS.map((r, i) => (
            <ListItemButton key={r} onClick={() => done(r)} data-reason={r}>
              <ListItemText primary={`${i + 1}. ${r}`} />
            </ListItemButton>
          ))}
        </List>
        <TextField
          autoFocus
          fullWidth
          size="small"
          label="Other reason"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setMissing(false);
          }}
          error={missing}
          helperText={missing ? 'A hide needs a reason: pick one above or type one' : ' '}
          slotProps={{ htmlInput: { maxLength: 500, name: 'hide-reason' } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Cancel</Button>
        <Button color="error" variant="contained" onClick={() => done(text.trim())}>
          Hide
        </Button>
      </DialogActions>
    </Dialog>
  );
};
