import type { ModerationAction } from '@sift/shared';
import { useCallback } from 'react';
import { holdDecision } from '../providers/pendingDecisions';

export interface Decidable {
  id: string;
  version: number;
}

const past = (action: ModerationAction) => (action === 'approve' ? 'approved' : 'hidden');

/** "Comment approved", "3 comments hidden: Spam or advertising". */
export function decisionLabel(n: number, action: ModerationAction, reason?: string): string {
  const what = n === 1 ? 'Comment' : `${n} comments`;
  return `${what} ${past(action)}${reason ? `: ${reason}` : ''}`;
}

/**
 * Approve or hide comments at the version the moderator saw: held for a few seconds with an undo (the layout's
 * undo bar, or `u`), then sent (providers/pendingDecisions.ts). One comment goes to its decision endpoint, a
 * selection to the bulk endpoint in ONE request. A hide always carries a reason (HideDialog asks for one).
 */
export function useDecide(): (comments: Decidable | readonly Decidable[], action: ModerationAction, reason?: string) => void {
  return useCallback((comments, action, reason) => {
    const list = Array.isArray(comments) ? comments : [comments as Decidable];
    if (list.length === 0) return;
    if (action === 'hide' && !reason) throw new Error('a hide needs a reason');
    holdDecision({
      action,
      reason,
      bulk: Array.isArray(comments),
      items: list.map(({ id, version }) => ({ id, version })),
      label: decisionLabel(list.length, action, reason),
    });
  }, []);
}
