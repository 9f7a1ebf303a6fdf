/**
 * The stacker: one insult probability from the lexicon's score and the learned model's margin,
 * p = σ(a · margin + c · lexicon + bias), fitted by Newton's method on out-of-fold predictions; and the threshold
 * that maximises F1 over those predictions. Pure.
 */

export interface StackWeights {
  /** Weight of the learned model's margin (log-odds). */
  learned: number;
  /** Weight of the lexicon's score (0–1). */
  lexicon: number;
  bias: number;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** What a verdict scored by a site model says of it (evidence.learned): which model, its score, threshold and margin. */
export function modelEvidence(model: { version: number | null; fingerprint: string; threshold: number }, score: number, margin: number) {
  return { modelVersion: model.version, fingerprint: model.fingerprint, score, threshold: model.threshold, margin: Math.round(margin * 1000) / 1000 };
}

export function stacked(w: StackWeights, margin: number, lexicon: number): number {
  return sigmoid(w.learned * margin + w.lexicon * lexicon + w.bias);
}

/** Logistic regression on [margin, lexicon, 1] by Newton–Raphson (3 × 3 solve), with a small ridge for stability. */
export function fitStack(margins: readonly number[], lexicon: readonly number[], labels: readonly boolean[], ridge = 1e-3): StackWeights {
  const beta = fitNewton(
    labels.map((_, i) => [margins[i], lexicon[i]]),
    labels,
    { ridge: [ridge, ridge], start: [1, 0] },
  );
  return { learned: beta[0], lexicon: beta[1], bias: beta[2] };
}

/**
 * Logistic regression by Newton–Raphson on dense rows `xs` (a bias column is added last), with an L2 `ridge` per
 * feature (the bias unpenalised), from `start` (0 for every feature not given); `offset`: a fixed log-odds per row
 * the fit corrects (a prior model); `maxStep`: the largest change of any weight in one step (a damped Newton, for
 * data a few weights separate). Returns the weights, then the bias. Used by the stacker (2 features) and the
 * off-topic model (its rule's features, learned/off-topic-model.ts).
 */
export function fitNewton(
  xs: ReadonlyArray<readonly number[]>,
  labels: readonly boolean[],
  opt: { ridge: readonly number[]; start?: readonly number[]; offset?: readonly number[]; maxStep?: number },
): number[] {
  const { ridge, start = [], offset, maxStep = Infinity } = opt;
  const d = ridge.length + 1;
  let beta = Array.from({ length: d }, (_, a) => start[a] ?? 0);
  const x = new Array<number>(d);
  for (let iter = 0; iter < 25; iter++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, c) => (a !== c ? 0 : a < d - 1 ? ridge[a] : 1e-9)));
    for (let i = 0; i < labels.length; i++) {
      const row = xs[i];
      let z = 0;
      for (let a = 0; a < d - 1; a++) {
        x[a] = row[a];
        z += beta[a] * row[a];
      }
      z += beta[d - 1];
      if (offset) z += offset[i];
      x[d - 1] = 1;
      const p = sigmoid(z);
      const r = (labels[i] ? 1 : 0) - p;
      const wgt = p * (1 - p);
      for (let a = 0; a < d; a++) {
        g[a] += r * x[a];
        for (let c = 0; c < d; c++) h[a][c] += wgt * x[a] * x[c];
      }
    }
    for (let a = 0; a < d - 1; a++) g[a] -= ridge[a] * beta[a];
    const raw = solve(h, g);
    if (!raw) break;
    const big = Math.max(...raw.map(Math.abs));
    const step = big > maxStep ? raw.map((v) => (v * maxStep) / big) : raw;
    beta = beta.map((b, i) => b + step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-7) break;
  }
  return beta;
}

/** Gaussian elimination with partial pivoting; null when the system is singular. */
function solve(m: number[][], y: number[]): number[] | null {
  const n = y.length;
  const a = m.map((row, i) => [...row, y[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    if (Math.abs(a[p][c]) < 1e-12) return null;
    [a[c], a[p]] = [a[p], a[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r][c] / a[c][c];
      for (let k = c; k <= n; k++) a[r][k] -= f * a[c][k];
    }
  }
  return a.map((row, i) => row[n] / row[i]);
}

/**
 * The threshold with the best F1 over scored, labelled rows (ties: the higher threshold, fewer flags), or, with
 * `minPrecision`, the lowest threshold whose precision reaches it (the most recall at that precision).
 */
export function bestThreshold(scores: readonly number[], labels: readonly boolean[], minPrecision?: number): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const positives = labels.filter(Boolean).length;
  let tp = 0;
  let fp = 0;
  let best = { f1: -1, t: 1 };
  let byPrecision: number | null = null;
  for (let k = 0; k < order.length; k++) {
    if (labels[order[k]]) tp++;
    else fp++;
    if (k + 1 < order.length && scores[order[k + 1]] === scores[order[k]]) continue;
    const t = scores[order[k]];
    const precision = tp / (tp + fp);
    const recall = positives ? tp / positives : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    if (f1 > best.f1) best = { f1, t };
    if (minPrecision !== undefined && precision >= minPrecision) byPrecision = t;
  }
  return minPrecision !== undefined && byPrecision !== null ? byPrecision : best.t;
}
