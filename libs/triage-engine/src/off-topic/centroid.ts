import type { Term } from './terms.js';

/**
 * The centroid of a set of comments (a thread, or its seeds) as bags of stems, and a comment's cosine to it: what
 * the off-topic model reads as "how much does this comment read like the rest of the thread". Each comment is a
 * vector of stem weight × thread idf (ln((1 + n) / (1 + df)) + 1, over the thread), L2-normalised; the centroid is
 * their sum. A comment that is one of the members is compared with the centroid of the others (never its own
 * evidence). Built on demand, only when a learned model asks (day 0 never does).
 */
export class Centroid {
  private readonly sum = new Map<string, number>();
  private readonly norm2: number;
  private readonly members: ReadonlyArray<Map<string, number>>;

  /** `docs`: the members' terms; `idf`: the thread's stem idf (see `threadIdf`). */
  constructor(
    docs: ReadonlyArray<readonly Term[]>,
    private readonly idf: (stem: string) => number,
  ) {
    this.members = docs.map((d) => unitVector(d, idf));
    for (const v of this.members) for (const [s, x] of v) this.sum.set(s, (this.sum.get(s) ?? 0) + x);
    let n2 = 0;
    for (const x of this.sum.values()) n2 += x * x;
    this.norm2 = n2;
  }

  /** Cosine of the comment's terms with the centroid (of the other members when it is member `self`); 0 when either is empty. */
  cosine(terms: readonly Term[], self = -1): number {
    const v = unitVector(terms, this.idf);
    if (v.size === 0) return 0;
    const own = self >= 0 ? this.members[self] : null;
    let dot = 0;
    for (const [s, x] of v) dot += x * ((this.sum.get(s) ?? 0) - (own?.get(s) ?? 0));
    let n2 = this.norm2;
    if (own) {
      let cs = 0;
      for (const [s, x] of own) cs += x * (this.sum.get(s) ?? 0);
      n2 += -2 * cs + (own.size ? 1 : 0);
    }
    return n2 > 1e-12 ? dot / Math.sqrt(n2) : 0;
  }
}

/** Smooth idf of each stem over the thread's comments (a stem no comment uses gets the highest). */
export function threadIdf(docs: ReadonlyArray<readonly Term[]>): (stem: string) => number {
  const df = new Map<string, number>();
  for (const d of docs) for (const s of new Set(d.map((t) => t.stem))) df.set(s, (df.get(s) ?? 0) + 1);
  const n = docs.length;
  return (stem) => Math.log((1 + n) / (1 + (df.get(stem) ?? 0))) + 1;
}

function unitVector(terms: readonly Term[], idf: (stem: string) => number): Map<string, number> {
  const v = new Map<string, number>();
  for (const t of terms) v.set(t.stem, (v.get(t.stem) ?? 0) + t.weight);
  let n2 = 0;
  for (const [s, x] of v) {
    const y = x * idf(s);
    v.set(s, y);
    n2 += y * y;
  }
  const inv = n2 > 0 ? 1 / Math.sqrt(n2) : 0;
  for (const [s, x] of v) v.set(s, x * inv);
  return v;
}
