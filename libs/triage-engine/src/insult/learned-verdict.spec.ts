import type { RuleInput } from '../contract/rule.js';
import { inventedDecisions } from '../learned/invented-corpus.js';
import { trainInsultModel } from '../learned/train.js';
import { insultConfigSchema, insultRule } from './insult.rule.js';

const input = (body: string): RuleInput => ({ comment: { title: null, body, authorName: 'r', authorId: null, receivedAt: new Date(0) }, article: null, parent: null });

describe('insult rule with a site model (learned from invented decisions)', () => {
  const { model } = trainInsultModel(inventedDecisions(150));

  it('decides the insult rule with the site model: flags what it learned, with learned evidence; day 0 does not', () => {
    const config = insultConfigSchema.parse({});
    const day0 = insultRule.compile(config)(input('oh please, you dimwhistle'));
    expect(day0.score).toBeLessThan(day0.threshold);
    const v = insultRule.compile(config, { insult: { ...model!, version: 4 } })(input('oh please, you dimwhistle'));
    expect(v.score).toBeGreaterThanOrEqual(v.threshold);
    expect(v.threshold).toBe(model!.threshold);
    expect(v.evidence.summary).toMatch(/^insult \(site model v4 /);
    expect(v.evidence.spans?.some((s) => /^learned: '.*dimwhistle' \+\d\.\d\d$/.test(s.label ?? ''))).toBe(true);
    expect(v.evidence.learned).toMatchObject({ modelVersion: 4, threshold: model!.threshold, lexiconScore: day0.score });
    const civil = insultRule.compile(config, { insult: model! })(input('could the council explain the bus route'));
    expect(civil.score).toBeLessThan(civil.threshold);
    expect(civil.evidence.spans).toEqual([]);
  });
});
