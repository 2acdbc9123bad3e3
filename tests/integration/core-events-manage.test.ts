import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/databases";
import { testCore } from "../support/core";
import { BASE, person, publishedEvent } from "../support/events";

describe.each(ENGINES)("setting up events on %s", (engine) => {
  let t: Awaited<ReturnType<typeof testCore>>;
  beforeAll(async () => {
    t = await testCore(engine);
  });
  afterAll(() => t.close());

  const form = (extra: Record<string, unknown> = {}) => ({
    title: "Diálogo regional: mujeres migrantes",
    format: "hybrid",
    timezone: "America/Mexico_City",
    startsAt: "2026-12-01T09:00",
    endsAt: "2026-12-01T13:00",
    languages: ["es", "en"],
    ...extra,
  });

  it("creates a draft with default stakeholder categories and the creator as organiser", async () => {
    const { event, organiser } = await publishedEvent(t);
    const e = await t.core.manage.getForEditing(organiser, event.id);
    expect(e.categories.map((c) => c.key)).toContain("migrant_led");
    expect(e.categories).toHaveLength(9);
    const created = await t.core.manage.create(organiser, form());
    expect(created.slug).toBe("dialogo-regional-mujeres-migrantes");
    expect(created.status).toBe("draft");
    expect(created.startsAt.toISOString()).toBe("2026-12-01T15:00:00.000Z");
    expect((await t.core.manage.create(organiser, form())).slug).toBe("dialogo-regional-mujeres-migrantes-2");
  });

  it.each([
    [{ endsAt: "2026-12-01T08:00" }, "endsAt", /must end after it starts/],
    [{ timezone: "Mars/Olympus" }, "timezone", /Unknown timezone/],
    [{ capacity: "-5" }, "capacity", /at least 1/],
    [{ capacity: "many" }, "capacity", /whole number/],
    [{ languages: [] }, "languages", /at least one/],
    [{ meetingUrl: "javascript:alert(1)" }, "meetingUrl", /https:\/\//],
    [
      { timezone: "Europe/Brussels", startsAt: "2026-03-29T02:30", endsAt: "2026-03-29T05:00" },
      "startsAt",
      /does not exist in Europe\/Brussels/,
    ],
    [
      { registrationOpensAt: "2026-11-20T10:00", registrationClosesAt: "2026-11-10T10:00" },
      "registrationClosesAt",
      /close after it opens/,
    ],
  ])("rejects %o with a field error", async (extra, field, message) => {
    const { organiser } = await publishedEvent(t);
    const err = await t.core.manage.create(organiser, form(extra)).catch((e) => e);
    expect(err.code).toBe("validation");
    expect(err.fieldErrors[field]?.join(" ")).toMatch(message);
  });

  it("takes the earlier instant for a time that happens twice when clocks go back", async () => {
    const { organiser } = await publishedEvent(t);
    const e = await t.core.manage.create(
      organiser,
      form({ timezone: "Europe/Brussels", startsAt: "2026-10-25T02:30", endsAt: "2026-10-25T04:00" }),
    );
    expect(e.startsAt.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("refuses a capacity below the number already confirmed", async () => {
    const { event, organiser } = await publishedEvent(t, { capacity: "5" });
    for (let i = 0; i < 3; i++) await t.core.registrations.register(null, event.id, person(), BASE);
    const err = await t.core.manage
      .update(organiser, event.id, {
        title: "x",
        format: "online",
        timezone: "Europe/Brussels",
        startsAt: "2026-12-10T14:00",
        endsAt: "2026-12-10T17:00",
        languages: ["en"],
        capacity: "2",
      })
      .catch((e) => e);
    expect(err.fieldErrors.capacity[0]).toMatch(/3 people are already confirmed/);
  });

  it("builds an agenda in the event's timezone with panel speakers, inside the event's times", async () => {
    const { event, organiser } = await publishedEvent(t);
    await t.core.manage.addAgendaItem(organiser, event.id, {
      kind: "panel",
      title: "Panel",
      startsAt: "2026-12-10T14:30",
      endsAt: "2026-12-10T15:15",
      speakers: "Rania Khalil | Gender specialist | UN Women\nMariam Ndiaye | Coordinator | Dakar Association",
    });
    await t.core.manage.addAgendaItem(organiser, event.id, {
      kind: "opening",
      title: "Welcome",
      startsAt: "2026-12-10T14:00",
      endsAt: "2026-12-10T14:30",
      speakers: "",
    });
    const err = await t.core.manage
      .addAgendaItem(organiser, event.id, {
        kind: "closing",
        title: "Late",
        startsAt: "2026-12-10T18:00",
        endsAt: "2026-12-10T18:30",
        speakers: "",
      })
      .catch((e) => e);
    expect(err.fieldErrors.startsAt[0]).toMatch(/within the event/);
    const page = await t.core.events.getPage(event.slug, null);
    expect(page.agenda.map((a) => a.title)).toEqual(["Welcome", "Panel"]);
    expect(page.agenda[1]!.speakers[0]).toEqual({
      name: "Rania Khalil",
      title: "Gender specialist",
      organisation: "UN Women",
    });
  });

  it("edits an agenda item's times and speakers, and deletes it", async () => {
    const { event, organiser } = await publishedEvent(t);
    const item = await t.core.manage.addAgendaItem(organiser, event.id, {
      kind: "panel",
      title: "Panel",
      startsAt: "2026-12-10T14:00",
      endsAt: "2026-12-10T15:00",
      speakers: "A | x | y",
    });
    await t.core.manage.updateAgendaItem(organiser, event.id, item.id, {
      kind: "panel",
      title: "Panel, revised",
      startsAt: "2026-12-10T15:00",
      endsAt: "2026-12-10T16:00",
      speakers: "B | Mayor | City of Amman",
    });
    const page = await t.core.events.getPage(event.slug, null);
    expect(page.agenda[0]).toMatchObject({
      title: "Panel, revised",
      startsAt: "2026-12-10T14:00:00.000Z",
      speakers: [{ name: "B", title: "Mayor", organisation: "City of Amman" }],
    });
    await expect(
      t.core.manage.updateAgendaItem(organiser, event.id, item.id, {
        kind: "panel",
        title: "x",
        startsAt: "2026-12-10T16:00",
        endsAt: "2026-12-10T15:00",
        speakers: "",
      }),
    ).rejects.toMatchObject({ code: "validation" });
    await t.core.manage.deleteAgendaItem(organiser, event.id, item.id);
    expect((await t.core.events.getPage(event.slug, null)).agenda).toEqual([]);
  });

  it("adds, renames and protects used stakeholder categories", async () => {
    const { event, organiser } = await publishedEvent(t);
    const c = await t.core.manage.addCategory(organiser, event.id, { label: "Trade unions" });
    expect(c.key).toBe("trade_unions");
    await expect(t.core.manage.addCategory(organiser, event.id, { label: "trade unions" })).rejects.toMatchObject({
      code: "conflict",
    });
    await t.core.registrations.register(null, event.id, person({ categoryKey: "trade_unions" }), BASE);
    await expect(t.core.manage.removeCategory(organiser, event.id, c.id)).rejects.toThrow(
      /1 registrations use this category/,
    );
  });

  it("keeps drafts private and lets only organisers edit", async () => {
    const { organiser } = await publishedEvent(t);
    const draft = await t.core.manage.create(organiser, form());
    await expect(t.core.events.getPage(draft.slug, null)).rejects.toMatchObject({ code: "not_found" });
    const { user } = await t.core.auth.createAccount({
      name: "Someone",
      email: `someone-${draft.id}@example.org`,
      password: "some password",
    });
    await expect(t.core.manage.update({ userId: user.id, sessionId: "s" }, draft.id, form())).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
