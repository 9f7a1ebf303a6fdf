import { Button, Snackbar, SnackbarContent } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { COUNTS_KEY } from '../providers/live';
import { onDecisionOutcome, UNDO_MS, undoDecision, usePendingDecisions } from '../providers/pendingDecisions';
import { isTyping } from './keys';

/**
 * In the layout, so it outlives the page a decision was taken on: the newest held decision with its Undo (also `u`),
 * and what became of each sent one (a colleague first: the message naming them; the list and counts reload).
 */
export const UndoBar = () => {
  const pending = usePendingDecisions();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const latest = pending.at(-1);

  useEffect(
    () =>
      onDecisionOutcome(({ decision, ok, message, conflict }) => {
        if (ok) notify(`${decision.label} ✓`, { type: 'success', autoHideDuration: 2500 });
        else if (conflict) notify(`${message} Reloaded.`, { type: 'warning', autoHideDuration: 10_000 });
        else notify(message ?? 'The decision failed', { type: 'error' });
        refresh();
        void queryClient.invalidateQueries({ queryKey: COUNTS_KEY });
      }),
    [notify, refresh, queryClient],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'u' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (!undoDecision()) return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const more = pending.length > 1 ? ` (+${pending.length - 1} more waiting)` : '';
  return (
    <Snackbar open={!!latest} anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }} data-undo-bar={latest?.label}>
      <SnackbarContent
        message={latest ? `${latest.label}${more} · undo within ${UNDO_MS / 1000} s (u)` : ''}
        action={
          <Button color="inherit" size="small" onClick={() => undoDecision(latest?.key)} title="Undo (u)">
            Undo
          </Button>
        }
      />
    </Snackbar>
  );
};
