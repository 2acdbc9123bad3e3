// When everyone posts at once (issue 21): a burst of N notes within 100 ms, the highest steady
// rate held with p99 under 100 ms, and a reveal of many private notes to a watching room.
// Each beside the bare rebroadcaster measured in the same run.
import { type Shared, pair, ratio, reduced } from "./harness";

type Completion = {
  notes: number;
  acked: number;
  errors: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  lost: number;
  duplicated: number;
};
type BurstLoad = Completion & { all_delivered_ms: number[] };
type Step = {
  rate: number;
  sent: number;
  acked_per_s: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  lost: number;
};
type RateLoad = {
  notes: number;
  acked: number;
  errors: number;
  steps: Step[];
  held_notes_per_s: number;
  lost: number;
  duplicated: number;
};
type RevealLoad = {
  notes: number;
  watchers: number;
  acked: number;
  errors: number;
  reveal_ok: boolean;
  ack_ms: number;
  p50_ms: number;
  p99_ms: number;
  all_ms: number;
  watchers_complete: number;
  lost: number;
  duplicated: number;
};

/**
 * N clients each send one note within the same 100 ms; the time until every other client of the
 * room has it. A plenary of up to 300 is one room; 1,000 people are ten rooms of 100 (one room of
 * 1,000 would have the load generator read a million messages, measuring itself).
 */
export async function burstScenario(n: number, small: boolean, dir: string) {
  const rooms = n <= 300 ? 1 : Math.ceil(n / 100);
  const bursts = small ? 1 : 3;
  const { ours, baseline, usage } = await pair<BurstLoad>(
    `burst ${n}`,
    { clients: n, rooms },
    { mode: "burst", windowMs: 100, bursts },
    {},
    dir,
  );
  return {
    name: `burst ${n}`,
    clients: n,
    rooms,
    bursts,
    notes: ours.notes,
    acked: ours.acked,
    p50_ms: ours.p50_ms,
    p95_ms: ours.p95_ms,
    p99_ms: ours.p99_ms,
    max_ms: ours.max_ms,
    baseline_p50_ms: baseline.p50_ms,
    baseline_p99_ms: baseline.p99_ms,
    ratio_p99: ratio(ours.p99_ms, baseline.p99_ms),
    all_delivered_ms: ours.all_delivered_ms,
    lost: ours.lost,
    duplicated: ours.duplicated,
    errors: ours.errors,
    ...usage,
  };
}

/**
 * A steady total rate (notes/s, spread evenly over 300 clients in rooms of 10) raised step by step
 * until the p99 passes 100 ms: the highest rate held. Plenary and the baseline climb the same steps.
 */
export async function capacityScenario(processes: 1 | 2, small: boolean, shared: Shared, dir: string) {
  const tiny = reduced();
  const clients = tiny ? 20 : 300;
  const rates = tiny ? [20, 40] : small ? [100, 200, 400] : [100, 200, 400, 600, 800, 1000, 1200, 1500, 2000];
  const name = processes === 2 ? "capacity: 2 processes + Redis (PostgreSQL)" : "capacity: 1 process";
  const { ours, baseline, usage } = await pair<RateLoad>(
    name,
    { clients, rooms: clients / 10, processes },
    { mode: "rate", rates, stepSeconds: tiny ? 2 : small ? 4 : 8, p99LimitMs: 100 },
    shared,
    dir,
  );
  const at = (steps: Step[], rate: number) => steps.find((s) => s.rate === rate);
  return {
    name,
    clients,
    processes,
    held_notes_per_s: ours.held_notes_per_s,
    p99_at_held_ms: at(ours.steps, ours.held_notes_per_s)?.p99_ms ?? null,
    baseline_held_notes_per_s: baseline.held_notes_per_s,
    baseline_p99_at_held_ms: at(baseline.steps, ours.held_notes_per_s)?.p99_ms ?? null,
    top_rate_tried: rates.at(-1)!,
    lost: ours.lost,
    duplicated: ours.duplicated,
    errors: ours.errors,
    ...usage,
    steps: [
      ...ours.steps.map((s) => ({ scenario: name, server: "plenary", ...s })),
      ...baseline.steps.map((s) => ({ scenario: name, server: "baseline", ...s })),
    ],
  };
}

/** 500 private notes (write phase), 300 participants watching; a facilitator reveals: until all have all. */
export async function revealScenario(small: boolean, dir: string) {
  const tiny = reduced();
  const watchers = tiny ? 10 : small ? 100 : 300;
  const notes = tiny ? 20 : small ? 200 : 500;
  const { ours, baseline, usage } = await pair<RevealLoad>(
    `reveal ${notes}`,
    { clients: watchers + 1, rooms: 1, phase: "write", facilitators: 1 },
    { mode: "reveal", notes },
    {},
    dir,
  );
  return {
    name: `reveal ${notes} to ${watchers}`,
    notes,
    watchers,
    revealed: ours.reveal_ok,
    ack_ms: ours.ack_ms,
    p50_ms: ours.p50_ms,
    p99_ms: ours.p99_ms,
    all_ms: ours.all_ms,
    baseline_all_ms: baseline.all_ms,
    ratio_all: ratio(ours.all_ms, baseline.all_ms),
    watchers_complete: ours.watchers_complete,
    lost: ours.lost,
    duplicated: ours.duplicated,
    errors: ours.errors,
    ...usage,
  };
}
