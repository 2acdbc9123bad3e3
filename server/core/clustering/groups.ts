import { averageLinkage, type Merge } from "./agglomerate";

/**
 * Precision-first grouping: a group is offered only when its notes are
 * clearly closer to each other than to the rest of the board, and a note that
 * fits nowhere stays loose (a facilitator places a loose note faster than they
 * split a wrong group).
 */

/** "More groups" lowers the bar (more notes grouped, less surely); "fewer" raises it. */
export type Granularity = "more" | "default" | "fewer";

/**
 * How much more alike two notes are than each is to the rest of the board:
 * their similarity minus the mean of the two notes' similarities to the other
 * notes. A note written in generic words resembles everything a little; this
 * keeps it from pulling unrelated notes together (the "hub" problem of
 * similarity search), and it leaves the scale of the engine behind.
 */
export function contrast(S: Float32Array, n: number): Float32Array {
  const rowSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) if (j !== i) s += S[i * n + j]!;
    rowSum[i] = s;
  }
  const C = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    C[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      const s = S[i * n + j]!;
      // The background of each note leaves the pair itself out; with nothing else on the board it is 0.
      const bi = n > 2 ? (rowSum[i]! - s) / (n - 2) : 0;
      const bj = n > 2 ? (rowSum[j]! - s) / (n - 2) : 0;
      const c = s - (bi + bj) / 2;
      C[i * n + j] = c;
      C[j * n + i] = c;
    }
  }
  return C;
}

/** Union-find over the first `steps` merges: a group id per note. */
function applyMerges(merges: Merge[], n: number, steps: number): Int32Array {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (let s = 0; s < steps; s++) parent[find(merges[s]!.b)] = find(merges[s]!.a);
  return Int32Array.from({ length: n }, (_, i) => find(i));
}

function groupsOf(roots: Int32Array): number[][] {
  const by = new Map<number, number[]>();
  roots.forEach((r, i) => {
    const g = by.get(r);
    if (g) g.push(i);
    else by.set(r, [i]);
  });
  return [...by.values()].filter((g) => g.length > 1);
}

/**
 * Average-linkage merges applied while the linked notes stay above
 * `threshold`, or, when `k` is asked for, the cut that yields closest to `k`
 * groups of two or more (ties go to the more surely grouped cut), never
 * merging below `floor`. Returns groups of two or more notes; the rest are loose.
 */
export function cutGroups(
  C: Float32Array,
  n: number,
  opts: { threshold: number; k?: number; floor: number },
): number[][] {
  if (n < 2) return [];
  const merges = averageLinkage(C, n);
  let steps = 0;
  if (opts.k === undefined) {
    while (steps < merges.length && merges[steps]!.similarity >= opts.threshold) steps++;
    return groupsOf(applyMerges(merges, n, steps));
  }
  // Count groups of two or more after each merge, without rebuilding the partition.
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const size = new Int32Array(n).fill(1);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  let groups = 0;
  let best = 0;
  let bestGap = opts.k;
  for (let s = 0; s < merges.length && merges[s]!.similarity >= opts.floor; s++) {
    const a = find(merges[s]!.a);
    const b = find(merges[s]!.b);
    groups += 1 - (size[a]! > 1 ? 1 : 0) - (size[b]! > 1 ? 1 : 0);
    parent[b] = a;
    size[a]! += size[b]!;
    const gap = Math.abs(groups - opts.k);
    // A later cut with the same count covers more notes; it is taken while it stays as close.
    if (gap <= bestGap) [best, bestGap] = [s + 1, gap];
  }
  return groupsOf(applyMerges(merges, n, best));
}

/** Mean of C between note `i` and the notes of `group` (leaving `i` out). */
export function fit(C: Float32Array, n: number, i: number, group: number[]): number {
  let s = 0;
  let c = 0;
  for (const j of group)
    if (j !== i) {
      s += C[i * n + j]!;
      c++;
    }
  return c ? s / c : 0;
}
