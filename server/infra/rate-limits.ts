import {
  BurstyRateLimiter,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { createClient } from "redis";
import type { Logger } from "../core/logger";
import { BOARD_OPS, type Budget, LIMITS, type LimitKind, type RateLimits, type Who } from "../core/rate-limit-policy";

export type { LimitKind, RateLimits };

/**
 * Counts the rate limits of the core's policy (rate-limit-policy.ts) with
 * rate-limiter-flexible: in memory with one process, in Redis when REDIS_URL
 * is set, so every process counts against the same budgets (two processes no
 * longer double them).
 */
type Store = (opts: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;

const keyOf = (by: Budget["by"], who: Who) => {
  const email = who.email?.trim().toLowerCase() || null;
  if (by === "address") return who.address;
  if (!email) return null;
  return by === "email" ? email : `${who.address}|${email}`;
};

function build(store: Store, status: () => string, close: () => Promise<void>): RateLimits {
  const budgets = Object.fromEntries(
    Object.entries(LIMITS).map(([kind, list]) => [
      kind,
      (list as readonly Budget[]).map((b) => ({
        by: b.by,
        limiter: store({ keyPrefix: `plenary:rl:${kind}:${b.by}`, points: b.points, duration: b.minutes * 60 }),
      })),
    ]),
  ) as Record<LimitKind, { by: Budget["by"]; limiter: RateLimiterAbstract }[]>;
  const boardOps = new BurstyRateLimiter(
    store({ keyPrefix: "plenary:rl:board", points: BOARD_OPS.perSecond, duration: 1 }),
    store({ keyPrefix: "plenary:rl:board-burst", points: BOARD_OPS.burst, duration: BOARD_OPS.burstSeconds }),
  );
  const waitOf = (e: unknown) => {
    if (e instanceof RateLimiterRes) return Math.max(1, e.msBeforeNext);
    throw e;
  };
  return {
    async take(kind, who) {
      const waits = await Promise.all(
        budgets[kind].map(async ({ by, limiter }) => {
          const key = keyOf(by, who);
          if (key === null) return 0;
          return limiter.consume(key).then(() => 0, waitOf);
        }),
      );
      return Math.max(0, ...waits);
    },
    async blocked(kind, who) {
      const waits = await Promise.all(
        budgets[kind].map(async ({ by, limiter }) => {
          const key = keyOf(by, who);
          const res = key === null ? null : await limiter.get(key);
          return res && res.consumedPoints >= limiter.points ? Math.max(1, res.msBeforeNext) : 0;
        }),
      );
      return Math.max(0, ...waits);
    },
    boardOp: (userId) => boardOps.consume(userId).then(() => 0, waitOf),
    status,
    close,
  };
}

export function createMemoryRateLimits(): RateLimits {
  return build(
    (o) => new RateLimiterMemory(o),
    () => "memory",
    async () => {},
  );
}

/**
 * Budgets in Redis, shared by every process. While Redis is unreachable each
 * process counts in memory (rate-limiter-flexible's insurance limiter) instead
 * of refusing everyone or waiting: a Redis outage must not stop sign-ins or boards.
 */
export async function createRedisRateLimits(url: string, log: Logger): Promise<RateLimits> {
  // No offline queue: a command while Redis is down fails at once and the insurance limiter counts it.
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (n) => Math.min(n * 200, 5000) },
  });
  let warned = false;
  client.on("error", (e: Error) => {
    if (!warned) log.warn("rate limits: redis unreachable; counting in memory until it returns", { error: e.message });
    warned = true;
  });
  client.on("ready", () => void (warned = false));
  try {
    await client.connect();
  } catch (e) {
    throw new Error(
      `Cannot connect to Redis at REDIS_URL (${(e as Error).message}). Start Redis or unset REDIS_URL to run one process alone.`,
    );
  }
  return build(
    (o) =>
      new RateLimiterRedis({
        ...o,
        storeClient: client,
        useRedisPackage: true,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(o),
      }),
    () => (client.isReady ? "redis" : "redis-unavailable"),
    async () => {
      await client.quit().catch(() => client.disconnect().catch(() => {}));
    },
  );
}
