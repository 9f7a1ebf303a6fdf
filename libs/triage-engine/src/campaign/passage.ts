import { campaignWords } from './signature.js';

/** Longest comparison, in content words per text: a passage is found in the first 400 words of each. */
const MAX_WORDS = 400;

export interface SharedPassage {
  /** Where the passage is in the first text (UTF-16 offsets, from its first shared word to its last). */
  start: number;
  end: number;
  /** The same passage in the second text. */
  otherStart: number;
  otherEnd: number;
  /** How many content words long it is. */
  words: number;
}

/**
 * The passage two texts share: the longest run of content words (folded and stemmed, stopwords, case, punctuation
 * and emoji aside) that appears in both in the same order, with where it is in each. Null when they share fewer
 * than `minWords` consecutive content words.
 */
export function sharedPassage(text: string, other: string, minWords = 3): SharedPassage | null {
  const a = campaignWords(text).slice(0, MAX_WORDS);
  const b = campaignWords(other).slice(0, MAX_WORDS);
  // Longest common substring over the two word sequences: one row of run lengths at a time.
  let prev = new Uint16Array(b.length + 1);
  let best = 0;
  let endA = 0;
  let endB = 0;
  for (let i = 1; i <= a.length; i++) {
    const row = new Uint16Array(b.length + 1);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1].stem !== b[j - 1].stem) continue;
      row[j] = prev[j - 1] + 1;
      if (row[j] > best) {
        best = row[j];
        endA = i;
        endB = j;
      }
    }
    prev = row;
  }
  if (best < minWords) return null;
  return {
    start: a[endA - best].start,
    end: a[endA - 1].end,
    otherStart: b[endB - best].start,
    otherEnd: b[endB - 1].end,
    words: best,
  };
}
