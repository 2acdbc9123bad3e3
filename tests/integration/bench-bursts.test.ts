import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { burstScenario, capacityScenario, revealScenario } from "../../bench/realtime/bursts";

/**
 * The burst benchmarks (bench/realtime/bursts.ts) run tiny (BENCH_REDUCED=1): each one starts a
 * real server and the baseline, drives real clients, and must report every note delivered to
 * every other client, once. Timings are the bench's business, not this test's.
 */
describe("burst benchmarks, reduced", () => {
  let dir: string;
  beforeAll(() => {
    process.env.BENCH_REDUCED = "1";
    dir = mkdtempSync(path.join(tmpdir(), "plenary-bench-smoke-"));
  });

  it("burst: every note reaches every other client of the room, once, beside the baseline", async () => {
    const r = await burstScenario(10, true, dir);
    expect(r).toMatchObject({ name: "burst 10", clients: 10, rooms: 1, notes: 10, acked: 10, lost: 0, duplicated: 0 });
    expect(r.errors).toBe(0);
    for (const k of ["p50_ms", "p95_ms", "p99_ms", "max_ms", "baseline_p99_ms", "ratio_p99"] as const)
      expect(r[k]).toBeGreaterThan(0);
    expect(r.all_delivered_ms).toHaveLength(1);
  }, 120_000);

  it("capacity: each step's notes all arrive, and the rate held is one of the steps", async () => {
    const r = await capacityScenario(1, true, {}, dir);
    expect(r).toMatchObject({ name: "capacity: 1 process", processes: 1, lost: 0, duplicated: 0, errors: 0 });
    const plenary = r.steps.filter((s) => s.server === "plenary");
    const baseline = r.steps.filter((s) => s.server === "baseline");
    expect(plenary.length).toBeGreaterThan(0);
    expect(baseline.length).toBeGreaterThan(0);
    for (const s of r.steps) {
      expect(s.sent).toBeGreaterThan(0);
      expect(s.lost).toBe(0);
    }
    expect([0, ...plenary.map((s) => s.rate)]).toContain(r.held_notes_per_s);
  }, 120_000);

  it("reveal: every watcher ends with every note, and the baseline is measured beside it", async () => {
    const r = await revealScenario(true, dir);
    expect(r).toMatchObject({ notes: 20, watchers: 10, revealed: true, watchers_complete: 10, lost: 0, errors: 0 });
    expect(r.all_ms).toBeGreaterThan(0);
    expect(r.baseline_all_ms).toBeGreaterThan(0);
  }, 120_000);
});
