import type { Lexicon } from "./lexicon";
import type { Analysed } from "./text";

/**
 * The built-in engine's similarity between two notes: each content word finds
 * its best match in the other note (the same stem, else the closest English
 * word vector), and the matches are averaged with the words' rarity as
 * weights, both ways. Averaging vectors blurs a note into its commonest words;
 * matching word to word keeps "detention" meeting "detention" and
 * "xenophobia" meeting "racist" while "women" on both sides counts little.
 */
export type MatchingOptions = {
  /** Smooth inverse frequency constant (Arora et al., 2017): a word of corpus probability p weighs a/(a+p). */
  sif: number;
  /** Word-vector cosines at or below this count as no match; above it they are rescaled to 0…1. */
  floor: number;
};
export const DEFAULT_MATCHING: MatchingOptions = { sif: 3e-4, floor: 0.45 };

type Token = { stem: number; vector: number; weight: number };
/** A note's distinct stems (dense ids shared by the notes of one `matchNotes` call) and their weights. */
export type MatchNote = { tokens: Token[]; total: number; stems: Int32Array; weights: Float64Array };

/**
 * Tokens of every note with their weights. A word weighs by its rarity in
 * general English (GloVe's frequency ranks) and by how few notes of this board
 * use it (the probabilistic IDF of BM25), so the theme every note shares
 * ("migrant women") carries little of the similarity.
 */
export function matchNotes(notes: Analysed[], lexicon: Lexicon | null, opts = DEFAULT_MATCHING): MatchNote[] {
  const N = notes.length;
  const df = new Map<string, number>();
  for (const n of notes) for (const s of new Set(n.stems)) df.set(s, (df.get(s) ?? 0) + 1);
  const stemIds = new Map<string, number>();
  const zipf = lexicon ? Math.log(lexicon.size) : 1;
  const top = Math.log((N - 0.5) / 1.5 + 1);
  return notes.map((n) => {
    const seen = new Set<string>();
    const tokens: Token[] = [];
    n.stems.forEach((s, k) => {
      if (seen.has(s)) return;
      seen.add(s);
      if (!stemIds.has(s)) stemIds.set(s, stemIds.size);
      // The vectors are English: French "cours" or Spanish "papel" would pick up English senses.
      const rank = n.lang === "en" && lexicon ? lexicon.rank(n.content[k]!) : undefined;
      const p = rank === undefined ? 0 : 1 / ((rank + 10) * zipf);
      const d = df.get(s)!;
      const board = N > 2 ? Math.log((N - d + 0.5) / (d + 0.5) + 1) / top : 1;
      tokens.push({ stem: stemIds.get(s)!, vector: rank ?? -1, weight: (opts.sif / (opts.sif + p)) * board });
    });
    return {
      tokens,
      total: tokens.reduce((t, x) => t + x.weight, 0),
      stems: Int32Array.from(tokens.map((t) => t.stem)),
      weights: Float64Array.from(tokens.map((t) => t.weight)),
    };
  });
}

/**
 * Similarity of any two notes of one `matchNotes` call, fast enough for
 * thousands of notes: word matches are kept in a table by stem id (one byte
 * each, computed on first use) instead of a map.
 */
export function pairSimilarity(notes: MatchNote[], lexicon: Lexicon | null, opts = DEFAULT_MATCHING) {
  let V = 0;
  for (const n of notes) for (const t of n.tokens) V = Math.max(V, t.stem + 1);
  const rank = new Int32Array(V).fill(-1);
  for (const n of notes) for (const t of n.tokens) if (rank[t.stem] === -1) rank[t.stem] = t.vector;
  const match = wordMatcher(lexicon, opts);
  const UNKNOWN = 255;
  // 8,192 stems make a 64 MB table; a larger vocabulary goes through the memoised matcher.
  const table = V <= 8192 ? new Uint8Array(V * V).fill(UNKNOWN) : null;
  const word = (x: number, y: number): number => {
    if (x === y) return 1;
    if (!table) return match({ stem: x, vector: rank[x]!, weight: 0 }, { stem: y, vector: rank[y]!, weight: 0 });
    let q = table[x * V + y]!;
    if (q === UNKNOWN) {
      q = Math.round(254 * match({ stem: x, vector: rank[x]!, weight: 0 }, { stem: y, vector: rank[y]!, weight: 0 }));
      table[x * V + y] = q;
      table[y * V + x] = q;
    }
    return q / 254;
  };
  const covers = (a: MatchNote, b: MatchNote) => {
    if (a.total <= 0) return 0;
    let sum = 0;
    for (let i = 0; i < a.stems.length; i++) {
      const x = a.stems[i]!;
      let best = 0;
      for (let j = 0; j < b.stems.length && best < 1; j++) {
        const m = word(x, b.stems[j]!);
        if (m > best) best = m;
      }
      sum += a.weights[i]! * best;
    }
    return sum / a.total;
  };
  return (i: number, j: number) => (covers(notes[i]!, notes[j]!) + covers(notes[j]!, notes[i]!)) / 2;
}

/** Word-to-word similarity, memoised per pair of vector ranks. */
export function wordMatcher(lexicon: Lexicon | null, opts = DEFAULT_MATCHING) {
  const memo = new Map<number, number>();
  return (a: Token, b: Token): number => {
    if (a.stem === b.stem) return 1;
    if (!lexicon || a.vector < 0 || b.vector < 0) return 0;
    const [x, y] = a.vector < b.vector ? [a.vector, b.vector] : [b.vector, a.vector];
    const key = x * 131_072 + y;
    let m = memo.get(key);
    if (m === undefined) {
      m = Math.max(0, (lexicon.cosine(x, y) - opts.floor) / (1 - opts.floor));
      memo.set(key, m);
    }
    return m;
  };
}

/** All pairwise similarities as one flat n×n matrix (1 on the diagonal). */
export function matchingMatrix(notes: MatchNote[], lexicon: Lexicon | null): Float32Array {
  const n = notes.length;
  const sim = pairSimilarity(notes, lexicon);
  const S = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    S[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      const s = sim(i, j);
      S[i * n + j] = s;
      S[j * n + i] = s;
    }
  }
  return S;
}
