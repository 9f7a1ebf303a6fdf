import type { StreamTokenResponse } from '@sift/shared';
import { type Api, eventually, http } from './harness.js';

/** Reads an SSE response body and collects its `data:` messages (parsed JSON). */
export function readStream(res: Response): { messages: Array<Record<string, unknown>>; stop: () => Promise<void> } {
  const messages: Array<Record<string, unknown>> = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
        if (data) messages.push(JSON.parse(data));
      }
    }
  })();
  return { messages, stop: async () => { await reader.cancel().catch(() => undefined); await pump; } };
}

/** Opens `GET /api/moderation/stream` on `api` as the staff member of `headers` and waits for its `ready` message. */
export async function openStream(api: Api, headers: Record<string, string>): Promise<ReturnType<typeof readStream>> {
  const { body } = await http<StreamTokenResponse>(`${api.url}/api/moderation/stream-token`, 'POST', undefined, headers);
  const res = await fetch(`${api.url}/api/moderation/stream?token=${encodeURIComponent(body.token)}`);
  if (res.status !== 200 || !res.headers.get('content-type')?.includes('text/event-stream')) throw new Error(`stream: ${res.status}`);
  const stream = readStream(res);
  await eventually(async () => stream.messages.some((m) => m.type === 'ready'), 5000, 'the stream to open');
  return stream;
}
