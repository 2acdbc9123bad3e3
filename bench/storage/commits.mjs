// One measurement of SQLite commits under a steady write load, in a process of its own: about
// 1,000 rows a second in transactions of 10 (the board's batches at the capacity target), with
// SQLite checkpointing on commit (`on-commit`, its default: the baseline) or with checkpoints in
// the server's worker thread (`worker`, server/db/wal-checkpoint-worker.mjs). Prints one JSON
// line: the time of each COMMIT on the thread that serves the boards.
// Usage: node bench/storage/commits.mjs on-commit|worker SECONDS DIR
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";

const [mode, seconds, dir] = process.argv.slice(2);
const resolveFrom = createRequire(import.meta.url).resolve("@prisma/adapter-better-sqlite3");
const Database = createRequire(resolveFrom)("better-sqlite3");
const file = path.join(dir, `commits-${mode}.db`);
for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
const db = new Database(file);
// As the server tunes its connection (server/db/client.ts, tuneDb).
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.pragma("busy_timeout = 5000");
db.exec(`CREATE TABLE "Note" ("id" TEXT PRIMARY KEY, "boardId" TEXT, "text" TEXT, "category" TEXT);
  CREATE INDEX "byBoard" ON "Note" ("boardId", "category")`);
let worker = null;
if (mode === "worker") {
  worker = new Worker(new URL("../../server/db/wal-checkpoint-worker.mjs", import.meta.url), {
    workerData: { file, resolveFrom, everyMs: 250, thresholdBytes: 1000 * 4096 },
  });
  await new Promise((resolve) => worker.once("message", resolve));
  // As server/db/wal-checkpoints.ts does once its worker is ready.
  db.pragma("wal_autocheckpoint = 0");
  db.pragma("journal_size_limit = 0");
}
const insert = db.prepare(`INSERT INTO "Note" VALUES (?, ?, ?, ?)`);
const body = "A note of about the length people write on a board, ".repeat(8);
const commits = [];
const end = performance.now() + Number(seconds) * 1000;
for (let k = 0; performance.now() < end; k++) {
  db.exec("BEGIN");
  for (let j = 0; j < 10; j++) insert.run(`${k}-${j}`, `board-${(k * 10 + j) % 30}`, body, `c${j % 4}`);
  const t0 = performance.now();
  db.exec("COMMIT");
  commits.push(performance.now() - t0);
  await new Promise((resolve) => setTimeout(resolve, 10));
}
commits.sort((a, b) => a - b);
const at = (q) => Math.round(commits[Math.min(commits.length - 1, Math.floor(q * commits.length))] * 100) / 100;
process.stdout.write(
  `${JSON.stringify({
    mode,
    commits: commits.length,
    p50_ms: at(0.5),
    p99_ms: at(0.99),
    max_ms: at(1),
    over_5ms: commits.filter((x) => x > 5).length,
  })}\n`,
);
worker?.postMessage("stop");
db.close();
process.exit(0);
