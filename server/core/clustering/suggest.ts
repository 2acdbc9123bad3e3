import { averageLinkage, cut, silhouettesByK, similarityMatrix } from "./agglomerate";
import { contrast, cutGroups, fit, type Granularity } from "./groups";
import { labelGroups } from "./labels";
import type { Lexicon } from "./lexicon";
import { type MatchNote, pairSimilarity } from "./matching";
import type { Analysed } from "./text";

export type ClusterSuggestion = {
  label: string;
  noteIds: string[];
  representativeId: string;
  size: number;
  /** Mean similarity between the group's notes, 0…1 (the engine's own scale). */
  cohesion: number;
};
export type Suggestions = { clusters: ClusterSuggestion[]; unclustered: string[] };
export type Placement = { noteId: string; clusterId: string; confidence: number };
export type SuggestOptions = { k?: number; granularity?: Granularity };

export const LIMITS = {
  /** Above this many notes, groups are found on an even sample and the other notes join them or stay loose. */
  sample: 1500,
  /** Sentence vectors: a note less similar than this to its group's centre is left loose. */
  minFit: 0.2,
  /** Placements weaker than this, or too close to a second cluster, are not suggested. */
  minPlacement: 0.3,
  placementMargin: 0.03,
};

/**
 * The built-in engine's bar: how much more alike two notes' words must be
 * than each note is to the rest of the board (see groups.ts `contrast`). Set
 * on the development boards for pair precision first; "more groups" and
 * "fewer, surer groups" move it, and "about k" never merges below `floor`.
 */
export const WORD_MATCH_BAR: Record<Granularity, number> & { floor: number } = {
  more: 0.08,
  default: 0.12,
  fewer: 0.16,
  floor: 0.06,
};

const dot = (a: Float32Array, b: Float32Array) => {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j]! * b[j]!;
  return s;
};
const isZero = (r: Float32Array) => !r.some((x) => x !== 0 && !Number.isNaN(x));

function centroid(rows: Float32Array[]): Float32Array {
  const c = new Float32Array(rows[0]?.length ?? 0);
  for (const r of rows) for (let j = 0; j < c.length; j++) c[j]! += r[j]!;
  const n = Math.sqrt(dot(c, c));
  if (n > 0) for (let j = 0; j < c.length; j++) c[j]! /= n;
  return c;
}

/** An even sample of at most LIMITS.sample indices, in order. */
function sampleOf(usable: number[]): number[] {
  const stride = Math.max(1, usable.length / LIMITS.sample);
  return stride === 1 ? usable : Array.from({ length: LIMITS.sample }, (_, s) => usable[Math.floor(s * stride)]!);
}

/** Groups (as note indices) turned into suggestions: surest first, each named, with its most central note. */
function finish(
  ids: string[],
  groups: number[][],
  sim: (i: number, j: number) => number,
  analysed: Analysed[],
  lexicon: Lexicon | null,
  loose: Set<string>,
): Suggestions {
  // Large groups (on large boards) are judged and named on an even sample of their notes.
  const spread = (g: number[], max: number) =>
    g.length <= max ? g : Array.from({ length: max }, (_, s) => g[Math.floor((s * g.length) / max)]!);
  const scored = groups.map((g) => {
    const seen = spread(g, 200);
    const central = seen.map((i) => ({
      i,
      mean: seen.reduce((t, j) => t + (i === j ? 0 : sim(i, j)), 0) / (seen.length - 1),
    }));
    const rep = central.reduce((a, b) => (b.mean > a.mean ? b : a));
    const cohesion = central.reduce((t, c) => t + c.mean, 0) / central.length;
    return { g, rep: rep.i, cohesion: Math.max(0, Math.min(1, cohesion)) };
  });
  scored.sort((a, b) => b.g.length - a.g.length || b.cohesion - a.cohesion);
  const labels = labelGroups(
    scored.map((s) => spread(s.g, 60)),
    analysed,
    lexicon,
  );
  const grouped = new Set(groups.flat());
  ids.forEach((id, i) => {
    if (!grouped.has(i)) loose.add(id);
  });
  return {
    clusters: scored.map((s, k) => ({
      label: labels[k]!,
      noteIds: s.g.map((i) => ids[i]!),
      representativeId: ids[s.rep]!,
      size: s.g.length,
      cohesion: Math.round(s.cohesion * 1000) / 1000,
    })),
    unclustered: ids.filter((id) => loose.has(id)),
  };
}

/**
 * The built-in engine: groups by word-to-word matching (matching.ts), cut
 * strictly on the contrast of similarities, so only coherent groups are
 * offered and a note that fits nowhere stays loose.
 */
export function suggestByMatching(
  ids: string[],
  notes: MatchNote[],
  analysed: Analysed[],
  lexicon: Lexicon | null,
  opts: SuggestOptions = {},
): Suggestions {
  const sim = pairSimilarity(notes, lexicon);
  const usable = ids.map((_, i) => i).filter((i) => notes[i]!.total > 0);
  const loose = new Set(ids.filter((_, i) => notes[i]!.total <= 0));
  const core = sampleOf(usable);
  const m = core.length;
  const S = new Float32Array(m * m);
  for (let a = 0; a < m; a++) {
    S[a * m + a] = 1;
    for (let b = a + 1; b < m; b++) S[a * m + b] = S[b * m + a] = sim(core[a]!, core[b]!);
  }
  const C = contrast(S, m);
  const bar = WORD_MATCH_BAR[opts.granularity ?? "default"];
  const local = cutGroups(C, m, {
    threshold: bar,
    ...(opts.k ? { k: Math.max(1, Math.round(opts.k)) } : {}),
    floor: Math.min(bar, WORD_MATCH_BAR.floor),
  });
  const groups = local.map((g) => g.map((a) => core[a]!));
  if (m < usable.length) joinLargeBoard(usable, core, S, groups, sim, bar);
  return finish(ids, groups, sim, analysed, lexicon, loose);
}

