import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BoardState, applyEvent, fromSnapshot } from "../../app/realtime/board-state";
import { channels } from "../../server/core/bus";
import { OPS, type Operation, type OpType, operation } from "../../server/core/boards/ops";
import type { BoardEvent } from "../../server/core/contract";
import { seedDemo } from "../../server/seed/demo";
import { testCore } from "../support/core";

type Ids = { notes: [string, string]; clusters: [string, string]; commentId: string };
/**
 * One sample of every registered operation, in an order that applies on a demo room board
 * (synthesis operations on the synthesis board). Typed by the registry: a new operation
 * does not compile until it has its sample here, and so its place in the replay below.
 */
const SAMPLES: { [K in OpType]: (ids: Ids) => Extract<Operation, { type: K }> } = {
  "note.create": (i) => ({ type: "note.create", noteId: i.notes[0], category: "barriers", text: "Visas take months" }),
  "note.update": (i) => ({ type: "note.update", noteId: i.notes[0], text: "Visas take many months", version: 1 }),
  "note.react": (i) => ({ type: "note.react", noteId: i.notes[0], emoji: "💡", on: true }),
  "note.comment": (i) => ({ type: "note.comment", noteId: i.notes[0], commentId: i.commentId, text: "Same in Lagos" }),
  "note.hide": (i) => ({ type: "note.hide", noteId: i.notes[1], hidden: true, reason: "Off topic" }),
  "cluster.create": (i) => ({
    type: "cluster.create",
    clusterId: i.clusters[0],
    label: "Mobility",
    noteIds: [i.notes[0]],
  }),
  "cluster.rename": (i) => ({ type: "cluster.rename", clusterId: i.clusters[0], label: "Travel and visas" }),
  "note.move": (i) => ({ type: "note.move", noteId: i.notes[1], clusterId: i.clusters[1] }),
  "cluster.merge": (i) => ({ type: "cluster.merge", clusterId: i.clusters[0], fromClusterId: i.clusters[1] }),
  "cluster.delete": (i) => ({ type: "cluster.delete", clusterId: i.clusters[0] }),
  "board.phase": () => ({ type: "board.phase", phase: "vote" }),
  "vote.set": (i) => ({ type: "vote.set", noteId: i.notes[0], dots: 2 }),
  "board.timer": () => ({ type: "board.timer", minutes: 10 }),
  "board.lock": () => ({ type: "board.lock", locked: true }),
  "note.delete": (i) => ({ type: "note.delete", noteId: i.notes[1] }),
  "synthesis.pull": () => ({ type: "synthesis.pull", category: "barriers" }),
  "synthesis.follow": () => ({ type: "synthesis.follow", category: "actions", on: true }),
};

describe("the board operation registry", () => {
  it("has, for every operation, a schema of its own type, an access rule, an apply and a client fold", () => {
    const types = Object.keys(OPS) as OpType[];
    expect(types.length).toBeGreaterThan(0);
    for (const type of types) {
      const def = OPS[type];
      expect(def.type, type).toBe(type);
      expect(def.schema.shape.type.value, type).toBe(type);
      expect(["writers", "staff"], type).toContain(def.access.who);
      for (const only of def.access.phases?.only ?? []) expect(typeof only).toBe("string");
      if (def.access.phases) expect(def.access.phases.refusal.length, type).toBeGreaterThan(0);
      if (def.access.boards) expect(def.access.boards.refusal.length, type).toBeGreaterThan(0);
      expect(typeof def.apply, type).toBe("function");
      expect(typeof def.fold, type).toBe("function");
    }
  });

  it("accepts every operation's sample in the protocol's union, and refuses an unregistered type", () => {
    const ids: Ids = {
      notes: ["note-aaaaaaaa", "note-bbbbbbbb"],
      clusters: ["clu-aaaaaaaa", "clu-bbbbbbbb"],
      commentId: "com-aaaaaaaa",
    };
    for (const [type, sample] of Object.entries(SAMPLES)) expect(operation.parse(sample(ids)).type, type).toBe(type);
    expect(operation.safeParse({ type: "note.explode", noteId: ids.notes[0] }).success).toBe(false);
  });
});

