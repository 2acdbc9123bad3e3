/**
 * A token bucket per person: `burst` operations at once, refilled at `perSecond`.
 * In memory, per process: with several processes a person's limit is per
 * connection's process, which still stops a runaway client.
 */
export function createRateLimiter(burst: number, perSecond: number, now = () => Date.now()) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** 0 when allowed; otherwise how many ms until the next token. */
    take(key: string): number {
      const t = now();
      const b = buckets.get(key) ?? { tokens: burst, at: t };
      b.tokens = Math.min(burst, b.tokens + ((t - b.at) / 1000) * perSecond);
      b.at = t;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        buckets.set(key, b);
        return 0;
      }
      buckets.set(key, b);
      return Math.ceil(((1 - b.tokens) / perSecond) * 1000);
    },
    forget(key: string) {
      buckets.delete(key);
    },
  };
}
