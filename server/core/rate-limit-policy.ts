/**
 * How often people may try the doors that can be hammered. Each kind of
 * attempt has budgets keyed on the email it names and on the client's
 * address; the per-address budgets are sized for a large organisation behind
 * one NAT (a city hall, an agency's office: hundreds of people registering
 * from one address), while the per-email budgets stop guessing one account's
 * password or flooding one mailbox. README's Trust section states these
 * numbers; server/infra/rate-limits.ts counts them (in Redis when several
 * processes share the work).
 */
export type Budget = { by: "email" | "address" | "address+email"; points: number; minutes: number };

export const LIMITS = {
  /** Failed sign-ins (successes never count). */
  signInFailures: [
    { by: "address+email", points: 10, minutes: 15 },
    // Guessing one account's password from many addresses; high enough that nobody can lock an account out alone.
    { by: "email", points: 100, minutes: 15 },
    { by: "address", points: 300, minutes: 15 },
  ],
  signUp: [
    { by: "email", points: 5, minutes: 60 },
    { by: "address", points: 300, minutes: 60 },
  ],
  passwordReset: [
    { by: "email", points: 5, minutes: 60 },
    { by: "address", points: 300, minutes: 60 },
  ],
  registration: [
    { by: "email", points: 10, minutes: 10 },
    // A 100-person office registering for the same session from one address uses a tenth of this.
    { by: "address", points: 1000, minutes: 10 },
  ],
} as const satisfies Record<string, readonly Budget[]>;
export type LimitKind = keyof typeof LIMITS;

/** Board operations per person: 10 a second, plus bursts of up to 20 more every 10 seconds. */
export const BOARD_OPS = { perSecond: 10, burst: 20, burstSeconds: 10 } as const;

/** Who is attempting: the client's address, and the email (or account) the attempt names. */
export type Who = { address: string; email?: string | null };

export interface RateLimits {
  /** Counts one attempt against every budget of `kind`; the wait in ms when one is exhausted (the attempt is then refused), else 0. */
  take(kind: LimitKind, who: Who): Promise<number>;
  /** The wait in ms if `kind` is exhausted for these keys, without counting an attempt. */
  blocked(kind: LimitKind, who: Who): Promise<number>;
  /** One board operation by a person: the wait in ms when they go too fast, else 0. */
  boardOp(userId: string): Promise<number>;
  /** "redis", "redis-unavailable" (counting in memory meanwhile) or "memory". */
  status(): string;
  close(): Promise<void>;
}
