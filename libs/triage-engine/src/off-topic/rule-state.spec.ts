import { OffTopicState } from './rule-state.js';
import { distinct } from './terms.js';

const article = { title: 'Council approves new bike lanes on Harbour Street', subtitle: null, body: 'Shop owners worry about parking and deliveries.' };
const thread = [
  'The bike lanes will slow the delivery vans every morning on the street.',
  'Parking was already scarce; delivery vans block the lanes each morning.',
  'My pension fund lost money again, the auditor says.',
  'Auditor reports on pension funds are always late.',
  'Vans unloading before morning rush would solve the parking problem for shop owners.',
].map((body) => ({ title: null, body }));
const comment = 'Delivery vans in the morning need loading bays beside the lanes.';

/** The comment's thread score under the article, as the rule reads it from a state. */
function threadScore(state: OffTopicState): number {
  const art = state.article(article);
  const words: string[] = [];
  const uniq = distinct(state.vocab.contentTerms(comment, words), words);
  return state.threadFeedback(art, thread).score(uniq.terms, uniq.words, comment).score;
}

describe('off_topic rule state', () => {
  it('thread feedback cached before the vocabulary started over is rebuilt, so the verdict is as from a fresh state', () => {
    const fresh = threadScore(new OffTopicState());
    expect(fresh).toBeGreaterThan(0);

    const state = new OffTopicState(40);
    expect(threadScore(state)).toBeCloseTo(fresh, 12);
    // Another article's thread with many new words pushes the stem table past its capacity: it starts over.
    const before = state.vocab.epoch;
    const other = { title: 'Orchestra season opens', subtitle: null, body: 'Strings, brass and a new conductor.' };
    const noise = Array.from({ length: 12 }, (_, i) => ({
      title: null,
      body: `violin${i} cello${i} oboe${i} timpani${i} conductor${i} rehearsal${i} symphony${i}`,
    }));
    state.threadFeedback(state.article(other), noise);
    state.threadFeedback(state.article(other), noise.slice(1));
    expect(state.vocab.epoch).toBeGreaterThan(before);

    expect(threadScore(state)).toBeCloseTo(fresh, 12);
  });
});
