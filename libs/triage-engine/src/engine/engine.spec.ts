import type { RuleInput } from '../contract/rule.js';
import { compileRule, decide, type RuleOutcome, type RuleSpec, runRules } from './engine.js';

const input: RuleInput = {
  comment: { title: null, body: 'you are a troll, see a.com b.com c.com', authorName: 'r', authorId: null, receivedAt: new Date(0) },
  article: null,
  parent: null,
};
const spec = (over: Partial<RuleSpec>): RuleSpec => ({
  id: 'r1',
  name: 'rule',
  type: 'keywords',
  version: 1,
  action: 'flag',
  mode: 'live',
  severity: 1,
  config: { terms: ['troll'] },
  ...over,
});
const outcome = (over: Partial<RuleSpec>, kind: RuleOutcome['outcome'], score = 1, threshold = 1): RuleOutcome => ({
  rule: spec(over),
  outcome: kind,
  score,
  threshold,
  evidence: { summary: '' },
});

describe('rule engine', () => {
  it('runs each rule and reports hit or pass with its evidence', () => {
    const [kw, links, miss] = runRules(
      [spec({}), spec({ id: 'r2', type: 'links', config: { maxLinks: 2 } }), spec({ id: 'r3', config: { terms: ['saint'] } })].map((s) => compileRule(s)),
      input,
    );
    expect(kw).toMatchObject({ outcome: 'hit', score: 1, threshold: 1 });
    expect(kw.evidence.terms).toEqual(['troll']);
    expect(links).toMatchObject({ outcome: 'hit', score: 3, threshold: 3 });
    expect(miss.outcome).toBe('pass');
  });

  it.each([
    [spec({ type: 'nonsense' }), 'unknown rule type "nonsense"'],
    [spec({ config: { terms: 'troll' } }), 'invalid config: terms'],
    [spec({ config: { patterns: ['('] } }), 'invalid config: patterns.0'],
  ])('a rule that cannot run is an error outcome, never a pass: %j', (s, message) => {
    const [o] = runRules([compileRule(s)], input);
    expect(o.outcome).toBe('error');
    expect(o.evidence.summary).toContain(message);
  });

  it('a rule that throws is an error outcome with its message', () => {
    const compiled = { ...compileRule(spec({})), evaluate: () => { throw new Error('boom'); } };
    expect(runRules([compiled], input)[0]).toMatchObject({ outcome: 'error', evidence: { summary: 'rule threw: boom' } });
  });

  it('a non-finite score is an error outcome', () => {
    const compiled = { ...compileRule(spec({})), evaluate: () => ({ score: Number.NaN, threshold: 1, evidence: { summary: '' } }) };
    expect(runRules([compiled], input)[0].outcome).toBe('error');
  });

  // Issue 16 (2): a time budget for the whole rule run of one comment, with the caller's clock (the engine reads none).
  describe('time budget', () => {
    const tick = (stepMs: number) => {
      let t = 0;
      return () => (t += stepMs);
    };
    const fast = spec({ id: 'fast', config: { terms: ['saint'] } });

    it('a rule during which the budget runs out is an error, and so is every rule after it; the comment waits', () => {
      let t = 0;
      const hit = compileRule(spec({ id: 'slow' }));
      const slow = { ...hit, evaluate: (i: RuleInput) => ((t += 30), hit.evaluate!(i)) }; // takes 30 ms, and finds a troll
      const outcomes = runRules([compileRule(fast), slow, compileRule(spec({ id: 'late' }))], input, { ms: 25, now: () => t });
      expect(outcomes.map((o) => [o.rule.id, o.outcome])).toEqual([['fast', 'pass'], ['slow', 'error'], ['late', 'error']]);
      expect(outcomes[1].evidence).toMatchObject({ overBudget: true, budgetMs: 25, summary: "over this comment's time budget (25 ms); the rules took 30 ms" });
      expect(outcomes[2].evidence.summary).toBe("not run: the rules before it used up this comment's time budget (25 ms)");
      // The slow rule's hit is not trusted either: the comment waits for a person instead of being flagged.
      expect(decide(outcomes, { autoApprove: true, preModerate: false })).toEqual({ status: 'pending', priority: 1 });
    });

    it('a rule that stops itself on the clock (RuleOverBudget) is an error outcome', () => {
      const spent = { ...compileRule(spec({ id: 'patterns', config: { patterns: ['troll'] } })) };
      let t = 0;
      const [o] = runRules([spent], input, { ms: 5, now: () => (t += 4) });
      expect(o).toMatchObject({ outcome: 'error', evidence: { overBudget: true, summary: "stopped: over this comment's time budget (5 ms)" } });
    });

    it('within the budget nothing changes', () => {
      const rules = [spec({}), fast].map((s) => compileRule(s));
      expect(runRules(rules, input, { ms: 1000, now: tick(1) })).toEqual(runRules(rules, input));
    });
  });

});

describe('decide (the lifecycle of docs/semantics.md)', () => {
  const site = { autoApprove: true, preModerate: false };
  it.each<[string, RuleOutcome[], { autoApprove: boolean; preModerate: boolean }, string]>([
    ['nothing fired, auto-approve on', [outcome({}, 'pass')], site, 'approved'],
    ['nothing fired, auto-approve off', [outcome({}, 'pass')], { autoApprove: false, preModerate: false }, 'pending'],
    ['nothing fired, pre-moderated', [], { autoApprove: true, preModerate: true }, 'pending'],
    ['a flag rule fired', [outcome({}, 'hit')], site, 'flagged'],
    ['a hide rule fired', [outcome({}, 'hit'), outcome({ action: 'hide' }, 'hit')], site, 'hidden'],
    ['hide rules still hide when pre-moderated', [outcome({ action: 'hide' }, 'hit')], { autoApprove: true, preModerate: true }, 'hidden'],
    ['a shadow hide changes nothing', [outcome({ action: 'hide', mode: 'shadow' }, 'hit')], site, 'approved'],
    ['a rule errored: a human decides', [outcome({}, 'error')], site, 'pending'],
    ['a shadow rule errored: ignored', [outcome({ mode: 'shadow' }, 'error')], site, 'approved'],
  ])('%s → %s', (_name, outcomes, s, expected) => {
    expect(decide(outcomes, s).status).toBe(expected);
  });

  it('priority weighs live hits by severity and how far past the threshold they are', () => {
    const p = decide([outcome({ severity: 2 }, 'hit', 0.9, 0.6), outcome({ severity: 1 }, 'hit', 3, 3), outcome({ severity: 3, mode: 'shadow' }, 'hit')], site);
    expect(p.priority).toBeCloseTo(2 * 1.5 + 1, 3);
    expect(decide([outcome({ severity: 3 }, 'hit', 100, 1)], site).priority).toBe(9);
  });
});
