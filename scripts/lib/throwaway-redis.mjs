// Starts a disposable redis-server (Debian's package) on a free loopback port,
// without persistence, for the multi-process tests.
import { spawn, spawnSync } from "node:child_process";
import { createConnection } from "node:net";
import { freePort } from "./throwaway-postgres.mjs";

export const REDIS_HINT =
  "redis-server not found: install it with `sudo apt-get install -y redis-server` (or set REDIS_SERVER to its path)";

export function findRedisServer() {
  const bin = process.env.REDIS_SERVER ?? "redis-server";
  return spawnSync(bin, ["--version"]).status === 0 ? bin : null;
}

/** @returns {Promise<{ url: string, port: number, stop: () => void }>} */
export async function startThrowawayRedis() {
  const bin = findRedisServer();
  if (!bin) throw new Error(REDIS_HINT);
  const port = await freePort();
  const child = spawn(bin, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  const until = Date.now() + 10_000;
  for (;;) {
    const up = await new Promise((resolve) => {
      const s = createConnection({ port, host: "127.0.0.1" }, () => {
        s.end();
        resolve(true);
      });
      s.on("error", () => resolve(false));
    });
    if (up) break;
    if (Date.now() > until) {
      child.kill("SIGKILL");
      throw new Error("redis-server did not start");
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `redis://127.0.0.1:${port}`, port, stop: () => child.kill("SIGKILL") };
}
