import { randomUUID } from "node:crypto";
import { io as ioClient, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BoardClient } from "../../app/realtime/board-client";
import { type BoardState, applyEvent } from "../../app/realtime/board-state";
import { seedDemo } from "../../server/seed/demo";
import { startTestServer, type TestServer } from "../support/server";
import { PROTOCOL_VERSION } from "../../server/core/contract/version";

type Participant = { userId: string; socket: Socket; client: BoardClient; state: BoardState };

const memoryStore = () => {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    m,
  };
};

describe("live boards with real clients", () => {
  let t: TestServer;
  let boardId: string;
  let people: Participant[] = [];

  async function cookieFor(userId: string) {
    const session = await t.server.core.auth.createSession(userId);
    return (await t.server.sessionCookie.serialize(session.id)).split(";")[0]!;
  }

  async function participant(
    userId: string,
    store = memoryStore(),
    opts: { reconnection?: boolean } = {},
  ): Promise<Participant> {
    const snap = await t.server.core.boards.snapshot({ userId, sessionId: "s" }, boardId);
    const socket = ioClient(t.url, {
      transports: ["websocket"],
      auth: { protocol: PROTOCOL_VERSION },
      extraHeaders: { cookie: await cookieFor(userId) },
      reconnection: opts.reconnection ?? false,
      reconnectionDelay: 50,
    });
    const p = {
      userId,
      socket,
      state: {
        seq: snap.board.seq,
        phase: snap.board.phase,
        locked: snap.board.locked,
        timerEndsAt: null,
        notes: Object.fromEntries(snap.notes.map((n) => [n.id, n])),
        clusters: {},
      } as BoardState,
    } as Participant;
    p.client = new BoardClient(
      socket,
      boardId,
      snap.board.seq,
      { onEvent: (e) => (p.state = applyEvent(p.state, e)) },
      store,
    );
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    return p;
  }

  const until = async (check: () => boolean, what: string, ms = 20_000) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error(`timed out: ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  beforeAll(async () => {
    t = await startTestServer("sqlite");
    await seedDemo(t.server.db);
    const room = await t.server.db.room.findFirstOrThrow({
      orderBy: { position: "asc" },
      include: { board: true, assignments: true },
    });
    boardId = room.board!.id;
    await t.server.db.board.update({ where: { id: boardId }, data: { phase: "reveal" } });
    people = await Promise.all(room.assignments.slice(0, 30).map((a) => participant(a.userId)));
  }, 60_000);

  afterAll(async () => {
    for (const p of people) p.socket.close();
    await t.close();
  });

  it("30 clients posting at once converge to identical boards", async () => {
    expect(people).toHaveLength(30);
    for (const p of people)
      for (let i = 0; i < 5; i++)
        p.client.send({
          type: "note.create",
          noteId: randomUUID(),
          category: "barriers",
          text: `Note ${i} from ${p.userId.slice(-4)}`,
        });
    const finalSeq = async () => (await t.server.db.board.findUniqueOrThrow({ where: { id: boardId } })).seq;
    await until(() => people.every((p) => p.client.unacknowledged.length === 0), "every op acknowledged");
    const seq = await finalSeq();
    await until(() => people.every((p) => p.state.seq === seq), "every client at the last seq");
    const db = await t.server.db.note.findMany({ where: { boardId, deletedAt: null } });
    const ids = db.map((n) => n.id).sort();
    for (const p of people) expect(Object.keys(p.state.notes).sort()).toEqual(ids);
    expect(db.filter((n) => n.text.startsWith("Note "))).toHaveLength(150);
  });

  it("a client whose connection is cut mid-burst ends with every note stored exactly once", async () => {
    const store = memoryStore();
    const room = await t.server.db.room.findFirstOrThrow({
      orderBy: { position: "asc" },
      include: { assignments: true },
    });
    const p = await participant(room.assignments[31]!.userId, store, { reconnection: true });
    const texts = Array.from({ length: 40 }, (_, i) => `Burst ${i} ${randomUUID().slice(0, 6)}`);
    texts.forEach((text, i) => {
      p.client.send({ type: "note.create", noteId: randomUUID(), category: "opportunities", text });
      // Kill the underlying transport (not the test) twice in the middle of the burst.
      if (i === 10 || i === 25) (p.socket.io.engine as unknown as { close(): void }).close();
    });
    expect(store.m.size).toBe(1); // unacknowledged ops are kept until the server confirms them
    await until(() => p.client.unacknowledged.length === 0, "burst acknowledged after reconnects");
    const stored = await t.server.db.note.findMany({ where: { boardId, text: { in: texts } } });
    expect(stored).toHaveLength(40);
    expect(new Set(stored.map((n) => n.text)).size).toBe(40);
    expect(store.m.size).toBe(0);
    const seq = (await t.server.db.board.findUniqueOrThrow({ where: { id: boardId } })).seq;
    await until(() => p.state.seq === seq, "the reconnected client caught up");
    for (const text of texts) expect(Object.values(p.state.notes).some((n) => n.text === text)).toBe(true);
    p.socket.close();
  });

  it("re-sends what a reloaded page had not got acknowledged, applying it once", async () => {
    const room = await t.server.db.room.findFirstOrThrow({
      orderBy: { position: "asc" },
      include: { assignments: true },
    });
    const userId = room.assignments[32]!.userId;
    const store = memoryStore();
    const noteId = randomUUID();
    // As if the page had sent this, then been closed before the ack arrived.
    const envelope = {
      boardId,
      opId: randomUUID(),
      op: { type: "note.create" as const, noteId, category: "actions", text: "Sent before the reload" },
    };
    await t.server.core.boards.apply({ userId, sessionId: "s" }, envelope);
    store.setItem(`plenary:pending:${boardId}`, JSON.stringify([envelope]));
    const p = await participant(userId, store);
    await until(() => p.client.unacknowledged.length === 0, "pending op re-sent");
    expect(await t.server.db.note.count({ where: { id: noteId } })).toBe(1);
    p.socket.close();
  });

  it("answers unknown events, bad payloads and other rooms' boards with error acks", async () => {
    const p = people[0]!;
    const other = await t.server.db.board.findFirstOrThrow({ where: { id: { not: boardId }, kind: "room" } });
    expect(
      await p.socket.emitWithAck("board:op", {
        boardId: other.id,
        opId: randomUUID(),
        op: { type: "note.create", noteId: randomUUID(), category: "barriers", text: "x" },
      }),
    ).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(
      await p.socket.emitWithAck("board:op", {
        boardId,
        opId: randomUUID(),
        op: { type: "note.create", noteId: randomUUID(), category: "barriers", text: "<script>".repeat(100) },
      }),
    ).toMatchObject({ ok: false, error: { code: "validation" } });
    expect(await p.socket.emitWithAck("board:op", 42)).toMatchObject({ ok: false, error: { code: "validation" } });
    expect(await p.socket.emitWithAck("board:join", { boardId: other.id })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
  });

  it("re-scopes open connections at once when someone becomes a facilitator", async () => {
    const db = t.server.db;
    const [p, q] = [people[2]!, people[3]!];
    const organiser = await db.user.findUniqueOrThrow({ where: { email: "organiser@plenary.demo" } });
    const round = await db.breakoutRound.findFirstOrThrow();
    const event = await db.event.findFirstOrThrow();
    await t.server.core.boards.apply(
      { userId: organiser.id, sessionId: "s" },
      { boardId, opId: randomUUID(), op: { type: "board.phase", phase: "write" } },
    );
    const seen: { data: Record<string, unknown> }[] = [];
    p.socket.on("board:event", (e) => seen.push(e));
    const post = (text: string) =>
      q.socket.emitWithAck("board:op", {
        boardId,
        opId: randomUUID(),
        op: { type: "note.create", noteId: randomUUID(), category: "barriers", text },
      });
    await post("Private while writing");
    await until(() => seen.length >= 1, "redacted event");
    expect(JSON.stringify(seen)).not.toContain("Private while writing");
    await t.server.core.breakouts.setRoomRole({ userId: organiser.id, sessionId: "s" }, event.id, round.id, p.userId, {
      role: "facilitator",
    });
    // The page re-joins on session:rescope and, as a facilitator now, enters the board's staff channel.
    let inStaff = false;
    await until(() => {
      void t.server.io
        .in(`board-staff:${boardId}`)
        .fetchSockets()
        .then((ss) => (inStaff = ss.some((x) => x.data.actor?.userId === p.userId)));
      return inStaff;
    }, "re-scoped into the staff channel");
    await post("Seen by the new facilitator");
    await until(
      () => JSON.stringify(seen).includes("Seen by the new facilitator"),
      "full event for the new facilitator",
    );
    await t.server.core.boards.apply(
      { userId: organiser.id, sessionId: "s" },
      { boardId, opId: randomUUID(), op: { type: "board.phase", phase: "reveal" } },
    );
  });

  it("slows down a person who floods the board, with a clear error", async () => {
    const p = people[1]!;
    const acks = await Promise.all(
      Array.from({ length: 40 }, () =>
        p.socket.emitWithAck("board:op", {
          boardId,
          opId: randomUUID(),
          op: { type: "note.create", noteId: randomUUID(), category: "barriers", text: "flood" },
        }),
      ),
    );
    const limited = acks.filter((a) => !a.ok && a.error.code === "rate_limited");
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0].error.message).toMatch(/very fast/);
  });
});
