// SQLite's checkpoints of its write-ahead log: on the commit that crosses 1,000 pages (SQLite's
// default, the baseline) or in a worker thread (what the server does). A commit runs on the
// thread that serves every board, so its worst cases are every board's.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ratio } from "./realtime/harness";

type Commits = { mode: string; commits: number; p50_ms: number; p99_ms: number; max_ms: number; over_5ms: number };

export async function benchStorage({ quick }: { quick: boolean }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plenary-storage-"));
  const seconds = quick ? 5 : 15;
  const run = (mode: string) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [path.join(import.meta.dirname, "storage/commits.mjs"), mode, String(seconds), dir],
        {
          encoding: "utf8",
        },
      ),
    ) as Commits;
  try {
    // Alternating, twice each, so a busy minute on a shared machine falls on both.
    const rows: Commits[] = [];
    for (let i = 0; i < 2; i++) rows.push(run("on-commit"), run("worker"));
    const worst = (mode: string) => rows.filter((r) => r.mode === mode).reduce((a, r) => (r.p99_ms > a.p99_ms ? r : a));
    return {
      commits: rows,
      checkpoints: {
        p99_ratio_worker_to_on_commit: ratio(worst("worker").p99_ms, worst("on-commit").p99_ms),
        max_ratio_worker_to_on_commit: ratio(
          Math.max(...rows.filter((r) => r.mode === "worker").map((r) => r.max_ms)),
          Math.max(...rows.filter((r) => r.mode === "on-commit").map((r) => r.max_ms)),
        ),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
