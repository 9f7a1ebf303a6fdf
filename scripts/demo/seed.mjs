// Loads the demo thread through the real intake API (publisher upsert, then reader POSTs), so the worker triages
// every comment exactly as it would in production. Re-running is safe: each comment carries an Idempotency-Key.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The demo threads: Sift's own small sample, always (the README links its reader page), and the project's shared
 * seed thread when this checkout has a `shared/` folder beside it (a fresh clone does not).
 */
export function demoThreadFiles(root, { shared = true } = {}) {
  const files = [join(root, 'scripts/demo/sample-thread.json')];
  const sharedFile = join(root, '../shared/seed/thread.json');
  if (shared && existsSync(sharedFile)) files.push(sharedFile);
  return files;
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

async function seedThread({ base, publisherKey, root, file }) {
  const thread = JSON.parse(readFileSync(file, 'utf8'));
  const a = thread.article;
  await call(`${base}/api/articles/${encodeURIComponent(a.id)}`, {
    method: 'PUT',
    headers: { 'x-api-key': publisherKey },
    body: JSON.stringify({ title: a.title, subtitle: a.subtitle ?? null, body: a.body ?? null, url: a.url ?? null, author: a.author ?? null }),
  });
  const ids = new Map();
  for (const c of inThreadOrder(thread.comments)) {
    // The page printed some comments with a title only: that text is the comment's body, and it has no title (sent
    // as both, the dashboard and the reader page showed it twice).
    const titleOnly = !c.body?.trim();
    const body = titleOnly ? c.title : c.body;
    const res = await call(`${base}/api/articles/${encodeURIComponent(a.id)}/comments`, {
      method: 'POST',
      headers: { 'idempotency-key': `demo-${a.id}-${c.id}` },
      body: JSON.stringify({
        authorName: c.author,
        title: (!titleOnly && c.title) || undefined,
        body,
        parentId: c.inReplyTo ? ids.get(c.inReplyTo) : undefined,
      }),
    });
    ids.set(c.id, res.id);
  }
  return { id: a.id, title: a.title, comments: thread.comments.length, file: relative(root, file) };
}

/** Load every demo thread (demoThreadFiles); returns what was loaded, one entry per article. */
export async function seedDemo({ base, publisherKey, root, shared = true }) {
  const articles = [];
  for (const file of demoThreadFiles(root, { shared })) articles.push(await seedThread({ base, publisherKey, root, file }));
  return articles;
}

/** The start banner's account of what was loaded: each demo article with its reader page. */
export function describeDemo(base, articles) {
  const lines = [`Loaded ${articles.length} demo ${articles.length === 1 ? 'article' : 'articles'}:`];
  for (const a of articles) {
    lines.push(` "${a.title}": ${a.comments} comments from ${a.file}`);
    lines.push(`   reader page  ${base}/read/${encodeURIComponent(a.id)}`);
  }
  return lines.join('\n');
}

// `node scripts/demo/seed.mjs --base URL --publisher-key KEY [--no-shared]`: load the demo into a running API.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name) => process.argv[process.argv.indexOf(name) + 1];
  const base = process.argv.includes('--base') ? arg('--base') : 'http://127.0.0.1:3000';
  const publisherKey = process.argv.includes('--publisher-key') ? arg('--publisher-key') : 'demo-publisher-key';
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '../..');
  const articles = await seedDemo({ base, publisherKey, root, shared: !process.argv.includes('--no-shared') });
  console.log(describeDemo(base, articles));
}
