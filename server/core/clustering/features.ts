import type { Lexicon } from "./lexicon";
import type { Analysed } from "./text";

/** Buckets for hashed stems: enough that collisions are rare on a board, small enough to stay dense. */
export const STEM_BUCKETS = 256;

export type FeatureOptions = {
  /** Share of the similarity carried by word vectors; the rest by shared stems. */
  vectorWeight: number;
  /** Smooth inverse frequency constant: frequent words weigh less (Arora et al., 2017). */
  sif: number;
};
export const DEFAULT_FEATURES: FeatureOptions = { vectorWeight: 0.85, sif: 1e-2 };

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) % STEM_BUCKETS;
}

function normalise(v: Float32Array, from = 0, to = v.length): number {
  let n = 0;
  for (let j = from; j < to; j++) n += v[j]! * v[j]!;
  n = Math.sqrt(n);
  if (n > 0) for (let j = from; j < to; j++) v[j]! /= n;
  return n;
}

/**
 * One unit vector per note: word vectors weighted by rarity, centred on the
 * board so the theme every note shares ("migrant women") does not dominate,
 * beside TF-IDF over stems (any language). Notes with no content words get a
 * zero vector, which clusters with nothing.
 */
export function lexicalFeatures(
  notes: Analysed[],
  lexicon: Lexicon | null,
  opts: FeatureOptions = DEFAULT_FEATURES,
): Float32Array[] {
  const D = lexicon?.dimensions ?? 0;
  const dim = D + STEM_BUCKETS;
  const df = new Map<string, number>();
  for (const n of notes) for (const s of new Set(n.stems)) df.set(s, (df.get(s) ?? 0) + 1);
  const N = notes.length;
  const rows = notes.map(() => new Float32Array(dim));
  const hasVector = notes.map(() => false);

  if (lexicon) {
    const zipf = Math.log(lexicon.size);
    notes.forEach((n, i) => {
      // The vectors are English: French "cours" or Spanish "papel" would pick up English senses.
      if (n.lang !== "en") return;
      for (const w of n.content) {
        const r = lexicon.rank(w);
        if (r === undefined) continue;
        const p = 1 / ((r + 10) * zipf);
        lexicon.addTo(rows[i]!, r, opts.sif / (opts.sif + p));
        hasVector[i] = true;
      }
    });
    const withVectors = rows.filter((_, i) => hasVector[i]);
    if (withVectors.length > 1) {
      const mean = new Float32Array(D);
      for (const r of withVectors) for (let j = 0; j < D; j++) mean[j]! += r[j]! / withVectors.length;
      for (const r of withVectors) for (let j = 0; j < D; j++) r[j]! -= mean[j]!;
    }
  }

  notes.forEach((n, i) => {
    const row = rows[i]!;
    for (const s of n.stems) row[D + hash(s)]! += Math.log((N + 1) / (df.get(s) ?? 1)) + 1;
    const e = D ? normalise(row, 0, D) : 0;
    const t = normalise(row, D, dim);
    if (e > 0) for (let j = 0; j < D; j++) row[j]! *= Math.sqrt(opts.vectorWeight);
    if (t > 0) for (let j = D; j < dim; j++) row[j]! *= Math.sqrt(1 - opts.vectorWeight);
    normalise(row);
  });
  return rows;
}

/** Unit-normalised copies of vectors from an embeddings provider. */
export function unitRows(vectors: number[][]): Float32Array[] {
  return vectors.map((v) => {
    const row = Float32Array.from(v);
    normalise(row);
    return row;
  });
}
