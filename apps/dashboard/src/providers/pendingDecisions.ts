import type { BulkDecisionItem, BulkDecisionResponse, ModerationAction } from '@sift/shared';
import { useSyncExternalStore } from 'react';
import { getAccessToken, onBeforeSignOut } from './authProvider';
import { freshAccessToken } from './session';

/**
 * Every moderator decision (a single `a`/`h`, the card's buttons, bulk approve/hide) goes through here: it is held
 * for UNDO_MS, undoable, and then sent. Nothing reaches the API (or readers, or colleagues' live streams) while it
 * can still be undone, so an undo is simply not sending.
 *
 * The decisions live in this module, not in a component: moving to another page of the dashboard neither drops
 * them nor sends them early (the undo bar stays in the layout). Leaving the dashboard (reload, closing the tab,
 * another site: `pagehide`) and signing out send every held decision at once (`keepalive`, so the request outlives
 * the page). A decision is never lost by navigating away.
 */
export const UNDO_MS = 5000;

export interface PendingDecision {
  key: number;
  action: ModerationAction;
  items: BulkDecisionItem[];
  reason?: string;
  /** Sent through the bulk endpoint (one request, audit `details.bulk`), else the single decision endpoint. */
  bulk: boolean;
  /** What the undo bar says, e.g. "Comment approved", "2 comments hidden: Spam or advertising". */
  label: string;
  dueAt: number;
}

/** What became of a sent decision: `failed` lists what was not applied (a colleague was first, …). */
export interface DecisionOutcome {
  decision: PendingDecision;
  ok: boolean;
  message?: string;
  conflict?: boolean;
}

type Listener = () => void;
type OutcomeListener = (outcome: DecisionOutcome) => void;

let pending: readonly PendingDecision[] = [];
let nextKey = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();
const listeners = new Set<Listener>();
const outcomeListeners = new Set<OutcomeListener>();

const set = (next: readonly PendingDecision[]) => {
  pending = next;
  listeners.forEach((l) => l());
};

/** For useSyncExternalStore. */
export const subscribePending = (listener: Listener) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
export const getPending = () => pending;

/** Results of sent decisions (the layout notifies and reloads the list). */
export const onDecisionOutcome = (listener: OutcomeListener) => {
  outcomeListeners.add(listener);
  return () => void outcomeListeners.delete(listener);
};

/** The decisions waiting to be sent, for components that act as if they were done. */
export const usePendingDecisions = () => useSyncExternalStore(subscribePending, getPending);

/** The ids of comments with a decision held: the queue leaves them out, as if decided. */
export const pendingIds = (list: readonly PendingDecision[]): Set<string> => new Set(list.flatMap((d) => d.items.map((i) => i.id)));

export function holdDecision(d: Omit<PendingDecision, 'key' | 'dueAt'>): PendingDecision {
  const decision: PendingDecision = { ...d, key: nextKey++, dueAt: Date.now() + UNDO_MS };
  timers.set(decision.key, setTimeout(() => void send(decision.key), UNDO_MS));
  set([...pending, decision]);
  return decision;
}

/** Undo a held decision (the newest without a key). Returns what was undone, if anything. */
export function undoDecision(key?: number): PendingDecision | undefined {
  const target = key === undefined ? pending.at(-1) : pending.find((d) => d.key === key);
  if (!target) return undefined;
  clearTimeout(timers.get(target.key));
  timers.delete(target.key);
  set(pending.filter((d) => d !== target));
  return target;
}

/** Send every held decision now (leaving the page, signing out). */
export function flushDecisions(): Promise<unknown> {
  return Promise.all(pending.map((d) => send(d.key, true)));
}

/**
 * Send a decision at once, without the undo window: "approve and reply", where the reply is published at once
 * and an undone approval would leave it under a hidden comment.
 */
export async function decideNow(d: Omit<PendingDecision, 'key' | 'dueAt'>): Promise<DecisionOutcome | undefined> {
  return send(holdDecision(d).key);
}

async function send(key: number, leaving = false): Promise<DecisionOutcome | undefined> {
  const decision = pending.find((d) => d.key === key);
  if (!decision) return undefined;
  clearTimeout(timers.get(key));
  timers.delete(key);
  set(pending.filter((d) => d.key !== key));
  const outcome = await post(decision, leaving).catch((err: Error): DecisionOutcome => ({ decision, ok: false, message: err.message || 'The decision failed' }));
  outcomeListeners.forEach((l) => l(outcome));
  return outcome;
}

async function post(decision: PendingDecision, leaving: boolean): Promise<DecisionOutcome> {
  const { action, reason, items } = decision;
  const [url, body] = decision.bulk
    ? ['/api/moderation/comments/bulk-decision', { action, reason, items }]
    : [`/api/moderation/comments/${items[0].id}/decision`, { action, reason, version: items[0].version }];
  // On the way out there is no time to renew: the stored token goes (it is usually still valid).
  const token = leaving ? (getAccessToken() ?? '') : await freshAccessToken();
  const res = await fetch(url, {
    method: 'POST',
    // Sent on the way out, the request outlives the page.
    keepalive: leaving,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as { message?: unknown } & Partial<BulkDecisionResponse>;
  if (!res.ok) {
    const message = typeof json.message === 'string' ? json.message : Array.isArray(json.message) ? json.message.join('; ') : `HTTP ${res.status}`;
    return { decision, ok: false, conflict: res.status === 409, message };
  }
  if (decision.bulk && json.failed) return { decision, ok: false, conflict: true, message: bulkFailureMessage(json as BulkDecisionResponse) };
  return { decision, ok: true };
}

/** Summarises the items a bulk decision skipped, e.g. "1 changed since you loaded it: Ada Admin made it approved". */
export function bulkFailureMessage(res: BulkDecisionResponse): string {
  const verb = res.action === 'approve' ? 'Approved' : 'Hid';
  const skipped = res.results.filter((r) => r.result !== 'ok').map((r) => r.message ?? r.result);
  return `${verb} ${res.ok} of ${res.results.length}. Skipped: ${[...new Set(skipped)].join('; ')}`;
}

onBeforeSignOut(flushDecisions);
if (typeof window !== 'undefined') window.addEventListener('pagehide', () => void flushDecisions());
