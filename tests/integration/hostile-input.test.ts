import fc from "fast-check";
import { io as ioClient, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemo } from "../../server/seed/demo";
import { Browser, startTestServer, type TestServer } from "../support/server";
import { registeredSocketEvents } from "../support/socket-events";
import { PROTOCOL_VERSION } from "../../server/core/contract/version";

export const SOCKET_EVENTS = [
  "session:whoami",
  "event:follow",
  "event:announce",
  "live:join",
  "room:enter",
  "room:leave",
  "round:help",
  "round:choose",
  "round:open",
  "round:close",
  "round:extend",
  "round:message",
  "board:join",
  "board:leave",
  "board:op",
  "board:sync",
  "no:such:event",
];
const OP_TYPES = [
  "note.create",
  "note.update",
  "note.delete",
  "note.hide",
  "note.move",
  "note.react",
  "note.comment",
  "vote.set",
  "cluster.create",
  "cluster.rename",
  "cluster.delete",
  "cluster.merge",
  "board.phase",
  "board.lock",
  "board.timer",
  "synthesis.pull",
];
const RUNS_PER_EVENT = 60;

/** Strings people (and attackers) type: injection, control characters, huge, right-to-left, emoji. */
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  // Any UTF-16 code units, lone surrogates included.
  fc.string({ unit: "binary", maxLength: 50 }),
  fc.constantFrom(
    "<script>alert(1)</script>",
    '=HYPERLINK("x")',
    "'; DROP TABLE Note; --",
    "\u202Eevil",
    "💥".repeat(300),
    "../../etc/passwd",
    "{{constructor.constructor('x')()}}",
    "\u0000",
    "\uD800",
    "a\uDFFFb",
    " ",
    "x".repeat(70_000),
  ),
);
const id = fc.oneof(fc.uuid(), fc.string({ maxLength: 80 }), fc.constant(""), fc.integer());

describe("hostile socket payloads never crash or hang the server, and leave the data consistent", () => {
  let t: TestServer;
  let ids: { eventId: string; boardId: string; roundId: string; roomId: string };
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestServer("sqlite");
    const db = t.server.db;
    await seedDemo(db);
    const board = await db.board.findFirstOrThrow({ where: { kind: "room" }, include: { room: true } });
    ids = { eventId: board.eventId, boardId: board.id, roundId: board.room!.roundId, roomId: board.roomId! };
    for (const who of ["organiser@plenary.demo", "participant@plenary.demo", null]) {
      const b = new Browser(t.url);
      if (who) await b.signIn(who, DEMO_PASSWORD);
      const s = ioClient(t.url, {
        transports: ["websocket"],
        auth: { protocol: PROTOCOL_VERSION },
        extraHeaders: { cookie: b.cookieHeader },
        reconnection: false,
      });
      await new Promise<void>((r, j) => {
        s.once("connect", () => r());
        s.once("connect_error", j);
      });
      sockets.push(s);
    }
  }, 60_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  const payloadFor = (event: string) =>
    fc.oneof(
      fc.anything({ maxDepth: 3 }),
      fc.record(
        {
          eventId: fc.oneof(id, fc.constant(ids.eventId)),
          roundId: fc.oneof(id, fc.constant(ids.roundId)),
          roomId: fc.oneof(id, fc.constant(ids.roomId)),
          message: nasty,
          minutes: fc.oneof(fc.integer(), fc.double()),
        },
        { requiredKeys: [] },
      ),
      event === "board:op" || event === "board:sync" || event === "board:join"
        ? fc.record(
            {
              boardId: fc.oneof(id, fc.constant(ids.boardId)),
              opId: id,
              afterSeq: fc.oneof(fc.integer(), fc.double(), nasty),
              op: fc.record(
                {
                  type: fc.oneof(fc.constantFrom(...OP_TYPES), nasty),
                  noteId: id,
                  clusterId: fc.oneof(id, fc.constant(null)),
                  fromClusterId: id,
                  commentId: id,
                  category: fc.oneof(fc.constantFrom("barriers", "challenges"), nasty),
                  text: nasty,
                  label: nasty,
                  dots: fc.oneof(fc.integer(), fc.double()),
                  version: fc.integer(),
                  phase: nasty,
                  locked: fc.anything(),
                  minutes: fc.integer(),
                  hidden: fc.boolean(),
                  emoji: nasty,
                  noteIds: fc.array(id, { maxLength: 600 }),
                  on: fc.anything(),
                },
                { requiredKeys: ["type"] },
              ),
            },
            { requiredKeys: [] },
          )
        : fc.constant(undefined),
    );

  it.each(SOCKET_EVENTS)(
    "%s: every generated payload gets a clear answer",
    async (event) => {
      let answered = 0;
      await fc.assert(
        fc.asyncProperty(payloadFor(event), fc.integer({ min: 0, max: sockets.length - 1 }), async (payload, who) => {
          const socket = sockets[who]!;
          // Past the 64 KB message limit the server drops the connection (by design); the client connects again.
          if (Buffer.byteLength(JSON.stringify(payload) ?? "") > 60 * 1024) {
            const dropped = new Promise((resolve) => socket.once("disconnect", resolve));
            socket.emit(event, payload);
            expect(await dropped).toBe("transport close");
            const back = new Promise<void>((resolve) => socket.once("connect", () => resolve()));
            socket.connect();
            await back;
            answered++;
            return;
          }
          const ack = (await socket.timeout(5000).emitWithAck(event, payload)) as {
            ok: boolean;
            error?: { code: string; message: string };
          };
          answered++;
          expect(typeof ack.ok).toBe("boolean");
          if (!ack.ok) {
            expect(ack.error?.code).not.toBe("internal");
            expect(ack.error?.message.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: RUNS_PER_EVENT, seed: 2026 },
      );
      expect(answered).toBe(RUNS_PER_EVENT);
    },
    120_000,
  );

  // Form actions get their fuzz in http-fuzz.test.ts, every one of them (the access matrix lists them all).

  it("fuzzes every socket event the server registers", async () => {
    expect(SOCKET_EVENTS.filter((e) => e !== "no:such:event").sort()).toEqual(registeredSocketEvents(t.server));
  });

  it("keeps the database's invariants and stays healthy afterwards", async () => {
    const db = t.server.db;
    expect((await (await fetch(`${t.url}/healthz`)).json()) as { ok: boolean }).toMatchObject({ ok: true });
    for (const board of await db.board.findMany()) {
      const ops = await db.boardOp.findMany({ where: { boardId: board.id }, select: { seq: true } });
      expect(new Set(ops.map((o) => o.seq)).size).toBe(ops.length);
      expect(Math.max(0, ...ops.map((o) => o.seq))).toBeLessThanOrEqual(board.seq);
    }
    for (const e of await db.event.findMany()) {
      expect(e.seatsTaken).toBe(await db.registration.count({ where: { eventId: e.id, status: "confirmed" } }));
      if (e.capacity !== null) expect(e.seatsTaken).toBeLessThanOrEqual(e.capacity);
    }
    // (Checked in JavaScript: a NUL in a LIKE pattern ends the pattern in SQLite.)
    expect((await db.note.findMany({ select: { text: true } })).filter((n) => n.text.includes("\u0000"))).toEqual([]);
  });
});
