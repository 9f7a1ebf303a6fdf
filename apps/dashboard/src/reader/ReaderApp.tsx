import type { MyComment, MyCommentState, PublicArticle, PublicThreadNode, ReaderIntakeResponse, ThreadOrder } from '@sift/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, readerApi } from './api';
import type { SignedInAuthor } from './author-token';
import { CommentForm } from './CommentForm';
import { OwnComments, Thread } from './Thread';
import { loadTokens, saveTokens } from './tokens';

interface Loaded {
  article: PublicArticle;
  comments: PublicThreadNode[];
  nextCursor: string | null;
  approvedCount: number;
  /** How many thread pages are on screen ("Show more comments"), so a refresh brings back as many. */
  pages: number;
}

/**
 * While one of the author's own comments is held, the page asks again: soon after posting (the worker decides most
 * comments within a second), then less and less often (a moderator may take hours), and every 60 s at most. The
 * backoff starts over when the author posts again or comes back to the tab; a hidden tab asks nothing.
 */
export const CHECK_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 15_000, 30_000, 60_000] as const;

/** The author was told "held"; once the comment is decided, the status line says so. */
const DECIDED_NOTICE: Record<Exclude<MyCommentState, 'held'>, string> = {
  published: 'Your comment is published: everyone can read it now.',
  not_published: 'Your comment was not published. The reason, if the moderator gave one, is shown with it.',
};

