import { averageLinkage, cut, silhouettesByK, similarityMatrix } from "./agglomerate";
import { keyPhrase, phraseCounts, shortText } from "./labels";
import type { Analysed } from "./text";

export type ClusterSuggestion = {
  label: string;
  noteIds: string[];
  representativeId: string;
  size: number;
  /** Mean similarity of the notes to the cluster's centre, 0…1. */
  cohesion: number;
};
export type Suggestions = { clusters: ClusterSuggestion[]; unclustered: string[] };
export type Placement = { noteId: string; clusterId: string; confidence: number };

export const LIMITS = {
  /** Above this many notes, clusters are found on an even sample and the rest placed by nearest centre. */
  sample: 1500,
  /** A note less similar than this to its cluster's centre is left unclustered. */
  minFit: 0.2,
  /** Placements weaker than this, or too close to a second cluster, are not suggested. */
  minPlacement: 0.3,
  placementMargin: 0.03,
};

const dot = (a: Float32Array, b: Float32Array) => {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j]! * b[j]!;
  return s;
};
const isZero = (r: Float32Array) => r.every((x) => x === 0);

function centroid(rows: Float32Array[]): Float32Array {
  const c = new Float32Array(rows[0]?.length ?? 0);
  for (const r of rows) for (let j = 0; j < c.length; j++) c[j]! += r[j]!;
  const n = Math.sqrt(dot(c, c));
  if (n > 0) for (let j = 0; j < c.length; j++) c[j]! /= n;
  return c;
}

/** How many clusters, when nobody says: the cut with the best silhouette among 2…~2√n. */
function chooseK(S: Float32Array, n: number, merges: ReturnType<typeof averageLinkage>): number {
  const maxK = Math.min(n - 1, Math.max(2, Math.round(2 * Math.sqrt(n))));
  const scores = silhouettesByK(S, n, merges, maxK);
  let best = 1;
  let bestScore = 0;
  for (let k = 2; k <= maxK; k++) {
    const score = scores[k]!;
    if (score > bestScore) [best, bestScore] = [k, score];
  }
  return best;
}

/**
 * Proposes clusters for notes given one unit vector each (`rows`) and their
 * analysed text (for labels). `k` asks for about that many clusters.
 */
export function suggestClusters(
  ids: string[],
  rows: Float32Array[],
  analysed: Analysed[],
  opts: { k?: number; texts?: string[] } = {},
): Suggestions {
  const usable = ids.map((_, i) => i).filter((i) => !isZero(rows[i]!));
  const unclustered = new Set(ids.filter((_, i) => isZero(rows[i]!)));
  if (usable.length < 2) return { clusters: [], unclustered: ids.slice() };

  // Large boards: find the themes on an even sample, then place every note by nearest centre.
  const stride = Math.max(1, usable.length / LIMITS.sample);
  const core = stride === 1 ? usable : Array.from({ length: LIMITS.sample }, (_, s) => usable[Math.floor(s * stride)]!);
  const m = core.length;
  const S = similarityMatrix(core.map((i) => rows[i]!));
  const merges = averageLinkage(S, m);
  const k = opts.k ? Math.max(1, Math.min(m, Math.round(opts.k))) : chooseK(S, m, merges);
  const labels = cut(merges, m, k);

  const groups: number[][] = Array.from({ length: k }, () => []);
  core.forEach((i, s) => groups[labels[s]!]!.push(i));
  let centres = groups.map((g) => centroid(g.map((i) => rows[i]!)));
  if (stride > 1) {
    const inCore = new Set(core);
    for (const i of usable) {
      if (inCore.has(i)) continue;
      let best = -1;
      let bestSim = -Infinity;
      centres.forEach((c, g) => {
        const s = dot(rows[i]!, c);
        if (s > bestSim) [best, bestSim] = [g, s];
      });
      groups[best]!.push(i);
    }
    centres = groups.map((g) => centroid(g.map((i) => rows[i]!)));
  }

  const counts = phraseCounts(analysed);
  const clusters: ClusterSuggestion[] = [];
  groups.forEach((g, gi) => {
    const fits = g.map((i) => ({ i, fit: dot(rows[i]!, centres[gi]!) }));
    const members = g.length < 2 ? [] : fits.filter((f) => f.fit >= LIMITS.minFit);
    for (const f of fits) if (!members.includes(f)) unclustered.add(ids[f.i]!);
    if (members.length < 2) {
      for (const f of members) unclustered.add(ids[f.i]!);
      return;
    }
    const rep = members.reduce((a, b) => (b.fit > a.fit ? b : a));
    const idx = members.map((f) => f.i);
    clusters.push({
      label:
        keyPhrase(idx, analysed, counts, analysed.length) ||
        shortText(opts.texts?.[rep.i] ?? analysed[rep.i]!.all.join(" ")),
      noteIds: idx.map((i) => ids[i]!),
      representativeId: ids[rep.i]!,
      size: members.length,
      cohesion: Math.max(0, Math.min(1, members.reduce((s, f) => s + f.fit, 0) / members.length)),
    });
  });
  clusters.sort((a, b) => b.size - a.size || b.cohesion - a.cohesion);
  return { clusters, unclustered: ids.filter((id) => unclustered.has(id)) };
}

/**
 * For each candidate note, the existing cluster whose centre it is closest
 * to, when that match is clear; weak or ambiguous matches are left alone.
 */
export function placeNotes(
  clusters: { id: string; rows: Float32Array[] }[],
  candidates: { id: string; row: Float32Array }[],
): Placement[] {
  const centres = clusters.filter((c) => c.rows.length > 0).map((c) => ({ id: c.id, centre: centroid(c.rows) }));
  const out: Placement[] = [];
  for (const cand of candidates) {
    if (isZero(cand.row) || centres.length === 0) continue;
    const scored = centres.map((c) => ({ id: c.id, sim: dot(cand.row, c.centre) })).sort((a, b) => b.sim - a.sim);
    const [first, second] = scored;
    if (first!.sim < LIMITS.minPlacement) continue;
    if (second && first!.sim - second.sim < LIMITS.placementMargin) continue;
    out.push({ noteId: cand.id, clusterId: first!.id, confidence: Math.round(Math.min(1, first!.sim) * 100) / 100 });
  }
  return out.sort((a, b) => b.confidence - a.confidence);
}
