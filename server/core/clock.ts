/** Injected so rules about time (expiry, windows, timers) are testable. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
