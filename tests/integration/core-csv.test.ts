import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/databases";
import { testCore } from "../support/core";
import { BASE, person, publishedEvent } from "../support/events";

describe.each(ENGINES)("participant CSV export and invitation import on %s", (engine) => {
  let t: Awaited<ReturnType<typeof testCore>>;
  beforeAll(async () => {
    t = await testCore(engine);
  });
  afterAll(() => t.close());

  it("exports participants with custom answers, neutralising formulas, and logs the export", async () => {
    const { event, organiser } = await publishedEvent(t);
    const q = await t.core.manage.addQuestion(organiser, event.id, {
      kind: "short_text",
      label: "What do you hope to take home?",
      required: "",
    });
    await t.core.registrations.register(
      null,
      event.id,
      person({
        name: '=HYPERLINK("http://evil")',
        organisation: "Ciudad de México",
        gender: "woman",
        [`q_${q.id}`]: "Contacts",
      }),
      BASE,
    );
    const csv = await t.core.participants.exportCsv(organiser, event.id);
    const rows = parse(csv.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.Name).toBe('\'=HYPERLINK("http://evil")');
    expect(rows[0]!.Organisation).toBe("Ciudad de México");
    expect(rows[0]!["What do you hope to take home?"]).toBe("Contacts");
    expect(Object.keys(rows[0]!)).not.toContain("Gender");
    expect(await t.db.auditLog.count({ where: { eventId: event.id, action: "participants.export" } })).toBe(1);
    const participant = await t.db.user.findFirstOrThrow({ where: { name: { startsWith: "=HYPERLINK" } } });
    await expect(
      t.core.participants.exportCsv({ userId: participant.id, sessionId: "s" }, event.id),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  const csv = [
    "email,name,organisation,category,city,country,role",
    "ana@example.org,Ana,City of Lisbon,local_government,Lisbon,PT,",
    "not-an-email,Bad,,,,,",
    "omar@example.org,Omar,,Unknown group,Amman,JO,",
    "li@例子.广告,李,,academia,Beijing,CN,facilitator",
    "ana@example.org,Ana again,,,,,",
    "x@example.org,X,,,,Tunisia,",
  ].join("\n");

  it("reports every bad row with its line number and imports nothing", async () => {
    const { event, organiser } = await publishedEvent(t);
    const sent = t.mailer.sent.length;
    const report = await t.core.invitations.importCsv(organiser, event.id, csv, { validOnly: false }, BASE);
    expect(report.dryRun).toBe(true);
    expect(report.imported).toBe(0);
    expect(report.errors.map((e) => e.line)).toEqual([3, 4, 6, 7]);
    expect(report.errors[0]!.messages.join(" ")).toMatch(/email/);
    expect(report.errors[1]!.messages.join(" ")).toMatch(/unknown category/);
    expect(report.errors[2]!.messages.join(" ")).toMatch(/appears twice/);
    expect(report.errors[3]!.messages.join(" ")).toMatch(/two-letter code/);
    expect(t.mailer.sent.length).toBe(sent);
    expect(await t.db.invitation.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("imports only the valid rows when asked, and an invitation signs its person in with their role", async () => {
    const { event, organiser } = await publishedEvent(t);
    const report = await t.core.invitations.importCsv(organiser, event.id, csv, { validOnly: true }, BASE);
    expect(report.imported).toBe(2);
    const mail = t.mailer.sent.find((m) => m.to === "li@例子.广告")!;
    expect(mail.text).toContain("as a facilitator");
    const token = mail.text.match(/\/invitations\/([\w-]+)/)![1]!;
    const accepted = await t.core.invitations.accept(null, token);
    expect(accepted.role).toBe("facilitator");
    expect(
      (await t.db.eventRole.findMany({ where: { eventId: event.id, userId: accepted.userId } })).map((r) => r.role),
    ).toEqual(["facilitator"]);
    await expect(t.core.invitations.accept(null, token)).rejects.toMatchObject({ code: "conflict" });
  });

  it("rejects files that are not an invitation list", async () => {
    const { event, organiser } = await publishedEvent(t);
    await expect(
      t.core.invitations.importCsv(organiser, event.id, "name,city\nA,B", { validOnly: false }, BASE),
    ).rejects.toThrow(/“email” column/);
    await expect(
      t.core.invitations.importCsv(organiser, event.id, "email\n", { validOnly: false }, BASE),
    ).rejects.toThrow(/no rows/);
    await expect(
      t.core.invitations.importCsv(organiser, event.id, 'email\n"unterminated', { validOnly: false }, BASE),
    ).rejects.toThrow(/not valid CSV/);
    await expect(
      t.core.invitations.importCsv(
        organiser,
        event.id,
        "email\n" + "a@b.co\n".repeat(200_000),
        { validOnly: false },
        BASE,
      ),
    ).rejects.toThrow(/larger than 1 MB/);
  });
});
