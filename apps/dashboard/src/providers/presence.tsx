import type { LiveEvent, PresenceEntry } from '@sift/shared';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useDataProvider } from 'react-admin';
import { presenceCall, type SiftDataProvider } from './dataProvider';
import { useLiveConnected, useLiveEvents } from './live';
import { onBeforeSignOut } from './authProvider';
import { storedSession } from './session';

/** The API lets "X has it open" lapse 30 s after the last heartbeat: renew well inside that. */
const HEARTBEAT_MS = 10_000;

export interface Viewer {
  userId: string;
  name: string;
}

/** `<commentId>:<userId>` → who, and when it lapses here (this browser's clock) unless renewed. */
type Entries = ReadonlyMap<string, Viewer & { commentId: string; until: number }>;

const PresenceContext = createContext<{ others(commentId: string): Viewer[]; merge(commentId: string | null, list: readonly PresenceEntry[]): void }>({
  others: () => [],
  merge: () => undefined,
});

const NOBODY: Viewer[] = [];

/**
 * Who else has which comment's card open (issue 17, item 6). Read once each time the live stream (re)connects, then
 * kept by its `presence` events: a heartbeat renews an entry, a goodbye removes it, and an entry whose heartbeats
 * stopped (a closed tab) lapses here by itself when its time is up.
 */
export const PresenceProvider = ({ children }: { children: ReactNode }) => {
  const dataProvider = useDataProvider<SiftDataProvider>();
  const connected = useLiveConnected();
  const [entries, setEntries] = useState<Entries>(new Map());

  /** Replaces what is known about one comment (`commentId`), or about all of them (null), by an answer of the API. */
  const merge = useCallback((commentId: string | null, list: readonly PresenceEntry[]) => {
    const now = Date.now();
    setEntries((old) => {
      const next = new Map([...old].filter(([, e]) => commentId !== null && e.commentId !== commentId));
      for (const e of list) next.set(`${e.commentId}:${e.userId}`, { commentId: e.commentId, userId: e.userId, name: e.name, until: now + e.expiresIn * 1000 });
      return next;
    });
  }, []);

  useEffect(() => {
    if (connected) dataProvider.presence().then((list) => merge(null, list), () => undefined);
  }, [connected, dataProvider, merge]);

  useLiveEvents((e: LiveEvent) => {
    if (e.type !== 'presence') return;
    setEntries((old) => {
      const next = new Map(old);
      const key = `${e.id}:${e.userId}`;
      if (e.expiresIn > 0) next.set(key, { commentId: e.id, userId: e.userId, name: e.name, until: Date.now() + e.expiresIn * 1000 });
      else next.delete(key);
      return next;
    });
  });

  // Drop each entry when its time is up (the next one to lapse sets the timer).
  useEffect(() => {
    if (entries.size === 0) return;
    const first = Math.min(...[...entries.values()].map((e) => e.until));
    const timer = setTimeout(() => setEntries((old) => new Map([...old].filter(([, e]) => e.until > Date.now()))), Math.max(first - Date.now(), 0) + 50);
    return () => clearTimeout(timer);
  }, [entries]);

  const value = useMemo(() => {
    const me = storedSession()?.user.id;
    const byComment = new Map<string, Viewer[]>();
    for (const e of entries.values()) {
      if (e.userId === me) continue;
      byComment.set(e.commentId, [...(byComment.get(e.commentId) ?? []), { userId: e.userId, name: e.name }]);
    }
    for (const list of byComment.values()) list.sort((a, b) => a.name.localeCompare(b.name));
    return { others: (commentId: string) => byComment.get(commentId) ?? NOBODY, merge };
  }, [entries, merge]);

  return <PresenceContext.Provider value={value}>{children}</PresenceContext.Provider>;
};

/** The other staff (never me) who have this comment's card open now, by name. */
export const useOthersLooking = (commentId: string | undefined): Viewer[] => {
  const { others } = useContext(PresenceContext);
  return commentId ? others(commentId) : NOBODY;
};

/**
 * While mounted, tells the API that this moderator has `commentId`'s card open (a heartbeat every HEARTBEAT_MS), and
 * that they closed it when unmounted, when the tab goes away, or when they sign out (before the session is cleared,
 * so colleagues see the name go at once). Calls run one after another, so a quick close and re-open (or React's
 * StrictMode) can never land a goodbye after the hello that followed it. The calls never renew the session nor open
 * the sign-in dialog (dataProvider.presenceCall): with a token that lapsed they are skipped.
 */
export function useLookingAt(commentId: string | undefined): void {
  const dataProvider = useDataProvider<SiftDataProvider>();
  const { merge } = useContext(PresenceContext);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    if (!commentId) return;
    let left = false;
    const queue = (call: () => Promise<unknown>) => (chain.current = chain.current.then(call).catch(() => undefined));
    const beat = () => queue(async () => {
      const list = left ? null : await dataProvider.lookingAt(commentId);
      if (list) merge(commentId, list);
    });
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    // After the goodbye, no heartbeat (even one already queued) says hello again.
    const leave = () => {
      left = true;
      clearInterval(timer);
      return queue(() => dataProvider.leftCard(commentId));
    };
    const offSignOut = onBeforeSignOut(leave);
    // Closing the tab: a request that outlives the page (no time to wait for anything).
    const onPageHide = () => void (left ? null : presenceCall(commentId, 'DELETE', true).catch(() => undefined));
    window.addEventListener('pagehide', onPageHide);
    return () => {
      offSignOut();
      window.removeEventListener('pagehide', onPageHide);
      if (!left) leave();
    };
  }, [commentId, dataProvider, merge]);
}
