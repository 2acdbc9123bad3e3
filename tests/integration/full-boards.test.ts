import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemo } from "../../server/seed/demo";
import { Browser, startTestServer, type TestServer } from "../support/server";

const SLUG = "migrant-women-local-decision-making";

/**
 * A board at its limit (1,000 notes) must read like any other, through every
 * path: the page, its data request, the CSV and Markdown exports, the replay;
 * and every path that adds notes must respect the limit, the synthesis pull included.
 */
describe("full boards", () => {
  let t: TestServer;
  let rooms: { id: string; boardId: string }[];
  let synthesisId: string;
  let facilitator: { userId: string; sessionId: string };
  const staff = () => {
    const b = new Browser(t.url);
    return b.signIn("facilitator@plenary.demo", DEMO_PASSWORD).then(() => b);
  };

  /** Fills a board up to its limit with notes of one category, straight into the database. */
  async function fill(boardId: string) {
    const db = t.server.db;
    const authors = (await db.registration.findMany({ where: { status: "confirmed" }, select: { userId: true } })).map(
      (r) => r.userId,
    );
    const have = await db.note.count({ where: { boardId, deletedAt: null } });
    const rows = Array.from({ length: 1000 - have }, (_, i) => ({
      id: randomUUID(),
      boardId,
      authorId: authors[i % authors.length]!,
      category: "barriers",
      text: `Barrier number ${i} on ${boardId}`,
      createdAt: new Date(Date.now() - 3_600_000 + i),
    }));
    for (let i = 0; i < rows.length; i += 100) await db.note.createMany({ data: rows.slice(i, i + 100) });
    // Some votes, reactions and comments, so every part of a note's view is read.
    const some = rows.slice(0, 50);
    for (const n of some) {
      await db.vote.create({ data: { boardId, noteId: n.id, userId: authors[0]!, dots: 1 } });
      await db.noteComment.create({ data: { id: randomUUID(), noteId: n.id, authorId: authors[1]!, text: "Yes" } });
    }
  }

  beforeAll(async () => {
    t = await startTestServer("sqlite");
    const db = t.server.db;
    await seedDemo(db);
    rooms = (await db.room.findMany({ include: { board: true }, orderBy: { position: "asc" } })).map((r) => ({
      id: r.id,
      boardId: r.board!.id,
    }));
    synthesisId = (await db.board.findFirstOrThrow({ where: { kind: "synthesis" } })).id;
    facilitator = {
      userId: (await db.user.findUniqueOrThrow({ where: { email: "facilitator@plenary.demo" } })).id,
      sessionId: "s",
    };
    for (const r of rooms) await fill(r.boardId);
  }, 120_000);
  afterAll(() => t.close());

  it("reads a board of 1,000 notes through the page, its data, CSV, Markdown and the replay", async () => {
    const b = await staff();
    const boardId = rooms[0]!.boardId;
    for (const path of [
      `/events/${SLUG}/boards/${boardId}`,
      `/events/${SLUG}/boards/${boardId}?_data=routes%2Fevents.%24slug.boards.%24boardId`,
      `/events/${SLUG}/boards/${boardId}.csv`,
      `/events/${SLUG}/boards/${boardId}.md`,
    ]) {
      const res = await b.get(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain(`Barrier number 900 on ${boardId}`);
    }
    const snap = await t.server.core.boards.snapshot(facilitator, boardId);
    expect(snap.notes.length).toBe(1000);
    await t.server.core.boards.apply(facilitator, {
      boardId,
      opId: randomUUID(),
      op: { type: "board.phase", phase: "reveal" },
    });
  });

  it("refuses a note beyond the limit", async () => {
    await expect(
      t.server.core.boards.apply(facilitator, {
        boardId: rooms[0]!.boardId,
        opId: randomUUID(),
        op: { type: "note.create", noteId: randomUUID(), category: "barriers", text: "One too many" },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("pulls into the synthesis board only as many notes as it holds, and the board keeps working", async () => {
    const pull = (): Promise<{ data: Record<string, unknown> }> =>
      t.server.core.boards.apply(facilitator, {
        boardId: synthesisId,
        opId: randomUUID(),
        op: { type: "synthesis.pull", category: "barriers" },
      });
    const first = await pull();
    expect((first.data.notes as unknown[]).length).toBeGreaterThan(0);
    expect(first.data.left).toBeGreaterThan(0);
    const db = t.server.db;
    expect(await db.note.count({ where: { boardId: synthesisId, deletedAt: null } })).toBe(1000);
    await expect(pull()).rejects.toMatchObject({ code: "conflict" });
    expect(await db.note.count({ where: { boardId: synthesisId, deletedAt: null } })).toBe(1000);
    for (const phase of ["reveal", "write", "group"])
      await t.server.core.boards.apply(facilitator, {
        boardId: synthesisId,
        opId: randomUUID(),
        op: { type: "board.phase", phase },
      });
    const b = await staff();
    const res = await b.get(`/events/${SLUG}/boards/${synthesisId}.csv`);
    expect(res.status).toBe(200);
    const sync = await t.server.core.boards.sync(facilitator, synthesisId, 0);
    expect(sync.events.length).toBeGreaterThan(0);
  });

  it("generates the report of an event whose boards are full", async () => {
    const db = t.server.db;
    const secretariat = {
      userId: (await db.user.findUniqueOrThrow({ where: { email: "secretariat@plenary.demo" } })).id,
      sessionId: "s",
    };
    await t.server.core.reports.generate(secretariat, SLUG);
    const md = (await t.server.core.reports.download(secretariat, SLUG, "md", "draft")).bytes.toString("utf8");
    // The full boards' notes reach the findings (quoted as examples; each is cited by id).
    for (const { id } of await db.board.findMany({ where: { kind: "room", event: { slug: SLUG } } }))
      expect(md, id).toMatch(new RegExp(`barrier number \\d+ on ${id}`, "i"));
  }, 60_000);
});
