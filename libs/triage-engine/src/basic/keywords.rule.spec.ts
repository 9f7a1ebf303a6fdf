import type { RuleInput } from '../contract/rule.js';
import { keywordsConfigSchema, keywordsRule } from './keywords.rule.js';

const input = (body: string, title: string | null = null): RuleInput => ({
  comment: { title, body, authorName: 'r', authorId: null, receivedAt: new Date(0) },
  article: null,
  parent: null,
});
const run = (config: unknown, body: string, title: string | null = null) =>
  keywordsRule.compile(keywordsConfigSchema.parse(config))(input(body, title));

describe('keywords rule', () => {
  it.each([
    // [config, text, matched texts]
    [{ terms: ['idiot'] }, 'You idiot.', ['idiot']],
    [{ terms: ['idiot'] }, 'IDIOT!', ['IDIOT']],
    [{ terms: ['idiot'] }, 'idiotic arguments', []],
    [{ terms: ['cunt'] }, 'I live in Scunthorpe', []],
    [{ terms: ['troll*'] }, 'trolls and trolling', ['trolls', 'trolling']],
    [{ terms: ['shut up'] }, 'just shut   up now', ['shut   up']],
    [{ terms: ['shut up', 'shut'] }, 'shut up', ['shut up']],
    [{ terms: ['café'] }, 'at the Café today', ['Café']],
    [{ terms: ['a.b'] }, 'axb a.b', ['a.b']],
    [{ patterns: ['\\bf+u+c+k+'] }, 'ffuuuck that', ['ffuuuck']],
    [{ terms: ['spam'] }, 'nothing here', []],
  ])('%j on %j matches %j', (config, text, expected) => {
    const v = run(config, text);
    expect(v.evidence.spans?.map((s) => s.text)).toEqual(expected);
    expect(v.score >= v.threshold).toBe(expected.length > 0);
  });

  it('records character offsets into the field it matched', () => {
    const v = run({ terms: ['liar'] }, 'you are a liar', 'Liar!');
    expect(v.evidence.spans).toEqual([
      { field: 'title', start: 0, end: 4, text: 'Liar', label: 'liar' },
      { field: 'body', start: 10, end: 14, text: 'liar', label: 'liar' },
    ]);
    expect(v.evidence.terms).toEqual(['liar']);
  });

  it('needs minMatches matches to fire', () => {
    const v = run({ terms: ['buy'], minMatches: 2 }, 'buy now');
    expect([v.score, v.threshold]).toEqual([1, 2]);
  });

  it.each([
    [{}, 'terms'],
    [{ terms: [] }, 'terms'],
    [{ patterns: ['(unclosed'] }, 'patterns.0'],
    [{ terms: ['x'], minMatches: 0 }, 'minMatches'],
  ])('rejects config %j at %s', (config, path) => {
    const r = keywordsConfigSchema.safeParse(config);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