/** The reader page: the article's title, its approved comments (threaded), the post form and the author's own comments. */
export function ReaderApp({ articleId, embedded, author = null }: { articleId: string; embedded: boolean; author?: SignedInAuthor | null }) {
  const [order, setOrder] = useState<ThreadOrder>('newest');
  const [data, setData] = useState<Loaded | null>(null);
  const [mine, setMine] = useState<MyComment[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  /** Bumped when the author posts or returns to the tab: the checks of held comments start again from the first delay. */
  const [checkRound, setCheckRound] = useState(0);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const dataRef = useRef<Loaded | null>(null);
  dataRef.current = data;
  const mineRef = useRef<MyComment[]>([]);
  mineRef.current = mine;
  const justPosted = useRef<string | null>(null);

  const fetchMine = useCallback(async (): Promise<MyComment[] | null> => {
    const tokens = loadTokens(articleId);
    if (tokens.length === 0) return [];
    const found = await readerApi.mine(tokens).catch(() => null);
    if (!found) return null;
    saveTokens(articleId, found.map((c) => c.token)); // forget tokens whose comments no longer exist
    return found.filter((c) => c.articleExternalId === articleId);
  }, [articleId]);

  /** The first `pages` pages of the thread (one request for the usual one page). */
  const fetchThread = useCallback(
    async (pages: number): Promise<Omit<Loaded, 'article'>> => {
      let page = await readerApi.thread(articleId, order, null);
      const comments = [...page.comments];
      let loaded = 1;
      while (loaded < pages && page.nextCursor) {
        page = await readerApi.thread(articleId, order, page.nextCursor);
        comments.push(...page.comments);
        loaded += 1;
      }
      return { comments, nextCursor: page.nextCursor, approvedCount: page.approvedCount, pages: loaded };
    },
    [articleId, order],
  );

  // The article, its first page and the author's own comments: one request each, in parallel.
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [article, thread, own] = await Promise.all([readerApi.article(articleId), fetchThread(1), fetchMine()]);
        if (!live) return;
        document.title = `Comments: ${article.title}`;
        setData({ article, ...thread });
        if (own) setMine(own);
        setLoadError(null);
      } catch (err) {
        if (!live) return;
        setLoadError(
          err instanceof ApiError && err.status === 404
            ? 'This article has no comment section.'
            : err instanceof Error
              ? err.message
              : String(err),
        );
      }
    })();
    return () => {
      live = false;
    };
  }, [articleId, fetchThread, fetchMine]);

  /**
   * Ask about the author's own comments again; when one was published (or stopped being), the thread is fetched again
   * too, so the comment moves into it and into the count in the same render.
   */
  const refreshMine = useCallback(async () => {
    const own = await fetchMine();
    if (!own) return;
    const before = new Map(mineRef.current.map((c) => [c.id, c.state]));
    const publishedChanged = own.some((c) => (before.get(c.id) === 'published') !== (c.state === 'published'));
    const current = dataRef.current;
    if (publishedChanged && current) {
      const thread = await fetchThread(current.pages).catch(() => null);
      if (thread) setData({ ...current, ...thread });
    }
    setMine(own);
    const posted = own.find((c) => c.id === justPosted.current);
    if (posted && posted.state !== 'held') {
      justPosted.current = null;
      setNotice(DECIDED_NOTICE[posted.state]);
    }
  }, [fetchMine, fetchThread]);

  const anyHeld = mine.some((c) => c.state === 'held');
  useEffect(() => {
    if (!anyHeld) return;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const schedule = () => {
      timer = setTimeout(check, CHECK_DELAYS_MS[Math.min(attempt, CHECK_DELAYS_MS.length - 1)]);
      attempt += 1;
    };
    const check = async () => {
      if (!document.hidden) await refreshMine();
      if (!stopped) schedule();
    };
    schedule();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [anyHeld, checkRound, refreshMine]);

  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && setCheckRound((n) => n + 1);
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  async function loadMore() {
    if (!data?.nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await readerApi.thread(articleId, order, data.nextCursor);
      setData({ ...data, comments: [...data.comments, ...page.comments], nextCursor: page.nextCursor, pages: data.pages + 1 });
    } catch (err) {
      setNotice(err instanceof Error ? err.message : String(err));
    } finally {
      setLoadingMore(false);
    }
  }

  async function posted(res: ReaderIntakeResponse) {
    saveTokens(articleId, [...loadTokens(articleId), res.readerToken]);
    justPosted.current = res.id;
    setNotice('Thank you. Your comment is held for review: only you can see it until it is approved.');
    await refreshMine();
    setCheckRound((n) => n + 1);
    noticeRef.current?.focus();
  }

  // Own comments that readers do not see go under their parent when it is on the page, else at the top.
  const { ownByParent, ownTop, ownPublished } = useMemo(() => {
    const shown = new Set<string>();
    const walk = (ns: PublicThreadNode[]) => ns.forEach((n) => (shown.add(n.id), walk(n.replies)));
    walk(data?.comments ?? []);
    const byParent = new Map<string, MyComment[]>();
    const top: MyComment[] = [];
    for (const c of mine) {
      if (c.state === 'published') continue; // in the thread like any other (on this page or another)
      if (c.parentId && shown.has(c.parentId)) byParent.set(c.parentId, [...(byParent.get(c.parentId) ?? []), c]);
      else top.push(c);
    }
    return { ownByParent: byParent, ownTop: top, ownPublished: new Set(mine.filter((c) => c.state === 'published').map((c) => c.id)) };
  }, [data, mine]);

  useAutoHeight(embedded);

  if (loadError) {
    return (
      <main className="reader">
        <p className="load-error" role="alert">
          {loadError}
        </p>
      </main>
    );
  }
  if (!data) {
    return (
      <main className="reader" aria-busy="true">
        <p className="loading">Loading comments…</p>
      </main>
    );
  }
  const { article } = data;
  return (
    <main className={`reader${embedded ? ' embedded' : ''}`}>
      <header className="article-header">
        {embedded ? <p className="kicker">Comments on</p> : null}
        <h1>{article.title}</h1>
        {article.subtitle && <p className="subtitle">{article.subtitle}</p>}
      </header>
      <section aria-labelledby="comments-heading">
        <div className="thread-bar">
          <h2 id="comments-heading">
            {data.approvedCount} {data.approvedCount === 1 ? 'comment' : 'comments'}
          </h2>
          <label className="order">
            Sort{' '}
            <select value={order} onChange={(e) => setOrder(e.target.value as ThreadOrder)}>
              <option value="newest">Newest first</option>
              <option value="oldest">Oldest first</option>
            </select>
          </label>
        </div>
        {article.commentsOpen ? (
          <CommentForm articleId={articleId} author={author} onPosted={posted} />
        ) : (
          <p className="closed" role="note">
            Comments are closed on this article. You can still read the discussion.
          </p>
        )}
        <p className="notice" role="status" tabIndex={-1} ref={noticeRef}>
          {notice}
        </p>
        <OwnComments comments={ownTop} />
        {data.comments.length === 0 && ownTop.length === 0 ? <p className="empty">No comments yet.</p> : null}
        <Thread
          nodes={data.comments}
          ownByParent={ownByParent}
          ownPublished={ownPublished}
          articleId={articleId}
          commentsOpen={article.commentsOpen}
          onPosted={posted}
          author={author}
        />
        {data.nextCursor && (
          <button type="button" className="more" onClick={loadMore} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Show more comments'}
          </button>
        )}
      </section>
    </main>
  );
}

/** In the embed's iframe: tell the publisher's page (embed.js) how tall the thread is, whenever that changes. */
function useAutoHeight(embedded: boolean) {
  useEffect(() => {
    if (!embedded || window.parent === window) return;
    const send = () => window.parent.postMessage({ type: 'sift:height', height: document.documentElement.scrollHeight }, '*');
    const observer = new ResizeObserver(send);
    observer.observe(document.body);
    send();
    return () => observer.disconnect();
  }, [embedded]);
}
