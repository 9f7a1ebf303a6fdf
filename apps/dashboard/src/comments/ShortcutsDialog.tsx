import { Dialog, DialogContent, DialogTitle, Table, TableBody, TableCell, TableRow } from '@mui/material';

export const SHORTCUTS: Array<[string, string]> = [
  ['j / k', 'next / previous comment'],
  ['a', 'approve the focused comment'],
  ['h', 'hide it (then 1–6 for a reason, or type one and Enter)'],
  ['u', 'undo the last decision (a decision is sent after 5 s)'],
  ['r', 'reply as staff'],
  ['x', 'select it (for bulk approve / hide)'],
  ['o', 'open or close the card'],
  ['Esc', 'close the card or dialog'],
  ['?', 'this help'],
];

export const ShortcutsDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => (
  <Dialog open={open} onClose={onClose} aria-labelledby="keys-title">
    <DialogTitle id="keys-title">Keyboard shortcuts</DialogTitle>
    <DialogContent>
      <Table size="small">
        <TableBody>
          {SHORTCUTS.map(([key, what]) => (
            <TableRow key={key}>
              <TableCell sx={{ fontFamily: 'monospace', fontWeight: 700, whiteSpace: 'nowrap' }}>{key}</TableCell>
              <TableCell>{what}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </DialogContent>
  </Dialog>
);
