// What every load mode shares: real socket.io clients joined to their boards, and a tracker that
// records, for every note sent, when each other client of its room first had it.
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import { PROTOCOL_VERSION } from "../../server/core/contract/version";
import { Decoder, Encoder, PacketType } from "socket.io-parser";

/*
 * A real device decodes only the frames sent to it, on its own processor; this one process plays
 * hundreds of devices that receive the very same broadcast frame. Decoding that text once per
 * process and handing each client its own copy of the packet keeps the generator from measuring
 * its own JSON.parse (300 identical parses of every batch) instead of the server.
 */
const shared = new Map<string, { type: number; nsp: string; data: unknown[] }>();
class SharedDecoder extends Decoder {
  override add(obj: unknown) {
    if (typeof obj !== "string" || !obj.startsWith(String(PacketType.EVENT))) return super.add(obj);
    let p = shared.get(obj);
    if (!p) {
      p = (this as unknown as { decodeString(s: string): { type: number; nsp: string; data: unknown[] } }).decodeString(
        obj,
      );
      if (shared.size > 2000) shared.clear();
      shared.set(obj, p);
    }
    (this as unknown as { emitReserved(e: string, p: unknown): void }).emitReserved("decoded", {
      ...p,
      data: [...p.data],
    });
  }
}
const parser = { protocol: 5, PacketType, Encoder, Decoder: SharedDecoder };

export type ClientSpec = { cookie: string; boardId: string; staff?: boolean };
type Ack = { ok: boolean; error?: { code: string; message: string } };
type NoteCarrier = { type: string; data: { note?: { id: string }; notes?: { id: string }[] } };

export const round = (x: number) => Math.round(x * 10) / 10;
export const pct = (xs: number[], p: number) =>
  xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : 0;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The notes an event carries whole (a single note, or a list: a reveal, a gathering). */
function notesIn(e: NoteCarrier): string[] {
  const ids: string[] = [];
  if (e.data?.note?.id && !("removed" in e.data)) ids.push(e.data.note.id);
  for (const n of e.data?.notes ?? []) if (n?.id) ids.push(n.id);
  return ids;
}

export class Tracker {
  readonly sent = new Map<string, { t0: number; boardId: string; from: number }>();
  /** Notes the server refused (an error ack): never broadcast, so not counted as lost. */
  readonly refused = new Set<string>();
  /** noteId → arrival times at the other clients of its room. */
  readonly deliveries = new Map<string, number[]>();
  readonly has: Set<string>[] = [];
  duplicated = 0;
  acked = 0;
  errors = 0;
  readonly errorCodes = new Map<string, number>();
  readonly byBoard = new Map<string, number[]>();
  /** Called when a client learns of a note, for modes that watch a whole set (the reveal). */
  onNote?: (client: number, noteId: string) => void;

  constructor(readonly clients: ClientSpec[]) {
    clients.forEach((c, i) => {
      this.byBoard.set(c.boardId, [...(this.byBoard.get(c.boardId) ?? []), i]);
      this.has.push(new Set());
    });
  }

  /** Every board event a client receives, whether alone or inside a batch. */
  receive(i: number, e: NoteCarrier) {
    for (const id of notesIn(e)) {
      const mine = this.has[i]!;
      const meta = this.sent.get(id);
      if (mine.has(id)) {
        // A reveal repeats the notes a client already had (its own); only a note.create twice is a duplicate.
        if (e.type === "note.create" && meta && meta.from !== i) this.duplicated++;
        continue;
      }
      mine.add(id);
      this.onNote?.(i, id);
      if (!meta || meta.from === i) continue;
      (this.deliveries.get(id) ?? this.deliveries.set(id, []).get(id)!).push(performance.now() - meta.t0);
    }
  }

  ack(r: Ack) {
    if (r?.ok) this.acked++;
    else {
      this.errors++;
      const code = r?.error?.code ?? "none";
      this.errorCodes.set(code, (this.errorCodes.get(code) ?? 0) + 1);
    }
  }

  /** Per note: the time until the last other client of its room had it; lost deliveries. Only notes in `ids` if given. */
  completion(ids?: Iterable<string>) {
    const times: number[] = [];
    let expected = 0;
    let received = 0;
    for (const id of ids ?? this.sent.keys()) {
      if (this.refused.has(id)) continue;
      const meta = this.sent.get(id)!;
      const others = (this.byBoard.get(meta.boardId)?.length ?? 1) - 1;
      expected += others;
      const got = this.deliveries.get(id) ?? [];
      received += got.length;
      if (got.length === others && others > 0) times.push(Math.max(...got));
    }
    times.sort((a, b) => a - b);
    return {
      p50_ms: round(pct(times, 50)),
      p95_ms: round(pct(times, 95)),
      p99_ms: round(pct(times, 99)),
      max_ms: round(times.at(-1) ?? 0),
      lost: expected - received,
    };
  }

  /** Whether every other client of each note's room has it. */
  allArrived(ids: Iterable<string>) {
    for (const id of ids) {
      if (this.refused.has(id)) continue;
      const meta = this.sent.get(id)!;
      const others = (this.byBoard.get(meta.boardId)?.length ?? 1) - 1;
      if ((this.deliveries.get(id)?.length ?? 0) < others) return false;
    }
    return true;
  }
}

export async function connectAll(ports: number[], tracker: Tracker, batch = 50): Promise<Socket[]> {
  const connect = (i: number): Promise<Socket> => {
    const c = tracker.clients[i]!;
    const s = io(`http://127.0.0.1:${ports[i % ports.length]!}`, {
      transports: ["websocket"],
      parser,
      auth: { protocol: PROTOCOL_VERSION },
      extraHeaders: { cookie: c.cookie },
      reconnection: false,
      timeout: 20_000,
    });
    s.on("board:event", (e: NoteCarrier) => tracker.receive(i, e));
    // One tick's events of a board, coalesced by the server into one message.
    s.on("board:events", (b: { events: NoteCarrier[] }) => {
      for (const e of b.events) tracker.receive(i, e);
    });
    return new Promise((resolve, reject) => {
      s.once("connect", () =>
        s.emit("board:join", { boardId: c.boardId }, (r: Ack) =>
          r.ok ? resolve(s) : reject(new Error(r.error?.message)),
        ),
      );
      s.once("connect_error", reject);
    });
  };
  const sockets: Socket[] = [];
  for (let i = 0; i < tracker.clients.length; i += batch)
    sockets.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(batch, tracker.clients.length - i) }, (_, k) => connect(i + k)),
      )),
    );
  return sockets;
}

/** Sends one new note from client i and records when it left. */
export function postNote(tracker: Tracker, sockets: Socket[], i: number, noteId: string, opId: string) {
  const boardId = tracker.clients[i]!.boardId;
  tracker.sent.set(noteId, { t0: performance.now(), boardId, from: i });
  return new Promise<void>((resolve) =>
    sockets[i]!.emit(
      "board:op",
      {
        boardId,
        opId,
        op: { type: "note.create", noteId, category: "challenges", text: `Bench note ${noteId.slice(0, 8)}` },
      },
      (r: Ack) => {
        tracker.ack(r);
        if (!r?.ok) tracker.refused.add(noteId);
        resolve();
      },
    ),
  );
}

/** Waits until `done` holds or `ms` pass; returns whether it held. */
export async function until(done: () => boolean, ms: number) {
  const end = performance.now() + ms;
  while (!done()) {
    if (performance.now() > end) return false;
    await sleep(10);
  }
  return true;
}
