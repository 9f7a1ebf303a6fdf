import type { LiveEvent, QueueCounts } from '@sift/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { useDataProvider, useIsAuthPending } from 'react-admin';
import { getAccessToken } from './authProvider';
import type { SiftDataProvider } from './dataProvider';

type Listener = (event: LiveEvent) => void;

interface LiveContextValue {
  connected: boolean;
  subscribe(listener: Listener): () => void;
}

const LiveContext = createContext<LiveContextValue>({ connected: false, subscribe: () => () => undefined });

export const COUNTS_KEY = ['sift', 'queueCounts'];
const RETRY_MS = 3000;
const COUNTS_DEBOUNCE_MS = 400;

/**
 * The stream token of this sign-in, asked for once: the layout mounting again (and React's StrictMode running
 * effects twice in development) reuses it. A reconnect after an error asks for a fresh one (a token is checked when
 * the stream opens and lives one minute).
 */
let cached: { session: string | null; at: number; token: Promise<{ token: string }> } | null = null;
const TOKEN_REUSE_MS = 30_000;
function streamToken(dataProvider: SiftDataProvider, fresh: boolean): Promise<{ token: string }> {
  const session = getAccessToken();
  if (fresh || !cached || cached.session !== session || Date.now() - cached.at > TOKEN_REUSE_MS) {
    const token = dataProvider.streamToken();
    cached = { session, at: Date.now(), token };
    token.catch(() => (cached = null));
  }
  return cached.token;
}

/**
 * One server-sent-events connection per open dashboard. EventSource cannot send an Authorization header, so each
 * (re)connect first asks the API for a one-minute stream token. Live events refresh the queue counts (debounced)
 * and are handed to subscribers (the queue list counts "N new comments" instead of reloading under the cursor).
 */
export const LiveProvider = ({ children }: { children: ReactNode }) => {
  const dataProvider = useDataProvider<SiftDataProvider>();
  const queryClient = useQueryClient();
  const listeners = useRef(new Set<Listener>());
  const [connected, setConnected] = useState(false);
  const [value] = useState<LiveContextValue>(() => ({
    connected: false,
    subscribe(listener) {
      listeners.current.add(listener);
      return () => listeners.current.delete(listener);
    },
  }));

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let countsTimer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let reconnect = false;
    const connect = async () => {
      try {
        const { token } = await streamToken(dataProvider, reconnect);
        reconnect = true;
        if (stopped) return;
        source = new EventSource(`/api/moderation/stream?token=${encodeURIComponent(token)}`);
        source.onopen = () => setConnected(true);
        source.onmessage = (msg) => {
          const parsed = JSON.parse(msg.data as string) as LiveEvent | { type: 'ready' } | { type: 'ping' };
          if (!('id' in parsed)) return; // ready / ping
          const event = parsed;
          if (event.type !== 'presence') {
            // Someone opening a card changes no count.
            clearTimeout(countsTimer);
            countsTimer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: COUNTS_KEY }), COUNTS_DEBOUNCE_MS);
          }
          listeners.current.forEach((l) => l(event));
        };
        source.onerror = () => {
          // The token is checked only when the stream opens: reconnect with a fresh one.
          source?.close();
          setConnected(false);
          if (!stopped) retry = setTimeout(() => void connect(), RETRY_MS);
        };
      } catch {
        if (!stopped) retry = setTimeout(() => void connect(), RETRY_MS * 3);
      }
    };
    void connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      clearTimeout(countsTimer);
      source?.close();
    };
  }, [dataProvider, queryClient]);

  return <LiveContext.Provider value={{ ...value, connected }}>{children}</LiveContext.Provider>;
};

/** Calls `listener` for every live event while mounted. */
export function useLiveEvents(listener: Listener): void {
  const { subscribe } = useContext(LiveContext);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => subscribe((e) => latest.current(e)), [subscribe]);
}

export const useLiveConnected = () => useContext(LiveContext).connected;

/** Comments per queue, kept fresh by live events (and after the moderator's own decisions). */
export function useQueueCounts(): QueueCounts | undefined {
  const dataProvider = useDataProvider<SiftDataProvider>();
  const authPending = useIsAuthPending({ action: 'list', resource: 'comments' });
  return useQuery({ queryKey: COUNTS_KEY, queryFn: () => dataProvider.counts(), enabled: !authPending, refetchInterval: 60_000 }).data;
}
