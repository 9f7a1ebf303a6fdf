import type { MyComment, PublicArticle, PublicThreadNode, ReaderIntakeResponse, ThreadOrder } from '@sift/shared';
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
}

/** The reader page: the article's title, its approved comments (threaded), the post form and the author's own comments. */
export function ReaderApp({ articleId, embedded, author = null }: { articleId: string; embedded: boolean; author?: SignedInAuthor | null }) {
  const [order, setOrder] = useState<ThreadOrder>('newest');
  const [data, setData] = useState<Loaded | null>(null);
  const [mine, setMine] = useState<MyComment[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  const refreshMine = useCallback(async () => {
    const tokens = loadTokens(articleId);
    if (tokens.length === 0) return setMine([]);
    const found = await readerApi.mine(tokens).catch(() => null);
    if (!found) return;
    saveTokens(articleId, found.map((c) => c.token)); // forget tokens whose comments no longer exist
    setMine(found.filter((c) => c.articleExternalId === articleId));
  }, [articleId]);

  const load = useCallback(async () => {
    try {
      const [article, page] = await Promise.all([readerApi.article(articleId), readerApi.thread(articleId, order, null)]);
      document.title = `Comments: ${article.title}`;
      setData({ article, comments: page.comments, nextCursor: page.nextCursor, approvedCount: page.approvedCount });
      setLoadError(null);
    } catch (err) {
      setLoadError(
        err instanceof ApiError && err.status === 404
          ? 'This article has no comment section.'
          : err instanceof Error
            ? err.message
            : String(err),
      );
    }
    await refreshMine();
  }, [articleId, order, refreshMine]);

  useEffect(() => {
    void load();
  }, [load]);

  async function loadMore() {
    if (!data?.nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await readerApi.thread(articleId, order, data.nextCursor);
      setData({ ...data, comments: [...data.comments, ...page.comments], nextCursor: page.nextCursor });
    } catch (err) {
      setNotice(err instanceof Error ? err.message : String(err));
    } finally {
      setLoadingMore(false);
    }
  }

  async function posted(res: ReaderIntakeResponse) {
    saveTokens(articleId, [...loadTokens(articleId), res.readerToken]);
    setNotice('Thank you. Your comment is held for review: only you can see it until a moderator approves it.');
    await refreshMine();
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
