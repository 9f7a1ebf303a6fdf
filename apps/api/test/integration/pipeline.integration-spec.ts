import { getQueueToken } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { CommentDetail, CommentRecord } from '@sift/shared';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QueueName } from '../../src/core/queue/queue.constants.js';
import { TriageService } from '../../src/triage/triage.service.js';
import {
  decisionCount,
  eventually,
  http,
  loginAs,
  postComment,
  putArticle,
  useStack,
  authorToken,
} from '../utils/harness.js';

// Real: the HTTP app, the worker application context consuming the real `triage` queue on Redis, Postgres.
// The path under test: POST over HTTP → row committed → BullMQ job → worker → rule engine → decision → status.
describe('comment → queue → worker → decision', () => {
  const { api, worker } = useStack({ worker: true });
  let moderator: Record<string, string>;

  beforeEach(async () => {
    await putArticle(api, 'budget-2026');
    moderator = await loginAs(api, 'moderator');
  });

  const statusOf = async (id: string) =>
    (await api.ds.query('SELECT status FROM comments WHERE id = $1', [id]))[0]?.status as string | undefined;
  const decided = (id: string) => eventually(async () => (await statusOf(id)) !== 'pending' && statusOf(id), 10000, `triage of ${id}`);

  it('a clean comment is approved by the worker (auto-approve on), with its audit trail', async () => {
    const { body } = await postComment(api, 'budget-2026', { body: 'The schools need this money.' });
    expect(await decided(body.id)).toBe('approved');
    const detail = await http<CommentDetail>(`${api.url}/api/moderation/comments/${body.id}`, 'GET', undefined, moderator);
    expect(detail.body.flags).toEqual([]);
    expect(detail.body.events.map((e) => [e.fromStatus, e.toStatus, e.actorType])).toEqual([
      [null, 'pending', 'system'],
      ['pending', 'approved', 'rule'],
    ]);
    expect(detail.body.decidedAt).not.toBeNull();
  });

  it('a comment with three links is flagged, with the rule, its version, score, threshold and the links as evidence', async () => {
    const text = 'Read https://a.example/1 and https://b.example/2 or www.c-example.com';
    const { body } = await postComment(api, 'budget-2026', { body: text });
    expect(await decided(body.id)).toBe('flagged');
    const detail = await http<CommentDetail>(`${api.url}/api/moderation/comments/${body.id}`, 'GET', undefined, moderator);
    // (the off-topic rule also flags it: a link-only post)
    const flag = detail.body.flags.find((f) => f.ruleType === 'links');
    if (!flag) throw new Error('no links flag');
    expect(flag).toMatchObject({ ruleType: 'links', ruleName: 'Too many links', ruleVersion: 1, outcome: 'hit', score: 3, threshold: 3 });
    expect(flag.evidence.spans?.map((s) => text.slice(s.start, s.end))).toEqual(['https://a.example/1', 'https://b.example/2', 'www.c-example.com']);
    expect(detail.body.priority).toBeGreaterThan(0);
  });

  it('a hide rule hides; a shadow rule records its hit but changes nothing', async () => {
    await api.ds.query(
      `INSERT INTO rules (name, type, config, action, mode) VALUES
        ('Spam words', 'keywords', '{"terms":["casino"]}', 'hide', 'live'),
        ('Trial words', 'keywords', '{"terms":["budget"]}', 'hide', 'shadow')`,
    );
    const spam = await postComment(api, 'budget-2026', { body: 'Best casino bonus here' });
    const normal = await postComment(api, 'budget-2026', { body: 'This budget is fine' });
    expect(await decided(spam.body.id)).toBe('hidden');
    expect(await decided(normal.body.id)).toBe('approved');
    const [shadow] = await api.ds.query(`SELECT mode, outcome FROM triage_flags WHERE comment_id = $1`, [normal.body.id]);
    expect(shadow).toEqual({ mode: 'shadow', outcome: 'hit' });
  });

  it('a rule that cannot run is recorded as an error outcome and the comment waits for a human', async () => {
    await api.ds.query(`INSERT INTO rules (name, type, config, action) VALUES ('Broken', 'keywords', '{"terms":[]}', 'flag')`);
    const { body } = await postComment(api, 'budget-2026', { body: 'The council was right to put the school budget first this year.' });
    await eventually(async () => (await decisionCount(api.ds, body.id)) === 1, 10000, 'decision');
    expect(await statusOf(body.id)).toBe('pending');
    const [flag] = await api.ds.query(`SELECT outcome, evidence FROM triage_flags WHERE comment_id = $1`, [body.id]);
    expect(flag.outcome).toBe('error');
    expect(flag.evidence.summary).toContain('invalid config');
  });

  it('with auto-approve off, a clean comment stays pending for a human', async () => {
    await api.ds.query(`UPDATE site_settings SET auto_approve = false`);
    const { body } = await postComment(api, 'budget-2026', { body: 'The council was right to put the school budget first this year.' });
    await eventually(async () => (await decisionCount(api.ds, body.id)) === 1, 10000, 'decision');
    expect(await statusOf(body.id)).toBe('pending');
  });

  it('a job that runs again (crash, retry, re-enqueue) leaves exactly one decision', async () => {
    const { body } = await postComment(api, 'budget-2026', { body: 'links https://a.example https://b.example https://c.example' });
    await decided(body.id);
    const triage = worker().get(TriageService);
    expect(await triage.triage(body.id)).toBe('already-decided');
    await Promise.all([triage.triage(body.id), triage.triage(body.id)]);
    const queue = worker().get<Queue>(getQueueToken(QueueName.Triage));
    await queue.add('triage-comment', { commentId: body.id }, { jobId: `${body.id}-again` });
    await eventually(async () => (await queue.getJobCounts('waiting', 'active')).waiting === 0, 5000, 'drain');
    expect(await decisionCount(api.ds, body.id)).toBe(1);
    const events = await api.ds.query(`SELECT count(*)::int AS n FROM moderation_events WHERE comment_id = $1 AND actor_type = 'rule'`, [body.id]);
    expect(events[0].n).toBe(1);
  });

  it("the rules' status change names its decision; a moderator who decided first is never overturned", async () => {
    const { body } = await postComment(api, 'budget-2026', { body: 'x https://a.example https://b.example https://c.example' });
    expect(await decided(body.id)).toBe('flagged');
    const [decision] = await api.ds.query(`SELECT id, applied FROM triage_decisions WHERE comment_id = $1`, [body.id]);
    const [ruleEvent] = await api.ds.query(`SELECT details FROM moderation_events WHERE comment_id = $1 AND actor_type = 'rule'`, [body.id]);
    expect(decision.applied).toBe(true);
    expect(ruleEvent.details).toEqual({ decisionId: decision.id });

    // A comment that reached a moderator before the worker (no job: written straight to the table), hidden by them.
    const [row] = await api.ds.query(
      `INSERT INTO comments (article_id, author_name, author_key, author_role, body, status)
       SELECT id, 'Reader', 'name:reader', 'reader', 'links https://a.example https://b.example https://c.example', 'pending'
         FROM articles WHERE external_id = 'budget-2026' RETURNING id, version`,
    );
    const hid = await http(`${api.url}/api/moderation/comments/${row.id}/decision`, 'POST', { action: 'hide', version: row.version }, moderator);
    expect(hid.status).toBe(200);
    expect(await worker().get(TriageService).triage(row.id)).toBe('decided');
    const [late] = await api.ds.query(`SELECT outcome_status, applied FROM triage_decisions WHERE comment_id = $1`, [row.id]);
    expect(late).toEqual({ outcome_status: 'flagged', applied: false });
    expect(await statusOf(row.id)).toBe('hidden');
    const events = await api.ds.query(`SELECT to_status, actor_type FROM moderation_events WHERE comment_id = $1 ORDER BY created_at`, [row.id]);
    expect(events).toEqual([{ to_status: 'hidden', actor_type: 'user' }]);
  });

  it('concurrent triage of one fresh comment records one decision and one status change', async () => {
    const { body } = await postComment(api, 'budget-2026', { body: 'The council vote on the budget was close.' });
    const triage = worker().get(TriageService);
    await Promise.all([triage.triage(body.id), triage.triage(body.id), triage.triage(body.id)]);
    await decided(body.id);
    expect(await decisionCount(api.ds, body.id)).toBe(1);
  });

  describe('moderation API', () => {
    it('lists in react-admin shape with Content-Range, filtered by status, sorted by priority', async () => {
      const a = await postComment(api, 'budget-2026', { body: 'The council should spend more of the budget on the roads.' });
      const b = await postComment(api, 'budget-2026', { body: 'x https://a.example https://b.example https://c.example' });
      await decided(a.body.id);
      await decided(b.body.id);
      const all = await http<CommentRecord[]>(`${api.url}/api/moderation/comments?range=[0,9]&sort=["priority","DESC"]`, 'GET', undefined, moderator);
      expect(all.status).toBe(200);
      expect(all.headers.get('content-range')).toBe('comments 0-1/2');
      expect(all.body.map((c) => c.id)).toEqual([b.body.id, a.body.id]);
      expect(all.body[0]).toMatchObject({ articleExternalId: 'budget-2026', articleTitle: 'City council passes budget', status: 'flagged' });
      const flagged = await http<CommentRecord[]>(
        `${api.url}/api/moderation/comments?filter=${encodeURIComponent('{"status":"flagged"}')}`, 'GET', undefined, moderator);
      expect(flagged.body.map((c) => c.id)).toEqual([b.body.id]);
      const many = await http<CommentRecord[]>(
        `${api.url}/api/moderation/comments?filter=${encodeURIComponent(JSON.stringify({ id: [a.body.id] }))}&sort=["id","ASC"]`, 'GET', undefined, moderator);
      expect(many.body.map((c) => c.id)).toEqual([a.body.id]);
      const byArticle = await http<CommentRecord[]>(
        `${api.url}/api/moderation/comments?filter=${encodeURIComponent('{"articleExternalId":"budget-2026"}')}`, 'GET', undefined, moderator);
      expect(byArticle.body).toHaveLength(2);
      const page2 = await http<CommentRecord[]>(`${api.url}/api/moderation/comments?range=[1,1]`, 'GET', undefined, moderator);
      expect(page2.headers.get('content-range')).toBe('comments 1-1/2');
      expect(page2.body).toHaveLength(1);
    });

    it.each([
      ['range=[5,1]', 'range'],
      ['range=oops', 'range'],
      ['sort=["password","ASC"]', 'sort'],
      ['filter={"status":"deleted"}', 'filter.status'],
      ['filter={"nope":1}', 'filter.nope'],
    ])('400 for bad list parameters: %s', async (qs, field) => {
      const res = await http<{ message: string }>(`${api.url}/api/moderation/comments?${qs}`, 'GET', undefined, moderator);
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(field);
    });

    it('approve / hide move the status once; a stale version gets 409 naming who decided', async () => {
      const { body } = await postComment(api, 'budget-2026', { body: 'x https://a.example https://b.example https://c.example' });
      await decided(body.id);
      const seen = await http<CommentDetail>(`${api.url}/api/moderation/comments/${body.id}`, 'GET', undefined, moderator);
      const colleague = await loginAs(api, 'moderator', 'colleague@test.local');

      const hide = await http<CommentDetail>(`${api.url}/api/moderation/comments/${body.id}/decision`, 'POST',
        { action: 'hide', version: seen.body.version, reason: 'spam' }, colleague);
      expect(hide.status).toBe(200);
      expect(hide.body.status).toBe('hidden');
      expect(hide.body.events.at(-1)).toMatchObject({ fromStatus: 'flagged', toStatus: 'hidden', actorType: 'user', actorName: 'moderator user', reason: 'spam' });

      const stale = await http<{ message: string }>(`${api.url}/api/moderation/comments/${body.id}/decision`, 'POST',
        { action: 'approve', version: seen.body.version }, moderator);
      expect(stale.status).toBe(409);
      expect(stale.body.message).toContain('moderator user');
      expect(stale.body.message).toContain('hidden');
      expect(await statusOf(body.id)).toBe('hidden');
    });

    it('404 for an unknown comment, 400 for a bad id or action', async () => {
      const missing = await http(`${api.url}/api/moderation/comments/00000000-0000-4000-8000-000000000000/decision`, 'POST', { action: 'approve', version: 1 }, moderator);
      expect(missing.status).toBe(404);
      expect((await http(`${api.url}/api/moderation/comments/not-a-uuid`, 'GET', undefined, moderator)).status).toBe(400);
      const { body } = await postComment(api, 'budget-2026', { body: 'x' });
      const bad = await http<{ message: string }>(`${api.url}/api/moderation/comments/${body.id}/decision`, 'POST', { action: 'delete', version: 1 }, moderator);
      expect(bad.status).toBe(400);
      expect(bad.body.message).toContain('action');
    });
  });
});

