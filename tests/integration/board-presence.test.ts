import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemo } from "../../server/seed/demo";
import { Browser, startTestServer, type TestServer } from "../support/server";

const BEAT = 1000;
type Presence = { boardId: string; count?: number; people: { userId: string; name: string }[] };

/**
 * Presence without per-note timing cues (docs/decisions/presence-without-timing-cues.md):
 * under the Chatham House rule a participant learns how many people are on the
 * board, not who; and nobody's arrival is announced at the moment it happens,
 * only on the board's beat, so it cannot be lined up with the note that follows.
 */
describe("board presence", () => {
  let t: TestServer;
  let boardId: string;
  const names: string[] = [];
  const sockets: Socket[] = [];

  async function socketOf(email: string) {
    const b = new Browser(t.url);
    await b.signIn(email, DEMO_PASSWORD);
    const s = await b.socket();
    sockets.push(s);
    return s;
  }
  const record = (s: Socket) => {
    const got: { at: number; p: Presence }[] = [];
    s.on("board:presence", (p: Presence) => got.push({ at: Date.now(), p }));
    return got;
  };
  /** Waits until just after a beat, so the next one is almost a whole beat away. */
  const justAfterBeat = async () => {
    while (Date.now() % BEAT > 100) await new Promise((r) => setTimeout(r, 10));
  };

  beforeAll(async () => {
    t = await startTestServer("sqlite", {}, { presenceBeatMs: BEAT });
    const db = t.server.db;
    await seedDemo(db);
    const a = await db.roomAssignment.findFirstOrThrow({
      where: { user: { email: "participant@plenary.demo" } },
      include: { room: { include: { board: true } } },
    });
    boardId = a.room.board!.id;
    await db.board.update({ where: { id: boardId }, data: { phase: "reveal" } });
    const event = await db.event.findUniqueOrThrow({ where: { id: a.room.board!.eventId } });
    expect(event.chathamHouse).toBe(true);
    for (const email of ["participant@plenary.demo", "facilitator@plenary.demo", "rapporteur@plenary.demo"])
      names.push((await db.user.findUniqueOrThrow({ where: { email } })).name);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  it("announces an arrival on the beat, not when it happens; names to staff only under the rule", async () => {
    const participant = await socketOf("participant@plenary.demo");
    const facilitator = await socketOf("facilitator@plenary.demo");
    expect(await participant.emitWithAck("board:join", { boardId })).toMatchObject({ ok: true });
    expect(await facilitator.emitWithAck("board:join", { boardId })).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, BEAT + 300));
    const seenByParticipant = record(participant);
    const seenByFacilitator = record(facilitator);
    const notes: number[] = [];
    participant.on("board:event", () => notes.push(Date.now()));

    // Someone arrives and posts at once.
    const arriving = await socketOf("rapporteur@plenary.demo");
    await justAfterBeat();
    const joinedAt = Date.now();
    expect(await arriving.emitWithAck("board:join", { boardId })).toMatchObject({ ok: true });
    const posted = await arriving.emitWithAck("board:op", {
      boardId,
      opId: randomUUID(),
      op: { type: "note.create", noteId: randomUUID(), category: "barriers", text: "Posted on arrival" },
    });
    expect(posted).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 2 * BEAT + 300));

    const nextBeat = Math.ceil(joinedAt / BEAT) * BEAT;
    expect(notes.length).toBe(1);
    expect(notes[0]!).toBeLessThan(nextBeat);
    for (const seen of [seenByParticipant, seenByFacilitator]) {
      expect(seen.length).toBeGreaterThan(0);
      for (const { at } of seen) expect(at).toBeGreaterThanOrEqual(nextBeat - 5);
    }
    // Under the rule the participant learns how many are here, and nobody's name.
    for (const { p } of seenByParticipant) {
      expect(p.people).toEqual([]);
      expect(p.count).toBe(3);
      for (const name of names) expect(JSON.stringify(p)).not.toContain(name);
    }
    const last = seenByFacilitator.at(-1)!.p;
    expect(last.people.map((x) => x.name).sort()).toEqual([...names].sort());
  });
});
