import type { LiveEvent, QueueRow } from '@sift/shared';
import { type Query, useQueryClient } from '@tanstack/react-query';
import { useLiveEvents } from '../providers/live';

type ListData = { data: QueueRow[]; total?: number } | undefined;

const isComments = (q: Query, kind: 'getList' | 'getOne' | 'getMany') => q.queryKey[0] === 'comments' && q.queryKey[1] === kind;

/**
 * Another moderator's decision (or a rule's) reaches the open queue at once (issue 17, item 6): the row shows the new
 * status and version where it stands (it is not pulled from under the cursor), and the open card re-reads, so it
 * shows who decided and its buttons act on the current version instead of meeting a 409.
 */
export function useLiveQueueUpdates(): void {
  const queryClient = useQueryClient();
  useLiveEvents((e: LiveEvent) => {
    if (e.type !== 'changed') return;
    queryClient.setQueriesData<ListData>({ predicate: (q) => isComments(q, 'getList') }, (old) =>
      old?.data?.some((r) => r.id === e.id)
        ? { ...old, data: old.data.map((r) => (r.id === e.id ? { ...r, status: e.to, version: e.version ?? r.version } : r)) }
        : old,
    );
    void queryClient.invalidateQueries({
      predicate: (q) => (isComments(q, 'getOne') && (q.queryKey[2] as { id?: unknown } | undefined)?.id === e.id) || isComments(q, 'getMany'),
    });
  });
}
