import type { BacktestRecord, RetriageRecord, RuleAdminRecord, RuleQuality, RuleTestResponse, RuleVersionRecord, RuleTypeInfo } from '@sift/shared';
import { BacktestService } from '../../src/rules/backtest.service.js';
import { eventually, http, loginAs, postComment, putArticle, useStack } from '../utils/harness.js';

// Real: the HTTP app, the worker consuming the real maintenance queue (backtests, re-triage), Postgres, Redis.
describe('rules admin', () => {
  const { api, worker } = useStack({ worker: true });
  let admin: Record<string, string>;
  let mod: Record<string, string>;

  beforeEach(async () => {
    admin = await loginAs(api, 'admin');
    mod = await loginAs(api, 'moderator');
  });

  const ruleOf = async (type: string): Promise<RuleAdminRecord> =>
    (await http<RuleAdminRecord[]>(`${api.url}/api/rules`, 'GET', undefined, admin)).body.find((r) => r.type === type)!;
  const create = async (body: Record<string, unknown>) => {
    const res = await http<RuleAdminRecord>(`${api.url}/api/rules`, 'POST', { action: 'flag', ...body }, admin);
    expect(res.status).toBe(201);
    return res.body;
  };
  const counts = async (id: string) =>
    (await api.ds.query(`SELECT (SELECT version FROM rules WHERE id = $1) AS version, (SELECT count(*)::int FROM rule_versions WHERE rule_id = $1) AS versions`, [id]))[0];

  it('an invalid config answers 400 with field errors and creates no version; a valid save is a new version with a diff', async () => {
    const insult = await ruleOf('insult');
    const before = await counts(insult.id);
    const bad = await http<{ fields: Record<string, string[]> }>(`${api.url}/api/rules/${insult.id}`, 'PUT', { config: { threshold: 7, extraTerms: [{ term: 'x' }] } }, admin);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['config.extraTerms.0.term', 'config.threshold']);
    const badCreate = await http<{ fields: Record<string, string[]> }>(`${api.url}/api/rules`, 'POST', { name: 'k', type: 'keywords', action: 'flag', config: { patterns: ['('] } }, admin);
    expect(badCreate.status).toBe(400);
    expect(Object.keys(badCreate.body.fields)).toEqual(['config.patterns.0']);
    expect(await counts(insult.id)).toEqual(before);
    expect((await api.ds.query(`SELECT count(*)::int AS n FROM rules WHERE name = 'k'`))[0].n).toBe(0);

    const ok = await http<RuleAdminRecord>(`${api.url}/api/rules/${insult.id}`, 'PUT', { config: { ...insult.config, threshold: 0.3 }, version: insult.version }, admin);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: insult.version + 1, config: { threshold: 0.3 } });
    // A save on top of a version someone else replaced is a 409.
    expect((await http(`${api.url}/api/rules/${insult.id}`, 'PUT', { severity: 3, version: insult.version }, admin)).status).toBe(409);

    const versions = (await http<RuleVersionRecord[]>(`${api.url}/api/rules/${insult.id}/versions`, 'GET', undefined, admin)).body;
    expect(versions[0]).toMatchObject({
      version: insult.version + 1,
      createdBy: { name: 'admin user' },
      changes: [{ path: 'config.threshold', kind: 'changed', before: 0.4, after: 0.3 }],
    });

    const back = await http<RuleAdminRecord>(`${api.url}/api/rules/${insult.id}/rollback`, 'POST', { version: insult.version }, admin);
    expect(back.body).toMatchObject({ version: insult.version + 2, config: { threshold: 0.4 } });
    const after = (await http<RuleVersionRecord[]>(`${api.url}/api/rules/${insult.id}/versions`, 'GET', undefined, admin)).body;
    expect(after[0]).toMatchObject({ note: `rolled back to v${insult.version}`, changes: [{ path: 'config.threshold', before: 0.3, after: 0.4 }] });
  });

  it('types come with a JSON Schema per type; moderators read rules but cannot change, test or backtest them', async () => {
    const types = (await http<RuleTypeInfo[]>(`${api.url}/api/rules/types`, 'GET', undefined, mod)).body;
    expect(types.find((t) => t.type === 'insult')?.schema).toMatchObject({ type: 'object', properties: { threshold: { type: 'number', maximum: 1 } } });
    const links = await ruleOf('links');
    expect((await http(`${api.url}/api/rules`, 'GET', undefined, mod)).status).toBe(200);
    expect((await http(`${api.url}/api/rules/${links.id}`, 'PUT', { severity: 2 }, mod)).status).toBe(403);
    expect((await http(`${api.url}/api/rules/test`, 'POST', { comment: { body: 'hi' } }, mod)).status).toBe(403);
    expect((await http(`${api.url}/api/rules/${links.id}/backtests`, 'POST', {}, mod)).status).toBe(403);
    expect((await http(`${api.url}/api/rules/${links.id}`, 'DELETE', undefined, mod)).status).toBe(403);
    expect((await counts(links.id)).version).toBe(links.version);
  });

  it('the tester runs a draft with the same engine: verdict, score, threshold, evidence spans; field errors for a bad draft', async () => {
    const draft = { type: 'keywords', config: { terms: ['zebra crossing'] }, action: 'hide' };
    const res = await http<RuleTestResponse>(`${api.url}/api/rules/test`, 'POST', { comment: { body: 'Fix the zebra crossing on Elm Street.' }, rules: [draft] }, admin);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('hidden');
    expect(res.body.results[0]).toMatchObject({ outcome: 'hit', score: 1, threshold: 1, evidence: { spans: [{ start: 8, end: 22, text: 'zebra crossing' }] } });
    const saved = await http<RuleTestResponse>(`${api.url}/api/rules/test`, 'POST', { comment: { body: 'Fix the zebra crossing on Elm Street.' }, article: { title: 'Road safety', body: 'Crossings on Elm Street.' } }, admin);
    expect(saved.body.results.map((r) => r.type).sort()).toEqual(expect.arrayContaining(['insult', 'links', 'off_topic']));
    const bad = await http<{ fields: Record<string, string[]> }>(`${api.url}/api/rules/test`, 'POST', { comment: { body: 'x' }, rules: [{ type: 'insult', config: { threshold: 2 } }] }, admin);
    expect([bad.status, Object.keys(bad.body.fields)]).toEqual([400, ['rules.0.config.threshold']]);
  });

  /** Decided comments straight into the tables: a moderator's decision is an audit event by a user. */
  async function decided(rows: Array<{ body: string; status: 'approved' | 'hidden'; by?: 'user' | 'rule'; reason?: string }>): Promise<string[]> {
    await putArticle(api, 'bt');
    const [{ id: articleId }] = await api.ds.query(`SELECT id FROM articles WHERE external_id = 'bt'`);
    const ids: string[] = [];
    for (const [i, r] of rows.entries()) {
      const [c] = await api.ds.query(
        `INSERT INTO comments (article_id, author_name, author_key, body, status, version, decided_at, received_at)
         VALUES ($1, 'R', 'name:r', $2, $3, 2, now() - make_interval(secs => $4), now() - interval '1 day') RETURNING id`,
        [articleId, r.body, r.status, i],
      );
      // Two statements: the decision is the later event (one statement would give both the same created_at).
      await api.ds.query(`INSERT INTO moderation_events (comment_id, from_status, to_status, actor_type) VALUES ($1, 'pending', 'flagged', 'rule')`, [c.id]);
      await api.ds.query(
        `INSERT INTO moderation_events (comment_id, from_status, to_status, actor_type, reason) VALUES ($1, 'flagged', $2, $3, $4)`,
        [c.id, r.status, r.by ?? 'user', r.reason ?? null],
      );
      ids.push(c.id);
    }
    return ids;
  }

  const waitRun = <T extends { status: string }>(path: string) =>
    eventually(async () => {
      const r = (await http<T>(`${api.url}${path}`, 'GET', undefined, admin)).body;
      return ['done', 'failed', 'cancelled'].includes(r.status) ? r : undefined;
    }, 20000, path);

  it('a backtest over a fixture of decided comments returns exactly the expected confusion matrix and the differences', async () => {
    const rule = await create({ name: 'Scams', type: 'keywords', config: { terms: ['lottery'] } });
    const ids = await decided([
      { body: 'You won the lottery, send cash', status: 'hidden' }, // TP now and in the draft
      { body: 'Claim your lottery prize', status: 'hidden' }, // TP
      { body: 'The lottery funds the arts', status: 'approved' }, // FP
      { body: 'Free crypto giveaway here', status: 'hidden' }, // FN now; the draft catches it (newly flagged, TP)
      { body: 'Buy crypto now', status: 'approved' }, // TN now; the draft catches it (newly flagged, FP)
      { body: 'Miracle pills cheap', status: 'hidden' }, // FN in both
      { body: 'The budget looks fine', status: 'approved' }, // TN
      { body: 'Roads need repair', status: 'approved' }, // TN
      { body: 'Lottery numbers posted by the rules only', status: 'hidden', by: 'rule' }, // not a human decision: left out
    ]);
    const start = await http<BacktestRecord>(`${api.url}/api/rules/${rule.id}/backtests`, 'POST', { config: { terms: ['crypto', 'lottery'] }, limit: 100 }, admin);
    expect(start.status).toBe(202);
    expect(start.body).toMatchObject({ status: 'queued', label: 'draft', currentVersion: 1 });
    const run = await waitRun<BacktestRecord>(`/api/rules/backtests/${start.body.id}`);
    expect(run).toMatchObject({ status: 'done', progress: 100 });
    expect(run.result).toMatchObject({
      comments: 8,
      current: { matrix: { truePositive: 2, falsePositive: 1, falseNegative: 2, trueNegative: 3 }, precision: 0.6667, recall: 0.5, f1: 0.5714 },
      draft: { matrix: { truePositive: 3, falsePositive: 2, falseNegative: 1, trueNegative: 2 }, precision: 0.6, recall: 0.75, f1: 0.6667 },
      newlyFlagged: { count: 2 },
      noLongerFlagged: { count: 0, examples: [] },
    });
    expect(run.result!.newlyFlagged.examples.map((e) => [e.id, e.decided]).sort()).toEqual(
      [[ids[3], 'hidden'], [ids[4], 'approved']].sort(),
    );
    const listed = (await http<BacktestRecord[]>(`${api.url}/api/rules/${rule.id}/backtests`, 'GET', undefined, admin)).body;
    expect(listed.map((b) => b.id)).toEqual([start.body.id]);
    // An invalid draft is refused up front.
    const bad = await http<{ fields: Record<string, string[]> }>(`${api.url}/api/rules/${rule.id}/backtests`, 'POST', { config: { terms: 'x' } }, admin);
    expect([bad.status, Object.keys(bad.body.fields)]).toEqual([400, ['config.terms']]);
  });

  it('in a backtest, a hidden comment counts for a rule only when its hide reason confirms that rule type; the rest are left out, by reason', async () => {
    const insult = await ruleOf('insult');
    await decided([
      { body: 'You are a complete idiot for writing this.', status: 'hidden', reason: 'Personal attack' }, // TP
      { body: 'People like you should leave this town for good.', status: 'hidden', reason: 'Hate or harassment' }, // FN
      { body: 'Cheap bikes at bikes.example.com, visit today', status: 'hidden', reason: 'Spam or advertising' }, // a links miss: left out
      { body: 'What a moron.', status: 'hidden' }, // no reason: left out for the insult rule
      { body: 'The new timetable starts in May.', status: 'approved' }, // TN
    ]);
    const start = await http<BacktestRecord>(`${api.url}/api/rules/${insult.id}/backtests`, 'POST', { limit: 100 }, admin);
    const run = await waitRun<BacktestRecord>(`/api/rules/backtests/${start.body.id}`);
    expect(run.result).toMatchObject({
      comments: 3,
      current: { matrix: { truePositive: 1, falsePositive: 0, falseNegative: 1, trueNegative: 1 } },
      excluded: { count: 2 },
    });
    expect(run.result!.excluded!.byReason.map((r) => r.reason).sort()).toEqual([null, 'Spam or advertising'].sort());

    // A keywords rule is confirmed by every hide, whatever the reason.
    const words = await create({ name: 'Town words', type: 'keywords', config: { terms: ['town', 'moron'] } });
    const all = await waitRun<BacktestRecord>(`/api/rules/backtests/${(await http<BacktestRecord>(`${api.url}/api/rules/${words.id}/backtests`, 'POST', { limit: 100 }, admin)).body.id}`);
    expect(all.result).toMatchObject({ comments: 5, excluded: { count: 0, byReason: [] }, current: { matrix: { truePositive: 2, falseNegative: 2, trueNegative: 1 } } });
  });

  it('a cancelled backtest never runs, and a running one stops at its next batch', async () => {
    const rule = await ruleOf('links');
    await decided([{ body: 'see a.com b.com c.com', status: 'hidden', reason: 'Spam or advertising' }]);
    const backtests = worker().get(BacktestService);
    // Queued, then cancelled before a worker takes it: the worker finds it cancelled and does nothing.
    const [{ id }] = await api.ds.query(
      `INSERT INTO rule_jobs (kind, rule_id, params) VALUES ('backtest', $1, $2::jsonb) RETURNING id`,
      [rule.id, JSON.stringify({ type: 'links', name: rule.name, action: 'flag', config: rule.config, label: 'current', currentVersion: rule.version, limit: 10 })],
    );
    const cancelled = await http<BacktestRecord>(`${api.url}/api/rules/backtests/${id}/cancel`, 'POST', undefined, admin);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', result: null });
    await expect(backtests.run(id)).resolves.toBe('cancelled');
    expect((await http<BacktestRecord>(`${api.url}/api/rules/backtests/${id}`, 'GET', undefined, admin)).body).toMatchObject({ status: 'cancelled', result: null });
    // Running: cancelled between two batches, it stops without a result.
    await api.ds.query(`UPDATE rule_jobs SET status = 'queued', finished_at = NULL WHERE id = $1`, [id]);
    const progress = jest.fn(async () => {
      await http(`${api.url}/api/rules/backtests/${id}/cancel`, 'POST', undefined, admin);
    });
    await expect(backtests.run(id, progress)).resolves.toBe('cancelled');
    expect(progress).toHaveBeenCalled();
    expect((await http<BacktestRecord>(`${api.url}/api/rules/backtests/${id}`, 'GET', undefined, admin)).body).toMatchObject({ status: 'cancelled', result: null });
  });

  const settled = (id: string) =>
    eventually(async () => {
      const [r] = await api.ds.query(`SELECT status FROM comments WHERE id = $1 AND EXISTS (SELECT 1 FROM triage_decisions WHERE comment_id = $1)`, [id]);
      return r?.status as string | undefined;
    }, 15000, `triage of ${id}`);
  const post = async (body: string, authorName = 'Reader') => (await postComment(api, 'rules-article', { authorName, body })).body.id;
  const BUDGET = 'The council budget for schools and roads is fair';

  it('a shadow rule records its hits and never changes a status; its page compares them with the decisions', async () => {
    await putArticle(api, 'rules-article');
    const shadow = await create({ name: 'Zebra (shadow)', type: 'keywords', config: { terms: ['zebra'] }, action: 'hide', mode: 'shadow' });
    const id = await post(`${BUDGET}, zebra crossings included.`);
    expect(await settled(id)).toBe('approved');
    const flags = await api.ds.query(`SELECT mode, outcome, action FROM triage_flags WHERE comment_id = $1 AND rule_id = $2`, [id, shadow.id]);
    expect(flags).toEqual([{ mode: 'shadow', outcome: 'hit', action: 'hide' }]);
    const events = await api.ds.query(`SELECT actor_type, to_status FROM moderation_events WHERE comment_id = $1 AND from_status IS NOT NULL`, [id]);
    expect(events).toEqual([{ actor_type: 'rule', to_status: 'approved' }]);
    const q = (await http<RuleQuality>(`${api.url}/api/rules/${shadow.id}/quality`, 'GET', undefined, admin)).body;
    expect(q).toMatchObject({ mode: 'shadow', totals: { hits: 1, undecided: 1 }, shadowExamples: [{ id, status: 'approved', decidedBy: 'rule' }] });
    expect(q.days).toHaveLength(30);
  });

  it('re-triage after a rule change re-decides comments no person decided and never touches a human decision', async () => {
    await putArticle(api, 'rules-article');
    const rule = await create({ name: 'Zebra', type: 'keywords', config: { terms: ['zebra'] } });
    // Four readers (one author posting these alike is the repeat rule's business).
    const onlyRules = await post(`${BUDGET}, zebra crossings included.`, 'Reader A');
    const human = await post(`${BUDGET}, and zebra stripes on every road.`, 'Reader B');
    const later = await post(`${BUDGET}, giraffe statues too.`, 'Reader C');
    const humanHid = await post(`${BUDGET}, giraffe statues everywhere.`, 'Reader D');
    expect([await settled(onlyRules), await settled(human), await settled(later), await settled(humanHid)]).toEqual(['flagged', 'flagged', 'approved', 'approved']);
    for (const [id, action] of [[human, 'approve'], [humanHid, 'hide']] as const) {
      const [{ version }] = await api.ds.query(`SELECT version FROM comments WHERE id = $1`, [id]);
      expect((await http(`${api.url}/api/moderation/comments/${id}/decision`, 'POST', { action, version }, mod)).status).toBe(200);
    }
    const snapshot = async (id: string) => (await api.ds.query(`SELECT status, version, (SELECT count(*)::int FROM moderation_events WHERE comment_id = $1) AS events FROM comments WHERE id = $1`, [id]))[0];
    const humanBefore = [await snapshot(human), await snapshot(humanHid)];

    await http(`${api.url}/api/rules/${rule.id}`, 'PUT', { config: { terms: ['giraffe'] } }, admin);
    const start = await http<RetriageRecord>(`${api.url}/api/rules/retriage`, 'POST', {}, admin);
    expect(start.status).toBe(202);
    const run = await waitRun<RetriageRecord>(`/api/rules/retriage/${start.body.id}`);
    expect(run).toMatchObject({ status: 'done', progress: 100, result: { examined: 2, changed: 2 } });
    expect((await snapshot(onlyRules)).status).toBe('approved');
    expect((await snapshot(later)).status).toBe('flagged');
    expect([await snapshot(human), await snapshot(humanHid)]).toEqual(humanBefore);
    const [event] = await api.ds.query(`SELECT actor_type, reason FROM moderation_events WHERE comment_id = $1 ORDER BY created_at DESC LIMIT 1`, [later]);
    expect(event).toMatchObject({ actor_type: 'rule', reason: expect.stringMatching(/^re-triage: Zebra/) });
    expect((await api.ds.query(`SELECT rule_version FROM triage_flags WHERE comment_id = $1 AND rule_id = $2`, [later, rule.id]))[0].rule_version).toBe(2);
  });

  it('the list shows hits and the override rate, and warns past the site level; settings are versioned', async () => {
    await putArticle(api, 'rules-article');
    const rule = await create({ name: 'Zebra', type: 'keywords', config: { terms: ['zebra'] }, action: 'hide', autoDemote: true });
    const ids = [await post(`${BUDGET}, zebra one.`), await post(`${BUDGET}, zebra two.`), await post(`${BUDGET}, zebra three.`)];
    for (const id of ids) expect(await settled(id)).toBe('hidden');
    for (const id of ids.slice(0, 2)) {
      const [{ version }] = await api.ds.query(`SELECT version FROM comments WHERE id = $1`, [id]);
      await http(`${api.url}/api/moderation/comments/${id}/decision`, 'POST', { action: 'approve', version }, mod);
    }
    const settings = await http<{ version: number }>(`${api.url}/api/settings`, 'PUT', { overrideMinDecided: 2, overrideWarnRate: 0.5 }, admin);
    expect(settings.body.version).toBe(2);
    expect((await http(`${api.url}/api/settings`, 'PUT', { overrideWarnRate: 3 }, admin)).status).toBe(400);
    const listed = (await http<RuleAdminRecord[]>(`${api.url}/api/rules`, 'GET', undefined, mod)).body.find((r) => r.id === rule.id);
    expect(listed).toMatchObject({ hits7d: 3, decided7d: 2, overrideRate7d: 1, overrideWarning: true });
  });
});
