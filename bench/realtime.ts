// Realtime boards: Plenary's server against a bare Socket.IO rebroadcast server, same clients,
// same rooms, same load, measured by a load generator in its own process (bench/realtime/).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
// @ts-expect-error plain ESM helpers shared with the tests
import { createDatabase, findPostgresBin, startThrowawayPostgres } from "../scripts/lib/throwaway-postgres.mjs";
// @ts-expect-error plain ESM helpers shared with the tests
import { findRedisServer, startThrowawayRedis } from "../scripts/lib/throwaway-redis.mjs";
import { type Shared, pair, ratio, reduced, wanted } from "./realtime/harness";
import { burstScenario, capacityScenario, revealScenario } from "./realtime/bursts";

type Scenario = { name: string; clients: number; rooms: number; seconds: number; perMinute: number; processes?: 1 | 2 };
type Steady = {
  notes: number;
  acked: number;
  errors: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  notes_per_s: number;
  lost: number;
  duplicated: number;
};

async function steady(s: Scenario, shared: Shared, dir: string) {
  const { ours, baseline, usage } = await pair<Steady>(
    s.name,
    { clients: s.clients, rooms: s.rooms, processes: s.processes },
    { mode: "steady", seconds: s.seconds, notesPerClientPerMinute: s.perMinute },
    shared,
    dir,
  );
  return {
    name: s.name,
    clients: s.clients,
    rooms: s.rooms,
    processes: s.processes ?? 1,
    p50_ms: ours.p50_ms,
    p95_ms: ours.p95_ms,
    p99_ms: ours.p99_ms,
    max_ms: ours.max_ms,
    baseline_p99_ms: baseline.p99_ms,
    ratio_p99: ratio(ours.p99_ms, baseline.p99_ms),
    notes_per_s: ours.notes_per_s,
    lost: ours.lost,
    duplicated: ours.duplicated,
    errors: ours.errors,
    ...usage,
  };
}

/** Runs fn with a throwaway PostgreSQL and Redis when both are installed; null (and a line saying so) when not. */
async function withPostgresAndRedis<T>(fn: (shared: Shared) => Promise<T>): Promise<T | null> {
  if (!findPostgresBin() || !findRedisServer()) {
    console.log("(two-process scenarios skipped: PostgreSQL or redis-server is not installed)");
    return null;
  }
  const pg = await startThrowawayPostgres();
  const redis = await startThrowawayRedis();
  try {
    let n = 0;
    return await fn({ pgUrl: async () => createDatabase(pg.port, `bench_${n++}`) as string, redisUrl: redis.url });
  } finally {
    redis.stop();
    pg.stop();
  }
}

export async function benchRealtime({ quick }: { quick: boolean }) {
  const dir = mkdtempSync(path.join(tmpdir(), "plenary-bench-"));
  const small = quick || reduced();
  const scenarios: Awaited<ReturnType<typeof steady>>[] = [];
  // A realistic event: 100 people in 3 rooms, each posting about two notes a minute.
  // At 2 notes a minute, 100 clients send ~3 notes a second: the full run lasts a minute so that p99 is not just the maximum of a few dozen notes.
  if (wanted("realistic"))
    scenarios.push(
      await steady({ name: "realistic", clients: 100, rooms: 3, seconds: small ? 8 : 60, perMinute: 2 }, {}, dir),
    );
  if (wanted("large"))
    scenarios.push(
      await steady({ name: "large", clients: 1000, rooms: 50, seconds: small ? 8 : 20, perMinute: 1 }, {}, dir),
    );
  if (!small && wanted("large, 2 processes")) {
    const two = await withPostgresAndRedis((shared) =>
      steady(
        { name: "large, 2 processes + Redis", clients: 1000, rooms: 50, seconds: 20, perMinute: 1, processes: 2 },
        shared,
        dir,
      ),
    );
    if (two) scenarios.push(two);
  }
  if (!small && wanted("max search")) {
    // The largest N this machine holds with p99 under 200 ms, in steps of 1,000 from 3,000
    // (2,000 always held, and each step costs a minute with its baseline).
    for (const clients of [3000, 4000, 5000]) {
      const r = await steady(
        { name: `max search ${clients}`, clients, rooms: Math.round(clients / 20), seconds: 15, perMinute: 1 },
        {},
        dir,
      );
      scenarios.push(r);
      if (r.p99_ms >= 200 || r.lost > 0) break;
    }
  }
  const held = scenarios
    .filter((s) => s.processes === 1 && s.p99_ms < 200 && s.lost === 0)
    .reduce((m, s) => Math.max(m, s.clients), 0);

  // When everyone posts at once: bursts, the highest steady rate held, a reveal.
  const bursts = [];
  for (const n of small ? [reduced() ? 10 : 100] : [100, 300, 1000])
    if (wanted(`burst ${n}`)) bursts.push(await burstScenario(n, small, dir));
  const capacity = [];
  if (wanted("capacity: 1 process")) capacity.push(await capacityScenario(1, small, {}, dir));
  if (!small && wanted("capacity: 2 processes")) {
    const two = await withPostgresAndRedis((shared) => capacityScenario(2, false, shared, dir));
    if (two) capacity.push(two);
  }
  const reveal = wanted("reveal") ? [await revealScenario(small, dir)] : [];
  return {
    scenarios,
    largest_clients_with_p99_under_200ms: held,
    bursts,
    capacity: capacity.map(({ steps: _steps, ...row }) => row),
    capacity_steps: capacity.flatMap((c) => c.steps),
    reveal,
  };
}