/**
 * Notes outside the sample of a large board join the group they match best,
 * on the same contrast (against a spread of sampled notes as background), or
 * stay loose.
 */
function joinLargeBoard(
  usable: number[],
  core: number[],
  S: Float32Array,
  groups: number[][],
  sim: (i: number, j: number) => number,
  bar: number,
) {
  const m = core.length;
  const background = new Map<number, number>();
  core.forEach((i, a) => {
    let s = 0;
    for (let b = 0; b < m; b++) if (b !== a) s += S[a * m + b]!;
    background.set(i, s / (m - 1));
  });
  const probe = core.filter((_, a) => a % Math.max(1, Math.floor(m / 100)) === 0);
  // A few of each group's most central notes stand for it.
  const faces = groups.map((g) =>
    g
      .map((i) => ({ i, c: g.reduce((t, j) => t + (i === j ? 0 : sim(i, j)), 0) }))
      .sort((a, b) => b.c - a.c)
      .slice(0, 8)
      .map((x) => x.i),
  );
  const inCore = new Set(core);
  for (const i of usable) {
    if (inCore.has(i)) continue;
    const mine = probe.reduce((t, j) => t + sim(i, j), 0) / probe.length;
    let best = -1;
    let bestC = bar;
    faces.forEach((f, g) => {
      const s = f.reduce((t, j) => t + sim(i, j), 0) / f.length;
      const theirs = f.reduce((t, j) => t + background.get(j)!, 0) / f.length;
      const c = s - (mine + theirs) / 2;
      if (c >= bestC) [best, bestC] = [g, c];
    });
    if (best >= 0) groups[best]!.push(i);
  }
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
 * Sentence-embedding engines (local model or provider): average linkage over
 * the vectors, cut at "about k" or where the silhouette is best ("more groups"
 * cuts half as many again, "fewer" a third fewer), and a note far from its
 * group's centre is left loose.
 */
export function suggestByVectors(
  ids: string[],
  rows: Float32Array[],
  analysed: Analysed[],
  lexicon: Lexicon | null,
  opts: SuggestOptions = {},
): Suggestions {
  const usable = ids.map((_, i) => i).filter((i) => !isZero(rows[i]!));
  const loose = new Set(ids.filter((_, i) => isZero(rows[i]!)));
  if (usable.length < 2) return { clusters: [], unclustered: ids.slice() };
  const core = sampleOf(usable);
  const m = core.length;
  const S = similarityMatrix(core.map((i) => rows[i]!));
  const merges = averageLinkage(S, m);
  const scale = opts.granularity === "more" ? 1.5 : opts.granularity === "fewer" ? 2 / 3 : 1;
  const k = Math.max(1, Math.min(m, Math.round((opts.k ? opts.k : chooseK(S, m, merges)) * (opts.k ? 1 : scale))));
  const labels = cut(merges, m, k);
  const groups: number[][] = Array.from({ length: k }, () => []);
  core.forEach((i, s) => groups[labels[s]!]!.push(i));
  let centres = groups.map((g) => centroid(g.map((i) => rows[i]!)));
  if (m < usable.length) {
    const inCore = new Set(core);
    for (const i of usable) {
      if (inCore.has(i)) continue;
      let best = 0;
      centres.forEach((c, g) => {
        if (dot(rows[i]!, c) > dot(rows[i]!, centres[best]!)) best = g;
      });
      groups[best]!.push(i);
    }
    centres = groups.map((g) => centroid(g.map((i) => rows[i]!)));
  }
  const minFit = LIMITS.minFit + (opts.granularity === "fewer" ? 0.1 : opts.granularity === "more" ? -0.05 : 0);
  const kept = groups
    .map((g, gi) => (g.length < 2 ? [] : g.filter((i) => dot(rows[i]!, centres[gi]!) >= minFit)))
    .filter((g) => g.length >= 2);
  return finish(ids, kept, (i, j) => dot(rows[i]!, rows[j]!), analysed, lexicon, loose);
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

/**
 * The built-in engine's placements: a loose note goes to the cluster whose
 * notes it matches best on the contrast the grouping uses, when it clears the
 * default bar and beats the next cluster clearly. Confidence 0.5 means just
 * over the bar, 1 four times the bar or more.
 */
export function placeByMatching(
  clusters: { id: string; members: number[] }[],
  candidates: number[],
  C: Float32Array,
  n: number,
): { index: number; clusterId: string; confidence: number }[] {
  const bar = WORD_MATCH_BAR.default;
  const out: { index: number; clusterId: string; confidence: number }[] = [];
  for (const i of candidates) {
    const scored = clusters
      .filter((c) => c.members.length > 0)
      .map((c) => ({ id: c.id, c: fit(C, n, i, c.members) }))
      .sort((a, b) => b.c - a.c);
    const [first, second] = scored;
    if (!first || first.c < bar) continue;
    if (second && first.c - second.c < LIMITS.placementMargin) continue;
    out.push({
      index: i,
      clusterId: first.id,
      confidence: Math.round(Math.min(1, 0.5 + (first.c - bar) / (6 * bar)) * 100) / 100,
    });
  }
  return out.sort((a, b) => b.confidence - a.confidence);
}
