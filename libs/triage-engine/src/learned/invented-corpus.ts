import { rng } from './sgd.js';
import type { LabelledComment } from './train.js';

/**
 * Invented labelled comments (no dataset text), for specs and demos: every third one calls "you" a made-up name no
 * lexicon knows ("glorbnik", "snarfwit"), the others are civil remarks about local topics. What flags the made-up
 * names is what a model learned from these labels. Seeded: the same n and seed give the same rows.
 */
const pick = <T>(xs: readonly T[], r: () => number) => xs[Math.floor(r() * xs.length)];
export function inventedDecisions(n: number, seed = 7): LabelledComment[] {
  const r = rng(seed);
  const names = ['glorbnik', 'snarfwit', 'blunderkopf', 'muckle-brain', 'dimwhistle'];
  const lead = ['honestly', 'wow', 'listen', 'seriously', 'oh please', 'typical'];
  const tail = ['', 'and everyone knows it', 'as usual', 'go away', 'again'];
  const topics = ['the library hours', 'the bus route', 'the school budget', 'the new bridge', 'parking on Elm Street', 'the recycling plan'];
  const civil = ['I think {t} deserves a second look', 'you make a fair point about {t}', 'thanks for the report on {t}', 'could the council explain {t}', 'I disagree about {t} but respect the work'];
  return Array.from({ length: n }, (_, i) => {
    const insult = i % 3 === 0;
    const body = insult
      ? `${pick(lead, r)}, you ${pick(names, r)} ${pick(tail, r)}`.trim()
      : pick(civil, r).replace('{t}', pick(topics, r));
    return { title: null, body, label: insult, lexicon: 0 };
  });
}

/**
 * A harder invented set (no dataset text), where day 0 is not simply blind: of the insults, half call "you" a word
 * the lexicon knows ("idiot", "moron", …) and half a made-up name; of the civil remarks, some use those same words
 * about things, not people ("the idiot light on my dashboard"), which the lexicon may flag and the site's
 * moderators approve. For the demo spec (learn-demo.integration-spec.ts): the learned model has to beat the lexicon,
 * not only see what it cannot. Seeded.
 */
export function inventedThread(n: number, seed = 7): Array<LabelledComment & { kind: 'known insult' | 'made-up insult' | 'civil' | 'civil, rude word' }> {
  const r = rng(seed);
  const known = ['idiot', 'moron', 'clown', 'fool', 'imbecile'];
  const madeUp = ['glorbnik', 'snarfwit', 'blunderkopf', 'muckle-brain', 'dimwhistle'];
  const lead = ['honestly', 'wow', 'listen', 'seriously', 'oh please', 'typical'];
  const tail = ['', 'and everyone knows it', 'as usual', 'go away', 'again', 'nobody asked you'];
  const topics = ['the library hours', 'the bus route', 'the school budget', 'the new bridge', 'parking on Elm Street', 'the recycling plan'];
  const civil = ['I think {t} deserves a second look', 'you make a fair point about {t}', 'thanks for the report on {t}', 'could the council explain {t}', 'I disagree about {t} but respect the work'];
  const rudeWord = [
    'the {w} light on my dashboard came on near {t}',
    'my cat played the {w} all morning, then I read about {t}',
    'the movie "{W} on the Hill" was filmed near {t}',
    'no {w} would plan {t} like this, which is why the engineers did',
  ];
  return Array.from({ length: n }, (_, i) => {
    const k = i % 6;
    if (k === 0 || k === 3) {
      const made = k === 3;
      const word = pick(made ? madeUp : known, r);
      const body = `${pick(lead, r)}, you ${made ? '' : pick(['are such a ', 'absolute ', 'pathetic ', ''], r)}${word} ${pick(tail, r)}`.replace(/\s+/g, ' ').trim();
      return { title: null, body, label: true, lexicon: 0, kind: made ? 'made-up insult' : 'known insult' };
    }
    if (k === 5) {
      const w = pick(known, r);
      const body = pick(rudeWord, r).replace('{w}', w).replace('{W}', w[0].toUpperCase() + w.slice(1)).replace('{t}', pick(topics, r));
      return { title: null, body, label: false, lexicon: 0, kind: 'civil, rude word' };
    }
    return { title: null, body: pick(civil, r).replace('{t}', pick(topics, r)), label: false, lexicon: 0, kind: 'civil' };
  });
}
