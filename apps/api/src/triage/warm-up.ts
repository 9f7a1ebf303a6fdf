import type { RuleInput } from '@sift/triage-engine';

/**
 * Sample comments a starting worker runs its rules over before it takes jobs (TriageService.warmUp): every rule's
 * paths — civil, name-calling, links, shouting, a reply, a thread, an author history — so the first real comments
 * meet compiled, optimised code. Our own sentences; nothing is stored.
 */
const ARTICLE = { title: 'Council passes the school budget', subtitle: 'Roads wait a year', body: 'The council voted to raise school spending and delay road repairs until next spring.' };
const TEXTS = [
  'The council should have funded the road repairs first, the potholes on Elm Street are dangerous.',
  'You are a complete idiot if you think this budget helps anyone.',
  'WHY DOES NOBODY READ THE ACTUAL BUDGET BEFORE VOTING??',
  'Read the full breakdown at https://example.org/budget and www.example.com/roads',
  '> The council voted to raise school spending\nGood. Teachers have waited long enough.',
  'What a pathetic excuse for a councillor, shame on you.',
  'lol check out my channel',
  'Les écoles méritent ce budget, mais les routes aussi.',
];
const at = new Date('2026-01-01T12:00:00Z');

export const WARM_UP_INPUTS: RuleInput[] = TEXTS.map((body, i) => ({
  comment: { title: null, body, authorName: `Reader ${i}`, authorId: null, receivedAt: at, articleId: 'warm-up' },
  article: ARTICLE,
  parent: i % 3 === 0 ? { title: null, body: TEXTS[(i + 1) % TEXTS.length], authorName: 'Reader' } : null,
  thread: TEXTS.filter((_, k) => k !== i).map((b) => ({ title: null, body: b })),
  author: {
    status: null,
    history: [{ id: `w${i}`, articleId: 'warm-up', title: null, body: TEXTS[(i + 2) % TEXTS.length], receivedAt: new Date(at.getTime() - 60_000) }],
  },
}));
