// The load generator, in its own process: N real socket.io clients, each joined to its room's
// board. Targets only 127.0.0.1; bounded in count and time. Modes:
// - steady: each client posts at a steady rate, from a random offset;
// - burst: every client posts one note within the same window (100 ms), several times;
// - rate: the whole population posts at a total rate (notes/s) that rises step by step until
//   the p99 passes a limit;
// - reveal: authors post private notes in the write phase, then a facilitator reveals them.
// Usage: node --import tsx bench/realtime/load.ts CONFIG_FILE   → prints one JSON line of results.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { Socket } from "socket.io-client";
import { type ClientSpec, Tracker, connectAll, pct, postNote, round, sleep, until } from "./clients";

export type LoadConfig = { ports: number[]; clients: ClientSpec[] } & (
  | { mode?: "steady"; seconds: number; notesPerClientPerMinute: number }
  | { mode: "burst"; windowMs: number; bursts: number }
  | { mode: "rate"; rates: number[]; stepSeconds: number; p99LimitMs: number }
  | { mode: "reveal"; notes: number }
);

const cfg = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as LoadConfig;
const seconds =
  cfg.mode === "rate" ? cfg.rates.length * (cfg.stepSeconds + 2) : cfg.mode === "steady" || !cfg.mode ? cfg.seconds : 0;
if (cfg.clients.length > 5000 || seconds > 200) throw new Error("load generator bounded to 5,000 clients and 200 s");

const tracker = new Tracker(cfg.clients);
const sockets = await connectAll(cfg.ports, tracker);
const out = await (cfg.mode === "burst"
  ? burst(cfg)
  : cfg.mode === "rate"
    ? rate(cfg)
    : cfg.mode === "reveal"
      ? reveal(cfg)
      : steady(cfg));
for (const s of sockets) s.close();
process.stdout.write(`${JSON.stringify({ ...out, errorCodes: Object.fromEntries(tracker.errorCodes) })}\n`);
process.exit(0);

async function steady(c: { seconds: number; notesPerClientPerMinute: number }) {
  const interval = 60_000 / c.notesPerClientPerMinute;
  const started = performance.now();
  const timers: NodeJS.Timeout[] = [];
  sockets.forEach((_, i) => {
    timers.push(
      setTimeout(function tick() {
        if (performance.now() - started > c.seconds * 1000) return;
        void postNote(tracker, sockets, i, randomUUID(), randomUUID());
        timers.push(setTimeout(tick, interval));
      }, Math.random() * interval),
    );
  });
  await sleep(c.seconds * 1000);
  for (const t of timers) clearTimeout(t);
  // Let the last notes arrive.
  await sleep(3000);
  const elapsed = (performance.now() - started) / 1000;
  return {
    notes: tracker.sent.size,
    acked: tracker.acked,
    errors: tracker.errors,
    ...tracker.completion(),
    notes_per_s: round(tracker.acked / Math.min(elapsed, c.seconds)),
    duplicated: tracker.duplicated,
  };
}

async function burst(c: { windowMs: number; bursts: number }) {
  // Each burst's notes are measured together; the figures pool every burst.
  const all: string[] = [];
  const until_all: number[] = [];
  for (let b = 0; b < c.bursts; b++) {
    const ids = sockets.map(() => randomUUID());
    all.push(...ids);
    const t0 = performance.now();
    await Promise.all(
      sockets.map(
        (_, i) =>
          new Promise<void>((resolve) =>
            setTimeout(
              () => void postNote(tracker, sockets, i, ids[i]!, randomUUID()).then(resolve),
              Math.random() * c.windowMs,
            ),
          ),
      ),
    );
    await until(() => tracker.allArrived(ids), 15_000);
    until_all.push(round(performance.now() - t0));
    await sleep(1000);
  }
  return {
    notes: tracker.sent.size,
    acked: tracker.acked,
    errors: tracker.errors,
    ...tracker.completion(all),
    // From the first emit of a burst until every client of every room had every note, per burst.
    all_delivered_ms: until_all,
    duplicated: tracker.duplicated,
  };
}