describe("the client's folds and the server agree", () => {
  let t: Awaited<ReturnType<typeof testCore>>;
  let facilitator: { userId: string; sessionId: string };
  let author: { userId: string; sessionId: string };
  let roomBoard: string;
  let synthesisBoard: string;

  beforeAll(async () => {
    t = await testCore("sqlite");
    await seedDemo(t.db, t.clock.now());
    const room = await t.db.room.findFirstOrThrow({
      orderBy: { position: "asc" },
      include: { board: true, assignments: true },
    });
    roomBoard = room.board!.id;
    synthesisBoard = (await t.db.board.findFirstOrThrow({ where: { kind: "synthesis" } })).id;
    author = { userId: room.assignments[0]!.userId, sessionId: "s" };
    facilitator = {
      userId: (await t.db.user.findUniqueOrThrow({ where: { email: "facilitator@plenary.demo" } })).id,
      sessionId: "s",
    };
  });
  afterAll(() => t.close());

  /** What a board shows, without what only the page adds (whose notes are mine, what is still being sent). */
  const shown = (s: BoardState) => ({
    phase: s.phase,
    locked: s.locked,
    timerEndsAt: s.timerEndsAt,
    gather: s.gather ?? [],
    clusters: s.clusters,
    notes: Object.fromEntries(
      Object.values(s.notes).map(({ mine: _mine, pending: _pending, ...n }) => [n.id, n] as const),
    ),
  });

  /** The staff's events of a board as broadcast live: the whole event, on the board's or the staff's channel. */
  const liveEvents = (boardId: string, afterSeq: number) =>
    t.bus.published
      .filter((p) => p.event === "board:event")
      .filter(
        (p) =>
          p.channel === channels.boardStaff(boardId) ||
          (p.channel === channels.board(boardId) && !p.except?.includes(channels.boardStaff(boardId))),
      )
      .map((p) => p.payload as BoardEvent)
      .filter((e) => e.boardId === boardId && e.seq > afterSeq);

  it("replays every registered operation: the snapshot folded with its events, live or replayed, is the snapshot after", async () => {
    const ids: Ids = {
      notes: [randomUUID(), randomUUID()],
      clusters: [randomUUID(), randomUUID()],
      commentId: randomUUID(),
    };
    const covered = new Set<OpType>();
    for (const boardId of [roomBoard, synthesisBoard]) {
      const start = fromSnapshot(await t.core.boards.snapshot(facilitator, boardId));
      const send = async (op: Operation, who = facilitator) => {
        await t.core.boards.apply(who, { boardId, opId: randomUUID(), op });
        covered.add(op.type);
      };
      if (boardId === roomBoard) {
        // A second note, by a participant, for the facilitator to hide and move; and a second cluster to merge.
        await send(SAMPLES["note.create"](ids), author);
        await send(
          { type: "note.create", noteId: ids.notes[1], category: "actions", text: "A shared visa desk" },
          author,
        );
        await send({ type: "cluster.create", clusterId: ids.clusters[1], label: "Desks", category: null });
        for (const type of Object.keys(SAMPLES) as OpType[])
          if (type !== "note.create" && !type.startsWith("synthesis.")) await send(SAMPLES[type](ids));
      } else {
        await send(SAMPLES["synthesis.pull"](ids));
        await send(SAMPLES["synthesis.follow"](ids));
      }
      const end = shown(fromSnapshot(await t.core.boards.snapshot(facilitator, boardId)));
      const live = liveEvents(boardId, start.seq);
      const replayed = await t.core.boards.sync(facilitator, boardId, start.seq);
      expect(live.map((e) => e.seq)).toEqual(replayed.events.map((e) => e.seq));
      expect(shown(live.reduce(applyEvent, start))).toEqual(end);
      expect(shown(replayed.events.reduce(applyEvent, start))).toEqual(end);
    }
    expect([...covered].sort()).toEqual(Object.keys(OPS).sort());
  });
});
