import type { CommentStatus, IntakeResponse, LoginResponse, ModerationCommentDetail } from '@sift/shared';
import { requestJson, waitFor } from './http';
import type { Credentials } from './run-state';

/** API helpers for the moderation specs: each spec creates its own article and comments. */
export async function tokenFor(baseUrl: string, user: Credentials): Promise<string> {
  const res = await requestJson<LoginResponse>(baseUrl, '/api/auth/login', { method: 'POST', body: { email: user.email, password: user.password } });
  return res.accessToken;
}

export async function createArticle(baseUrl: string, publisherKey: string, externalId: string, title: string, body: string): Promise<void> {
  await requestJson(baseUrl, `/api/articles/${externalId}`, {
    method: 'PUT',
    headers: { 'X-Api-Key': publisherKey },
    body: { title, body },
    expect: [200, 201],
  });
}

export async function postAndTriage(
  baseUrl: string,
  token: string,
  externalId: string,
  comment: { authorName: string; body: string },
  expected: CommentStatus,
): Promise<ModerationCommentDetail> {
  const { id } = await requestJson<IntakeResponse>(baseUrl, `/api/articles/${externalId}/comments`, { method: 'POST', body: comment, expect: [202] });
  let last = 'nothing';
  return waitFor(
    async () => {
      const d = await requestJson<ModerationCommentDetail>(baseUrl, `/api/moderation/comments/${id}`, { token });
      last = d.status;
      if (!d.events.some((e) => e.actorType === 'rule')) return undefined;
      if (d.status !== expected) throw new Error(`"${comment.body}" was triaged ${d.status}, expected ${expected}: ${JSON.stringify(d.flags.map((f) => f.ruleName))}`);
      return d;
    },
    { timeoutMs: 30_000, describe: () => `triage of "${comment.body}" (last: ${last})` },
  );
}

export const detailOf = (baseUrl: string, token: string, id: string) =>
  requestJson<ModerationCommentDetail>(baseUrl, `/api/moderation/comments/${id}`, { token });
