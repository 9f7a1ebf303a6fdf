import type { ModerationAction } from '@sift/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { HttpError, useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { SiftDataProvider } from '../providers/dataProvider';
import { COUNTS_KEY } from '../providers/live';

export interface Decidable {
  id: string;
  version: number;
}

/**
 * Approve or hide one comment at the version the moderator saw. A 409 (a colleague or a rule moved it first) says
 * who decided it, and the list and card reload. Resolves to true when the decision was applied.
 */
export function useDecide(): (comment: Decidable, action: ModerationAction, reason?: string) => Promise<boolean> {
  const dataProvider = useDataProvider<SiftDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  return useCallback(
    async (comment, action, reason) => {
      try {
        await dataProvider.decide(comment.id, { action, version: comment.version, reason: reason || undefined });
        notify(action === 'approve' ? 'Comment approved' : reason ? `Comment hidden: ${reason}` : 'Comment hidden', {
          type: 'success',
          autoHideDuration: 2500,
        });
        return true;
      } catch (err) {
        if (err instanceof HttpError && err.status === 409) {
          notify(`${err.message} Reloaded.`, { type: 'warning', autoHideDuration: 10_000 });
        } else {
          notify((err as Error).message || 'The decision failed', { type: 'error' });
        }
        return false;
      } finally {
        refresh();
        void queryClient.invalidateQueries({ queryKey: COUNTS_KEY });
      }
    },
    [dataProvider, notify, refresh, queryClient],
  );
}
