/**
 * Sentence vectors by (model, text), least recently used dropped first, so
 * asking again after accepting one suggestion, or regrouping with another
 * "about k", costs no inference. 20,000 vectors of 384 floats is ~30 MB.
 */
export function createVectorCache(max = 20_000) {
  const map = new Map<string, Float32Array>();
  const key = (model: string, text: string) => `${model}\u0000${text}`;
  return {
    get(model: string, text: string): Float32Array | undefined {
      const k = key(model, text);
      const v = map.get(k);
      if (v) {
        map.delete(k);
        map.set(k, v);
      }
      return v;
    },
    set(model: string, text: string, vector: Float32Array) {
      const k = key(model, text);
      map.delete(k);
      map.set(k, vector);
      while (map.size > max) map.delete(map.keys().next().value!);
    },
    get size() {
      return map.size;
    },
  };
}

export type VectorCache = ReturnType<typeof createVectorCache>;

/**
 * Vectors for `texts` from the cache, asking `compute` only for the missing
 * ones (each distinct text once) and keeping what it returns.
 */
export async function cachedVectors(
  cache: VectorCache,
  model: string,
  texts: string[],
  compute: (missing: string[]) => Promise<Float32Array[]>,
): Promise<Float32Array[]> {
  const found = new Map<string, Float32Array>();
  for (const t of texts) {
    const v = found.has(t) ? undefined : cache.get(model, t);
    if (v) found.set(t, v);
  }
  const missing = [...new Set(texts.filter((t) => !found.has(t)))];
  if (missing.length) {
    const vectors = await compute(missing);
    missing.forEach((t, i) => {
      found.set(t, vectors[i]!);
      cache.set(model, t, vectors[i]!);
    });
  }
  return texts.map((t) => found.get(t)!);
}
