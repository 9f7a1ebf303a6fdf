import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RuleInput } from './contract/rule.js';
import { insultConfigSchema, insultRule } from './insult/insult.rule.js';
import { offTopicConfigSchema, offTopicRule } from './off-topic/off-topic.rule.js';

/**
 * The seed thread (`../shared/seed/thread.json`: an opinion article and 13 reader comments) with the default
 * insult and off_topic configs. Real data, read at test time; skipped when the shared folder is not there.
 */
interface SeedComment {
  id: string;
  author: string;
  title: string;
  body: string;
  inReplyTo: string | null;
}
const file = process.env.SIFT_SEED_THREAD ?? resolve(__dirname, '../../../../shared/seed/thread.json');
const seed = existsSync(file)
  ? (JSON.parse(readFileSync(file, 'utf8')) as {
      article: { title: string; subtitle: string; body: string };
      comments: SeedComment[];
    })
  : null;
// The seed thread lives in the project's shared folder beside the checkout; a checkout without it skips this suite.
const describeSeed = seed ? describe : describe.skip;

/** Comments that call someone names, and words that must be highlighted in each. */
const NAME_CALLING: Record<string, string[]> = {
  c01: ['jeeneeass'],
  c02: ['hypocrits', 'maniacs'],
  c07: ['Shame on you', 'opportunist'],
  c08: ['ignorant', 'worthless', 'SOB'],
  c13: ['worthless', 'good for nothing', 'garbage', 'traitor'],
};
/** Civil comments, including sharp criticism without name-calling. */
const CIVIL = ['c03', 'c04', 'c05', 'c06', 'c09', 'c10', 'c11', 'c12'];

describeSeed('seed thread', () => {
  const insult = insultRule.compile(insultConfigSchema.parse({}));
  const offTopic = offTopicRule.compile(offTopicConfigSchema.parse({}));
  const byId = new Map((seed?.comments ?? []).map((c) => [c.id, c]));
  const inputOf = (id: string): RuleInput => {
    const c = byId.get(id)!;
    const p = c.inReplyTo ? byId.get(c.inReplyTo) : undefined;
    return {
      comment: { title: c.title || null, body: c.body, authorName: c.author, authorId: null, receivedAt: new Date(0) },
      article: seed!.article,
      parent: p ? { title: p.title || null, body: p.body, authorName: p.author } : null,
    };
  };

  it.each(Object.entries(NAME_CALLING))('%s calls someone names: flagged, with %j highlighted', (id, words) => {
    const v = insult(inputOf(id));
    expect(v.score).toBeGreaterThanOrEqual(v.threshold);
    const shown = v.evidence.spans?.map((s) => s.text.toLowerCase()) ?? [];
    for (const w of words) expect(shown).toContain(w.toLowerCase());
    // Spans point into the original text of their field.
    const c = byId.get(id)!;
    for (const s of v.evidence.spans ?? []) expect((s.field === 'title' ? c.title : c.body).slice(s.start, s.end)).toBe(s.text);
  });

  it.each(CIVIL)('%s is civil: not flagged as an insult', (id) => {
    const v = insult(inputOf(id));
    expect(v.score).toBeLessThan(v.threshold);
  });

  // Alone, and as the worker runs it: with the article's other comments as the thread (both thread signals at work).
  const withThread = (id: string): RuleInput => ({
    ...inputOf(id),
    thread: (seed?.comments ?? []).filter((c) => c.id !== id).map((c) => ({ title: c.title || null, body: c.body })),
  });
  const ways = [
    ['alone', inputOf],
    ['with the thread', withThread],
  ] as const;

  it.each(ways)('flags the content-free post c09 as off-topic (%s)', (_, input) => {
    const v = offTopic(input('c09'));
    expect(v.score).toBeGreaterThanOrEqual(v.threshold);
    expect(v.evidence.reason).toBe('content-free');
  });

  describe.each(ways)('substantive comments are not off-topic (%s)', (_, input) => {
    it.each(['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c08', 'c10', 'c11', 'c12', 'c13'])('%s', (id) => {
      const v = offTopic(input(id));
      expect(v.score).toBeLessThan(v.threshold);
      expect(v.evidence.sharedTerms).not.toBe('none');
    });
  });
});
