import type { CampaignContext, RuleInput } from '../contract/rule.js';
import { campaignConfigSchema, campaignRule } from './campaign.rule.js';
import { sharedPassage } from './passage.js';

const BODY = 'Honestly 😡 the new harbour levy is daylight robbery and the mayor hid the real costs. Vote no!';
const SAMPLE = 'Wake up: THE NEW HARBOUR LEVY IS DAYLIGHT ROBBERY, and the mayor hid the real costs from us all';
const input = (campaign?: CampaignContext): RuleInput => ({
  comment: { title: null, body: BODY, authorName: 'Ann', authorId: null, receivedAt: new Date('2026-11-02T09:00:00Z') },
  article: null,
  parent: null,
  campaign,
});
const cluster = (size: number, authors: number): NonNullable<CampaignContext['cluster']> => ({
  id: 'c1',
  size,
  authors,
  articles: 3,
  firstSeen: new Date('2026-11-02T08:55:00Z'),
  lastSeen: new Date('2026-11-02T09:00:00Z'),
  authorNames: ['Ann', 'Bo'],
  articleIds: ['a1', 'a2', 'a3'],
  sample: { id: 's1', body: SAMPLE, similarity: 0.8 },
});
const run = (campaign?: CampaignContext, config = {}) => campaignRule.compile(campaignConfigSchema.parse(config))(input(campaign));
const fires = (v: { score: number; threshold: number }) => v.score >= v.threshold;

describe('campaign rule', () => {
  it.each([
    ['no campaign context (the tester)', undefined, false],
    ['alone', { cluster: null }, false],
    ['4 comments from 4 authors (below 5)', { cluster: cluster(4, 4) }, false],
    ['8 comments from 2 authors (below 3)', { cluster: cluster(8, 2) }, false],
    ['5 comments from 3 authors', { cluster: cluster(5, 3) }, true],
    ['8 comments from 5 authors', { cluster: cluster(8, 5) }, true],
    ['3 names from one network', { cluster: null, networkNames: ['a', 'b', 'c'] }, false],
    ['4 names from one network', { cluster: null, networkNames: ['a', 'b', 'c', 'd'] }, true],
  ])('%s: fires %s', (_, campaign, expected) => {
    expect(fires(run(campaign as CampaignContext | undefined))).toBe(expected);
  });

  it('names the cluster, its size, authors and articles, and highlights the shared passage', () => {
    const v = run({ cluster: cluster(8, 5) });
    expect(v.evidence.summary).toBe('campaign of 8 comments from 5 authors on 3 articles: “harbour levy is daylight robbery and the mayor hid the real costs”');
    expect(v.evidence.spans?.map((s) => [BODY.slice(s.start, s.end), s.label])).toEqual([['harbour levy is daylight robbery and the mayor hid the real costs', 'shared passage']]);
    expect(v.evidence.cluster).toMatchObject({ id: 'c1', size: 8, authors: 5, articles: 3, articleIds: ['a1', 'a2', 'a3'], sampleId: 's1' });
  });

  it('says when the article is in a burst, with the share of new authors (context, not a trigger)', () => {
    const burst = { perMinute: 2.4, baselinePerMinute: 0.1, newAuthorShare: 0.8 };
    expect(run({ cluster: cluster(8, 5), burst }).evidence.summary).toMatch(/; the article gets 2.4 comments a minute \(usually 0.1\), 80% from new authors$/);
    expect(run({ cluster: cluster(8, 5), burst: { ...burst, baselinePerMinute: 1 } }).evidence.summary).not.toMatch(/comments a minute/);
    expect(fires(run({ cluster: null, burst }))).toBe(false);
  });

  it('the shared passage is found in both texts, case and punctuation aside', () => {
    const p = sharedPassage(BODY, SAMPLE);
    expect(p && SAMPLE.slice(p.otherStart, p.otherEnd)).toBe('HARBOUR LEVY IS DAYLIGHT ROBBERY, and the mayor hid the real costs');
    expect(sharedPassage(BODY, 'Lovely autumn market with apple stalls')).toBeNull();
  });
});
