import { statSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db/client";
import { tuneDb } from "../../server/db/client";
import { checkpointOffThread } from "../../server/db/wal-checkpoints";
import { createLogger } from "../../server/core/logger";
import { freshDb } from "../support/databases";

/**
 * SQLite checkpoints its write-ahead log in a worker thread (server/db/wal-checkpoint-worker.mjs),
 * so that a commit on the event loop never pays for the copy and the fsync.
 */
describe("SQLite checkpoints off the event loop", () => {
  const opened: Db[] = [];
  afterAll(async () => {
    for (const db of opened) await db.$disconnect();
  });
  /** 30 transactions of 50 rows of 8 KB, `pauseMs` apart (time for the worker to look at the log). */
  const write12MB = async (db: Db, pauseMs = 0) => {
    await db.$executeRawUnsafe(`CREATE TABLE "Scratch" ("id" INTEGER PRIMARY KEY, "body" TEXT)`);
    const body = "x".repeat(8000);
    for (let i = 0; i < 30; i++) {
      await db.$transaction(async (tx) => {
        for (let k = 0; k < 50; k++) await tx.$executeRawUnsafe(`INSERT INTO "Scratch" ("body") VALUES (?)`, body);
      });
      if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
    }
  };
  const pragma = async (db: Db, p: string) =>
    (await db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${p}`))[0] as Record<string, number | bigint>;

  it("turns off checkpoints on commit only once the worker runs, and the worker copies the log", async () => {
    const { db, target } = await freshDb("sqlite");
    opened.push(db);
    await tuneDb(db, target);
    expect(Number(Object.values(await pragma(db, "wal_autocheckpoint"))[0])).toBe(1000);
    // No checkpoint on the worker's clock during the test: it checkpoints when asked.
    const checkpoints = await checkpointOffThread(db, target, createLogger({}, true), 3_600_000);
    expect(checkpoints).not.toBeNull();
    expect(Number(Object.values(await pragma(db, "wal_autocheckpoint"))[0])).toBe(0);

    // Well past the 1,000 pages at which the connection itself would have checkpointed.
    await write12MB(db);
    // The server's connection did not checkpoint on commit: the whole of it is still in the log.
    const file = target.kind === "sqlite" ? target.file : "";
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(12 * 1024 * 1024);
    const done = await checkpoints!.now();
    expect(done.log).toBeGreaterThan(3000);
    expect(done.checkpointed).toBe(done.log);

    await checkpoints!.stop();
    expect(Number(Object.values(await pragma(db, "wal_autocheckpoint"))[0])).toBe(1000);
  });

  it("checkpoints by itself once the log passes its threshold, and the log starts again from nothing", async () => {
    const { db, target } = await freshDb("sqlite");
    opened.push(db);
    await tuneDb(db, target);
    const checkpoints = await checkpointOffThread(db, target, createLogger({}, true), 20, 256 * 1024);
    const file = target.kind === "sqlite" ? target.file : "";
    await write12MB(db, 30);
    // 12 MB were written; the worker checkpointed along the way, so the log was cut back and started again.
    expect(statSync(`${file}-wal`).size).toBeLessThan(6 * 1024 * 1024);
    await checkpoints!.stop();
  });

  it("checkpoints on commit again when the worker dies", async () => {
    const { db, target } = await freshDb("sqlite");
    opened.push(db);
    await tuneDb(db, target);
    const checkpoints = await checkpointOffThread(db, target, createLogger({}, true), 3_600_000);
    expect(Number(Object.values(await pragma(db, "wal_autocheckpoint"))[0])).toBe(0);
    await checkpoints!.kill();
    await expect.poll(async () => Number(Object.values(await pragma(db, "wal_autocheckpoint"))[0])).toBe(1000);
  });

  it("does nothing on PostgreSQL", async () => {
    const { db, target } = await freshDb("postgres");
    opened.push(db);
    expect(await checkpointOffThread(db, target, createLogger({}, true))).toBeNull();
  });
});
