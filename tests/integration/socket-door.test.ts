import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BoardClient, type Rejection } from "../../app/realtime/board-client";
import { DEMO_PASSWORD, seedDemo } from "../../server/seed/demo";
import { Browser, startTestServer, type TestServer } from "../support/server";
import { registeredSocketEvents } from "../support/socket-events";

const LONE = "\uD800";

/** Every socket event answers every call, with a result or a clear error; ill-formed text is a validation error. */
describe("the socket door answers everything clearly", () => {
  let t: TestServer;
  let ids: { eventId: string; boardId: string; roundId: string; roomId: string };
  let organiser: Socket;
  let participant: Socket;

  beforeAll(async () => {
    t = await startTestServer("sqlite");
    const db = t.server.db;
    await seedDemo(db);
    const a = await db.roomAssignment.findFirstOrThrow({
      where: { user: { email: "participant@plenary.demo" } },
      include: { room: { include: { board: true } } },
    });
    ids = { eventId: a.room.board!.eventId, boardId: a.room.board!.id, roundId: a.roundId, roomId: a.roomId };
    const o = new Browser(t.url);
    await o.signIn("organiser@plenary.demo", DEMO_PASSWORD);
    organiser = await o.socket();
    const p = new Browser(t.url);
    await p.signIn("participant@plenary.demo", DEMO_PASSWORD);
    participant = await p.socket();
  });
  afterAll(async () => {
    organiser.close();
    participant.close();
    await t.close();
  });

  it("answers an event emitted with no payload at all (only the acknowledgement callback)", async () => {
    for (const event of registeredSocketEvents(t.server)) {
      const ack = (await organiser.timeout(3000).emitWithAck(event)) as { ok: boolean; error?: { code: string } };
      expect(typeof ack.ok, event).toBe("boolean");
      if (!ack.ok) expect(ack.error?.code, event).not.toBe("internal");
    }
    expect(await organiser.timeout(3000).emitWithAck("session:whoami")).toMatchObject({ ok: true });
    expect(await organiser.timeout(3000).emitWithAck("board:sync")).toMatchObject({
      ok: false,
      error: { code: "validation" },
    });
  });

  it("refuses ill-formed Unicode (a lone surrogate) in any string with a validation error", async () => {
    const payloads: Record<string, unknown> = {
      "session:whoami": { x: LONE },
      "event:follow": { eventId: `${ids.eventId}${LONE}` },
      "event:announce": { eventId: ids.eventId, message: `Hello ${LONE}` },
      "live:join": { eventId: `${LONE}` },
      "room:enter": { eventId: ids.eventId, roomId: `${ids.roomId}${LONE}` },
      "room:leave": { eventId: LONE },
      "round:help": { eventId: ids.eventId, message: `Help ${LONE}` },
      "round:choose": { eventId: ids.eventId, roomId: LONE },
      "round:open": { eventId: ids.eventId, roundId: `${LONE}` },
      "round:close": { eventId: ids.eventId, roundId: `${LONE}` },
      "round:extend": { eventId: ids.eventId, roundId: ids.roundId, minutes: 1, note: LONE },
      "round:message": { eventId: ids.eventId, roundId: ids.roundId, message: `Soon ${LONE}` },
      "board:join": { boardId: `${ids.boardId}${LONE}` },
      "board:leave": { boardId: `${ids.boardId}${LONE}` },
      "board:op": {
        boardId: ids.boardId,
        opId: randomUUID(),
        op: { type: "note.create", noteId: randomUUID(), category: "barriers", text: `Broken ${LONE} text` },
      },
      "board:sync": { boardId: ids.boardId, afterSeq: 0, [LONE]: 1 },
    };
    expect(Object.keys(payloads).sort()).toEqual(registeredSocketEvents(t.server).sort());
    for (const [event, payload] of Object.entries(payloads)) {
      const ack = (await organiser.timeout(3000).emitWithAck(event, payload)) as {
        ok: boolean;
        error?: { code: string; message: string };
      };
      expect({ event, ok: ack.ok, code: ack.error?.code }).toEqual({ event, ok: false, code: "validation" });
      expect(ack.error!.message).toMatch(/text|character/i);
    }
  });

  it("a board client gives up at once on an error retrying cannot fix, and sends it once", async () => {
    await t.server.db.board.update({ where: { id: ids.boardId }, data: { phase: "reveal" } });
    let sent = 0;
    participant.onAnyOutgoing((event) => {
      if (event === "board:op") sent++;
    });
    const rejected = new Promise<Rejection>((resolve) => {
      const c = new BoardClient(participant, ids.boardId, 0, { onEvent: () => {}, onReject: resolve });
      c.send({ type: "note.create", noteId: randomUUID(), category: "barriers", text: `Broken ${LONE} text` });
    });
    const r = await Promise.race([rejected, new Promise<null>((resolve) => setTimeout(() => resolve(null), 4000))]);
    expect(r).toMatchObject({ code: "validation" });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sent).toBe(1);
  });
});
