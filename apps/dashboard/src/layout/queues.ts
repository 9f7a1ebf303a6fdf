import type { CommentStatus, Queue } from '@sift/shared';

export const QUEUE_LABEL: Record<Queue, string> = {
  flagged: 'Flagged',
  reported: 'Reported',
  pending: 'Pending',
  approved: 'Approved',
  hidden: 'Hidden',
  all: 'All comments',
};

/** The list URL of a queue: its status filter, highest priority first (Flagged, Pending) or newest first. */
export function queuePath(queue: Queue): string {
  // Reported is not a status: the approved comments with open reader reports.
  const filter = queue === 'all' ? {} : queue === 'reported' ? { reported: true } : { status: [queue] };
  const sort = queue === 'flagged' || queue === 'pending' ? 'priority' : 'receivedAt';
  return `/comments?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${sort}&order=DESC&page=1`;
}

/** Which queue a list filter shows (a single status), or null for a mixed one. */
export function queueOf(filter: { status?: CommentStatus[] | CommentStatus; reported?: boolean }): Queue | null {
  if (filter.reported) return filter.status === undefined ? 'reported' : null;
  const status = filter.status === undefined ? [] : Array.isArray(filter.status) ? filter.status : [filter.status];
  if (status.length === 0) return 'all';
  return status.length === 1 ? status[0] : null;
}
