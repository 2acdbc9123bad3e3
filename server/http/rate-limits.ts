/**
 * Fixed-window limits for the doors people can hammer: signing in, signing up,
 * asking for a password reset, registering. In memory per process: with
 * several processes each enforces its own, which still bounds an attacker.
 */
export const LIMITS = {
  /** Failed sign-ins per address and email. */
  signInFailures: { max: 10, windowMs: 15 * 60_000 },
  signUp: { max: 20, windowMs: 60 * 60_000 },
  passwordReset: { max: 5, windowMs: 60 * 60_000 },
  registration: { max: 60, windowMs: 10 * 60_000 },
} as const;
export type LimitKind = keyof typeof LIMITS;

export function createRateLimits(now: () => number = Date.now) {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let sweeps = 0;
  const sweep = () => {
    const t = now();
    for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
  };
  return {
    /** Counts one attempt; returns the wait in ms when over the limit (the attempt is then refused). */
    take(kind: LimitKind, key: string): number {
      if (++sweeps % 1000 === 0) sweep();
      const { max, windowMs } = LIMITS[kind];
      const id = `${kind}:${key}`;
      const t = now();
      const w = windows.get(id);
      if (!w || w.resetAt <= t) {
        windows.set(id, { count: 1, resetAt: t + windowMs });
        return 0;
      }
      if (w.count >= max) return w.resetAt - t;
      w.count++;
      return 0;
    },
    /** Whether a kind is exhausted for a key, without counting an attempt. */
    blocked(kind: LimitKind, key: string): number {
      const w = windows.get(`${kind}:${key}`);
      return w && w.resetAt > now() && w.count >= LIMITS[kind].max ? w.resetAt - now() : 0;
    },
    reset(kind: LimitKind, key: string) {
      windows.delete(`${kind}:${key}`);
    },
  };
}
export type RateLimits = ReturnType<typeof createRateLimits>;