// Real, as above. The history rules read the author's earlier comments, which the worker loads from Postgres.
describe('rules that read the author (through the worker)', () => {
  const { api, worker } = useStack({ worker: true });
  beforeEach(async () => {
    await putArticle(api, 'budget-2026');
  });
  const decidedStatus = (id: string) =>
    eventually(async () => {
      const [row] = await api.ds.query(`SELECT c.status FROM comments c JOIN triage_decisions d ON d.comment_id = c.id WHERE c.id = $1`, [id]);
      return row?.status as string | undefined;
    }, 10000, `decision on ${id}`);
  const rulesHit = async (id: string) =>
    (await api.ds.query(`SELECT rule_type FROM triage_flags WHERE comment_id = $1 AND outcome = 'hit' ORDER BY rule_type`, [id])).map(
      (r: { rule_type: string }) => r.rule_type,
    );

  it('flood: from one author, the 5th comment within seconds is hidden (the burst default), and the 11th within a minute', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await postComment(api, 'budget-2026', { authorToken: authorToken('flooder'), body: `The budget for schools, point number ${i} of ${1000 + i * 7919}` });
      ids.push(r.body.id);
      await decidedStatus(r.body.id);
    }
    expect(await rulesHit(ids[3])).not.toContain('flood');
    expect(await decidedStatus(ids[4])).toBe('hidden');
    expect(await rulesHit(ids[4])).toContain('flood');
    expect(await decidedStatus(ids[10])).toBe('hidden');
    expect(await rulesHit(ids[10])).toContain('flood');
  });

  it('repeat: the same text again from the same author is flagged, naming the first', async () => {
    const text = 'The council should publish the full budget for the schools before any vote.';
    const first = await postComment(api, 'budget-2026', { authorToken: authorToken('repeater'), body: text });
    await decidedStatus(first.body.id);
    const again = await postComment(api, 'budget-2026', { authorToken: authorToken('repeater'), body: text.toUpperCase().replace('.', '!!') });
    expect(await decidedStatus(again.body.id)).toBe('flagged');
    const [flag] = await api.ds.query(`SELECT evidence FROM triage_flags WHERE comment_id = $1 AND rule_type = 'repeat'`, [again.body.id]);
    expect(flag.evidence.earlierCommentIds).toEqual([first.body.id]);
    const other = await postComment(api, 'budget-2026', { authorToken: authorToken('someone-else'), body: text });
    expect(await rulesHit(other.body.id).then(async (r) => (await decidedStatus(other.body.id), r))).not.toContain('repeat');
  });

  it('author lists: blocked authors are hidden; trusted ones skip pre-moderation', async () => {
    await api.ds.query(`INSERT INTO authors (key, display_name, status) VALUES ('id:test:troll', 'Troll', 'blocked'), ('id:test:regular', 'Regular', 'trusted')`);
    await putArticle(api, 'held', { preModerate: true });
    const blocked = await postComment(api, 'budget-2026', { authorToken: authorToken('troll'), body: 'The school budget looks fine to me.' });
    const trusted = await postComment(api, 'held', { authorToken: authorToken('regular'), body: 'The council voted on the new budget for schools and roads.' });
    const stranger = await postComment(api, 'held', { authorToken: authorToken('new'), body: 'The council voted on the new budget for schools and roads.' });
    expect(await decidedStatus(blocked.body.id)).toBe('hidden');
    expect(await rulesHit(blocked.body.id)).toContain('author');
    expect(await decidedStatus(trusted.body.id)).toBe('approved');
    expect(await decidedStatus(stranger.body.id)).toBe('pending');
  });

  it('started API and worker hold warmed connections (a fixed-size pool), and the warm-up wrote nothing', async () => {
    type PgPool = { totalCount: number; options: { max: number; min: number } };
    const pool = (ds: DataSource) => (ds.driver as unknown as { master: PgPool }).master;
    // The API warmed its whole pool at start, and keeps it: idle connections are not closed (min = max).
    expect(pool(api.ds).totalCount).toBe(pool(api.ds).options.max);
    expect(pool(api.ds).options.min).toBe(pool(api.ds).options.max);
    // The worker prepares its context read and decision statement on a connection per job it runs at once, and
    // warns when Postgres will not vacuum (this machine's CI Postgres runs with autovacuum off).
    const warn = jest.spyOn(Logger.prototype, 'warn');
    await worker().get(TriageService).warmUp(4);
    const [{ on }] = await api.ds.query(`SELECT current_setting('autovacuum') = 'on' AS on`);
    expect(warn.mock.calls.filter(([m]) => String(m).includes('autovacuum off'))).toHaveLength(on ? 0 : 1);
    expect(warn.mock.calls.filter(([m]) => String(m).includes('TRIAGE_CONCURRENCY'))).toHaveLength(0);
    // More jobs at once than the pool has connections: said at start.
    const max = pool(worker().get(DataSource)).options.max;
    await worker().get(TriageService).warmUp(max + 2);
    expect(warn.mock.calls.filter(([m]) => String(m).includes(`TRIAGE_CONCURRENCY (${max + 2}) is above DATABASE_POOL_SIZE (${max})`))).toHaveLength(1);
    warn.mockRestore();
    expect(pool(worker().get(DataSource)).totalCount).toBeGreaterThanOrEqual(4);
    // The decision statement ran for a comment that does not exist: no decision, no event, no error.
    const [counts] = await api.ds.query(
      `SELECT (SELECT count(*) FROM triage_decisions)::int AS decisions, (SELECT count(*) FROM moderation_events)::int AS events,
              (SELECT count(*) FROM comments)::int AS comments`,
    );
    expect(counts).toEqual({ decisions: 0, events: 0, comments: 0 });
  });
});
