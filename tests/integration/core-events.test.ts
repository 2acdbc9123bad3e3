import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getOrCreateSetting } from "../../server/core/settings";
import { DEMO_LOGINS, seedDemo } from "../../server/seed/demo";
import { ENGINES } from "../support/databases";
import { testCore } from "../support/core";

describe.each(ENGINES)("events and the demo dialogue on %s", (engine) => {
  let t: Awaited<ReturnType<typeof testCore>>;
  let eventId: string;
  const userId = async (email: string) => (await t.db.user.findUniqueOrThrow({ where: { email } })).id;
  const actor = async (email: string) => ({ userId: await userId(email), sessionId: "test" });

  beforeAll(async () => {
    t = await testCore(engine);
    const r = await seedDemo(t.db, t.clock.now());
    expect(r.seeded).toBe(true);
    eventId = await t.core.events.idBySlug(r.eventSlug);
  });
  afterAll(() => t.close());

  it("seeds a realistic dialogue: ~100 people, ~25 cities, every stakeholder group, three rooms with notes", async () => {
    expect(await t.db.registration.count({ where: { eventId } })).toBe(100);
    const cities = await t.db.registration.groupBy({ by: ["city"], where: { eventId } });
    expect(cities.length).toBeGreaterThanOrEqual(25);
    const cats = await t.db.registration.groupBy({ by: ["categoryId"], where: { eventId } });
    expect(cats.length).toBe(9);
    const rooms = await t.db.room.findMany({
      include: {
        board: { include: { _count: { select: { notes: true } } } },
        _count: { select: { assignments: true } },
      },
    });
    expect(rooms).toHaveLength(3);
    for (const r of rooms) {
      expect(r.question.length).toBeGreaterThan(20);
      expect(r.board!._count.notes).toBeGreaterThanOrEqual(10);
      expect(r._count.assignments).toBeGreaterThan(25);
    }
    const board = rooms[0]!.board!;
    expect(await t.db.boardOp.count({ where: { boardId: board.id } })).toBe(board.seq);
  });

  it("does not seed twice", async () => {
    expect((await seedDemo(t.db)).seeded).toBe(false);
    expect(await t.db.event.count()).toBe(1);
  });

  it("builds the public page: agenda in order, speakers, organisers; meeting link only for people taking part", async () => {
    const anon = await t.core.events.getPage("migrant-women-local-decision-making", null);
    expect(anon.agenda.map((a) => a.kind)).toEqual(["opening", "panel", "breakout", "plenary", "closing"]);
    expect(anon.agenda[1]!.speakers).toHaveLength(4);
    // The organising organisations, not the organiser's account name.
    expect(anon.organisers).toEqual(["Cities of Welcome Network", "UN Network on Migration"]);
    expect(anon.chathamHouse).toBe(true);
    expect(anon.meetingUrl).toBeNull();
    expect(anon.viewer.roles).toEqual([]);
    expect(anon.descriptionHtml).toContain("<strong>Cities of Welcome Network</strong>");
    const organiser = await t.core.events.getPage(
      "migrant-women-local-decision-making",
      await actor("organiser@plenary.demo"),
    );
    expect(organiser.meetingUrl).toMatch(/^https:/);
    expect(organiser.viewer.canAnnounce).toBe(true);
  });

  it("answers not found for unknown events", async () => {
    await expect(t.core.events.getPage("no-such-event", null)).rejects.toMatchObject({ code: "not_found" });
  });

  it("lists a user's events with their roles", async () => {
    const list = await t.core.events.listForUser(await userId("facilitator@plenary.demo"));
    expect(list).toHaveLength(1);
    expect(list[0]!.roles.sort()).toEqual(["facilitator", "participant"]);
    expect(list[0]!.registrationStatus).toBe("confirmed");
    expect(await t.core.events.listUpcoming()).toHaveLength(1);
  });

  it("lets facilitators announce, persists it, and broadcasts it to the event channel", async () => {
    const a = await t.core.events.announce(await actor("facilitator@plenary.demo"), eventId, {
      message: "  Breakouts start in 5 minutes  ",
    });
    expect(a.message).toBe("Breakouts start in 5 minutes");
    expect(t.bus.published.at(-1)).toEqual({ channel: `event:${eventId}`, event: "event:announcement", payload: a });
    const page = await t.core.events.getPage("migrant-women-local-decision-making", null);
    expect(page.announcements[0]!.message).toBe("Breakouts start in 5 minutes");
  });

  it("refuses announcements from participants, strangers and anonymous users, and empty ones", async () => {
    const published = t.bus.published.length;
    await expect(
      t.core.events.announce(await actor("participant@plenary.demo"), eventId, { message: "hi" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.core.events.announce(null, eventId, { message: "hi" })).rejects.toMatchObject({
      code: "unauthenticated",
    });
    await expect(
      t.core.events.announce(await actor("organiser@plenary.demo"), eventId, { message: "   " }),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { message: [{ key: "events.writeMessage" }] },
    });
    expect(t.bus.published.length).toBe(published);
  });

  it("lets only people taking part follow the event live", async () => {
    const participant = { userId: await userId(DEMO_LOGINS[4].email), sessionId: "s" };
    expect(await t.core.events.follow(participant, eventId)).toEqual({ channels: [`event:${eventId}`] });
    const organiser = { userId: await userId("organiser@plenary.demo"), sessionId: "s" };
    expect(await t.core.events.follow(organiser, eventId)).toEqual({
      channels: [`event:${eventId}`, `event-staff:${eventId}`],
    });
    const { user } = await t.core.auth.createAccount({
      name: "Stranger",
      email: "stranger@example.org",
      password: "stranger password",
    });
    await expect(t.core.events.follow({ userId: user.id, sessionId: "s" }, eventId)).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("creates an instance setting once, even when asked concurrently", async () => {
    let made = 0;
    const values = await Promise.all(
      Array.from({ length: 8 }, () => getOrCreateSetting(t.db, "k", () => `v${++made}`)),
    );
    expect(new Set(values).size).toBe(1);
  });
});
