import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/** The storage bench's measurement (bench/storage/commits.mjs) runs in both modes and says what it measured. */
describe("the storage bench", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plenary-storage-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(["on-commit", "worker"])("measures commits with checkpoints %s", (mode) => {
    const out = execFileSync(process.execPath, ["bench/storage/commits.mjs", mode, "1", dir], { encoding: "utf8" });
    const r = JSON.parse(out) as Record<string, number | string>;
    expect(r.mode).toBe(mode);
    expect(r.commits).toBeGreaterThan(20);
    expect(Number(r.p50_ms)).toBeLessThanOrEqual(Number(r.p99_ms));
    expect(Number(r.p99_ms)).toBeLessThanOrEqual(Number(r.max_ms));
  });
});
