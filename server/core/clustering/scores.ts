import { adjustedRand } from "./ari";

/**
 * How a suggested grouping compares with a facilitator's, for the bench and
 * the tests. `suggested` is the suggestion's groups of two or more (note
 * indices); every other note is loose. `truth` names each note's true group.
 */
export function groupingScores(truth: readonly string[], suggested: readonly number[][]) {
  const n = truth.length;
  const label = truth.map((_, i) => `loose:${i}`);
  suggested.forEach((g, k) => g.forEach((i) => (label[i] = `group:${k}`)));
  let pairs = 0;
  let right = 0;
  for (const g of suggested)
    for (let a = 0; a < g.length; a++)
      for (let b = a + 1; b < g.length; b++) {
        pairs++;
        if (truth[g[a]!] === truth[g[b]!]) right++;
      }
  const covered = suggested.reduce((t, g) => t + (g.length > 1 ? g.length : 0), 0);
  return {
    ari: adjustedRand(label, truth),
    notesInPlace: notesInPlace(label, truth),
    /** Of the pairs a suggestion puts together, the share that belong together (NaN when it pairs nothing). */
    pairPrecision: pairs ? right / pairs : Number.NaN,
    pairs,
    rightPairs: right,
    /** The share of notes in a suggested group of two or more. */
    coverage: n ? covered / n : 0,
  };
}

/**
 * The share of notes a facilitator need not move to turn one grouping into
 * the other: the largest one-to-one matching between the groups (loose notes
 * as groups of one), counted in notes, over all notes (Hungarian algorithm).
 */
export function notesInPlace(a: readonly string[], b: readonly string[]): number {
  if (!a.length) return 1;
  const A = [...new Set(a)];
  const B = [...new Set(b)];
  const ai = new Map(A.map((x, i) => [x, i]));
  const bi = new Map(B.map((x, i) => [x, i]));
  const size = Math.max(A.length, B.length);
  const overlap = Array.from({ length: size }, () => new Float64Array(size));
  a.forEach((x, i) => overlap[ai.get(x)!]![bi.get(b[i]!)!]!++);
  return maxAssignment(overlap) / a.length;
}

/** Maximum-weight perfect matching on a square matrix (Kuhn–Munkres with potentials, O(n³)). */
function maxAssignment(w: Float64Array[]): number {
  const n = w.length;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = -w[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  let total = 0;
  for (let j = 1; j <= n; j++) if (p[j]) total += w[p[j]! - 1]![j - 1]!;
  return total;
}
