/**
 * The embed: `<script src="https://sift.example/embed.js" data-article="ARTICLE-ID" async></script>` on a
 * publisher's page puts the article's reader page in an iframe right after the tag (or inside the element that
 * `data-target` selects) and keeps the iframe as tall as the thread (the page posts its height). Plain script, no
 * imports: it is served as a classic script at a stable URL. It reads nothing of the publisher's page and sets no
 * cookies; the iframe is same-origin with the API, so the publisher's page needs no CORS at all.
 * A signed-in reader: `data-author-token="<JWT the publisher signed>"` (docs/reader.md) goes to the iframe in the
 * URL's fragment, which no server, log or referrer sees; the reader page takes it out of its address at once.
 */
(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script) return;
  const articleId = script.dataset.article ?? '';
  if (!/^[A-Za-z0-9._:~-]{1,200}$/.test(articleId)) {
    // eslint-disable-next-line no-console
    console.error('Sift embed: set data-article to the article id (letters, digits and . _ : ~ -)');
    return;
  }
  const src = new URL(script.src, document.baseURI);
  const frame = document.createElement('iframe');
  const frameUrl = new URL(`read/${encodeURIComponent(articleId)}?embed=1`, src);
  const token = script.dataset.authorToken?.trim();
  if (token && /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token)) frameUrl.hash = `author-token=${token}`;
  // eslint-disable-next-line no-console
  else if (token) console.error('Sift embed: data-author-token is not a signed token (header.payload.signature); posting as a guest');
  frame.src = frameUrl.toString();
  frame.title = script.dataset.title ?? 'Reader comments';
  frame.className = 'sift-comments';
  frame.setAttribute('referrerpolicy', 'no-referrer');
  frame.style.cssText = 'display:block;width:100%;min-height:200px;height:480px;border:0;color-scheme:light;';

  const target = script.dataset.target ? document.querySelector(script.dataset.target) : null;
  if (target) target.appendChild(frame);
  else script.insertAdjacentElement('afterend', frame);

  window.addEventListener('message', (e: MessageEvent) => {
    if (e.origin !== src.origin || e.source !== frame.contentWindow) return;
    const data = e.data as { type?: unknown; height?: unknown } | null;
    if (data?.type === 'sift:height' && typeof data.height === 'number' && Number.isFinite(data.height)) {
      frame.style.height = `${Math.min(Math.max(Math.ceil(data.height), 200), 100_000)}px`;
    }
  });
})();
export {};
