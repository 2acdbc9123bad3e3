import { describe, expect, it } from "vitest";
import type { NoteView } from "../../server/core/boards/note-view";
import { DomainError, conflict } from "../../server/core/errors";
import { msg } from "../../server/core/i18n/message";
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
    const slow = msg("common.tooFast", { seconds: 2 });
    expect(ackError(new DomainError("rate_limited", slow, {}, { retryAfterMs: 1500 }))).toEqual({
      code: "rate_limited",
      message: slow,
      retryAfterMs: 1500,
    });
    expect(ackError(new DomainError("conflict", msg("boards.staleEdit"), {}, { latest: { note } }))).toEqual({
      code: "conflict",
      message: { key: "boards.staleEdit" },
      latest: { note },
      latestVersion: 3,
    });
  });

  it("keeps field messages, and answers nothing for what is not a domain error (a bug is answered apart)", () => {
    expect(ackError(conflict(msg("auth.emailTaken"), { email: [msg("auth.emailTakenHint")] }))).toEqual({
      code: "conflict",
      message: { key: "auth.emailTaken" },
      fieldErrors: { email: [{ key: "auth.emailTakenHint" }] },
    });
    expect(ackError(new Error("boom"))).toBeNull();
  });
});
