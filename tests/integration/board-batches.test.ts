import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { BoardEvent } from "../../server/core/contract/board-events";
import { seedDemo } from "../../server/seed/demo";
import { ENGINES } from "../support/databases";
import { sqliteConnection } from "../../server/db/client";
import { testCore } from "../support/core";

type Who = { userId: string; sessionId: string };

/**
 * The batched write path (server/core/boards/batch.ts, group-commit.ts): operations sent at once
 * share a transaction, yet each is checked, logged, answered and broadcast on its own, in order.
 */
describe.each(ENGINES)("board operations sent at once, on %s", (engine) => {
  let t: Awaited<ReturnType<typeof testCore>>;
  let boardId: string;
  let otherRoomId: string;
  let eventId: string;
  let roundId: string;
  let people: Who[];
  let facilitator: Who;
  let organiser: Who;
  const note = (text: string, category = "barriers") => ({ type: "note.create", noteId: randomUUID(), category, text });
  const send = (who: Who, op: Record<string, unknown>, opId = randomUUID(), cache?: unknown) =>
    t.core.boards.apply(who, { boardId, opId, op }, cache as never);
  const settle = <T>(ps: Promise<T>[]) => Promise.allSettled(ps);
  const boardEvents = (from: number) =>
    t.bus.published.slice(from).filter((p) => p.event === "board:event" || p.event === "board:events");
  const userOf = async (email: string) => ({
    userId: (await t.db.user.findUniqueOrThrow({ where: { email } })).id,
    sessionId: "s",
  });

  beforeAll(async () => {
    t = await testCore(engine);
    await seedDemo(t.db, t.clock.now());
    const rooms = await t.db.room.findMany({
      orderBy: { position: "asc" },
      include: { board: true, assignments: true },
    });
    boardId = rooms[0]!.board!.id;
    otherRoomId = rooms[1]!.id;
    roundId = rooms[0]!.roundId;
    eventId = rooms[0]!.board!.eventId;
    facilitator = await userOf("facilitator@plenary.demo");
    organiser = await userOf("organiser@plenary.demo");
    const staff = new Set([facilitator.userId, organiser.userId]);
    people = rooms[0]!.assignments
      .filter((a) => !staff.has(a.userId) && a.role === "participant")
      .map((a) => ({ userId: a.userId, sessionId: "s" }));
    expect(people.length).toBeGreaterThanOrEqual(3);
  });
  beforeEach(async () => {
    await send(facilitator, { type: "board.lock", locked: false });
    await send(facilitator, { type: "board.phase", phase: "reveal" });
  });
  afterAll(() => t.close());

  it("answers each of many notes sent at once, in order, with consecutive numbers, one log row each", async () => {
    const before = (await t.db.board.findUniqueOrThrow({ where: { id: boardId } })).seq;
    const sent = Array.from({ length: 30 }, (_, i) => ({ who: people[i % people.length]!, op: note(`At once ${i}`) }));
    const replies = await Promise.all(sent.map((s) => send(s.who, s.op)));
    expect(replies.map((r) => r.seq)).toEqual(sent.map((_, i) => before + i + 1));
    expect(replies.every((r) => !r.duplicate)).toBe(true);
    const logged = await t.db.boardOp.findMany({ where: { boardId, seq: { gt: before } }, orderBy: { seq: "asc" } });
    expect(logged.map((o) => o.seq)).toEqual(replies.map((r) => r.seq));
    expect(await t.db.note.count({ where: { id: { in: sent.map((s) => s.op.noteId) } } })).toBe(30);
  });

  it("fails a bad operation alone: the others of its batch are stored, a retry is answered, not doubled", async () => {
    const [a, b, c] = people;
    const first = note("Before the bad one");
    const retried = { op: note("Sent twice at once"), opId: randomUUID() };
    const clash = note("A note id used twice");
    const results = await settle([
      send(a!, first),
      send(b!, note("Unknown category", "not-a-category")),
      send(c!, retried.op, retried.opId),
      send(c!, retried.op, retried.opId),
      send(a!, clash),
      send(b!, { ...clash, text: "The same id again" }),
      // A facilitator's operation that fails after its checks: its savepoint takes it back alone.
      send(facilitator, { type: "cluster.rename", clusterId: "no-such-cluster", label: "Nothing" }),
      send(a!, note("After the bad ones")),
    ]);
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "ok"));
    expect(codes).toEqual(["ok", "validation", "ok", "ok", "ok", "conflict", "not_found", "ok"]);
    const ok = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    // The retry is the first one's answer again.
    expect(ok[2]).toMatchObject({ seq: ok[1]!.seq, duplicate: true });
    const fresh = ok.filter((r) => !r.duplicate).map((r) => r.seq);
    expect(fresh).toEqual([...fresh].sort((x, y) => x - y));
    expect(new Set(fresh).size).toBe(fresh.length);
    expect(await t.db.note.count({ where: { id: retried.op.noteId } })).toBe(1);
    expect((await t.db.note.findUniqueOrThrow({ where: { id: clash.noteId } })).text).toBe("A note id used twice");
    expect(await t.db.boardOp.count({ where: { boardId, opId: retried.opId } })).toBe(1);
  });

  it("holds a lock for the operations behind it in the same batch", async () => {
    const [a, b] = people;
    const results = await settle([
      send(a!, note("Just before the lock")),
      send(facilitator, { type: "board.lock", locked: true }),
      send(b!, note("Just after the lock")),
      send(facilitator, note("The facilitator may still post")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
  });

  it("broadcasts one tick's notes as one message, in sequence order, and a lone one as before", async () => {
    const from = t.bus.published.length;
    const replies = await Promise.all(people.map((p, i) => send(p, note(`Coalesced ${i}`))));
    const sent = boardEvents(from);
    const events = sent.flatMap((p) =>
      p.event === "board:events" ? (p.payload as { events: BoardEvent[] }).events : [p.payload as BoardEvent],
    );
    expect(events.map((e) => e.seq)).toEqual(replies.map((r) => r.seq));
    expect(sent.length).toBeLessThan(replies.length);
    expect(sent.every((p) => p.channel === `board:${boardId}` && !p.except)).toBe(true);

    const lone = t.bus.published.length;
    await send(people[0]!, note("Alone"));
    expect(boardEvents(lone).map((p) => p.event)).toEqual(["board:event"]);
  });

  it("keeps private notes private in a batch: in the write phase each goes out per audience, never whole to the board", async () => {
    await send(facilitator, { type: "board.phase", phase: "write" });
    const from = t.bus.published.length;
    const sent = people.map((p, i) => ({ who: p, op: note(`Private ${i}`) }));
    await Promise.all(sent.map((s) => send(s.who, s.op)));
    const out = boardEvents(from);
    expect(out.some((p) => p.event === "board:events")).toBe(false);
    for (const s of sent) {
      const whole = out.filter((p) => (p.payload as { data: { note?: { id: string } } }).data.note?.id === s.op.noteId);
      // Its author and the staff receive the note; the board's channel only learns that something it may not read exists.
      expect(whole.map((p) => p.channel).sort()).toEqual([`board-staff:${boardId}`, `user:${s.who.userId}`]);
    }
  });

  it("reveals every private note in one event", async () => {
    await send(facilitator, { type: "board.phase", phase: "write" });
    const written = people.map((p, i) => ({ who: p, op: note(`To reveal ${i}`) }));
    await Promise.all(written.map((w) => send(w.who, w.op)));
    const from = t.bus.published.length;
    await send(facilitator, { type: "board.phase", phase: "reveal" });
    const out = boardEvents(from);
    expect(out).toHaveLength(1);
    const notes = (out[0]!.payload as { data: { notes: { id: string }[] } }).data.notes.map((n) => n.id);
    expect(notes).toEqual(expect.arrayContaining(written.map((w) => w.op.noteId)));
  });

  it("writes rows that read back through Prisma as Prisma writes them (the SQLite batch bypasses its client)", async () => {
    expect(sqliteConnection(t.db) !== null).toBe(engine === "sqlite");
    const at = t.clock.now();
    const sent = people.map((p, i) => ({ who: p, op: note(`Read back ${i}`) }));
    const acks = await Promise.all(sent.map((s) => send(s.who, s.op)));
    const rows = await t.db.note.findMany({ where: { id: { in: sent.map((s) => s.op.noteId) } } });
    expect(rows).toHaveLength(sent.length);
    for (const r of rows) {
      expect(r.createdAt).toBeInstanceOf(Date);
      expect(r.createdAt.getTime()).toBe(at.getTime());
      expect(r).toMatchObject({ hidden: false, version: 1, deletedAt: null, clusterId: null, boardId });
    }
    // Prisma filters on what the batch wrote: dates and booleans compare as its own.
    const same = await t.db.note.count({
      where: { id: { in: sent.map((s) => s.op.noteId) }, createdAt: { gte: at }, hidden: false },
    });
    expect(same).toBe(sent.length);
    const logged = await t.db.boardOp.findMany({ where: { boardId, seq: { in: acks.map((a) => a.seq) } } });
    expect(logged.map((l) => l.createdAt.getTime())).toEqual(acks.map(() => at.getTime()));
  });

  it("decides again after a person is moved to another room: their next operation is refused", async () => {
    const who = people[0]!;
    const cache = t.core.boards.accessCache();
    await send(who, note("While still in the room"), randomUUID(), cache);
    // The decision is kept: the same connection posts again without reading access.
    await send(who, note("Still here"), randomUUID(), cache);
    await t.core.breakouts.move(organiser, eventId, roundId, who.userId, otherRoomId, false);
    await expect(send(who, note("After the move"), randomUUID(), cache)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("keeps the decision made when the connection joined, and drops it when the person is moved", async () => {
    const who = people[2]!;
    const cache = t.core.boards.accessCache();
    await t.core.boards.join(who, boardId, cache);
    // The join's decision is the connection's: its first operation finds it kept.
    expect(cache.get(who.userId, boardId)).not.toBeNull();
    await send(who, note("First after joining"), randomUUID(), cache);
    await t.core.boards.join(who, boardId, cache);
    await t.core.breakouts.move(organiser, eventId, roundId, who.userId, otherRoomId, false);
    expect(cache.get(who.userId, boardId)).toBeNull();
    await expect(send(who, note("After the move"), randomUUID(), cache)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("decides again after a registration is rejected: the former participant's next operation is refused", async () => {
    const who = people[1]!;
    const cache = t.core.boards.accessCache();
    await send(who, note("Before the decision"), randomUUID(), cache);
    const reg = await t.db.registration.findFirstOrThrow({ where: { eventId, userId: who.userId } });
    await t.core.registrations.decide(organiser, eventId, reg.id, "reject", "https://plenary.test");
    await expect(send(who, note("After the decision"), randomUUID(), cache)).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
