import { type ChildProcess, spawn } from "node:child_process";
import { ROOT_DIR } from "../../server/paths";

/** A real server process (one process: node --import tsx), for tests that kill, stop or restart it. */
export function spawnServer(env: Record<string, string>): ChildProcess {
  const base = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    LOG_QUIET: "1",
    PLENARY_SEED_DEMO: "0",
  };
  return spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT_DIR,
    env: { ...base, ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "ignore", "pipe"],
  });
}

export async function waitUntil<T>(
  what: string,
  fn: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch {
      /* not yet */
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const healthOf = async (url: string) =>
  (await fetch(`${url}/healthz`)).json() as Promise<{
    ok: boolean;
    database: string;
    realtime: string;
    rateLimits: string;
  }>;

export const stopProcess = (p: ChildProcess, signal: NodeJS.Signals = "SIGTERM") =>
  new Promise<void>((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) return resolve();
    p.once("exit", () => resolve());
    p.kill(signal);
  });
