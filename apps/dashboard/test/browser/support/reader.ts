import type {
  ArticleRecord,
  CommentDetail,
  CreateCommentRequest,
  LoginResponse,
  ReaderIntakeResponse,
  UpsertArticleRequest,
} from '@sift/shared';
import type { Page } from 'playwright-core';
import { PUBLISHER_KEY } from '../global-setup';
import { requestJson, waitFor } from './http';
import type { Credentials } from './run-state';

/** Set-up for the reader specs, through the API as a publisher and a moderator would do it. */
export class ReaderFixture {
  private token = '';
  constructor(readonly baseUrl: string) {}

  async login(user: Credentials): Promise<void> {
    const res = await requestJson<LoginResponse>(this.baseUrl, '/api/auth/login', {
      method: 'POST',
      body: { email: user.email, password: user.password },
    });
    this.token = res.accessToken;
  }

  upsertArticle(externalId: string, article: UpsertArticleRequest): Promise<ArticleRecord> {
    return requestJson<ArticleRecord>(this.baseUrl, `/api/articles/${externalId}`, {
      method: 'PUT',
      headers: { 'X-Api-Key': PUBLISHER_KEY },
      body: article,
    });
  }

  post(externalId: string, comment: CreateCommentRequest): Promise<ReaderIntakeResponse> {
    return requestJson<ReaderIntakeResponse>(this.baseUrl, `/api/articles/${externalId}/comments`, { method: 'POST', body: comment, expect: [202] });
  }

  detail(id: string): Promise<CommentDetail> {
    return requestJson<CommentDetail>(this.baseUrl, `/api/moderation/comments/${id}`, { token: this.token });
  }

  /** Approve or hide as the moderator; retried on 409 (the worker may move the comment at the same moment). */
  async decide(id: string, action: 'approve' | 'hide', reason?: string): Promise<void> {
    await waitFor(
      async () => {
        const { version } = await this.detail(id);
        await requestJson(this.baseUrl, `/api/moderation/comments/${id}/decision`, {
          method: 'POST',
          token: this.token,
          body: { action, version, reason },
        });
        return true;
      },
      { timeoutMs: 15_000, describe: () => `the ${action} decision on ${id}` },
    );
  }

  /** The comment id a reader just posted through the page (newest with this body). */
  async idOf(externalId: string, body: string): Promise<string> {
    return waitFor(
      async () => {
        const list = await requestJson<Array<{ id: string; body: string; articleExternalId: string }>>(
          this.baseUrl,
          `/api/moderation/comments?filter=${encodeURIComponent(JSON.stringify({ q: body }))}`,
          { token: this.token },
        );
        return list.find((c) => c.body === body && c.articleExternalId === externalId)?.id;
      },
      { timeoutMs: 10_000, describe: () => `the comment "${body}" to be stored` },
    );
  }
}

/** Every request the page makes, to prove it talks to nobody but the API. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

/** The text of the comments a reader sees (approved ones, not the author's own held ones). */
export async function publishedBodies(page: Page): Promise<string[]> {
  return page.locator('article.comment:not(.own) > .comment-body').allTextContents();
}
