import type { RuleInput } from '../contract/rule.js';
import fc from 'fast-check';
import { LinkifyIt } from 'linkify-it';
import { findLinks, linksConfigSchema, linksRule } from './links.rule.js';

const run = (config: unknown, body: string, title: string | null = null) =>
  linksRule.compile(linksConfigSchema.parse(config))({
    comment: { title, body, authorName: 'r', authorId: null, receivedAt: new Date(0) },
    article: null,
    parent: null,
  } satisfies RuleInput);

describe('links rule', () => {
  it.each([
    // [config, text, links found, fires]
    [{}, 'no links here, just text.', [], false],
    [{}, 'one https://a.com/x', ['https://a.com/x'], false],
    [{}, 'two: https://a.com and www.b.org', ['https://a.com', 'www.b.org'], false],
    [{}, 'three: https://a.com www.b.org c.net/page', ['https://a.com', 'www.b.org', 'c.net/page'], true],
    [{ maxLinks: 0 }, 'visit example.com', ['example.com'], true],
    [{}, 'mail me at someone@example.com', [], false],
    [{}, 'version 1.2.3 and e.g. this', [], false],
    [{}, 'wait...what? 3.5 stars. Read it here:https://a.com/x.', ['https://a.com/x'], false],
    [{ denyDomains: ['spam.biz'] }, 'go to https://shop.spam.biz/deal', ['https://shop.spam.biz/deal'], true],
    [{ denyDomains: ['spam.biz'] }, 'notspam.biz is fine', ['notspam.biz'], false],
  ])('%j on %j finds %j (fires: %s)', (config, text, links, fires) => {
    const v = run(config, text);
    expect(v.evidence.links).toEqual(links);
    expect(v.score >= v.threshold).toBe(fires);
    for (const s of v.evidence.spans ?? []) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('says which denied domain fired', () => {
    const v = run({ denyDomains: ['spam.biz'] }, 'https://spam.biz');
    expect(v.evidence.summary).toBe('denied domain: spam.biz');
    expect(v.evidence.spans?.[0].label).toBe('denied domain');
  });

  it('counts links in the title too', () => {
    expect(run({ maxLinks: 0 }, 'body', 'see a.com').evidence.spans?.[0]).toMatchObject({ field: 'title', start: 4, end: 9 });
  });

  it.each([
    [{ maxLinks: -1 }, 'maxLinks'],
    [{ denyDomains: ['not a domain'] }, 'denyDomains.0'],
  ])('rejects config %j at %s', (config, path) => {
    const r = linksConfigSchema.safeParse(config);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('finds exactly the links linkify-it finds in the whole text, reading only the runs that may hold one', () => {
    const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false });
    const pieces = fc.constantFrom('a', 'b', 'Z', '1', ' ', '.', ':', '/', '@', 'www', 'com', 'http', 'https', 'mailto', 'org', 'é', 'рф', '-', '\n', '..', 'co.uk', '_', 'xn--p1ai', 'ftp', '3', '．', '...', 'e.g.', '#', '?', '=', '(', ')', '"', '\u00a0', '\t', '<', '>', ',');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')), (text) => {
        const whole = (linkify.match(text) ?? []).map((l) => ({ index: l.index, lastIndex: l.lastIndex, raw: l.raw, url: l.url }));
        expect(findLinks(text)).toEqual(whole);
      }),
      { numRuns: 20000 },
    );
  });
});
