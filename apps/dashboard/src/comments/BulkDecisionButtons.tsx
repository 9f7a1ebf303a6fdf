import CheckIcon from '@mui/icons-material/Check';
import HideIcon from '@mui/icons-material/VisibilityOff';
import type { ModerationAction, QueueRow } from '@sift/shared';
import { useState } from 'react';
import { Button, useListContext, useUnselectAll } from 'react-admin';
import { HideDialog } from './HideDialog';
import { useDecide } from './useDecide';

/**
 * Bulk approve / hide over the selection, like a single decision: held a few seconds with an undo, then ONE request
 * to the bulk endpoint with the version of every row the moderator saw (useDecide). Hide asks for the reason first.
 * Rows a colleague decided meanwhile are skipped by the API and listed in a warning; the list then reloads.
 */
export const BulkDecisionButtons = () => {
  const { selectedIds, data } = useListContext<QueueRow>();
  const unselectAll = useUnselectAll('comments');
  const decide = useDecide();
  const [asking, setAsking] = useState(false);
  const selected = (data ?? []).filter((r) => selectedIds.includes(r.id));
  const run = (action: ModerationAction, reason?: string) => {
    decide(selected, action, reason);
    unselectAll();
  };
  return (
    <>
      <Button label="Approve" onClick={() => run('approve')} color="success" data-bulk="approve">
        <CheckIcon />
      </Button>
      <Button label="Hide" onClick={() => setAsking(true)} color="error" data-bulk="hide">
        <HideIcon />
      </Button>
      <HideDialog
        open={asking}
        count={selected.length}
        onClose={() => setAsking(false)}
        onHide={(reason) => {
          setAsking(false);
          run('hide', reason);
        }}
      />
    </>
  );
};
