/**
 * Paraphrases for the campaign benchmark set (campaign-set.ts): what people and scripts do to a pasted talking point
 * so it does not look pasted. `standard` is the mix the defaults were tuned on; `unseen` adds other perturbations at
 * other rates (the held-out check). Every copy keeps at least `MIN_SHARED` of the talking point's words.
 */
export type Mix = 'standard' | 'unseen';

export const MIN_SHARED = 0.6;

const EMOJI = ['😡', '👍', '🇺🇸', '🔥', '💯', '🙏', '😂'];
const EMOJI_UNSEEN = ['🤡', '⚠️', '👇', '✅', '🗳️', '😤'];
const SWAPS: Record<string, string[]> = {
  people: ['folks', 'citizens', 'voters'], government: ['state', 'regime', 'administration'], bad: ['terrible', 'awful'],
  good: ['great', 'fine'], think: ['believe', 'feel'], said: ['stated', 'claimed'], money: ['cash', 'funds'],
  country: ['nation'], big: ['huge', 'massive'], very: ['really', 'so'], need: ['must'], stop: ['end', 'halt'],
  wrong: ['incorrect', 'mistaken'], lie: ['falsehood'], lies: ['falsehoods'], true: ['correct'], vote: ['ballot'],
};
const OPENERS = ['Wake up people!', 'Read this:', 'Everyone needs to hear this.', 'Exactly.', 'Share this!', 'Facts:'];
const CLOSERS = ['Pass it on.', 'Think about it.', 'Enough is enough.', 'Vote them out!', 'Do your research.'];

const words = (t: string) => t.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];

/** Share of the talking point's distinct words that the copy still has (case and punctuation aside). */
export function sharedWords(base: string, copy: string): number {
  const b = new Set(words(base));
  const c = new Set(words(copy));
  let n = 0;
  for (const w of b) if (c.has(w)) n++;
  return b.size ? n / b.size : 1;
}

type Rnd = () => number;

function typo(w: string, rnd: Rnd, unseen: boolean): string {
  if (w.length < 4) return w;
  const i = 1 + Math.floor(rnd() * (w.length - 2));
  const kind = Math.floor(rnd() * (unseen ? 4 : 3));
  if (kind === 0) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2); // swapped letters
  if (kind === 1) return w.slice(0, i) + w.slice(i + 1); // dropped letter
  if (kind === 2) return w.slice(0, i) + 'aeiou'[Math.floor(rnd() * 5)] + w.slice(i + 1); // wrong letter
  return w.slice(0, i) + w[i] + w[i] + w[i] + w.slice(i + 1); // a stretched letter
}

function sentences(t: string): string[] {
  return t.match(/[^.!?]+[.!?]*\s*/g) ?? [t];
}

function mutateWords(text: string, rnd: Rnd, rate: { swap: number; typo: number; order: number }, other: string, unseen: boolean): string {
  const foreign = words(other);
  const parts = text.split(/(\s+)/);
  for (let i = 0; i < parts.length; i += 2) {
    const w = parts[i];
    const bare = w.toLowerCase().replace(/[^\p{L}']/gu, '');
    if (!bare) continue;
    const r = rnd();
    if (r < rate.swap) {
      const alts = SWAPS[bare];
      parts[i] = alts ? alts[Math.floor(rnd() * alts.length)] : foreign.length ? foreign[Math.floor(rnd() * foreign.length)] : w;
    } else if (r < rate.swap + rate.typo) parts[i] = typo(w, rnd, unseen);
    else if (r < rate.swap + rate.typo + rate.order && i + 2 < parts.length) [parts[i], parts[i + 2]] = [parts[i + 2], parts[i]];
  }
  return parts.join('');
}

function surface(text: string, rnd: Rnd, unseen: boolean): string {
  let t = text;
  const c = rnd();
  if (c < 0.15) t = t.toUpperCase();
  else if (c < 0.35) t = t.toLowerCase();
  const p = rnd();
  if (p < 0.2) t = t.replace(/[.,;:!?"()-]+/g, '');
  else if (p < 0.35) t = t.replace(/[.!?]+(\s|$)/g, unseen ? '?!$1' : '!!!$1');
  const e = rnd();
  const set = unseen ? EMOJI_UNSEEN : EMOJI;
  if (e < 0.35) t = `${t} ${set[Math.floor(rnd() * set.length)]}${rnd() < 0.5 ? set[Math.floor(rnd() * set.length)] : ''}`;
  if (unseen && rnd() < 0.2) t = t.replace(/(^|\s)(\p{L}{4,})/gu, (m, sp: string, w: string) => (rnd() < 0.15 ? `${sp}#${w}` : m)); // hashtags
  return t;
}

function sentenceEdits(text: string, rnd: Rnd, other: string, unseen: boolean): string {
  let ss = sentences(text);
  if (ss.length > 2 && rnd() < (unseen ? 0.35 : 0.25)) ss.splice(Math.floor(rnd() * ss.length), 1); // removed
  if (rnd() < (unseen ? 0.4 : 0.25)) ss = [`${OPENERS[Math.floor(rnd() * OPENERS.length)]} `, ...ss];
  if (rnd() < (unseen ? 0.4 : 0.25)) ss.push(` ${CLOSERS[Math.floor(rnd() * CLOSERS.length)]}`);
  if (rnd() < (unseen ? 0.35 : 0.2)) {
    const extra = sentences(other)[0]?.split(/\s+/).slice(0, 18).join(' ') ?? '';
    if (rnd() < 0.5) ss.push(` ${extra}`);
    else ss = [`${extra} `, ...ss];
  }
  return ss.join('').trim();
}

/** One paraphrase of `base`; `other` is some unrelated comment to borrow words and a sentence from. */
export function perturb(base: string, rnd: Rnd, mix: Mix, other: string): string {
  const unseen = mix === 'unseen';
  for (let attempt = 0; attempt < 8; attempt++) {
    const heavy = rnd() < 0.3;
    const rate = unseen
      ? { swap: heavy ? 0.15 : 0.06, typo: heavy ? 0.12 : 0.05, order: 0.05 }
      : { swap: heavy ? 0.12 : 0.04, typo: heavy ? 0.08 : 0.03, order: 0 };
    const t = surface(mutateWords(sentenceEdits(base, rnd, other, unseen), rnd, rate, other, unseen), rnd, unseen);
    if (sharedWords(base, t) >= MIN_SHARED) return t;
  }
  return surface(base, rnd, unseen);
}