async function rate(c: { rates: number[]; stepSeconds: number; p99LimitMs: number }) {
  const steps: {
    rate: number;
    sent: number;
    acked_per_s: number;
    p50_ms: number;
    p99_ms: number;
    max_ms: number;
    lost: number;
  }[] = [];
  let next = 0;
  for (const r of c.rates) {
    const ids: string[] = [];
    const ackedBefore = tracker.acked;
    const started = performance.now();
    // A 10 ms scheduler sends the notes due by now, round-robin over the clients, so the rate is even.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const elapsed = performance.now() - started;
        if (elapsed >= c.stepSeconds * 1000) {
          clearInterval(timer);
          return resolve();
        }
        const due = Math.floor((elapsed / 1000) * r) - ids.length;
        for (let k = 0; k < due; k++) {
          const id = randomUUID();
          ids.push(id);
          void postNote(tracker, sockets, next++ % sockets.length, id, randomUUID());
        }
      }, 10);
    });
    await until(() => tracker.allArrived(ids), 5000);
    const done = tracker.completion(ids);
    steps.push({
      rate: r,
      sent: ids.length,
      acked_per_s: round((tracker.acked - ackedBefore) / ((performance.now() - started) / 1000)),
      p50_ms: done.p50_ms,
      p99_ms: done.p99_ms,
      max_ms: done.max_ms,
      lost: done.lost,
    });
    if (done.p99_ms > c.p99LimitMs || done.lost > 0) break;
    await sleep(1000);
  }
  const held = steps.filter((s) => s.p99_ms <= c.p99LimitMs && s.lost === 0).map((s) => s.rate);
  return {
    notes: tracker.sent.size,
    acked: tracker.acked,
    errors: tracker.errors,
    steps,
    held_notes_per_s: held.length ? Math.max(...held) : 0,
    lost: steps.reduce((a, s) => a + s.lost, 0),
    duplicated: tracker.duplicated,
  };
}

async function reveal(c: { notes: number }) {
  const staff = tracker.clients.findIndex((x) => x.staff);
  if (staff < 0) throw new Error("the reveal needs a facilitator among the clients");
  const authors = sockets.map((_, i) => i).filter((i) => i !== staff);
  // The write phase: authors post their notes, a few at a time each (as people do), every one acknowledged.
  const ids = Array.from({ length: c.notes }, () => randomUUID());
  const byAuthor = new Map<number, string[]>();
  ids.forEach((id, k) => {
    const a = authors[k % authors.length]!;
    byAuthor.set(a, [...(byAuthor.get(a) ?? []), id]);
  });
  await Promise.all(
    [...byAuthor].map(async ([a, mine]) => {
      for (const id of mine) await postNote(tracker, sockets, a, id, randomUUID());
    }),
  );
  await sleep(1000);
  // Until the reveal each watcher has only its own notes; then every watcher must have every note.
  const watchers = authors;
  const want = new Set(ids);
  const holding = watchers.map((w) => [...tracker.has[w]!].filter((id) => want.has(id)).length);
  const at: (number | null)[] = watchers.map(() => null);
  const index = new Map(watchers.map((w, k) => [w, k]));
  const t0 = performance.now();
  tracker.onNote = (i, id) => {
    const k = index.get(i);
    if (k === undefined || !want.has(id)) return;
    if (++holding[k]! === want.size) at[k] = performance.now() - t0;
  };
  const ack = await (sockets[staff] as Socket)
    .timeout(30_000)
    .emitWithAck("board:op", {
      boardId: tracker.clients[staff]!.boardId,
      opId: randomUUID(),
      op: { type: "board.phase", phase: "reveal" },
    })
    .catch(() => ({ ok: false }));
  const ackMs = performance.now() - t0;
  await until(() => at.every((x) => x !== null), 30_000);
  const times = at.filter((x): x is number => x !== null).sort((a, b) => a - b);
  return {
    notes: c.notes,
    watchers: watchers.length,
    acked: tracker.acked,
    errors: tracker.errors,
    reveal_ok: (ack as { ok: boolean }).ok,
    ack_ms: round(ackMs),
    p50_ms: round(pct(times, 50)),
    p99_ms: round(pct(times, 99)),
    all_ms: round(times.at(-1) ?? 0),
    watchers_complete: times.length,
    lost: watchers.length - times.length,
    duplicated: tracker.duplicated,
  };
}
