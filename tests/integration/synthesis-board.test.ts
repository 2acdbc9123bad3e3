import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NoteView } from "../../server/core/boards/note-view";
import { ENGINES } from "../support/databases";
import { testCore } from "../support/core";
import { BASE, person, publishedEvent } from "../support/events";

describe.each(ENGINES)("the synthesis board on %s", (engine) => {
  let t: Awaited<ReturnType<typeof testCore>>;
  beforeAll(async () => {
    t = await testCore(engine);
  });
  afterAll(() => t.close());

  const round = (extra: Record<string, unknown> = {}) => ({
    title: "Mapping barriers",
    roomCount: "3",
    durationMinutes: "45",
    questions: "What stops you?",
    ...extra,
  });
  const op = (actor: { userId: string; sessionId: string }, boardId: string, o: Record<string, unknown>) =>
    t.core.boards.apply(actor, { boardId, opId: randomUUID(), op: o });

  /** An event made through the core, as the UI makes it, with one round of three rooms and a person in each. */
  async function eventWithRound() {
    const { event, organiser } = await publishedEvent(t);
    const people = [];
    for (let i = 0; i < 3; i++) {
      const r = await t.core.registrations.register(null, event.id, person(), BASE);
      people.push({
        userId: (await t.db.registration.findUniqueOrThrow({ where: { id: r.id } })).userId,
        sessionId: "s",
      });
    }
    const r = await t.core.breakouts.createRound(organiser, event.id, round());
    const rooms = await t.db.room.findMany({
      where: { roundId: r.id },
      orderBy: { position: "asc" },
      include: { board: true },
    });
    for (let i = 0; i < 3; i++)
      await t.core.breakouts.move(organiser, event.id, r.id, people[i]!.userId, rooms[i]!.id, true);
    return { event, organiser, people, rooms, roundId: r.id };
  }

  it("comes with the first round, reachable by the staff, its categories growing with later rounds", async () => {
    const { event, organiser, people } = await eventWithRound();
    const boards = await t.db.board.findMany({ where: { eventId: event.id, kind: "synthesis" } });
    expect(boards).toHaveLength(1);
    expect(JSON.parse(boards[0]!.categoriesJson)).toEqual(["challenges", "barriers", "opportunities", "actions"]);
    await t.core.breakouts.createRound(organiser, event.id, round({ title: "Second", categories: "ideas\nbarriers" }));
    const after = await t.db.board.findMany({ where: { eventId: event.id, kind: "synthesis" } });
    expect(after).toHaveLength(1);
    expect(JSON.parse(after[0]!.categoriesJson)).toEqual([
      "challenges",
      "barriers",
      "opportunities",
      "actions",
      "ideas",
    ]);
    const listed = await t.core.boards.listForEvent(organiser, event.id);
    expect(listed.filter((b) => b.kind === "synthesis")).toEqual([expect.objectContaining({ canWrite: true })]);
    // A participant reads it; only the staff gather onto it.
    const theirs = await t.core.boards.listForEvent(people[0]!, event.id);
    expect(theirs.find((b) => b.kind === "synthesis")).toMatchObject({ canWrite: false });
  });

  it("is made on first listing for an event whose rounds predate it, once", async () => {
    const { event, organiser } = await eventWithRound();
    await t.db.board.deleteMany({ where: { eventId: event.id, kind: "synthesis" } });
    const [a, b] = await Promise.all([
      t.core.boards.listForEvent(organiser, event.id),
      t.core.boards.listForEvent(organiser, event.id),
    ]);
    expect(a.filter((x) => x.kind === "synthesis")).toHaveLength(1);
    expect(b.filter((x) => x.kind === "synthesis")).toHaveLength(1);
    expect(await t.db.board.count({ where: { eventId: event.id, kind: "synthesis" } })).toBe(1);
    // An event without breakouts gets none.
    const plain = await publishedEvent(t);
    await t.core.boards.listForEvent(plain.organiser, plain.event.id);
    expect(await t.db.board.count({ where: { eventId: plain.event.id } })).toBe(0);
  });

  it("keeps gathering a category as rooms post when asked, each note keeping its room of origin", async () => {
    const { event, organiser, people, rooms } = await eventWithRound();
    const synthesis = await t.db.board.findFirstOrThrow({ where: { eventId: event.id, kind: "synthesis" } });
    const post = (i: number, category: string, text: string) =>
      op(people[i]!, rooms[i]!.board!.id, { type: "note.create", noteId: randomUUID(), category, text });
    await post(0, "barriers", "No childcare during the consultations");
    const on = await op(organiser, synthesis.id, { type: "synthesis.follow", category: "barriers", on: true });
    expect(on.data).toMatchObject({ gather: ["barriers"], notes: [expect.objectContaining({ originRoom: "Room A" })] });

    await post(1, "barriers", "Forms only in the national language");
    await post(2, "barriers", "Fear of being reported when asking for help");
    await post(2, "opportunities", "Women-only dialogue spaces");
    const gathered = async () => t.db.note.findMany({ where: { boardId: synthesis.id }, orderBy: { text: "asc" } });
    await expect.poll(async () => (await gathered()).length, { timeout: 10_000 }).toBe(3);
    const notes = await gathered();
    expect(notes.every((n) => n.category === "barriers")).toBe(true);
    expect(new Set(notes.map((n) => n.originRoomId))).toEqual(new Set(rooms.map((r) => r.id)));
    // The gathering is an operation like any other: logged, with the board's next sequence number, and broadcast.
    const logged = await t.db.boardOp.findMany({ where: { boardId: synthesis.id }, orderBy: { seq: "asc" } });
    expect(logged[0]).toMatchObject({ type: "synthesis.follow", seq: 1 });
    expect(logged.slice(1).map((o) => [o.type, o.userId])).toContainEqual(["synthesis.pull", null]);
    expect(logged.map((o) => o.seq)).toEqual(logged.map((_, i) => i + 1));
    // The synthesis board is in its write phase: the staff who run it receive the notes in full (the
    // visibility policy keeps them from participants until the reveal).
    const broadcast = t.bus.published.filter(
      (p) => p.channel === `board-staff:${synthesis.id}` && p.event === "board:event",
    );
    const carried = broadcast.flatMap((p) =>
      ((p.payload as { data: { notes?: NoteView[] } }).data.notes ?? []).map((n) => n.text),
    );
    expect(carried.sort()).toEqual(notes.map((n) => n.text).sort());

    // Stopping stops it.
    await op(organiser, synthesis.id, { type: "synthesis.follow", category: "barriers", on: false });
    await post(0, "barriers", "Legal aid offices have months-long waiting lists");
    await new Promise((r) => setTimeout(r, 1500));
    expect(await t.db.note.count({ where: { boardId: synthesis.id } })).toBe(3);
    const snap = await t.core.boards.snapshot(organiser, synthesis.id);
    expect(snap.board.gather).toEqual([]);
  });

  it("pulls only what the board has room for, counts the rest, and never gathers a note twice", async () => {
    const { event, organiser, people, rooms } = await eventWithRound();
    const synthesis = await t.db.board.findFirstOrThrow({ where: { eventId: event.id, kind: "synthesis" } });
    await t.db.board.update({ where: { id: synthesis.id }, data: { maxNotes: 3 } });
    const texts = ["One", "Two", "Three", "Four", "Five"];
    for (const [i, text] of texts.entries()) {
      t.clock.advance(1000); // oldest first: each note a second after the one before
      await op(people[i % 3]!, rooms[i % 3]!.board!.id, {
        type: "note.create",
        noteId: randomUUID(),
        category: "barriers",
        text,
      });
    }
    // Another category is not gathered.
    await op(people[0]!, rooms[0]!.board!.id, {
      type: "note.create",
      noteId: randomUUID(),
      category: "opportunities",
      text: "Elsewhere",
    });
    const pull = () => op(organiser, synthesis.id, { type: "synthesis.pull", category: "barriers" });
    const first = (await pull()).data as { notes: NoteView[]; left: number };
    expect(first.notes.map((n) => n.text)).toEqual(["One", "Two", "Three"]);
    expect(first.left).toBe(2);
    // Full: refused, and nothing copied.
    await expect(pull()).rejects.toMatchObject({ code: "conflict" });
    expect(await t.db.note.count({ where: { boardId: synthesis.id } })).toBe(3);
    // Deleting a copy makes room; the next pull takes the oldest waiting note, not the deleted copy's source again.
    await op(organiser, synthesis.id, { type: "note.delete", noteId: first.notes[0]!.id });
    const second = (await pull()).data as { notes: NoteView[]; left: number };
    expect(second.notes.map((n) => n.text)).toEqual(["Four"]);
    expect(second.left).toBe(1);
    const copies = await t.db.note.findMany({ where: { boardId: synthesis.id }, select: { sourceNoteId: true } });
    expect(new Set(copies.map((c) => c.sourceNoteId)).size).toBe(copies.length);
  });

  it("refuses gathering from participants, from another event's organiser and on a room board", async () => {
    const { event, people, rooms } = await eventWithRound();
    const other = await eventWithRound();
    const synthesis = await t.db.board.findFirstOrThrow({ where: { eventId: event.id, kind: "synthesis" } });
    const follow = { type: "synthesis.follow", category: "barriers", on: true };
    await expect(op(people[0]!, synthesis.id, follow)).rejects.toMatchObject({ code: "forbidden" });
    await expect(op(other.organiser, synthesis.id, follow)).rejects.toMatchObject({ code: "forbidden" });
    await expect(op(other.organiser, other.rooms[0]!.board!.id, follow)).rejects.toThrow(/Only the synthesis board/);
    await expect(
      op(
        other.organiser,
        (await t.db.board.findFirstOrThrow({ where: { eventId: other.event.id, kind: "synthesis" } })).id,
        {
          ...follow,
          category: "gossip",
        },
      ),
    ).rejects.toThrow(/Unknown category/);
    expect((await t.db.board.findUniqueOrThrow({ where: { id: synthesis.id } })).gatherJson).toBe("[]");
    expect(rooms).toHaveLength(3);
  });
});
