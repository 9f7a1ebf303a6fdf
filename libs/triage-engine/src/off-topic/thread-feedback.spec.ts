import fc from 'fast-check';
import { overlap, ReferenceIndex } from './reference-index.js';
import { distinct, Vocabulary, type Term } from './terms.js';
import { ThreadFeedback, type ThreadContext } from './thread-feedback.js';
import { ThreadScratch } from './thread-scratch.js';

/** A context as a compiled rule owns one (see OffTopicState). */
const newContext = (): ThreadContext => ({ vocab: new Vocabulary(), scratch: new ThreadScratch(), threadComments: new WeakMap() });
const POOL = ['bike', 'lanes', 'parking', 'council', 'shop', 'owners', 'battery', 'watch', 'according', 'actually', 'pension', 'auditor', 'Cycling', 'cyclists', 'street', 'budget'];
/** Random threads over a small pool of words, so that they share words with the article and among themselves. */
const threads = fc.array(fc.array(fc.constantFrom(...POOL), { minLength: 1, maxLength: 8 }), { minLength: 5, maxLength: 25 });

describe('off_topic thread feedback', () => {
  it('the per-thread tally scores exactly as summing over the chosen comments one by one', () => {
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
    // One context for all runs, as a compiled rule reuses its scratch from thread to thread.
    const ctx = newContext();
    const article = new ReferenceIndex(ctx.vocab, [['Council approves bike lanes', 2], ['Shop owners worry about parking', 1]]);
    fc.assert(
      fc.property(threads, fc.nat(24), (docs, pick) => {
        const bodies = docs.map((d) => d.join(' '));
        const thread = bodies.map((b) => ctx.vocab.contentTerms(b));
        const body = bodies[pick % bodies.length];
        const words: string[] = [];
        const uniq = distinct(ctx.vocab.contentTerms(body, words), words);
        const got = new ThreadFeedback(ctx, article, thread, bodies).score(uniq.terms, uniq.words, body).score;
        expect(got).toBeCloseTo(naive(article, thread, bodies, uniq.terms, body), 12);
      }),
      { numRuns: 300 },
    );
  });

  it('judges the same with a reused scratch as with a fresh one', () => {
    // Another thread built in between (its tallies left in the scratch) changes nothing of a thread's verdicts.
    const shared = newContext();
    const article = (ctx: ThreadContext) => new ReferenceIndex(ctx.vocab, [['Council approves bike lanes', 2]]);
    const judge = (ctx: ThreadContext, docs: string[][], before: string[][], pick: number) => {
      const build = (d: string[][]) => {
        const bodies = d.map((w) => w.join(' '));
        return { bodies, fb: new ThreadFeedback(ctx, article(ctx), bodies.map((b) => ctx.vocab.contentTerms(b)), bodies) };
      };
      build(before);
      const { bodies, fb } = build(docs);
      const body = bodies[pick % bodies.length];
      const words: string[] = [];
      const uniq = distinct(ctx.vocab.contentTerms(body, words), words);
      return [fb.score(uniq.terms, uniq.words, body), fb.offScore(uniq.terms, uniq.words, body), fb.lean(uniq.terms, body)];
    };
    fc.assert(
      fc.property(threads, threads, fc.nat(24), (docs, before, pick) => {
        expect(judge(shared, docs, before, pick)).toEqual(judge(newContext(), docs, [], pick));
      }),
      { numRuns: 200 },
    );
  });
});
