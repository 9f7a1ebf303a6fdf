/**
 * A signed-in reader (docs/reader.md, "Signed-in readers"): the publisher's page hands the reader page a token it
 * signed — through the embed's `data-author-token`, which puts it in the iframe URL's fragment (`#author-token=…`:
 * never sent to a server, logged or passed on as a referrer), or the same fragment on a link to /read/<id>. The
 * page takes it out of the address bar at once, keeps it in memory only, and sends it with each comment; the API
 * verifies it. The name shown is the token's `name` claim (read here for display only; the API checks the signature).
 */
export interface SignedInAuthor {
  token: string;
  name: string;
}

const JWT = /^[A-Za-z0-9_-]+\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+$/;

export function takeAuthorToken(loc: Location = window.location, history: History = window.history): SignedInAuthor | null {
  const params = new URLSearchParams(loc.hash.replace(/^#/, ''));
  const token = params.get('author-token');
  if (token === null) return null;
  params.delete('author-token');
  const rest = params.toString();
  history.replaceState(history.state, '', `${loc.pathname}${loc.search}${rest ? `#${rest}` : ''}`);
  const m = JWT.exec(token);
  if (!m) return null;
  try {
    const json = atob((m[1] as string).replace(/-/g, '+').replace(/_/g, '/'));
    const payload = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as { name?: unknown };
    return typeof payload.name === 'string' && payload.name.trim() ? { token, name: payload.name.trim() } : null;
  } catch {
    return null;
  }
}
