import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Logger } from "../core/logger";
import type { Db } from "./client";
import type { DatabaseTarget } from "./resolve-database";

export type Checkpoints = {
  /** A checkpoint at once, in the worker: the log's frames and how many of them are in the database now. */
  now(): Promise<{ log: number; checkpointed: number }>;
  stop(): Promise<void>;
  /** Ends the worker as a crash would (for tests). */
  kill(): Promise<void>;
};

/**
 * Moves SQLite's checkpoints off the event loop (see wal-checkpoint-worker.mjs): the worker
 * starts first, and only once it has its connection does the server's connection stop
 * checkpointing on commit. If the worker cannot start, SQLite keeps checkpointing as before.
 * On PostgreSQL there is nothing to do.
 */
export async function checkpointOffThread(
  db: Db,
  target: DatabaseTarget,
  log: Logger,
  everyMs = 250,
  thresholdBytes = 1000 * 4096,
): Promise<Checkpoints | null> {
  if (target.kind !== "sqlite") return null;
  const resolveFrom = createRequire(import.meta.url).resolve("@prisma/adapter-better-sqlite3");
  const worker = new Worker(new URL("./wal-checkpoint-worker.mjs", import.meta.url), {
    workerData: { file: target.file, resolveFrom, everyMs, thresholdBytes },
  });
  // Checkpoints must not keep a finished process (a CLI run, a test) alive.
  worker.unref();
  const waiting: ((r: { log: number; checkpointed: number }) => void)[] = [];
  const ready = await new Promise<boolean>((resolve) => {
    worker.on("message", (m: { type: string; log?: number; checkpointed?: number; message?: string }) => {
      if (m.type === "ready") resolve(true);
      else if (m.type === "checkpoint")
        for (const w of waiting.splice(0)) w({ log: m.log!, checkpointed: m.checkpointed! });
      else if (m.type === "error") {
        log.warn(`SQLite checkpoints off the event loop: ${m.message}`);
        resolve(false);
      }
    });
    worker.once("error", (e) => {
      log.warn(`SQLite checkpoints off the event loop could not start: ${e.message}`);
      resolve(false);
    });
    worker.once("exit", () => resolve(false));
  });
  if (!ready) {
    await worker.terminate();
    return null;
  }
  await db.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 0");
  // A log emptied by a checkpoint is reused from its start, its file cut back to nothing: the
  // worker reads the log's length from the file's size.
  await db.$queryRawUnsafe("PRAGMA journal_size_limit = 0");
  let stopped: Promise<void> | null = null;
  // A worker that dies leaves the log to grow: the server's connection checkpoints on commit again.
  worker.once("exit", (code) => {
    if (stopped) return;
    log.warn(`SQLite checkpoints off the event loop stopped (exit code ${code}); checkpointing on commit again`);
    db.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 1000").catch(() => {});
  });
  return {
    now: () =>
      new Promise((resolve) => {
        waiting.push(resolve);
        worker.postMessage("now");
      }),
    kill: async () => {
      const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
      await worker.terminate();
      await exited;
    },
    stop: () =>
      (stopped ??= (async () => {
        const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
        worker.postMessage("stop");
        const force = setTimeout(() => void worker.terminate(), 2000);
        force.unref();
        await exited;
        clearTimeout(force);
        // Checkpointing on commit again, for whatever still uses this client.
        await db.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 1000").catch(() => {});
      })()),
  };
}
