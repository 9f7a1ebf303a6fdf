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
      [spec({}), spec({ id: 'r2', type: 'links', config: { maxLinks: 2 } }), spec({ id: 'r3', config: { terms: ['saint'] } })].map(compileRule),
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
