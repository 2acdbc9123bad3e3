import { describe, expect, it } from "vitest";
import { GroupCommit } from "../../server/core/boards/group-commit";

type J = { n: number; settled?: boolean; fail(e: unknown): void; failed?: unknown };
const job = (n: number): J => ({
  n,
  fail(e) {
    this.failed = e;
  },
});

describe("group commit", () => {
  it("starts a lone job at once, and gathers the jobs that arrive meanwhile into the next batch, in order", async () => {
    const batches: number[][] = [];
    let release = () => {};
    const gc = new GroupCommit<J>(async (batch) => {
      batches.push(batch.map((j) => j.n));
      for (const j of batch) j.settled = true;
      if (batches.length === 1) await new Promise<void>((r) => (release = r));
    });
    gc.push(job(1));
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1]]);
    for (const n of [2, 3, 4]) gc.push(job(n));
    expect(gc.waiting).toBe(3);
    release();
    await new Promise((r) => setTimeout(r, 10));
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it("caps a batch, and fails the jobs a failed batch left unsettled, then goes on", async () => {
    const seen: number[][] = [];
    const gc = new GroupCommit<J>(async (batch) => {
      seen.push(batch.map((j) => j.n));
      batch[0]!.settled = true;
      if (batch[0]!.n === 1) throw new Error("the database went away");
      for (const j of batch) j.settled = true;
    }, 2);
    const jobs = [1, 2, 3].map(job);
    for (const j of jobs) gc.push(j);
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual([[1, 2], [3]]);
    expect(jobs[0]!.failed).toBeUndefined();
    expect((jobs[1]!.failed as Error).message).toBe("the database went away");
    expect(jobs[2]!.failed).toBeUndefined();
  });
});
