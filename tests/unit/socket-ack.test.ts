import { describe, expect, it } from "vitest";
import type { NoteView } from "../../server/core/boards/note-view";
import { DomainError, conflict } from "../../server/core/errors";
import { ackError } from "../../server/socket/ack";

const note: NoteView = {
  id: "note-aaaaaaaa",
  category: "barriers",
  text: "Visas take months",
  authorLabel: "City official",
  authorCategory: "City official",
  clusterId: null,
  hidden: false,
  version: 3,
  votes: 0,
  reactions: {},
  comments: [],
  originRoom: null,
  createdAt: "2026-11-22T10:00:00.000Z",
};

describe("a refusal as its ack carries it", () => {
  it("puts retry-after and the latest version in fields of their own, not in fieldErrors", () => {
    expect(ackError(new DomainError("rate_limited", "Slow down.", {}, { retryAfterMs: 1500 }))).toEqual({
      code: "rate_limited",
      message: "Slow down.",
      retryAfterMs: 1500,
    });
    expect(ackError(new DomainError("conflict", "Changed meanwhile.", {}, { latest: { note } }))).toEqual({
      code: "conflict",
      message: "Changed meanwhile.",
      latest: { note },
      latestVersion: 3,
    });
  });

  it("keeps field messages, and answers nothing for what is not a domain error (a bug is answered apart)", () => {
    expect(ackError(conflict("Taken.", { email: ["Taken."] }))).toEqual({
      code: "conflict",
      message: "Taken.",
      fieldErrors: { email: ["Taken."] },
    });
    expect(ackError(new Error("boom"))).toBeNull();
  });
});
