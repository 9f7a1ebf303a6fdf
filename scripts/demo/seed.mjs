// Loads the demo thread through the real intake API (publisher upsert, then reader POSTs), so the worker triages
// every comment exactly as it would in production. Re-running is safe: each comment carries an Idempotency-Key.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The seed thread shared with the project, when this checkout has it; else our own small sample. */
function loadThread(root) {
  const shared = join(root, '../shared/seed/thread.json');
  const file = existsSync(shared) ? shared : join(root, 'scripts/demo/sample-thread.json');
  return { thread: JSON.parse(readFileSync(file, 'utf8')), file };
}

/** Parents before replies, so a reply can name its parent's id. */
function inThreadOrder(comments) {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const out = [];
  const seen = new Set();
  const visit = (c) => {
    if (seen.has(c.id)) return;
    seen.add(c.id);
    if (c.inReplyTo && byId.has(c.inReplyTo)) visit(byId.get(c.inReplyTo));
    out.push(c);
  };
  comments.forEach(visit);
  return out;
}

async function call(url, init) {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${init.method} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

export async function seedDemo({ base, publisherKey, root }) {
  const { thread, file } = loadThread(root);
  const a = thread.article;
  await call(`${base}/api/articles/${encodeURIComponent(a.id)}`, {
    method: 'PUT',
    headers: { 'x-api-key': publisherKey },
    body: JSON.stringify({ title: a.title, subtitle: a.subtitle ?? null, body: a.body ?? null, url: a.url ?? null, author: a.author ?? null }),
  });
  const ids = new Map();
  for (const c of inThreadOrder(thread.comments)) {
    const body = c.body?.trim() ? c.body : c.title; // the page printed some comments with a title only
    const res = await call(`${base}/api/articles/${encodeURIComponent(a.id)}/comments`, {
      method: 'POST',
      headers: { 'idempotency-key': `demo-${a.id}-${c.id}` },
      body: JSON.stringify({
        authorName: c.author,
        title: c.title || undefined,
        body,
        parentId: c.inReplyTo ? ids.get(c.inReplyTo) : undefined,
      }),
    });
    ids.set(c.id, res.id);
  }
  return { articleId: a.id, message: `Loaded "${a.title}" with ${thread.comments.length} comments from ${relative(root, file)}.` };
}
