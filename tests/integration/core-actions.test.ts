import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../server/seed/demo";
import { testCore } from "../support/core";

const SLUG = "migrant-women-local-decision-making";

describe("action items", () => {
  let t: Awaited<ReturnType<typeof testCore>>;
  const who: Record<string, { userId: string; sessionId: string }> = {};
  let clusterId: string;

  beforeAll(async () => {
    t = await testCore("sqlite");
    await seedDemo(t.db, t.clock.now());
    for (const role of ["organiser", "secretariat", "participant"])
      who[role] = {
        userId: (await t.db.user.findUniqueOrThrow({ where: { email: `${role}@plenary.demo` } })).id,
        sessionId: "s",
      };
    const board = await t.db.board.findFirstOrThrow({ where: { kind: "room" } });
    clusterId = (
      await t.db.cluster.create({
        data: { boardId: board.id, label: "Interpreters", category: "barriers", position: 0 },
      })
    ).id;
  });
  afterAll(() => t.close());

  it("are created from a cluster by the team, with validation, and followed up in public without owners' emails", async () => {
    await expect(t.core.actions.create(who.participant!, SLUG, { title: "x" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      t.core.actions.create(who.secretariat!, SLUG, { title: "", dueDate: "2027-02-30", ownerEmail: "nope" }),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: {
        title: expect.any(Array),
        dueDate: [{ key: "actions.noSuchDate" }],
        ownerEmail: expect.any(Array),
      },
    });
    const prefill = await t.core.actions.draftFrom(who.secretariat!, SLUG, { clusterId });
    expect(prefill).toMatchObject({ title: "Interpreters", clusterId });
    await t.core.actions.create(who.secretariat!, SLUG, {
      title: "Fund interpreters at front desks",
      owner: "City of Barcelona",
      ownerEmail: "owner@city.test",
      dueDate: "2026-11-24",
      status: "agreed",
      clusterId,
    });
    const { items } = await t.core.actions.followUp(SLUG);
    expect(items).toEqual([
      expect.objectContaining({
        title: "Fund interpreters at front desks",
        owner: "City of Barcelona",
        status: "agreed",
        from: "Interpreters",
        dueDate: "2026-11-24",
      }),
    ]);
    expect(JSON.stringify(items)).not.toContain("owner@city.test");
  });

  it("record every change and progress note in their history", async () => {
    const [item] = (await t.core.actions.manage(who.organiser!, SLUG)).items;
    await t.core.actions.update(who.organiser!, SLUG, item!.id, {
      ...item,
      status: "in_progress",
      progress: "Budget line agreed with the council.",
    });
    const after = (await t.core.actions.manage(who.organiser!, SLUG)).items[0]!;
    expect(after.status).toBe("in_progress");
    expect(after.history[0]).toMatchObject({
      note: "Budget line agreed with the council.",
      changes: { status: ["agreed", "in_progress"] },
    });
    expect(after.history.at(-1)!.changes).toHaveProperty("created");
    expect((await t.core.actions.followUp(SLUG)).items[0]!.progress[0]!.note).toBe(
      "Budget line agreed with the council.",
    );
  });

  it("export to CSV (formula-safe) and to a calendar of due dates in the event's timezone", async () => {
    await t.core.actions.create(who.secretariat!, SLUG, { title: '=HYPERLINK("http://evil")', owner: "UN Women" });
    const csv = await t.core.actions.csv(SLUG);
    expect(csv).toContain(
      "Fund interpreters at front desks,City of Barcelona,2026-11-24,in_progress,Interpreters,Budget line agreed with the council.",
    );
    expect(csv).toContain("'=HYPERLINK");
    const ics = await t.core.actions.ics(SLUG, "https://plenary.test");
    expect(ics).toContain("DTSTART;VALUE=DATE:20261124");
    expect(ics).toContain("SUMMARY:Fund interpreters at front desks (City of Barcelona)");
  });

  it("remind owners once before the due date, and again only when the date changes", async () => {
    expect(await t.core.actions.sendReminders("https://plenary.test")).toEqual({ sent: 1 });
    expect(t.mailer.sent.at(-1)).toMatchObject({
      to: "owner@city.test",
      subject: "Reminder: “Fund interpreters at front desks” is due in 2 days (Nov 24, 2026)",
    });
    expect(await t.core.actions.sendReminders("https://plenary.test")).toEqual({ sent: 0 });
    const item = (await t.core.actions.manage(who.organiser!, SLUG)).items.find((i) => i.ownerEmail)!;
    await t.core.actions.update(who.organiser!, SLUG, item.id, { ...item, dueDate: "2026-12-20" });
    expect(await t.core.actions.sendReminders("https://plenary.test")).toEqual({ sent: 0 });
    t.clock.advance(26 * 24 * 3600_000);
    expect(await t.core.actions.sendReminders("https://plenary.test")).toEqual({ sent: 1 });
  });
});
