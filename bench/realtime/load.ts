// The load generator, in its own process: N real socket.io clients, each joined to its room's
// board, posting notes at a steady rate; measures, for every note, the time from the sender's
// emit until each other client in the room has it. Targets only 127.0.0.1; bounded in count and time.
// Usage: node --import tsx bench/realtime/load.ts CONFIG_FILE   → prints one JSON line of results.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import { PROTOCOL_VERSION } from "../../server/core/contract/version";

type Config = {
  ports: number[];
  clients: { cookie: string; boardId: string }[];
  seconds: number;
  notesPerClientPerMinute: number;
  connectBatch?: number;
};
const cfg = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as Config;
if (cfg.clients.length > 5000 || cfg.seconds > 120)
  throw new Error("load generator bounded to 5,000 clients and 120 s");

const sent = new Map<string, { t0: number; boardId: string; from: number }>();
const deliveries = new Map<string, number[]>(); // noteId -> arrival times per receiver (index-aligned not needed)
const seenBy = new Map<string, Set<number>>();
let duplicated = 0;
let acked = 0;
let errors = 0;
const byBoard = new Map<string, number[]>();
cfg.clients.forEach((c, i) => byBoard.set(c.boardId, [...(byBoard.get(c.boardId) ?? []), i]));

function connect(i: number): Promise<Socket> {
  const c = cfg.clients[i]!;
  const port = cfg.ports[i % cfg.ports.length]!;
  const s = io(`http://127.0.0.1:${port}`, {
    transports: ["websocket"],
    auth: { protocol: PROTOCOL_VERSION },
    extraHeaders: { cookie: c.cookie },
    reconnection: false,
    timeout: 20_000,
  });
  s.on("board:event", (e: { type: string; data: { note?: { id: string } } }) => {
    if (e.type !== "note.create" || !e.data.note) return;
    const id = e.data.note.id;
    const meta = sent.get(id);
    if (!meta || meta.from === i) return;
    const seen = seenBy.get(id) ?? new Set<number>();
    if (seen.has(i)) return void duplicated++;
    seen.add(i);
    seenBy.set(id, seen);
    (deliveries.get(id) ?? deliveries.set(id, []).get(id)!).push(performance.now() - meta.t0);
  });
  return new Promise((resolve, reject) => {
    s.once("connect", () =>
      s.emit("board:join", { boardId: c.boardId }, (r: { ok: boolean; error?: { message: string } }) =>
        r.ok ? resolve(s) : reject(new Error(r.error?.message)),
      ),
    );
    s.once("connect_error", reject);
  });
}

const sockets: Socket[] = [];
const batch = cfg.connectBatch ?? 50;
for (let i = 0; i < cfg.clients.length; i += batch) {
  sockets.push(
    ...(await Promise.all(Array.from({ length: Math.min(batch, cfg.clients.length - i) }, (_, k) => connect(i + k)))),
  );
}

// Each client posts at a steady rate, starting at a random offset so the load is even.
const interval = 60_000 / cfg.notesPerClientPerMinute;
const started = performance.now();
const timers: NodeJS.Timeout[] = [];
sockets.forEach((s, i) => {
  const post = () => {
    if (performance.now() - started > cfg.seconds * 1000) return;
    const noteId = randomUUID();
    const boardId = cfg.clients[i]!.boardId;
    sent.set(noteId, { t0: performance.now(), boardId, from: i });
    s.emit(
      "board:op",
      {
        boardId,
        opId: randomUUID(),
        op: { type: "note.create", noteId, category: "challenges", text: `Bench note ${noteId.slice(0, 8)}` },
      },
      (r: { ok: boolean }) => (r.ok ? acked++ : errors++),
    );
  };
  timers.push(
    setTimeout(function tick() {
      post();
      timers.push(setTimeout(tick, interval));
    }, Math.random() * interval),
  );
});
await new Promise((r) => setTimeout(r, cfg.seconds * 1000));
for (const t of timers) clearTimeout(t);
// Let the last notes arrive.
await new Promise((r) => setTimeout(r, 3000));

const pct = (xs: number[], p: number) =>
  xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : 0;
const completion: number[] = [];
let expected = 0;
let received = 0;
for (const [id, meta] of sent) {
  const others = (byBoard.get(meta.boardId)?.length ?? 1) - 1;
  expected += others;
  const got = deliveries.get(id) ?? [];
  received += got.length;
  if (got.length === others && others > 0) completion.push(Math.max(...got));
}
completion.sort((a, b) => a - b);
const elapsed = (performance.now() - started) / 1000;
for (const s of sockets) s.close();
process.stdout.write(
  `${JSON.stringify({
    notes: sent.size,
    acked,
    errors,
    p50_ms: round(pct(completion, 50)),
    p95_ms: round(pct(completion, 95)),
    p99_ms: round(pct(completion, 99)),
    max_ms: round(completion.at(-1) ?? 0),
    notes_per_s: round(acked / Math.min(elapsed, cfg.seconds)),
    lost: expected - received,
    duplicated,
  })}\n`,
);
process.exit(0);
function round(x: number) {
  return Math.round(x * 10) / 10;
}
