// Runs one load against Plenary (one process, or two behind Redis on PostgreSQL) and then the
// same load against the bare rebroadcaster, on a database prepared by setup.ts.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "../../scripts/lib/throwaway-postgres.mjs";

const run = promisify(execFile);
export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const NODE_TSX = [process.execPath, "--import", "tsx"];
const SECRET = "bench-secret-bench-secret-bench-secret-0000";

/** Small sizes for tests and CI: `BENCH_REDUCED=1` (or --quick's own sizes where a scenario has them). */
export const reduced = () => process.env.BENCH_REDUCED === "1";
/** `BENCH_SCENARIOS=realistic,burst` runs only scenarios whose name starts with one of these. */
export const wanted = (name: string) => {
  const only = process.env.BENCH_SCENARIOS?.split(",").filter(Boolean);
  return !only || only.some((p) => name.startsWith(p));
};

export type Shared = { pgUrl?: () => Promise<string>; redisUrl?: string };
export type Setup = { clients: number; rooms: number; phase?: string; facilitators?: number; processes?: 1 | 2 };
export type Usage = { rss_mb: number; rss_per_conn_kb: number; cpu_pct: number };

const procStat = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const cpu = (Number(stat[11]) + Number(stat[12])) / 100; // utime + stime, in seconds at 100 Hz
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
  return { cpu, rss };
};

export async function waitForHttp(port: number, pathName = "/healthz", timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}${pathName}`);
      if (r.status < 500) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) throw new Error(`server on ${port} did not start`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function startPlenary(port: number, env: Record<string, string>): ChildProcess {
  // BENCH_CPU_PROF=DIR writes a V8 CPU profile of each Plenary process there when it stops.
  const prof = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  return spawn(NODE_TSX[0]!, [...prof, ...NODE_TSX.slice(1), "server/index.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      SESSION_SECRET: SECRET,
      LOG_QUIET: "1",
      NODE_ENV: "production",
      PLENARY_SEED_DEMO: "0",
      ...env,
    },
  });
}

const stop = (c: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (c.exitCode !== null) return resolve();
    c.once("exit", () => resolve());
    c.kill("SIGTERM");
    setTimeout(() => c.kill("SIGKILL"), 10_000).unref();
  });

async function load<T>(ports: number[], clients: unknown[], config: object, dir: string): Promise<T> {
  const file = path.join(dir, `load-${ports.join("-")}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify({ ports, clients, ...config }));
  const prof = process.env.BENCH_LOAD_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_LOAD_PROF}`] : [];
  const { stdout } = await run(NODE_TSX[0]!, [...prof, ...NODE_TSX.slice(1), "bench/realtime/load.ts", file], {
    cwd: ROOT,
    maxBuffer: 1 << 22,
    timeout: 400_000,
  });
  return JSON.parse(stdout) as T;
}

/** The same load against Plenary and then the baseline; Plenary's processes' memory and CPU. */
export async function pair<T>(
  name: string,
  setup: Setup,
  config: object,
  shared: Shared,
  dir: string,
): Promise<{ ours: T; baseline: T; usage: Usage }> {
  const processes = setup.processes ?? 1;
  const dbUrl =
    processes === 2 ? await shared.pgUrl!() : `file:${path.join(dir, `${name.replace(/\W+/g, "-")}-${Date.now()}.db`)}`;
  const prepared = await run(
    NODE_TSX[0]!,
    [
      ...NODE_TSX.slice(1),
      "bench/realtime/setup.ts",
      dbUrl,
      SECRET,
      String(setup.clients),
      String(setup.rooms),
      setup.phase ?? "reveal",
      String(setup.facilitators ?? 0),
    ],
    { cwd: ROOT, maxBuffer: 1 << 26 },
  );
  const { clients } = JSON.parse(prepared.stdout) as { clients: unknown[] };

  const ports: number[] = [];
  const servers: ChildProcess[] = [];
  for (let p = 0; p < processes; p++) {
    const port = (await freePort()) as number;
    ports.push(port);
    servers.push(
      startPlenary(port, {
        DATABASE_URL: dbUrl,
        ...(shared.redisUrl && processes === 2 ? { REDIS_URL: shared.redisUrl } : {}),
      }),
    );
  }
  let ours: T;
  let before: { cpu: number; rss: number }[];
  let after: { cpu: number; rss: number }[];
  const t0 = Date.now();
  try {
    for (const p of ports) await waitForHttp(p);
    before = servers.map((c) => procStat(c.pid!));
    // Resident memory is sampled through the run and its peak kept: a single reading at the end may follow a collection.
    const peak = servers.map(() => 0);
    const sampler = setInterval(
      () => servers.forEach((c, i) => (peak[i] = Math.max(peak[i]!, procStat(c.pid!).rss))),
      250,
    );
    try {
      ours = await load<T>(ports, clients, config, dir);
    } finally {
      clearInterval(sampler);
    }
    after = servers.map((c, i) => {
      const now = procStat(c.pid!);
      return { cpu: now.cpu, rss: Math.max(now.rss, peak[i]!) };
    });
  } finally {
    await Promise.all(servers.map(stop));
  }
  const wall = (Date.now() - t0) / 1000;

  const basePort = (await freePort()) as number;
  const base = spawn(
    NODE_TSX[0]!,
    [...NODE_TSX.slice(1), "bench/realtime/baseline-server.ts", String(basePort), setup.phase ?? "reveal"],
    { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] },
  );
  let baseline: T;
  try {
    await waitForHttp(basePort, "/socket.io/?EIO=4&transport=polling");
    baseline = await load<T>([basePort], clients, config, dir);
  } finally {
    await stop(base);
  }
  const rss = after.reduce((a, x) => a + x.rss, 0);
  const idle = before.reduce((a, x) => a + x.rss, 0);
  const cpu = after.reduce((a, x, i) => a + x.cpu - before[i]!.cpu, 0);
  return {
    ours,
    baseline,
    usage: {
      rss_mb: Math.round(rss),
      rss_per_conn_kb: Math.max(0, Math.round(((rss - idle) * 1024) / setup.clients)),
      cpu_pct: Math.round((cpu / wall) * 100),
    },
  };
}

export const ratio = (a: number, b: number) => Math.round((a / Math.max(0.1, b)) * 100) / 100;
