/**
 * Cosine similarities of unit rows, as one flat n×n matrix. Lexical rows are
 * mostly zeros (a hundred vector dimensions beside a few stem buckets), so
 * each row's non-zero entries are listed once and a pair costs its non-zeros,
 * not the full width; dense rows (from an embeddings provider) keep the plain loop.
 */
export function similarityMatrix(rows: Float32Array[]): Float32Array {
  const n = rows.length;
  const S = new Float32Array(n * n);
  const width = rows[0]?.length ?? 0;
  const nz = rows.map((r) => {
    const idx: number[] = [];
    for (let d = 0; d < r.length; d++) if (r[d] !== 0) idx.push(d);
    return Int32Array.from(idx);
  });
  const sparse = nz.reduce((t, x) => t + x.length, 0) < 0.6 * width * n;
  for (let i = 0; i < n; i++) {
    const a = rows[i]!;
    S[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      const b = rows[j]!;
      let dot = 0;
      if (sparse) {
        const idx = nz[j]!;
        for (let t = 0; t < idx.length; t++) dot += a[idx[t]!]! * b[idx[t]!]!;
      } else {
        for (let d = 0; d < a.length; d++) dot += a[d]! * b[d]!;
      }
      S[i * n + j] = dot;
      S[j * n + i] = dot;
    }
  }
  return S;
}

export type Merge = { a: number; b: number; similarity: number };

/**
 * Average-linkage agglomeration by the nearest-neighbour chain algorithm:
 * O(n²) time on a copy of the similarity matrix. Returns the n−1 merges from
 * the most to the least similar; cut the list to get any number of clusters.
 */
export function averageLinkage(S: Float32Array, n: number): Merge[] {
  const sim = S.slice();
  const size = new Int32Array(n).fill(1);
  const alive = new Uint8Array(n).fill(1);
  const merges: Merge[] = [];
  const chain: number[] = [];
  let remaining = n;
  while (remaining > 1) {
    if (chain.length === 0) {
      for (let i = 0; i < n; i++)
        if (alive[i]) {
          chain.push(i);
          break;
        }
    }
    const top = chain[chain.length - 1]!;
    const prev = chain.length > 1 ? chain[chain.length - 2]! : -1;
    let best = -1;
    let bestSim = -Infinity;
    for (let j = 0; j < n; j++) {
      if (j === top || !alive[j]) continue;
      const s = sim[top * n + j]!;
      // Ties go to the previous element so the chain always terminates.
      if (s > bestSim || (s === bestSim && j === prev)) [best, bestSim] = [j, s];
    }
    if (best === prev) {
      chain.pop();
      chain.pop();
      const [a, b] = top < prev ? [top, prev] : [prev, top];
      merges.push({ a, b, similarity: bestSim });
      const sa = size[a]!,
        sb = size[b]!;
      for (let k = 0; k < n; k++) {
        if (!alive[k] || k === a || k === b) continue;
        const v = (sa * sim[a * n + k]! + sb * sim[b * n + k]!) / (sa + sb);
        sim[a * n + k] = v;
        sim[k * n + a] = v;
      }
      size[a] = sa + sb;
      alive[b] = 0;
      remaining--;
    } else {
      chain.push(best);
    }
  }
  // Average linkage is reducible, so sorting by height keeps every merge after the merges it builds on.
  return merges
    .map((m, i) => ({ m, i }))
    .sort((x, y) => y.m.similarity - x.m.similarity || x.i - y.i)
    .map((x) => x.m);
}

/** Cluster labels 0…k−1 (in order of first appearance) after applying the first n−k merges. */
export function cut(merges: Merge[], n: number, k: number): Int32Array {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  const steps = Math.max(0, Math.min(merges.length, n - k));
  for (let s = 0; s < steps; s++) parent[find(merges[s]!.b)] = find(merges[s]!.a);
  const labels = new Int32Array(n);
  const ids = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (!ids.has(r)) ids.set(r, ids.size);
    labels[i] = ids.get(r)!;
  }
  return labels;
}

/** Mean silhouette (distance 1 − similarity); notes alone in their cluster count 0. */
export function silhouette(S: Float32Array, n: number, labels: Int32Array, k: number): number {
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i++) counts[labels[i]!]!++;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const own = labels[i]!;
    if (counts[own]! < 2) continue;
    sums.fill(0);
    for (let j = 0; j < n; j++) sums[labels[j]!]! += 1 - S[i * n + j]!;
    const a = sums[own]! / (counts[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c]! > 0) b = Math.min(b, sums[c]! / counts[c]!);
    if (b === Infinity) continue;
    total += (b - a) / Math.max(a, b, 1e-9);
  }
  return total / n;
}

/**
 * Mean silhouette of every cut from maxK clusters down to 2, as `scores[k]`.
 * Same values as `silhouette` on each `cut`, in O(n² + n·maxK²) rather than
 * O(n²·maxK): each point's summed distance to each cluster is computed once at
 * maxK, and undoing a merge's split is adding two columns.
 */
export function silhouettesByK(S: Float32Array, n: number, merges: Merge[], maxK: number): Float64Array {
  const scores = new Float64Array(maxK + 1);
  if (maxK < 2 || n < 3) return scores;
  const labels = cut(merges, n, maxK);
  const K = labels.reduce((m, l) => Math.max(m, l + 1), 0);
  const sums = new Float64Array(n * K);
  const counts = new Int32Array(K);
  for (let i = 0; i < n; i++) {
    counts[labels[i]!]!++;
    for (let j = 0; j < n; j++) sums[i * K + labels[j]!]! += 1 - S[i * n + j]!;
  }
  const parent = Int32Array.from({ length: K }, (_, c) => c);
  const find = (c: number): number => {
    while (parent[c] !== c) c = parent[c] = parent[parent[c]!]!;
    return c;
  };
  const alive = new Uint8Array(K).fill(1);
  for (let k = K; k >= 2; k--) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const own = find(labels[i]!);
      if (counts[own]! < 2) continue;
      const a = sums[i * K + own]! / (counts[own]! - 1);
      let b = Infinity;
      for (let c = 0; c < K; c++) if (alive[c] && c !== own) b = Math.min(b, sums[i * K + c]! / counts[c]!);
      if (b === Infinity) continue;
      total += (b - a) / Math.max(a, b, 1e-9);
    }
    scores[k] = total / n;
    // Going from k to k−1 clusters applies merge n−k.
    const m = merges[n - k];
    if (!m) break;
    const ca = find(labels[m.a]!),
      cb = find(labels[m.b]!);
    if (ca === cb) break;
    for (let i = 0; i < n; i++) sums[i * K + ca]! += sums[i * K + cb]!;
    counts[ca]! += counts[cb]!;
    parent[cb] = ca;
    alive[cb] = 0;
  }
  return scores;
}
