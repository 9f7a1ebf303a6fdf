import { Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { AuthorRecord } from '@sift/shared';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { SiftDataProvider } from '../providers/dataProvider';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const UNIT_HOURS = { hours: 1, days: 24 } as const;
type Unit = keyof typeof UNIT_HOURS;
const MAX_HOURS = 24 * 365;

/** "Suspended until …" while a suspension is in force (it ends by itself). */
export const SuspensionChip = ({ author }: { author: AuthorRecord }) =>
  author.suspendedUntil ? (
    <Chip size="small" color="error" variant="outlined" data-suspended-until={author.suspendedUntil} label={`Suspended until ${when.format(new Date(author.suspendedUntil))}`} />
  ) : null;

/**
 * The suspension form: how long (hours or days, up to a year) and the message the author is shown when they try to
 * post. Used for one author (below) and for every author of a campaign (campaigns/CampaignShow.tsx).
 */
export const SuspendDialog = ({
  open,
  title,
  intro,
  busy,
  onClose,
  onSuspend,
}: {
  open: boolean;
  title: string;
  intro: string;
  busy: boolean;
  onClose: () => void;
  onSuspend: (req: { hours: number; message: string }) => void;
}) => {
  const [amount, setAmount] = useState('1');
  const [unit, setUnit] = useState<Unit>('days');
  const [message, setMessage] = useState('');
  const n = Number(amount);
  const hours = Number.isInteger(n) ? n * UNIT_HOURS[unit] : NaN;
  const amountError = !Number.isInteger(n) || n < 1 ? 'A whole number, 1 or more' : hours > MAX_HOURS ? 'At most a year' : null;
  const messageError = message.trim() ? null : 'Say why: the author sees this when they try to post';
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="suspend-title" fullWidth maxWidth="xs">
      <DialogTitle id="suspend-title">{title}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {intro}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, mb: 2 }}>
          <TextField
            label="For"
            type="number"
            size="small"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            error={!!amountError}
            helperText={amountError ?? ' '}
            slotProps={{ htmlInput: { min: 1, step: 1 } }}
            sx={{ width: 120 }}
          />
          <TextField select label="Unit" size="small" value={unit} onChange={(e) => setUnit(e.target.value as Unit)} sx={{ width: 120 }}>
            <MenuItem value="hours">hours</MenuItem>
            <MenuItem value="days">days</MenuItem>
          </TextField>
        </Box>
        <TextField
          label="Message to the author"
          multiline
          minRows={2}
          fullWidth
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          error={!!messageError && message.length > 0}
          helperText={messageError ?? 'Shown to them when they try to post'}
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button color="error" variant="contained" disabled={busy || !!amountError || !!messageError} onClick={() => onSuspend({ hours, message: message.trim() })}>
          Suspend
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * Suspend the author for a set time (hours or days) with a message they see when they try to post; or lift a
 * suspension early. Intake refuses their comments until then (docs/reader.md, "Suspension").
 */
export const SuspensionControl = ({ author }: { author: AuthorRecord }) => {
  const dataProvider = useDataProvider<SiftDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<AuthorRecord>, done: string) => {
    setBusy(true);
    try {
      await work();
      notify(done, { type: 'success' });
      setOpen(false);
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
      refresh();
    }
  };

  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
      <SuspensionChip author={author} />
      {author.suspendedUntil ? (
        <Button size="small" color="error" onClick={() => void run(() => dataProvider.liftSuspension(author.id), `${author.displayName} may post again`)}>
          Lift suspension
        </Button>
      ) : (
        <Button size="small" color="error" onClick={() => setOpen(true)} title="No comments from this author for a set time; it ends by itself">
          Suspend…
        </Button>
      )}
      <SuspendDialog
        open={open}
        title={`Suspend ${author.displayName}`}
        intro="They cannot post until the time is up; it ends by itself. Their comments so far are not touched."
        busy={busy}
        onClose={() => setOpen(false)}
        onSuspend={(req) => void run(() => dataProvider.suspendAuthor(author.id, req), `${author.displayName} is suspended`)}
      />
    </Stack>
  );
};
