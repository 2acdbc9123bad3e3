import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../server/seed/demo";
import { testCore } from "../support/core";

type Actor = { userId: string; sessionId: string };

/**
 * One visibility policy for every outward path: what the snapshot withholds,
 * the replay after a reconnect (board:sync), the live broadcast and a retried
 * operation's answer withhold too.
 */
describe("board visibility: the replay withholds what the snapshot withholds", () => {
  let t: Awaited<ReturnType<typeof testCore>>;
  let boardId: string;
  let eventId: string;
  let writer: Actor & { name: string };
  let reader: Actor;
  let facilitator: Actor;
  const op = (who: Actor, o: Record<string, unknown>) =>
    t.core.boards.apply(who, { boardId, opId: randomUUID(), op: o });
  const post = async (who: Actor, text: string) => {
    const noteId = randomUUID();
    await op(who, { type: "note.create", noteId, category: "barriers", text });
    return noteId;
  };
  const seq = async () => (await t.db.board.findUniqueOrThrow({ where: { id: boardId } })).seq;
  /** Everything a reader gets back from a catch-up, as text. */
  const replay = async (who: Actor, after: number) => JSON.stringify(await t.core.boards.sync(who, boardId, after));
  const snapshotText = async (who: Actor) => JSON.stringify(await t.core.boards.snapshot(who, boardId));

  beforeAll(async () => {
    t = await testCore("sqlite");
    await seedDemo(t.db, t.clock.now());
    const room = await t.db.room.findFirstOrThrow({
      orderBy: { position: "asc" },
      include: { board: true, assignments: { include: { user: true }, where: { role: "participant" } } },
    });
    boardId = room.board!.id;
    eventId = room.board!.eventId;
    const [w, r] = room.assignments;
    writer = { userId: w!.userId, sessionId: "s", name: w!.user.name };
    reader = { userId: r!.userId, sessionId: "s" };
    facilitator = {
      userId: (await t.db.user.findUniqueOrThrow({ where: { email: "facilitator@plenary.demo" } })).id,
      sessionId: "s",
    };
    await op(facilitator, { type: "board.phase", phase: "reveal" });
  });
  afterAll(() => t.close());

  it("does not replay a name given before the Chatham House rule was turned on", async () => {
    await t.db.event.update({ where: { id: eventId }, data: { chathamHouse: false } });
    const from = await seq();
    await post(writer, "Said before the rule");
    await t.db.event.update({ where: { id: eventId }, data: { chathamHouse: true } });
    expect(await snapshotText(reader)).not.toContain(writer.name);
    expect(await replay(reader, from)).toContain("Said before the rule");
    expect(await replay(reader, from)).not.toContain(writer.name);
  });

  it("does not replay the text of a note deleted or hidden since", async () => {
    const from = await seq();
    const deleted = await post(writer, "Regretted at once");
    await op(writer, { type: "note.delete", noteId: deleted });
    const hidden = await post(writer, "Hidden by the facilitator");
    await op(facilitator, { type: "note.hide", noteId: hidden, hidden: true, reason: "personal details" });
    for (const text of ["Regretted at once", "Hidden by the facilitator"]) {
      expect(await snapshotText(reader)).not.toContain(text);
      expect(await replay(reader, from)).not.toContain(text);
    }
    // The author and the facilitator still see the hidden note, marked hidden.
    expect(await replay(writer, from)).toContain("Hidden by the facilitator");
    expect(await replay(facilitator, from)).toContain("Hidden by the facilitator");
  });

  it("does not replay a deleted account's name, nor its comments' name", async () => {
    await t.db.event.update({ where: { id: eventId }, data: { chathamHouse: false } });
    const { user, session } = await t.core.auth.createAccount({
      name: "Soon Gone Author",
      email: "soon-gone@example.org",
      password: "a long enough password",
    });
    const gone = { userId: user.id, sessionId: session.id };
    await t.db.eventRole.create({ data: { eventId, userId: gone.userId, role: "rapporteur" } });
    const from = await seq();
    const noteId = await post(gone, "Written by someone who leaves");
    await op(gone, { type: "note.comment", noteId, commentId: randomUUID(), text: "And a comment" });
    expect(await replay(reader, from)).toContain("Soon Gone Author");
    await t.core.account.deleteAccount(gone, { password: "a long enough password" });
    expect(await snapshotText(reader)).not.toContain("Soon Gone Author");
    const after = await replay(reader, from);
    expect(after).toContain("Written by someone who leaves");
    expect(after).not.toContain("Soon Gone Author");
    expect(after).toContain("Former participant");
    await t.db.event.update({ where: { id: eventId }, data: { chathamHouse: true } });
  });

  it("keeps names and texts that may be withheld later out of the operation log itself", async () => {
    await t.db.event.update({ where: { id: eventId }, data: { chathamHouse: false } });
    const noteId = await post(writer, "Logged text");
    await t.db.event.update({ where: { id: eventId }, data: { chathamHouse: true } });
    const logged = await t.db.boardOp.findFirstOrThrow({
      where: { boardId, type: "note.create" },
      orderBy: { seq: "desc" },
    });
    expect(logged.payloadJson).toContain(noteId);
    expect(logged.payloadJson).not.toContain(writer.name);
    expect(logged.payloadJson).not.toContain("Logged text");
  });

  it("broadcasts an edit of a hidden note to its author and the staff only", async () => {
    const noteId = await post(writer, "Original words");
    await op(facilitator, { type: "note.hide", noteId, hidden: true });
    const before = t.bus.published.length;
    const version = (await t.db.note.findUniqueOrThrow({ where: { id: noteId } })).version;
    await op(writer, { type: "note.update", noteId, text: "Edited while hidden", version });
    const sent = t.bus.published.slice(before).filter((p) => p.event === "board:event");
    const toBoard = sent.filter((p) => p.channel === `board:${boardId}`);
    expect(JSON.stringify(toBoard)).not.toContain("Edited while hidden");
    expect(toBoard.every((p) => p.except?.includes(`board-staff:${boardId}`))).toBe(true);
    expect(JSON.stringify(sent)).toContain("Edited while hidden");
  });

  it("lets participants act only on notes they may read", async () => {
    const noteId = await post(writer, "Hidden from others");
    await op(facilitator, { type: "note.hide", noteId, hidden: true });
    await expect(
      op(reader, { type: "note.comment", noteId, commentId: randomUUID(), text: "I can see you" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
