import type { EvidenceSpan } from '@sift/shared';
import { LinkifyIt } from 'linkify-it';
import { z } from 'zod';
import { commentFields, type RuleDefinition } from '../engine/rule.js';

/**
 * `links`: more than `maxLinks` links, or any link to a denied domain (or a subdomain of one).
 * Links are found by linkify-it, including bare domains ("example.com/x").
 * Score: the number of links (a denied domain counts as reaching the threshold). Threshold: `maxLinks + 1`.
 */
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/, 'must be a domain name like example.com');

export const linksConfigSchema = z.object({
  maxLinks: z.number().int().min(0).max(100).default(2),
  denyDomains: z.array(domain).max(1000).default([]),
});
export type LinksConfig = z.infer<typeof linksConfigSchema>;

// Bare domains ("example.com/x", "www.site.org") count as links; e-mail addresses do not.
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false });
/**
 * Every link linkify-it can find has a `.` or `:` right before a letter, digit or `/` (a scheme's `://` or
 * `mailto:x`, a domain's `.tld`); a sentence's full stop is followed by a space or the end. Cheap to test first.
 */
export const MAY_HOLD_LINK = /[.:][\p{L}\p{N}/]/u;

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

export const linksRule: RuleDefinition<LinksConfig> = {
  type: 'links',
  description: 'Too many links, or a link to a denied domain.',
  schema: linksConfigSchema,
  compile(config) {
    const denied = new Set(config.denyDomains);
    const isDenied = (host: string) => {
      for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) if (denied.has(h)) return true;
      return false;
    };
    const threshold = config.maxLinks + 1;
    return (input) => {
      const spans: EvidenceSpan[] = [];
      const deniedHosts = new Set<string>();
      for (const { field, text } of commentFields(input)) {
        if (!MAY_HOLD_LINK.test(text)) continue; // most comments: no link possible, skip linkify
        for (const m of linkify.match(text) ?? []) {
          const host = hostOf(m.url);
          const bad = host !== null && isDenied(host);
          if (bad) deniedHosts.add(host);
          spans.push({ field, start: m.index, end: m.lastIndex, text: m.raw, label: bad ? 'denied domain' : 'link' });
        }
      }
      const links = spans.map((s) => s.text);
      const score = deniedHosts.size > 0 ? Math.max(links.length, threshold) : links.length;
      const summary =
        deniedHosts.size > 0
          ? `denied domain: ${[...deniedHosts].join(', ')}`
          : `${links.length} link${links.length === 1 ? '' : 's'} (more than ${config.maxLinks} is flagged)`;
      return { score, threshold, evidence: { summary, spans, links, deniedDomains: [...deniedHosts] } };
    };
  },
};
