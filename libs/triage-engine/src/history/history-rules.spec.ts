import type { RuleInput } from '../contract/rule.js';
import { authorConfigSchema, authorRule } from '../basic/author.rule.js';
import { floodConfigSchema, floodRule } from './flood.rule.js';
import { lengthConfigSchema, lengthRule } from '../basic/length.rule.js';
import { repeatConfigSchema, repeatRule } from './repeat.rule.js';
import { shoutingConfigSchema, shoutingRule } from '../basic/shouting.rule.js';

const NOW = new Date('2026-11-27T12:00:00Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
type History = NonNullable<RuleInput['author']>['history'][number];
const earlier = (id: string, body: string, minutesAgo: number, articleId = 'a1'): History => ({ id, articleId, title: null, body, receivedAt: ago(minutesAgo) });
const input = (body: string, history: History[] = [], status: 'blocked' | 'review' | 'trusted' | null = null, title: string | null = null): RuleInput => ({
  comment: { title, body, authorName: 'r', authorId: 'u1', receivedAt: NOW, articleId: 'a1' },
  article: null,
  parent: null,
  author: { status, history },
});
const fires = (v: { score: number; threshold: number }) => v.score >= v.threshold;

describe('shouting rule', () => {
  const run = (text: string, config = {}) => shoutingRule.compile(shoutingConfigSchema.parse(config))(input(text));
  it.each([
    ['THIS IS AN OUTRAGE AND EVERYONE RESPONSIBLE MUST GO', true],
    ['This is an outrage and everyone responsible must go', false],
    ['NATO and the EU agreed on Tuesday after a long night of talks', false],
    ['WOW', false],
    ['WHY IS NOBODY TALKING ABOUT THIS?? the council lied', false], // 65% capitals: below the default 70%
    ['ΑΥΤΌ ΕΊΝΑΙ ΑΠΑΡΆΔΕΚΤΟ ΚΑΙ ΝΤΡΟΠΉ ΓΙΑ ΟΛΟΥΣ', true],
  ])('%j fires: %s', (text, expected) => {
    expect(fires(run(text))).toBe(expected);
  });
  it('highlights the shouted run', () => {
    const text = 'Honestly. WHY IS NOBODY TALKING ABOUT THIS AT ALL';
    const v = run(text, { maxCapsRatio: 0.5 });
    expect(v.evidence.spans?.map((s) => text.slice(s.start, s.end))).toEqual(['WHY IS NOBODY TALKING ABOUT THIS AT ALL']);
  });
});

describe('repeat rule', () => {
  const run = (text: string, history: History[], config = {}) => repeatRule.compile(repeatConfigSchema.parse(config))(input(text, history));
  const base = 'Vote them all out in November, every last one of them.';
  it.each<[string, string, History[], boolean]>([
    ['same text', base, [earlier('c1', base, 30)], true],
    ['same text, other case and punctuation', 'VOTE them all out in november -- every last one of them!!', [earlier('c1', base, 30)], true],
    ['same text on another article', base, [earlier('c1', base, 30, 'a2')], true],
    ['same text outside the window', base, [earlier('c1', base, 2 * 24 * 60)], false],
    ['a different comment', 'The budget adds six percent for schools.', [earlier('c1', base, 5)], false],
    ['too short to judge', 'Thanks!', [earlier('c1', 'Thanks!', 5)], false],
    ['no history', base, [], false],
  ])('%s → fires %s', (_name, text, history, expected) => {
    expect(fires(run(text, history))).toBe(expected);
  });
  it('names the earlier comments', () => {
    const v = run(base, [earlier('c1', base, 30), earlier('c2', 'other words entirely here today', 10)]);
    expect(v.evidence.earlierCommentIds).toEqual(['c1']);
  });
  // Issue 17: five near-identical comments in five seconds went through the old default (pairs only, 0.85).
  const campaign = (n: number) => `Smith is the only honest candidate left, vote Smith on Sunday #${n}`;
  it.each<[string, string, History[], boolean]>([
    ['a counted-up copy (83% alike)', campaign(2), [earlier('c1', campaign(1), 0.05)], true],
    ['one word swapped in a short comment (43% as pairs, 71% as words)', 'Sack the whole council today please', [earlier('c1', 'Sack the whole council now please', 0.05)], true],
    ['a word added', 'Vote them all out in November, every last one of them, really.', [earlier('c1', base, 1)], true],
    ['two comments on one topic in other words', 'Smith has my vote: the only candidate who answered the housing question.', [earlier('c1', campaign(1), 1)], false],
    ['a reply agreeing in its own words', 'Fully agree, the council ignored the cyclists completely.', [earlier('c1', 'The council ignored the drivers and the bus users.', 1)], false],
  ])('by default: %s → fires %s', (_name, text, history, expected) => {
    expect(fires(run(text, history))).toBe(expected);
  });
  it('the fifth of five near-identical comments names the four before it', () => {
    const history = [4, 3, 2, 1].map((n) => earlier(`c${n}`, campaign(n), (5 - n) / 60));
    expect(run(campaign(5), history).evidence.earlierCommentIds).toEqual(['c4', 'c3', 'c2', 'c1']);
  });
  it('can stay within one article', () => {
    expect(fires(run(base, [earlier('c1', base, 30, 'a2')], { acrossArticles: false }))).toBe(false);
  });
});

describe('flood rule', () => {
  const run = (history: History[], config = {}) => floodRule.compile(floodConfigSchema.parse(config))(input('hello there', history));
  const burst = (n: number, spacingSeconds: number) => Array.from({ length: n }, (_, i) => earlier(`c${i}`, 'x', (i * spacingSeconds) / 60));
  it.each<[string, History[], object, boolean]>([
    ['10 in the last minute (11 with this one)', burst(10, 5), {}, true],
    ['9 in the last minute (10 with this one)', burst(9, 5), {}, false],
    ['10 spread over an hour', burst(10, 360), {}, false],
    ['3 in 5 minutes with max 2 per 5', burst(3, 60), { maxComments: 2, windowMinutes: 5 }, true],
  ])('%s → fires %s', (_name, history, config, expected) => {
    const v = run(history, config);
    expect(fires(v)).toBe(expected);
  });
  it.each<[string, History[], object, boolean]>([
    ['5 in 5 seconds (4 earlier, 1 s apart)', burst(4, 1), {}, true],
    ['4 in 4 seconds', burst(3, 1), {}, false],
    ['5 in a minute, 15 s apart', burst(4, 15), {}, false],
    ['5 in 5 seconds with a burst of 5 allowed', burst(4, 1), { burstMaxComments: 5 }, false],
  ])('burst: %s → fires %s', (_name, history, config, expected) => {
    expect(fires(run(history, config))).toBe(expected);
  });
  it('counts this comment and reports the count', () => {
    expect(run(burst(10, 5)).evidence).toMatchObject({ count: 11, summary: '11 comments in minute (more than 10 fires)' });
    expect(run(burst(4, 1)).evidence).toMatchObject({ burstCount: 5, summary: '5 comments in 10 s (more than 4 fires)' });
  });
});

describe('author rule', () => {
  const run = (status: 'blocked' | 'review' | 'trusted' | null, config = {}) => authorRule.compile(authorConfigSchema.parse(config))(input('hi', [], status));
  it.each<['blocked' | 'review' | 'trusted' | null, object, boolean]>([
    ['blocked', {}, true],
    ['review', {}, false],
    ['review', { lists: ['review'] }, true],
    ['trusted', { lists: ['blocked', 'review'] }, false],
    [null, {}, false],
  ])('%s with %j → fires %s', (status, config, expected) => {
    expect(fires(run(status, config))).toBe(expected);
  });
  it('refuses "trusted" as a firing list', () => {
    expect(authorConfigSchema.safeParse({ lists: ['trusted'] }).success).toBe(false);
  });
});

describe('length rule', () => {
  const run = (body: string, config = {}) => lengthRule.compile(lengthConfigSchema.parse(config))(input(body));
  it.each([
    ['ok', {}, false],
    ['x'.repeat(5001), {}, true],
    ['hi', { minChars: 3 }, true],
    ['  hey  ', { minChars: 3 }, false],
  ])('%j with %j fires %s', (body, config, expected) => {
    expect(fires(run(body, config))).toBe(expected);
  });
  it('refuses min >= max', () => {
    expect(lengthConfigSchema.safeParse({ minChars: 10, maxChars: 5 }).error?.issues[0].path).toEqual(['maxChars']);
  });
});
