import type {
  ApiErrorBody,
  CreateCommentRequest,
  MyComment,
  MyCommentsResponse,
  PublicArticle,
  PublicThreadPage,
  ReaderIntakeResponse,
  ReportRequest,
  ReportResponse,
  ThreadOrder,
} from '@sift/shared';

/**
 * The reader page's only contact with the world: the Sift API on its own origin (the page is served by the API at
 * /read/:externalId with `<base href="../">`, so relative URLs resolve from the app root). No other requests.
 */
const apiUrl = (path: string) => new URL(path, document.baseURI).toString();

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

/**
 * Reads in flight, by method, path and body: a second identical read while the first is on its way gets the same
 * answer instead of a second request (React's StrictMode runs a page's effects twice in development builds).
 */
const inFlight = new Map<string, Promise<unknown>>();
function read<T>(path: string, init: RequestInit = {}): Promise<T> {
  const key = `${init.method ?? 'GET'} ${path} ${typeof init.body === 'string' ? init.body : ''}`;
  const pending = inFlight.get(key) as Promise<T> | undefined;
  if (pending) return pending;
  const p = request<T>(path, init).finally(() => inFlight.delete(key));
  inFlight.set(key, p);
  return p;
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    // no-cache: always revalidate (a cheap 304 while nothing changed), so the author sees decisions at once.
    res = await fetch(apiUrl(path), { cache: 'no-cache', credentials: 'omit', ...init });
  } catch {
    throw new ApiError(0, 'The comments service cannot be reached. Check your connection and try again.');
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const err = body as Partial<ApiErrorBody> | null;
    const message = Array.isArray(err?.message) ? err.message.join('; ') : err?.message;
    throw new ApiError(res.status, message || `The comments service answered ${res.status}.`, err?.fields ?? {});
  }
  return body as T;
}

/** The article id: `/read/<id>` (served by the API), or `?article=<id>` (Vite's dev server at /reader.html). */
export function articleIdFromLocation(loc: Location = window.location): string | null {
  const fromQuery = new URLSearchParams(loc.search).get('article');
  const m = /\/read\/([^/?#]+)\/?$/.exec(loc.pathname);
  const raw = fromQuery ?? (m ? decodeURIComponent(m[1] as string) : null);
  return raw && /^[A-Za-z0-9._:~-]{1,200}$/.test(raw) ? raw : null;
}

const enc = encodeURIComponent;

export const readerApi = {
  article: (id: string) => read<PublicArticle>(`api/public/articles/${enc(id)}`),
  thread: (id: string, order: ThreadOrder, cursor: string | null) =>
    read<PublicThreadPage>(`api/public/articles/${enc(id)}/comments?order=${order}${cursor ? `&cursor=${enc(cursor)}` : ''}`),
  mine: async (tokens: string[]): Promise<MyComment[]> =>
    tokens.length === 0
      ? []
      : (
          await read<MyCommentsResponse>('api/public/comments/mine', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ tokens }),
          })
        ).comments,
  report: (commentId: string, report: ReportRequest) =>
    request<ReportResponse>(`api/public/comments/${enc(commentId)}/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(report),
    }),
  post: (id: string, comment: CreateCommentRequest, idempotencyKey: string) =>
    request<ReaderIntakeResponse>(`api/articles/${enc(id)}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
      body: JSON.stringify(comment),
    }),
};
