import type {
  ArticleRecord,
  CommentDetail,
  CommentStatus,
  CreateCommentRequest,
  DecisionRequest,
  IntakeResponse,
  LoginResponse,
  UpsertArticleRequest,
} from '@sift/shared';
import { requestJson, waitFor } from './http';
import type { Credentials, RunState, SeededComment } from './run-state';

/**
 * The queue the specs look at, created over HTTP: a publisher upserts two articles and posts reader comments,
 * the worker triages them (the seeded `links` rule flags the one with three links), and the admin hides one.
 */
const CYCLE_LANES: UpsertArticleRequest = {
  title: 'Council approves the Harbour Street cycle lanes',
  subtitle: 'Work starts in the spring after a year of consultation',
  body: 'The city council voted on Tuesday to build protected cycle lanes along Harbour Street.',
  url: 'https://news.example.com/local/harbour-street-cycle-lanes',
  author: 'Local desk',
};
const STADIUM: UpsertArticleRequest = {
  title: 'Opinion: the stadium deal is a mistake',
  body: 'An opinion piece; comments are held for a moderator.',
  author: 'Guest columnist',
  preModerate: true,
};

export async function seedQueue(
  baseUrl: string,
  publisherKey: string,
  admin: Credentials,
): Promise<RunState['comments']> {
  const publisher = { 'X-Api-Key': publisherKey };
  const upsert = (externalId: string, article: UpsertArticleRequest) =>
    requestJson<ArticleRecord>(baseUrl, `/api/articles/${externalId}`, { method: 'PUT', headers: publisher, body: article, expect: [201] });
  await upsert('harbour-street-cycle-lanes', CYCLE_LANES);
  await upsert('stadium-deal-opinion', STADIUM);

  const post = async (externalId: string, articleTitle: string, comment: CreateCommentRequest & { authorName: string }) => {
    const res = await requestJson<IntakeResponse>(baseUrl, `/api/articles/${externalId}/comments`, {
      method: 'POST',
      body: comment,
      expect: [202],
    });
    return { id: res.id, authorName: comment.authorName, body: comment.body, articleTitle };
  };
  const welcome = await post('harbour-street-cycle-lanes', CYCLE_LANES.title, {
    authorName: 'Maya Okafor',
    title: 'Long overdue',
    body: 'Long overdue. The new lanes on Harbour Street have made my daily commute far safer, and the school run too.',
  });
  const linkSpam = await post('harbour-street-cycle-lanes', CYCLE_LANES.title, {
    authorName: 'BikeDeals Outlet',
    body:
      'Agreed! Cheap bikes at https://cheap-bikes.example.com/deal and spare parts at http://parts.example.net/sale, ' +
      'more offers on www.example.org/win',
    parentId: welcome.id,
  });
  const oneLink = await post('harbour-street-cycle-lanes', CYCLE_LANES.title, {
    authorName: 'Tom Reyes',
    body: 'The consultation ignored delivery drivers. The minutes are at https://council.example.gov/minutes if anyone wants to check.',
  });
  const hiddenByAdmin = await post('harbour-street-cycle-lanes', CYCLE_LANES.title, {
    authorName: 'Angry Reader',
    body: 'Whoever designed this should be sacked. Useless, the lot of them.',
  });
  const held = await post('stadium-deal-opinion', STADIUM.title, {
    authorName: 'Priya Natarajan',
    body: 'The figures in this piece leave out the transport upgrades the club is paying for.',
  });

  const { accessToken } = await requestJson<LoginResponse>(baseUrl, '/api/auth/login', {
    method: 'POST',
    body: { email: admin.email, password: admin.password },
  });
  const detail = (id: string) => requestJson<CommentDetail>(baseUrl, `/api/moderation/comments/${id}`, { token: accessToken });

  // The worker has decided a comment once the audit trail has the rules' event (pre-moderated ones stay pending).
  const all = { welcome, linkSpam, oneLink, hiddenByAdmin, held };
  let lastSeen = 'nothing yet';
  await waitFor(
    async () => {
      const details = await Promise.all(Object.values(all).map((c) => detail(c.id)));
      lastSeen = details.map((d) => `${d.authorName}: ${d.status}`).join(', ');
      return details.every((d) => d.events.some((e) => e.actorType === 'rule')) ? details : undefined;
    },
    { timeoutMs: 60_000, describe: () => `the worker to triage the seeded comments (last seen: ${lastSeen})` },
  );

  const toHide = await detail(hiddenByAdmin.id);
  const decision: DecisionRequest = { action: 'hide', version: toHide.version, reason: 'Personal attack on council staff' };
  await requestJson<CommentDetail>(baseUrl, `/api/moderation/comments/${hiddenByAdmin.id}/decision`, {
    method: 'POST',
    token: accessToken,
    body: decision,
  });

  const settled = async (comment: Omit<SeededComment, 'status'>, expected: CommentStatus): Promise<SeededComment> => {
    const { status } = await detail(comment.id);
    if (status !== expected) {
      throw new Error(`seeded comment by ${comment.authorName} is ${status}, expected ${expected}: the API or worker changed behaviour`);
    }
    return { ...comment, status };
  };
  return {
    welcome: await settled(welcome, 'approved'),
    linkSpam: await settled(linkSpam, 'flagged'),
    oneLink: await settled(oneLink, 'approved'),
    hiddenByAdmin: await settled(hiddenByAdmin, 'hidden'),
    held: await settled(held, 'pending'),
  };
}
