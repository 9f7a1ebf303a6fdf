import fc from 'fast-check';
import { overlap, ReferenceIndex } from './reference-index.js';
import { distinct, Vocabulary, type Term } from './terms.js';
import { ThreadFeedback } from './thread-feedback.js';
import { ThreadScratch } from './thread-scratch.js';
import { scanWords } from './words.js';

const vocab = new Vocabulary();
const contentTerms = (text: string, words?: string[]) => vocab.contentTerms(text, words);

describe('relevance helpers', () => {
  it('gives shared, identical terms for repeated words', () => {
    const words: string[] = [];
    const t = contentTerms('Budget budget BUDGET', words);
    expect(t.map((x) => x.stem)).toEqual(['budget', 'budget', 'budget']);
    expect(words).toEqual(['budget', 'budget', 'budget']);
    expect(Object.isFrozen(t[0])).toBe(true);
  });

  it('measures overlap on stems, weighting common words down', () => {
    // "regatta" by stem, "Portuguese" ~ "Portugal" by prefix (half), "sailors" ≠ "sailing".
    const ref = new ReferenceIndex(vocab, [['Portugal wins the sailing regatta', 2]]);
    const o = overlap(distinct(contentTerms('Portuguese sailors and the regatta crews')).terms, ref);
    expect(o.shared).toBeGreaterThan(2);
    expect(overlap(distinct(contentTerms('I like pancakes')).terms, ref).shared).toBe(0);
  });

  it.each([
    ['relevance', scanWords, /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu],
  ] as const)('the %s word scanner finds exactly the words of the regular expression it replaces', (_, scanner, regex) => {
    const scan = (text: string) => {
      const out: string[] = [];
      scanner(text, (a, b) => out.push(`${a}:${text.slice(a, b)}`));
      return out;
    };
    const pieces = fc.constantFrom('a', 'Z', '9', ' ', "'", '’', 'é', 'e\u0301', 'ß', 'Ж', '日', '𝐀', '😀', '\ud835', '-', '.', "don't", 'o’clock', "it's9", "''", '٣', 'ǅ', '_', '@', '$', '*', '#', '!', '|', 'f**k', 'a$$', '\u0301', '&amp;');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.array(pieces, { maxLength: 25 }).map((p) => p.join(''))), (text) => {
        expect(scan(text)).toEqual([...text.matchAll(regex)].map((m) => `${m.index}:${m[0]}`));
      }),
      { numRuns: 5000 },
    );
  });

  it('thread feedback: the per-thread tally scores exactly as summing over the chosen comments one by one', () => {
    // The plain definition: the k comments with most article overlap (stable), and for each term of the comment the
    // Σ weight of its stem over them (first occurrence, stems the article lacks), less its own, counted from 2.
    const naive = (article: ReferenceIndex, thread: Term[][], bodies: string[], terms: Term[], body: string, k = 10) => {
      const shared = thread.map((t) => overlap(distinct(t).terms, article).shared);
      const order = thread.map((_, i) => i).filter((i) => shared[i] > 0);
      order.sort((a, b) => shared[b] - shared[a]);
      const chosen = order.slice(0, k);
      const self = chosen.some((i) => bodies[i] === body);
      let score = 0;
      for (const t of terms) {
        let d = 0;
        let seen = false;
        for (const i of chosen) {
          if (article.stems.has(t.stem)) continue;
          const first = thread[i].find((u) => u.stem === t.stem);
          if (first) {
            d += first.weight;
            seen = true;
          }
        }
        if (!seen) continue;
        if (self) d -= t.weight;
        if (d >= 2) score += (t.weight * d) / Math.max(chosen.length, 1);
      }
      return score;
    };
    const pool = ['bike', 'lanes', 'parking', 'council', 'shop', 'owners', 'battery', 'watch', 'according', 'actually', 'pension', 'auditor', 'Cycling', 'cyclists', 'street', 'budget'];
    const article = new ReferenceIndex(vocab, [['Council approves bike lanes', 2], ['Shop owners worry about parking', 1]]);
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 8 }), { minLength: 5, maxLength: 25 }), fc.nat(24), (docs, pick) => {
        const bodies = docs.map((d) => d.join(' '));
        const thread = bodies.map((b) => contentTerms(b));
        const body = bodies[pick % bodies.length];
        const words: string[] = [];
        const uniq = distinct(contentTerms(body, words), words);
        const got = new ThreadFeedback({ vocab, scratch: new ThreadScratch(), seedTerms: new WeakMap() }, article, thread, bodies).score(uniq.terms, uniq.words, body).score;
        expect(got).toBeCloseTo(naive(article, thread, bodies, uniq.terms, body), 12);
      }),
      { numRuns: 300 },
    );
  });
});
