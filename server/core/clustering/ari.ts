/** Adjusted Rand index of two labelings of the same items (1 = identical, ≈0 = chance). */
export function adjustedRand(a: readonly string[], b: readonly string[]): number {
  const n = a.length;
  if (n !== b.length) throw new Error("Both labelings must cover the same items.");
  if (n < 2) return 1;
  const pairs = (x: number) => (x * (x - 1)) / 2;
  const joint = new Map<string, number>();
  const ca = new Map<string, number>();
  const cb = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const key = JSON.stringify([a[i], b[i]]);
    joint.set(key, (joint.get(key) ?? 0) + 1);
    ca.set(a[i]!, (ca.get(a[i]!) ?? 0) + 1);
    cb.set(b[i]!, (cb.get(b[i]!) ?? 0) + 1);
  }
  let index = 0;
  for (const v of joint.values()) index += pairs(v);
  let sa = 0;
  for (const v of ca.values()) sa += pairs(v);
  let sb = 0;
  for (const v of cb.values()) sb += pairs(v);
  const expected = (sa * sb) / pairs(n);
  const max = (sa + sb) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}
