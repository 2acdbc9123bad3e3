import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemo } from "../../server/seed/demo";
import { testCore } from "../support/core";

const SLUG = "migrant-women-local-decision-making";

describe("a person's own data, deletion, retention and the audit log", () => {
  let t: Awaited<ReturnType<typeof testCore>>;
  let eventId: string;
  const as = async (email: string) => ({
    userId: (await t.db.user.findUniqueOrThrow({ where: { email } })).id,
    sessionId: "s",
  });

  beforeAll(async () => {
    t = await testCore("sqlite");
    await seedDemo(t.db, t.clock.now());
    eventId = (await t.db.event.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  });
  afterAll(() => t.close());

  it("exports everything held about the person, and nothing about others", async () => {
    const leila = await as("participant@plenary.demo");
    const board = await t.db.roomAssignment.findFirstOrThrow({
      where: { userId: leila.userId },
      include: { room: { include: { board: true } } },
    });
    await t.core.boards.apply(leila, {
      boardId: board.room.board!.id,
      opId: randomUUID(),
      op: { type: "note.create", noteId: randomUUID(), category: "barriers", text: "My own note" },
    });
    const data = await t.core.account.exportData(leila);
    expect(data.account.email).toBe("participant@plenary.demo");
    expect(data.registrations).toEqual([
      expect.objectContaining({
        event: SLUG,
        organisation: expect.any(String),
        consentQuote: expect.any(Boolean),
        answers: expect.anything(),
      }),
    ]);
    expect(data.notes.map((n) => n.text)).toContain("My own note");
    expect(data.roomAssignments.length).toBeGreaterThan(0);
    expect(JSON.stringify(data)).not.toContain("passwordHash");
    expect(JSON.stringify(data)).not.toContain("organiser@plenary.demo");
    await expect(t.core.account.exportData(null)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("deletes an account after the password, keeping its notes without an author and releasing its seat", async () => {
    const leila = await as("participant@plenary.demo");
    const before = await t.db.event.findUniqueOrThrow({ where: { id: eventId } });
    await expect(t.core.account.deleteAccount(leila, { password: "wrong" })).rejects.toMatchObject({
      code: "validation",
    });
    await t.core.account.deleteAccount(leila, { password: DEMO_PASSWORD });
    expect(await t.db.user.findUnique({ where: { id: leila.userId } })).toBeNull();
    const note = await t.db.note.findFirstOrThrow({ where: { text: "My own note" } });
    expect(note.authorId).toBeNull();
    expect(await t.db.registration.count({ where: { userId: leila.userId } })).toBe(0);
    expect((await t.db.event.findUniqueOrThrow({ where: { id: eventId } })).seatsTaken).toBe(before.seatsTaken - 1);
    expect(t.bus.disconnected).toContain(`user:${leila.userId}`);
  });

  it("refuses to delete the only organiser of an event", async () => {
    await expect(
      t.core.account.deleteAccount(await as("organiser@plenary.demo"), { password: DEMO_PASSWORD }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("removes personal registration data once the retention period has passed, keeping counts", async () => {
    await t.db.event.update({ where: { id: eventId }, data: { retentionDays: 30 } });
    expect(await t.core.account.applyRetention()).toEqual({ purged: 0 });
    t.clock.advance(60 * 86_400_000);
    const confirmed = await t.db.registration.count({ where: { eventId, status: "confirmed" } });
    const { purged } = await t.core.account.applyRetention();
    expect(purged).toBeGreaterThan(50);
    const regs = await t.db.registration.findMany({ where: { eventId } });
    expect(
      regs.every(
        (r) =>
          r.organisation === "" &&
          r.city === "" &&
          r.accessibilityNeeds === "" &&
          r.gender === null &&
          r.answersJson === "{}",
      ),
    ).toBe(true);
    expect(await t.db.registration.count({ where: { eventId, status: "confirmed" } })).toBe(confirmed);
    expect(regs.filter((r) => r.country).length).toBeGreaterThan(0);
    expect(await t.core.account.applyRetention()).toEqual({ purged: 0 });
  });

  it("shows organisers, and only them, an audit log of who did what", async () => {
    const secretariat = await as("secretariat@plenary.demo");
    await t.core.participants.exportCsv(secretariat, eventId);
    const log = await t.core.account.auditLog(await as("organiser@plenary.demo"), eventId);
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(["participants.export", "retention.purge"]));
    expect(log.find((e) => e.action === "participants.export")!.actor?.email).toBe("secretariat@plenary.demo");
    await expect(t.core.account.auditLog(secretariat, eventId)).rejects.toMatchObject({ code: "forbidden" });
  });
});
