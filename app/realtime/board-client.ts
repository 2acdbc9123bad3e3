import type { Operation } from "../../server/core/boards/ops";
import type { NoteView } from "../../server/core/boards/note-view";
import {
  type Ack,
  type AckErrorCode,
  type AnswerOf,
  type BoardEvent,
  type ClientEvent,
  type RequestOf,
  asksReset,
} from "../../server/core/contract";
import { type PlenarySocket, requestOn } from "./socket.client";
import { type Message, msg } from "../../server/core/i18n/message";

export type KeyValueStore = {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
  removeItem(k: string): void;
};
export type PendingOp = { boardId: string; opId: string; op: Operation };
export type Rejection = {
  opId: string;
  op: Operation;
  code: AckErrorCode;
  message: Message;
  /** An edit refused because the note changed meanwhile: the note as it is now. */
  latest?: { note: NoteView };
};

const ACK_TIMEOUT_MS = 5000;
// Socket.IO drops a connection whose message exceeds the server's limit (64 KB); refuse earlier, with words.
const MAX_MESSAGE_BYTES = 60_000;
// The only errors worth sending again: the server did not answer, or could not reach its database (rate limits wait
// for the time the server says). Anything else, "internal" included, would fail again the same way: it is given up.
const TRANSIENT = new Set<AckErrorCode>(["timeout", "unavailable"]);

const uuid = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

/**
 * Keeps a board in step with the server and never loses what this client sent.
 *
 * - Every operation gets an id and is stored (localStorage in browsers) until
 *   the server acknowledges it, so it survives a reload or a lost connection
 *   and is re-sent on reconnect; the server applies each id once.
 * - Events carry the board's sequence number: a gap (missed while offline, or
 *   a message lost) triggers `board:sync` from the last number seen, which
 *   returns everything after it.
 * - Socket.IO's acks with timeouts detect a dead connection; its connection
 *   state recovery is not relied on (the Redis adapter does not support it),
 *   the sequence numbers do that job.
 */
export class BoardClient {
  private pending: PendingOp[] = [];
  private flushing = false;
  private joined = false;
  seq: number;

  constructor(
    private readonly socket: PlenarySocket,
    private readonly boardId: string,
    startSeq: number,
    private readonly handlers: {
      onEvent: (e: BoardEvent) => void;
      onReset?: () => void;
      onReject?: (r: Rejection) => void;
      onPending?: (ops: PendingOp[]) => void;
      onSlowDown?: (ms: number) => void;
    },
    private readonly store: KeyValueStore | null = null,
  ) {
    this.seq = startSeq;
    this.pending = this.load();
    socket.on("board:event", this.onEvent);
    socket.on("board:events", this.onEvents);
    socket.on("connect", this.onConnect);
    // The person's roles changed: join again, so the server decides afresh what this connection may follow.
    socket.on("session:rescope", this.onConnect);
    if (socket.connected) void this.onConnect();
  }

  private get key() {
    return `plenary:pending:${this.boardId}`;
  }

  private load(): PendingOp[] {
    try {
      return JSON.parse(this.store?.getItem(this.key) ?? "[]") as PendingOp[];
    } catch {
      return [];
    }
  }

  private save() {
    if (this.pending.length) this.store?.setItem(this.key, JSON.stringify(this.pending));
    else this.store?.removeItem(this.key);
    this.handlers.onPending?.([...this.pending]);
  }

  get unacknowledged(): PendingOp[] {
    return [...this.pending];
  }

  /** Queues an operation and sends it as soon as the connection allows; returns its id. */
  send(op: Operation): string {
    const opId = uuid();
    if (new TextEncoder().encode(JSON.stringify({ boardId: this.boardId, opId, op })).length > MAX_MESSAGE_BYTES) {
      this.handlers.onReject?.({ opId, op, code: "too_large", message: msg("common.tooLarge") });
      return opId;
    }
    this.pending.push({ boardId: this.boardId, opId, op });
    this.save();
    void this.flush();
    return opId;
  }

  dispose() {
    this.socket.off("board:event", this.onEvent);
    this.socket.off("board:events", this.onEvents);
    this.socket.off("connect", this.onConnect);
    this.socket.off("session:rescope", this.onConnect);
  }

  private onConnect = async () => {
    this.joined = false;
    const join = await this.request("board:join", { boardId: this.boardId });
    if (!join.ok) return;
    this.joined = true;
    await this.catchUp();
    await this.flush();
  };

  private onEvent = (e: BoardEvent) => {
    if (e.boardId !== this.boardId || e.seq <= this.seq) return;
    if (e.seq === this.seq + 1) {
      this.seq = e.seq;
      this.handlers.onEvent(e);
      // What this person may see changed as a whole (the rule switched, the board went back to writing): reload the board.
      if (asksReset(e)) this.handlers.onReset?.();
    } else void this.catchUp();
  };

  /** One tick's events of the board, coalesced by the server: consecutive, folded one by one (a gap before them asks once). */
  private onEvents = (batch: { boardId: string; events: BoardEvent[] }) => {
    if (batch.boardId !== this.boardId || !Array.isArray(batch.events)) return;
    const fresh = batch.events.filter((e) => e.seq > this.seq);
    if (fresh.length && fresh[0]!.seq !== this.seq + 1) return void this.catchUp();
    for (const e of fresh) this.onEvent(e);
  };

  /** Fetches and applies every event after the last sequence number seen. */
  async catchUp() {
    const r = await this.request("board:sync", {
      boardId: this.boardId,
      afterSeq: this.seq,
    });
    if (!r.ok) return;
    if (r.data.reset) {
      this.handlers.onReset?.();
      return;
    }
    for (const e of r.data.events) this.onEvent(e);
  }

  /** Resets the starting point after the page reloaded a fresh snapshot over HTTP. */
  rebase(seq: number) {
    this.seq = seq;
  }

  private async flush() {
    if (this.flushing || !this.joined) return;
    this.flushing = true;
    try {
      // One at a time, in order, so a person's edits apply in the order they made them.
      while (this.pending.length && this.socket.connected) {
        const next = this.pending[0]!;
        const ack = await this.request("board:op", next);
        if (ack.ok) {
          this.pending.shift();
          this.save();
          continue;
        }
        if (ack.error.code === "rate_limited") {
          const ms = ack.error.retryAfterMs ?? 1000;
          this.handlers.onSlowDown?.(ms);
          await new Promise((r) => setTimeout(r, ms));
          continue;
        }
        if (!TRANSIENT.has(ack.error.code)) {
          this.pending.shift();
          this.save();
          const { code, message, latest } = ack.error;
          this.handlers.onReject?.({ opId: next.opId, op: next.op, code, message, ...(latest ? { latest } : {}) });
          continue;
        }
        // No answer, or the database is away: keep it, and try again shortly (or on the next connect).
        setTimeout(() => void this.flush(), 1000);
        break;
      }
    } finally {
      this.flushing = false;
    }
  }

  private async request<E extends ClientEvent>(event: E, payload: RequestOf<E>): Promise<Ack<AnswerOf<E>>> {
    return requestOn(this.socket, event, payload, ACK_TIMEOUT_MS);
  }
}
