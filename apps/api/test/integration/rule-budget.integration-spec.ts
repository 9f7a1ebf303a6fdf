import { registry } from '../../src/core/metrics/metrics.js';
import { decisionCount, eventually, postComment, putArticle, useStack } from '../utils/harness.js';

// Issue 16, item 2: a time budget for one comment's whole rule run. Real: the HTTP app, the worker, Postgres,
// Redis; this file's processes run with RULE_RUN_BUDGET_MS=5 (read once, when the first app of the file is built)
// and a keywords rule of 100 patterns over a 10,000-character comment — far more than 5 ms of RE2 work on any
// machine (each pattern alone takes milliseconds on such a text).
process.env.RULE_RUN_BUDGET_MS = '5';

describe('the rule run of one comment has a time budget', () => {
  const { api } = useStack({ worker: true });

  it('a rule over the budget is an error outcome: the comment waits for a moderator and the worker counts it', async () => {
    await putArticle(api, 'budget');
    const patterns = Array.from({ length: 100 }, (_, i) => `[\\p{L}\\p{N}]{1,90}q${i}[\\p{L}]{1,40}`);
    await api.ds.query(`INSERT INTO rules (name, type, config, action, severity) VALUES ('Heavy patterns', 'keywords', $1, 'hide', 2)`, [
      JSON.stringify({ patterns, terms: [], minMatches: 1 }),
    ]);
    const overBefore = await overBudgetCount();
    const body = `${'schools and roads budget '.repeat(400)}`.slice(0, 10_000);
    const c = await postComment(api, 'budget', { authorName: 'Dee', body });
    expect(c.status).toBe(202);
    await eventually(async () => (await decisionCount(api.ds, c.body.id)) === 1, 20000, 'decision');

    const [row] = await api.ds.query(`SELECT status FROM comments WHERE id = $1`, [c.body.id]);
    expect(row.status).toBe('pending');
    const flags: Array<{ rule_name: string; outcome: string; evidence: { summary: string; overBudget?: boolean; budgetMs?: number } }> =
      await api.ds.query(`SELECT rule_name, outcome, evidence FROM triage_flags WHERE comment_id = $1`, [c.body.id]);
    const over = flags.filter((f) => f.evidence.overBudget);
    expect(over.length).toBeGreaterThan(0);
    for (const f of over) {
      expect(f.outcome).toBe('error');
      expect(f.evidence.budgetMs).toBe(5);
      expect(f.evidence.summary).toMatch(/time budget \(5 ms\)/);
    }
    // The heavy rule is over the budget itself, or was not run because the rules before it used the budget up.
    expect(over.map((f) => f.rule_name)).toContain('Heavy patterns');
    expect(await overBudgetCount()).toBeGreaterThanOrEqual(overBefore + over.length);
  });
});

async function overBudgetCount(): Promise<number> {
  const metric = await registry.getSingleMetric('sift_rule_over_budget_total')?.get();
  return (metric?.values ?? []).reduce((sum, v) => sum + v.value, 0);
}
