// Checkpoints SQLite's write-ahead log from a thread of its own. SQLite checkpoints on the
// connection that commits once the log passes 1,000 pages, and better-sqlite3 is synchronous, so
// that commit held the event loop serving every board for the checkpoint's copy and fsync (10–50 ms
// here). The server turns that off on its connection and this thread runs PASSIVE checkpoints on
// its own connection: they copy what no reader still needs and never block a writer. It looks at
// the log's file every `everyMs` and checkpoints once it passes `thresholdBytes` (SQLite's own
// 1,000 pages), not on every tick: a checkpoint fsyncs twice, and a quiet board should not pay
// for that every second. The server cuts the log file back to nothing when it reuses it
// (journal_size_limit = 0), so the file's size is the log's.
// Plain JavaScript so that it runs the same under tsx, vitest and plain node.
// workerData: {file, resolveFrom, everyMs, thresholdBytes}; messages out: {type: "ready"} | {type: "checkpoint",
// log, checkpointed} | {type: "error", message}; in: "now" (a checkpoint at once, answered even
// when the log is empty) | "stop".
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { parentPort, workerData } from "node:worker_threads";

const { file, resolveFrom, everyMs, thresholdBytes } = workerData;
let db;
try {
  // better-sqlite3 is the driver Prisma's adapter depends on: the same copy, found from the adapter.
  const Database = createRequire(resolveFrom)("better-sqlite3");
  db = new Database(file, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
} catch (e) {
  parentPort.postMessage({ type: "error", message: e.message });
  process.exit(1);
}
parentPort.postMessage({ type: "ready" });

function checkpoint(asked) {
  try {
    const [r] = db.pragma("wal_checkpoint(PASSIVE)");
    if (asked || r.log > 0) parentPort.postMessage({ type: "checkpoint", log: r.log, checkpointed: r.checkpointed });
  } catch (e) {
    parentPort.postMessage({ type: "error", message: e.message });
  }
}
const logSize = () => {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
};
const timer = setInterval(() => {
  if (logSize() >= thresholdBytes) checkpoint(false);
}, everyMs);

parentPort.on("message", (m) => {
  if (m === "now") return checkpoint(true);
  if (m !== "stop") return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
