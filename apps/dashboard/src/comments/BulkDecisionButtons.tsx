import CheckIcon from '@mui/icons-material/Check';
import HideIcon from '@mui/icons-material/VisibilityOff';
import type { ModerationAction, QueueRow } from '@sift/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Button, useListContext, useNotify, useRefresh, useUnselectAll, useUpdateMany } from 'react-admin';
import type { BulkDecisionMeta } from '../providers/dataProvider';
import { COUNTS_KEY } from '../providers/live';

/**
 * Bulk approve / hide over the selection: ONE request to the bulk endpoint, with the version of every row the
 * moderator saw, undoable for a few seconds (react-admin's undoable mode: nothing is sent until the notice closes).
 * Rows a colleague decided meanwhile are skipped by the API and listed in a warning; the list then reloads.
 */
const BulkDecisionButton = ({ action }: { action: ModerationAction }) => {
  const { selectedIds, data } = useListContext<QueueRow>();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('comments');
  const queryClient = useQueryClient();
  const [updateMany, { isPending }] = useUpdateMany();
  const onClick = () => {
    const versions = Object.fromEntries((data ?? []).filter((r) => selectedIds.includes(r.id)).map((r) => [r.id, r.version]));
    const meta: BulkDecisionMeta = { action, versions };
    const n = selectedIds.length;
    void updateMany(
      'comments',
      { ids: selectedIds, data: { status: action === 'approve' ? 'approved' : 'hidden' }, meta },
      {
        mutationMode: 'undoable',
        onSuccess: () => {
          notify(`${n} comment${n === 1 ? '' : 's'} ${action === 'approve' ? 'approved' : 'hidden'}`, { undoable: true, type: 'info' });
          unselectAll();
        },
        onError: (err) => {
          notify((err as Error).message, { type: 'warning', autoHideDuration: 10_000 });
          refresh();
        },
        onSettled: () => void queryClient.invalidateQueries({ queryKey: COUNTS_KEY }),
      },
    );
  };
  return (
    <Button
      label={action === 'approve' ? 'Approve' : 'Hide'}
      onClick={onClick}
      disabled={isPending}
      color={action === 'approve' ? 'success' : 'error'}
      data-bulk={action}
    >
      {action === 'approve' ? <CheckIcon /> : <HideIcon />}
    </Button>
  );
};

export const BulkDecisionButtons = () => (
  <>
    <BulkDecisionButton action="approve" />
    <BulkDecisionButton action="hide" />
  </>
);
