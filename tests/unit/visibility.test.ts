import { describe, expect, it } from "vitest";
import {
  FORMER_PARTICIPANT,
  PUBLIC_VIEWER,
  authorLabel,
  deliveries,
  eventFor,
  mayRead,
  presenceFor,
  quoteAttribution,
} from "../../server/core/visibility";

const note = (extra: Partial<{ authorId: string | null; hidden: boolean; deleted: boolean }> = {}) => ({
  id: "n1",
  authorId: "amal",
  hidden: false,
  deleted: false,
  ...extra,
});
const amal = { userId: "amal", staff: false };
const other = { userId: "bo", staff: false };
const staff = { userId: "fac", staff: true };

describe("the visibility policy", () => {
  it("lets everyone read a note, except a deleted one, a hidden one and one in the write phase", () => {
    expect([amal, other, staff].map((v) => mayRead(v, note(), "group"))).toEqual([true, true, true]);
    expect([amal, other, staff].map((v) => mayRead(v, note({ hidden: true }), "group"))).toEqual([true, false, true]);
    expect([amal, other, staff].map((v) => mayRead(v, note(), "write"))).toEqual([true, false, true]);
    expect([amal, other, staff].map((v) => mayRead(v, note({ deleted: true }), "group"))).toEqual([
      false,
      false,
      false,
    ]);
    // A deleted account's note belongs to nobody: only the rules for everyone apply.
    expect(mayRead({ userId: "", staff: false }, note({ authorId: null }), "write")).toBe(false);
  });

  it("names authors by name, by stakeholder group under the Chatham House rule, and former participants as such", () => {
    const author = { name: "Amal Haddad", category: "Migrant-led organisation", organisation: "Tunis Women" };
    expect(authorLabel(false, author)).toBe("Amal Haddad");
    expect(authorLabel(true, author)).toBe("Migrant-led organisation");
    expect(authorLabel(true, null)).toBe(FORMER_PARTICIPANT);
    expect(authorLabel(false, null)).toBe(FORMER_PARTICIPANT);
    expect(quoteAttribution(false, author)).toBe("Amal Haddad, Tunis Women");
    expect(quoteAttribution(true, author)).toBe("Migrant-led organisation");
  });

  it("sends a hidden note's event whole to the staff and its author, and as removed to everyone else", () => {
    const e = { boardId: "b", seq: 4, opId: "o", type: "note.update", data: { note: { id: "n1", text: "Secret" } } };
    const facts = () => note({ hidden: true });
    const sent = deliveries(e, facts, "group");
    expect(sent).toEqual([
      {
        channel: "board:b",
        except: ["board-staff:b", "user:amal"],
        payload: { ...e, data: { noteId: "n1", removed: true } },
      },
      { channel: "board-staff:b", payload: e },
      { channel: "user:amal", except: ["board-staff:b"], payload: e },
    ]);
    expect(JSON.stringify(eventFor(PUBLIC_VIEWER, e, facts, "group"))).not.toContain("Secret");
  });

  it("sends a readable note's event once, to the whole board", () => {
    const e = { boardId: "b", seq: 5, opId: "o", type: "note.create", data: { note: { id: "n1", text: "Open" } } };
    expect(deliveries(e, () => note(), "group")).toEqual([{ channel: "board:b", payload: e }]);
  });

  it("leaves out of a list the notes a viewer may not read, and tells participants to reload when writing starts again", () => {
    const e = {
      boardId: "b",
      seq: 6,
      opId: "o",
      type: "board.phase",
      data: { phase: "write", notes: [{ id: "n1" }, { id: "n2" }] },
    };
    const facts = (id: string) => ({ ...note(), id, authorId: id === "n2" ? "bo" : "amal" });
    expect(eventFor(other, e, facts, "write").data).toEqual({ phase: "write", notes: [{ id: "n2" }], reset: true });
    expect(eventFor(staff, e, facts, "write").data).toEqual(e.data);
  });

  it("gives participants under the rule a count of who is present, and the staff names", () => {
    const people = [{ userId: "amal", name: "Amal Haddad" }];
    expect(presenceFor(true, false, people)).toEqual({ count: 1, people: [] });
    expect(presenceFor(true, true, people)).toEqual({ count: 1, people });
    expect(presenceFor(false, false, people)).toEqual({ count: 1, people });
  });
});
