/** A small JSON client for setting up data through the API, the way a publisher and a moderator would. */
export interface JsonRequest {
  method?: string;
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  /** Statuses that count as success (default: any 2xx). */
  expect?: number[];
}

export async function requestJson<T>(baseUrl: string, path: string, req: JsonRequest = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...req.headers };
  if (req.body !== undefined) headers['Content-Type'] = 'application/json';
  if (req.token) headers.Authorization = `Bearer ${req.token}`;
  const res = await fetch(new URL(path, baseUrl), {
    method: req.method ?? 'GET',
    headers,
    body: req.body === undefined ? undefined : JSON.stringify(req.body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  const ok = req.expect ? req.expect.includes(res.status) : res.ok;
  if (!ok) throw new Error(`${req.method ?? 'GET'} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Thrown by a `waitFor` probe to stop waiting at once (say, the process it waits for has died). */
export class GiveUp extends Error {}

/**
 * Poll `probe` until it returns a value (not undefined), or fail after `timeoutMs` with `describe()`'s words.
 * Errors from the probe count as "not yet", except GiveUp.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  opts: { timeoutMs: number; intervalMs?: number; describe: () => string },
): Promise<T> {
  const deadline = Date.now() + opts.timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      if (err instanceof GiveUp) throw err;
      lastError = err;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${opts.timeoutMs} ms: ${opts.describe()}${cause}`);
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 250));
  }
}
