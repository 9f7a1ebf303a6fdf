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
