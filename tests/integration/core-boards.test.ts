import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../server/seed/demo";
import { ENGINES } from "../support/databases";
import { testCore } from "../support/core";

describe.each(ENGINES)("board operations on %s", (engine) => {
  let t: Awaited<ReturnType<typeof testCore>>;
  let boardId: string;
  let otherBoardId: string;
  let alice: { userId: string; sessionId: string };
  let bob: { userId: string; sessionId: string };
  let outsider: { userId: string; sessionId: string };
  let facilitator: { userId: string; sessionId: string };
  // Operations are sent untyped here (some are meant to fail), so their results are read as plain records.
  const op = (
    who: typeof alice,
    o: Record<string, unknown>,
    board = boardId,
    opId = randomUUID(),
  ): Promise<{ seq: number; duplicate: boolean; data: Record<string, unknown> }> =>
    t.core.boards.apply(who, { boardId: board, opId, op: o });
  const note = (text: string, category = "barriers") => ({ type: "note.create", noteId: randomUUID(), category, text });

  beforeAll(async () => {
    t = await testCore(engine);
    await seedDemo(t.db, t.clock.now());
    const rooms = await t.db.room.findMany({
      orderBy: { position: "asc" },
      include: { board: true, assignments: true },
    });
    boardId = rooms[0]!.board!.id;
    otherBoardId = rooms[1]!.board!.id;
    const [a, b] = rooms[0]!.assignments;
    alice = { userId: a!.userId, sessionId: "s" };
    bob = { userId: b!.userId, sessionId: "s" };
    outsider = { userId: rooms[1]!.assignments[0]!.userId, sessionId: "s" };
    facilitator = {
      userId: (await t.db.user.findUniqueOrThrow({ where: { email: "facilitator@plenary.demo" } })).id,
      sessionId: "s",
    };
    await op(facilitator, { type: "board.phase", phase: "reveal" });
  });
  afterAll(() => t.close());

  it("applies an operation once, however often it is sent, with the board's next sequence number", async () => {
    const before = (await t.db.board.findUniqueOrThrow({ where: { id: boardId } })).seq;
    const opId = randomUUID();
    const create = note("Interpreters are booked too late");
    const first = await op(alice, create, boardId, opId);
    const again = await op(alice, create, boardId, opId);
    expect(first.seq).toBe(before + 1);
    expect(again).toMatchObject({ seq: first.seq, duplicate: true });
    expect(await t.db.note.count({ where: { id: create.noteId } })).toBe(1);
    const sent = t.bus.published.filter(
      (p) => p.event === "board:event" && (p.payload as { opId: string }).opId === opId,
    );
    expect(sent).toHaveLength(1);
  });

  it("refuses a second note with an existing note's id under another operation id, and logs nothing for it", async () => {
    const create = note("Childcare during meetings");
    await op(alice, create);
    const seq = (await t.db.board.findUniqueOrThrow({ where: { id: boardId } })).seq;
    await expect(op(bob, { ...create, text: "Someone else's text" })).rejects.toMatchObject({ code: "conflict" });
    expect((await t.db.note.findUniqueOrThrow({ where: { id: create.noteId } })).text).toBe(
      "Childcare during meetings",
    );
    expect((await t.db.board.findUniqueOrThrow({ where: { id: boardId } })).seq).toBe(seq);
  });

  it("applies a retried edit once and acknowledges the retry with the first sequence number", async () => {
    const create = note("Transport costs");
    await op(alice, create);
    const opId = randomUUID();
    const edit = { type: "note.delete", noteId: create.noteId };
    const first = await op(alice, edit, boardId, opId);
    const again = await op(alice, edit, boardId, opId);
    expect(again).toMatchObject({ seq: first.seq, duplicate: true });
  });

  it("refuses notes beyond the board's limit", async () => {
    const live = await t.db.note.count({ where: { boardId: otherBoardId, deletedAt: null } });
    await t.db.board.update({ where: { id: otherBoardId }, data: { maxNotes: live + 1 } });
    try {
      await op(outsider, note("The last note that fits"), otherBoardId);
      await expect(op(outsider, note("One too many"), otherBoardId)).rejects.toMatchObject({
        code: "conflict",
        message: expect.stringMatching(/full/),
      });
    } finally {
      await t.db.board.update({ where: { id: otherBoardId }, data: { maxNotes: 1000 } });
    }
  });

  it("labels authors by stakeholder category only under the Chatham House rule, and never sends author ids", async () => {
    const r = await op(alice, note("Fear of being reported"));
    const n = r.data.note as Record<string, unknown>;
    const reg = await t.db.registration.findFirstOrThrow({
      where: { userId: alice.userId },
      include: { category: true, user: true },
    });
    expect(n.authorLabel).toBe(reg.category!.label);
    expect(JSON.stringify(t.bus.published.at(-1))).not.toContain(reg.user.name);
    expect(JSON.stringify(t.bus.published.at(-1))).not.toContain(alice.userId);
  });

  it("keeps notes private to their author during the write phase, then reveals them all", async () => {
    await op(facilitator, { type: "board.phase", phase: "write" });
    const secret = note("A note written before the reveal");
    const r = await op(alice, secret);
    const toBoard = t.bus.published.filter(
      (p) => p.channel === `board:${boardId}` && (p.payload as { seq: number }).seq === r.seq,
    );
    expect(toBoard).toHaveLength(1);
    expect(JSON.stringify(toBoard[0]!.payload)).not.toContain("before the reveal");
    expect(toBoard[0]!.except).toEqual([`board-staff:${boardId}`, `user:${alice.userId}`]);
    expect((await t.core.boards.snapshot(bob, boardId)).notes.some((n) => n.id === secret.noteId)).toBe(false);
    expect((await t.core.boards.snapshot(alice, boardId)).notes.find((n) => n.id === secret.noteId)?.mine).toBe(true);
    const synced = await t.core.boards.sync(bob, boardId, r.seq - 1);
    expect(JSON.stringify(synced.events)).not.toContain("before the reveal");

    const reveal = await op(facilitator, { type: "board.phase", phase: "reveal" });
    expect(JSON.stringify(reveal.data)).toContain("before the reveal");
    expect((await t.core.boards.snapshot(bob, boardId)).notes.some((n) => n.id === secret.noteId)).toBe(true);
  });

  it("rejects a stale edit with the latest version, and edits of other people's notes", async () => {
    const n = note("Forms only in one language");
    await op(alice, n);
    await op(alice, { type: "note.update", noteId: n.noteId, text: "Forms only in the national language", version: 1 });
    const stale = await op(alice, { type: "note.update", noteId: n.noteId, text: "Old edit", version: 1 }).catch(
      (e) => e,
    );
    expect(stale.code).toBe("conflict");
    // The latest version travels as a field of its own (the ack's `latest`, `latestVersion`), not inside fieldErrors.
    expect(stale.details.latest.note).toMatchObject({ text: "Forms only in the national language", version: 2 });
    expect(stale.fieldErrors).toEqual({});
    await expect(
      op(bob, { type: "note.update", noteId: n.noteId, text: "Not mine", version: 2 }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(op(bob, { type: "note.delete", noteId: n.noteId })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("keeps votes within each person's dot budget, and only in the vote phase", async () => {
    const n = note("Childcare during consultations");
    await op(alice, n);
    await t.db.vote.deleteMany({ where: { boardId, userId: bob.userId } }); // the demo gave Bob dots already
    await expect(op(bob, { type: "vote.set", noteId: n.noteId, dots: 1 })).rejects.toThrow(
      /only during the vote phase/,
    );
    await op(facilitator, { type: "board.phase", phase: "vote" });
    expect((await op(bob, { type: "vote.set", noteId: n.noteId, dots: 3 })).data.votes).toBe(3);
    await expect(op(bob, { type: "vote.set", noteId: n.noteId, dots: 6 })).rejects.toThrow(
      /5 dots on this board and 5 left/,
    );
    expect((await op(bob, { type: "vote.set", noteId: n.noteId, dots: 5 })).data.votes).toBe(5);
    expect((await t.core.boards.snapshot(bob, boardId)).myVotes[n.noteId]).toBe(5);
    await op(facilitator, { type: "board.phase", phase: "group" });
  });

  it("lets only facilitators cluster, moderate and run the board, and tells authors when their note is hidden", async () => {
    const n = note("Off-topic remark");
    await op(alice, n);
    const clusterId = randomUUID();
    await expect(op(alice, { type: "cluster.create", clusterId, label: "Mistrust" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(op(alice, { type: "board.lock", locked: true })).rejects.toMatchObject({ code: "forbidden" });
    await op(facilitator, { type: "cluster.create", clusterId, label: "Mistrust of authorities", noteIds: [n.noteId] });
    const other = randomUUID();
    await op(facilitator, { type: "cluster.create", clusterId: other, label: "Fear" });
    await op(facilitator, { type: "cluster.merge", clusterId: other, fromClusterId: clusterId });
    expect((await t.db.note.findUniqueOrThrow({ where: { id: n.noteId } })).clusterId).toBe(other);
    await op(facilitator, { type: "note.hide", noteId: n.noteId, hidden: true, reason: "off topic" });
    expect(
      t.bus.published.find((p) => p.event === "board:notice" && p.channel === `user:${alice.userId}`)?.payload,
    ).toMatchObject({ message: "A facilitator hid your note: off topic" });
    expect((await t.core.boards.snapshot(bob, boardId)).notes.some((x) => x.id === n.noteId)).toBe(false);
    expect((await t.core.boards.snapshot(alice, boardId)).notes.find((x) => x.id === n.noteId)?.hidden).toBe(true);
  });

  it("refuses changes on a locked or closed board, and to people of other rooms", async () => {
    await op(facilitator, { type: "board.lock", locked: true });
    await expect(op(alice, note("While locked"))).rejects.toThrow(/locked/);
    await op(facilitator, { type: "board.lock", locked: false });
    await op(facilitator, { type: "board.phase", phase: "closed" });
    await expect(op(alice, note("After closing"))).rejects.toThrow(/closed/);
    await op(facilitator, { type: "board.phase", phase: "discuss" });
    await expect(op(outsider, note("Not my room"))).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.core.boards.snapshot(outsider, boardId)).rejects.toMatchObject({ code: "forbidden" });
    expect((await op(outsider, note("My own room"), otherBoardId)).seq).toBeGreaterThan(0);
  });

  it("answers malformed operations with a validation error and changes nothing", async () => {
    const seq = (await t.db.board.findUniqueOrThrow({ where: { id: boardId } })).seq;
    for (const bad of [
      { type: "note.create", noteId: randomUUID(), category: "barriers", text: "x".repeat(501) },
      { type: "note.create", noteId: randomUUID(), category: "barriers", text: "   " },
      { type: "note.create", noteId: "bad id!", category: "barriers", text: "x" },
      { type: "note.explode" },
      { type: "vote.set", noteId: randomUUID(), dots: -1 },
    ]) {
      await expect(op(alice, bad)).rejects.toMatchObject({ code: "validation" });
    }
    await expect(op(alice, note("Wrong category", "gossip"))).rejects.toThrow(/Unknown category/);
    await expect(t.core.boards.apply(alice, "not even an object")).rejects.toMatchObject({ code: "validation" });
    expect((await t.db.board.findUniqueOrThrow({ where: { id: boardId } })).seq).toBe(seq);
  });

  it("gathers every room's notes of a category on the synthesis board, once, keeping their room of origin", async () => {
    const synthesis = await t.db.board.findFirstOrThrow({ where: { kind: "synthesis" } });
    const first = await op(facilitator, { type: "synthesis.pull", category: "barriers" }, synthesis.id);
    const pulled = first.data.notes as { text: string; originRoom: string | null; authorLabel: string }[];
    const expected = await t.db.note.count({
      where: { category: "barriers", deletedAt: null, hidden: false, board: { kind: "room" } },
    });
    expect(pulled).toHaveLength(expected);
    expect(new Set(pulled.map((n) => n.originRoom)).size).toBeGreaterThanOrEqual(2);
    expect(pulled.every((n) => n.originRoom?.startsWith("Room "))).toBe(true);
    const again = await op(facilitator, { type: "synthesis.pull", category: "barriers" }, synthesis.id);
    expect(again.data.notes).toEqual([]);
    await expect(op(facilitator, { type: "synthesis.pull", category: "barriers" })).rejects.toThrow(
      /Only the synthesis board/,
    );
    await expect(op(alice, { type: "synthesis.pull", category: "barriers" }, synthesis.id)).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("lists the boards a person may open: their room's and the synthesis board, read-only", async () => {
    const mine = await t.core.boards.listForEvent(
      alice,
      (await t.db.board.findUniqueOrThrow({ where: { id: boardId } })).eventId,
    );
    expect(mine.map((b) => [b.id === boardId ? "own" : b.kind, b.canWrite])).toEqual([
      ["own", true],
      ["synthesis", false],
    ]);
    const all = await t.core.boards.listForEvent(
      facilitator,
      (await t.db.board.findUniqueOrThrow({ where: { id: boardId } })).eventId,
    );
    expect(all).toHaveLength(4);
    expect(await t.core.boards.listForEvent(null, "x")).toEqual([]);
  });

  it("replays everything after a sequence number, in order", async () => {
    const from = (await t.db.board.findUniqueOrThrow({ where: { id: boardId } })).seq;
    for (let i = 0; i < 5; i++) await op(bob, note(`Catch-up ${i}`));
    const s = await t.core.boards.sync(alice, boardId, from);
    expect(s.events.map((e) => e.seq)).toEqual([from + 1, from + 2, from + 3, from + 4, from + 5]);
    expect(s.seq).toBe(from + 5);
  });
});
