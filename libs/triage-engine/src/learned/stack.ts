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

export function stacked(w: StackWeights, margin: number, lexicon: number): number {
  return sigmoid(w.learned * margin + w.lexicon * lexicon + w.bias);
}

/** Logistic regression on [margin, lexicon, 1] by Newton–Raphson (3 × 3 solve), with a small ridge for stability. */
export function fitStack(margins: readonly number[], lexicon: readonly number[], labels: readonly boolean[], ridge = 1e-3): StackWeights {
  let beta = [1, 0, 0];
  for (let iter = 0; iter < 25; iter++) {
    const g = [0, 0, 0];
    const h = [
      [ridge, 0, 0],
      [0, ridge, 0],
      [0, 0, 1e-9],
    ];
    for (let i = 0; i < labels.length; i++) {
      const x = [margins[i], lexicon[i], 1];
      const p = sigmoid(beta[0] * x[0] + beta[1] * x[1] + beta[2]);
      const r = (labels[i] ? 1 : 0) - p;
      const wgt = p * (1 - p);
      for (let a = 0; a < 3; a++) {
        g[a] += r * x[a];
        for (let c = 0; c < 3; c++) h[a][c] += wgt * x[a] * x[c];
      }
    }
    g[0] -= ridge * beta[0];
    g[1] -= ridge * beta[1];
    const step = solve3(h, g);
    if (!step) break;
    beta = beta.map((b, i) => b + step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-7) break;
  }
  return { learned: beta[0], lexicon: beta[1], bias: beta[2] };
}

function solve3(m: number[][], y: number[]): number[] | null {
  const a = m.map((row, i) => [...row, y[i]]);
  for (let c = 0; c < 3; c++) {
    let p = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    if (Math.abs(a[p][c]) < 1e-12) return null;
    [a[c], a[p]] = [a[p], a[c]];
    for (let r = 0; r < 3; r++) {
      if (r === c) continue;
      const f = a[r][c] / a[c][c];
      for (let k = c; k < 4; k++) a[r][k] -= f * a[c][k];
    }
  }
  return [a[0][3] / a[0][0], a[1][3] / a[1][1], a[2][3] / a[2][2]];
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
