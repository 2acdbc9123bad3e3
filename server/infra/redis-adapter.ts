import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import type { Server } from "socket.io";
import type { Logger } from "../core/logger";

/**
 * Shares Socket.IO broadcasts between processes through Redis pub/sub. When
 * Redis goes away each process keeps serving its own clients; /healthz says so.
 */
export async function attachRedisAdapter(io: Server, url: string, log: Logger) {
  const pub = createClient({ url, socket: { reconnectStrategy: (n) => Math.min(n * 200, 5000) } });
  const sub = pub.duplicate();
  let up = false;
  for (const c of [pub, sub]) {
    c.on("error", (e: Error) => {
      if (up) log.warn("redis connection problem; broadcasts stay local until it returns", { error: e.message });
      up = false;
    });
    c.on("ready", () => {
      up = pub.isReady && sub.isReady;
    });
  }
  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (e) {
    throw new Error(
      `Cannot connect to Redis at REDIS_URL (${(e as Error).message}). Start Redis or unset REDIS_URL to run one process alone.`,
    );
  }
  up = true;
  // The adapter publishes without waiting; while Redis is down or closing, a refused publish
  // must not become an unhandled rejection that stops the process: the broadcast stays local.
  const publish = pub.publish.bind(pub);
  (pub as { publish: typeof publish }).publish = ((...args: Parameters<typeof publish>) =>
    publish(...args).catch((e: Error) => {
      log.warn("redis publish failed; this broadcast reached this process's clients only", { error: e.message });
      return 0;
    })) as typeof pub.publish;
  io.adapter(createAdapter(pub, sub));
  return {
    status: () => (pub.isReady && sub.isReady ? "redis" : "redis-unavailable"),
    close: async () => {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
