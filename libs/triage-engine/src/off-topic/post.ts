import { commentFields, type RuleInput } from '../contract/rule.js';
import { STOPWORDS, stem } from '../text/nlp.js';
import { quotedRanges } from '../text/tokens.js';
import type { ReferenceIndex } from './reference-index.js';
import type { Term, Vocabulary } from './terms.js';
import { POST } from './tuning.js';

/**
 * Reading a post for off_topic: the author's own text (without quoted lines and links), its content terms, whether
 * anything in it carries a topic, and the names in it.
 */

/** Link patterns. The top-level domains are data: a post that is only a link to them is link-only. */
const URL_RE = /\b(?:https?:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|ly|be|io|co|tv|gov|edu|uk|ca|info)(?:\/\S*)?/giu;
/** Whatever URL_RE matches contains one of these; most comments do not, and skip the costlier full match. */
const URL_HINT = /:\/\/|www\.|\.(?:com|org|net|ly|be|io|co|tv|gov|edu|uk|ca|info)/iu;
/** Words that carry no topic in a post: pointers to elsewhere and chat fillers. */
const FILLER: ReadonlySet<string> = new Set(
  ('watch look check click see read listen video videos link links clip here there lol lmao wow omg haha hahaha ' +
    'yes no yep nope ok okay thanks thank please great nice cool awesome amazing good bad wrong right true false ' +
    'exactly indeed agree disagree sad funny interesting wtf smh rofl hmm ah oh yeah nah share subscribe follow ' +
    'youtube com www http https channel page site').split(' '),
);
/** A pointer to elsewhere: "watch this", "check it out", "look here". */
const POINTER_RE = new RegExp(
  `\\b(watch|check|look|see|click|read|listen|visit|go)\\b[^.!?\\n]{0,${POST.pointerGap}}\\b(this|here|out|link|video|clip|at)\\b`,
  'iu',
);
/** A capitalised word: a name when it does not open a sentence. */
const NAME_RE = new RegExp(`\\b\\p{Lu}\\p{Ll}{${POST.minNameLength - 1},}\\b`, 'gu');
/** Characters skipped before a capitalised word, and those that make it open a sentence. */
const NAME_OPENERS = ' "(';
const SENTENCE_ENDS = '.!?\n';
/** A quoted line starts with `>` or its HTML escape. */
const QUOTE_MARK_RE = /^\s*(>|&gt;)/;

export interface Post {
  /** Title and body as written. */
  raw: string;
  /** The author's own text: without the `>` lines that repeat the comment answered. */
  own: string;
  links: string[];
  /** The own text without its links. */
  prose: string;
  /** Content terms of the prose, in order, and their folded words. */
  terms: Term[];
  words: string[];
  /** How many of the terms carry a topic (not fillers like "watch", "lol"). */
  topical: number;
}

/** What off_topic reads of a comment. */
export function readPost(input: RuleInput, vocab: Vocabulary): Post {
  const raw = commentFields(input)
    .map((f) => f.text)
    .join('\n');
  const parentText = input.parent ? `${input.parent.title ?? ''}\n${input.parent.body}` : null;
  const own = stripQuoted(raw, parentText);
  const links = URL_HINT.test(own) ? (own.match(URL_RE) ?? []) : [];
  const prose = links.length ? own.replace(URL_RE, ' ') : own;
  const words: string[] = [];
  const terms = vocab.contentTerms(prose, words);
  let topical = 0;
  for (const w of words) if (!FILLER.has(w)) topical++;
  return { raw, own, links, prose, terms, words, topical };
}

/**
 * Why a post has nothing of the author's own to judge: only links and fillers ('link-only'), or only a pointer,
 * fillers or no letters at all ('content-free'); null when it has a topical word or is neither.
 */
export function emptyPostReason(post: Post): 'link-only' | 'content-free' | null {
  if (post.topical > 0) return null;
  if (post.links.length > 0) return 'link-only';
  if (POINTER_RE.test(post.raw) || !/\p{L}/u.test(post.own)) return 'content-free';
  return null;
}

/** How many capitalised words not opening a sentence the reference never mentions: a sign of another story. */
export function novelNames(prose: string, ref: ReferenceIndex): number {
  let novel = 0;
  for (const m of prose.matchAll(NAME_RE)) {
    let b = m.index - 1;
    while (b >= 0 && NAME_OPENERS.includes(prose[b])) b--;
    if (b < 0 || SENTENCE_ENDS.includes(prose[b])) continue;
    const w = m[0].toLowerCase();
    if (!STOPWORDS.has(w) && !ref.stems.has(stem(w))) novel++;
  }
  return novel;
}

/** The author's own text: without `>` lines that repeat the comment answered (see quotedRanges). */
export function stripQuoted(text: string, quotedFrom?: string | null): string {
  const r = quotedRanges(text, quotedFrom ?? null);
  if (r.length === 0) return text;
  let out = '';
  let at = 0;
  for (let i = 0; i < r.length; i += 2) {
    // Only whole `>` lines are removed here; quotation marks inside prose stay (they are usually on topic).
    if (!QUOTE_MARK_RE.test(text.slice(r[i], r[i] + '&gt;'.length))) continue;
    out += text.slice(at, r[i]);
    at = r[i + 1];
  }
  return out + text.slice(at);
}
