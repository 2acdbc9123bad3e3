import { describe, expect, it } from "vitest";
import { applyEvent, type BoardState } from "../../app/realtime/board-state";
import { boardCsv, boardMarkdown, escapeMarkdown } from "../../server/core/boards/export";
import type { NoteView } from "../../server/core/boards/note-view";

const note = (over: Partial<NoteView>): NoteView => ({
  id: "n1",
  category: "barriers",
  text: "text",
  authorLabel: "Civil society / NGO",
  authorCategory: "Civil society / NGO",
  clusterId: null,
  hidden: false,
  version: 1,
  votes: 0,
  reactions: {},
  comments: [],
  originRoom: null,
  createdAt: "2026-11-22T10:00:00.000Z",
  ...over,
});

describe("board exports keep notes as text", () => {
  const snap = {
    board: { title: "Room A", categories: ["barriers", "actions"] },
    event: { title: "Dialogue" },
    clusters: [{ id: "c1", label: "Mistrust" }],
    notes: [
      note({ id: "a", text: "<script>alert(1)</script> [click](javascript:x) **bold**", clusterId: "c1", votes: 3 }),
      note({ id: "b", text: "=cmd|' /C calc'!A0", category: "actions" }),
      note({ id: "h", text: "hidden one", hidden: true }),
    ],
  };

  it("escapes Markdown and HTML in notes", () => {
    const md = boardMarkdown(snap);
    expect(md).toContain("\\<script\\>alert\\(1\\)\\</script\\>");
    expect(md).toContain("\\[click\\]\\(javascript:x\\)");
    expect(md).toContain("\\*\\*bold\\*\\*");
    expect(md).toContain("### Mistrust (1)");
    expect(md).not.toContain("hidden one");
    expect(escapeMarkdown("# heading\nnext")).toBe("\\# heading next");
  });

  it("neutralises spreadsheet formulas in CSV and leaves hidden notes out", () => {
    const csv = boardCsv(snap);
    expect(csv).toContain("'=cmd|' /C calc'!A0");
    expect(csv).not.toContain("hidden one");
    expect(csv.split("\r\n")[0]).toBe("\uFEFFCategory,Cluster,Note,Author,Votes,Room of origin,Created at (UTC)");
  });
});

describe("board state reducer", () => {
  const empty: BoardState = { seq: 0, phase: "group", locked: false, timerEndsAt: null, notes: {}, clusters: {} };
  it("applies events once and in order, ignoring old ones", () => {
    let s = applyEvent(empty, {
      boardId: "b",
      seq: 1,
      opId: "o1",
      type: "note.create",
      data: { note: note({ id: "x" }) },
    });
    s = applyEvent(s, {
      boardId: "b",
      seq: 2,
      opId: "o2",
      type: "cluster.create",
      data: { cluster: { id: "c", label: "L", category: null, position: 0 }, noteIds: ["x"] },
    });
    expect(s.notes.x!.clusterId).toBe("c");
    const same = applyEvent(s, { boardId: "b", seq: 2, opId: "o2", type: "note.delete", data: { noteId: "x" } });
    expect(same).toBe(s);
    s = applyEvent(s, { boardId: "b", seq: 3, opId: "o3", type: "cluster.delete", data: { clusterId: "c" } });
    expect(s.notes.x!.clusterId).toBeNull();
    s = applyEvent(s, { boardId: "b", seq: 4, opId: "o4", type: "note.hide", data: { noteId: "x", removed: true } });
    expect(s.notes.x).toBeUndefined();
    expect(s.seq).toBe(4);
  });
});
