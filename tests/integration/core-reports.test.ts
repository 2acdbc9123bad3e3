import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../server/seed/demo";
import { ENGINES } from "../support/databases";
import { testCore } from "../support/core";
import { docxPart } from "../support/documents";

const SLUG = "migrant-women-local-decision-making";

describe.each(ENGINES)("summary reports on %s", (engine) => {
  let t: Awaited<ReturnType<typeof testCore>>;
  const who: Record<string, { userId: string; sessionId: string }> = {};
  let eventId: string;

  beforeAll(async () => {
    t = await testCore(engine);
    await seedDemo(t.db, t.clock.now());
    for (const role of ["organiser", "facilitator", "rapporteur", "secretariat", "participant"]) {
      who[role] = {
        userId: (await t.db.user.findUniqueOrThrow({ where: { email: `${role}@plenary.demo` } })).id,
        sessionId: "s",
      };
    }
    eventId = (await t.db.event.findUniqueOrThrow({ where: { slug: SLUG } })).id;
    // A facilitator's cluster on the synthesis board, so findings span rooms.
    const synthesis = await t.db.board.findFirstOrThrow({ where: { kind: "synthesis" } });
    const op = (o: Record<string, unknown>) =>
      t.core.boards.apply(who.facilitator!, { boardId: synthesis.id, opId: randomUUID(), op: o });
    await op({ type: "synthesis.pull", category: "barriers" });
    const childcare = await t.db.note.findMany({ where: { boardId: synthesis.id, text: { contains: "hildcare" } } });
    await op({
      type: "cluster.create",
      clusterId: "cl-childcare",
      label: "Childcare",
      category: "barriers",
      noteIds: childcare.map((n) => n.id),
    });
  });
  afterAll(() => t.close());

  it("generates every section from the event, with figures, findings across rooms and no unconsented quote or author name", async () => {
    const started = Date.now();
    await t.core.reports.generate(who.secretariat!, SLUG);
    const ms = Date.now() - started;
    const view = await t.core.reports.editor(who.secretariat!, SLUG);
    const text = (k: string) => view.report!.sections.find((s) => s.key === k)!.markdown;
    expect(view.report!.sections.map((s) => s.key)).toEqual([
      "cover",
      "summary",
      "introduction",
      "participation",
      "programme",
      "panel",
      "findings",
      "takeaways",
      "actions",
      "quotes",
      "resources",
    ]);
    expect(text("cover")).toContain("Europe/Brussels");
    const confirmed = await t.db.registration.count({ where: { eventId, status: "confirmed" } });
    expect(text("participation")).toContain(`${confirmed} participants registered`);
    expect(text("participation")).toContain("```chart\ncategories\n```");
    expect(text("programme")).toContain("Rania Khalil");
    // The facilitator's cross-room cluster comes first, as a theme written up in prose.
    const findings = text("findings");
    expect(findings.indexOf("#### Childcare")).toBeGreaterThan(findings.indexOf("### Across the rooms"));
    expect(findings.indexOf("#### Childcare")).toBeLessThan(findings.indexOf("### Room A"));
    expect(findings).toMatch(
      /#### Childcare\n\nIn all three rooms, participants raised this as a barrier, in \d notes/s,
    );
    expect(text("takeaways")).toMatch(/\*\*[^*]+: raised in every room\.\*\*/);
    expect(view.report!.writer).toMatchObject({ writer: "offline" });

    const notes = await t.db.note.findMany({
      where: { board: { eventId }, deletedAt: null },
      include: { author: { include: { registrations: true } } },
    });
    const all = view.report!.sections.map((s) => s.markdown).join("\n");
    // Panel speakers are named in the programme and the panel on purpose (on the record); what was said on the boards never carries a name.
    const saidOnBoards = view
      .report!.sections.filter((s) => !["programme", "panel", "cover"].includes(s.key))
      .map((s) => s.markdown)
      .join("\n");
    for (const n of notes) {
      const reg = n.author?.registrations.find((r) => r.eventId === eventId);
      if (!reg?.consentQuote) expect(all).not.toContain(`“${n.text}”`);
      // Chatham House: never a note author's name or organisation.
      if (n.author) expect(saidOnBoards).not.toContain(n.author.name);
    }
    expect(all).toMatch(
      /“[^”]+” — (Local or regional government|Migrant-led or community organisation|Civil society \/ NGO|International organisation|National government|Academia \/ research|City network|Private sector)/,
    );
    expect(ms).toBeLessThan(20_000);
  });

  it("keeps a section a person edited when regenerating, and offers the new text to take or leave", async () => {
    await t.core.reports.editSection(who.rapporteur!, SLUG, { key: "introduction", markdown: "Our own introduction." });
    await t.db.event.update({ where: { id: eventId }, data: { description: "A new description of the session." } });
    await t.core.reports.generate(who.rapporteur!, SLUG);
    let s = (await t.core.reports.editor(who.rapporteur!, SLUG)).report!.sections.find(
      (x) => x.key === "introduction",
    )!;
    expect(s).toMatchObject({ markdown: "Our own introduction.", edited: true });
    expect(s.pendingMarkdown).toContain("A new description of the session.");
    await t.core.reports.resolveProposal(who.rapporteur!, SLUG, { key: "introduction", take: "leave" });
    s = (await t.core.reports.editor(who.rapporteur!, SLUG)).report!.sections.find((x) => x.key === "introduction")!;
    expect(s).toMatchObject({ markdown: "Our own introduction.", pendingMarkdown: null });
    // Leaving it means the same generation is not offered again.
    await t.core.reports.generate(who.rapporteur!, SLUG);
    expect(
      (await t.core.reports.editor(who.rapporteur!, SLUG)).report!.sections.find((x) => x.key === "introduction")!
        .pendingMarkdown,
    ).toBeNull();
  });

  it("runs draft → in review → approved → published, by the right people only, and freezes numbered versions", async () => {
    await expect(t.core.reports.publish(who.secretariat!, SLUG, {})).rejects.toMatchObject({ code: "conflict" });
    // Before the first publication the public page says so; files and numbered versions are not found.
    expect(await t.core.reports.published(SLUG)).toMatchObject({ withdrawn: null, content: null, versions: [] });
    await expect(t.core.reports.published(SLUG, 1)).rejects.toMatchObject({ code: "not_found" });
    await expect(t.core.reports.download(null, SLUG, "md")).rejects.toMatchObject({ code: "not_found" });
    await expect(t.core.reports.transition(who.participant!, SLUG, "submit")).rejects.toMatchObject({
      code: "forbidden",
    });
    await t.core.reports.transition(who.rapporteur!, SLUG, "submit");
    await t.core.reports.comment(who.facilitator!, SLUG, { key: "findings", body: "Add the Room B point on permits." });
    await expect(t.core.reports.transition(who.rapporteur!, SLUG, "approve")).rejects.toMatchObject({
      code: "forbidden",
    });
    await t.core.reports.transition(who.secretariat!, SLUG, "approve");
    expect(await t.core.reports.publish(who.secretariat!, SLUG, {})).toEqual({ version: 1 });
    const v1 = await t.core.reports.published(SLUG);
    expect(v1.content!.version).toBe(1);
    expect(v1.content!.sections.find((s) => s.key === "introduction")!.markdown).toBe("Our own introduction.");

    // A change after publication is a new draft; the public still reads version 1.
    await t.core.reports.editSection(who.secretariat!, SLUG, {
      key: "introduction",
      markdown: "Corrected introduction.",
    });
    expect((await t.core.reports.editor(who.secretariat!, SLUG)).report!.status).toBe("draft");
    expect(
      (await t.core.reports.published(SLUG)).content!.sections.find((s) => s.key === "introduction")!.markdown,
    ).toBe("Our own introduction.");
    await t.core.reports.transition(who.secretariat!, SLUG, "submit");
    await t.core.reports.transition(who.secretariat!, SLUG, "approve");
    await expect(t.core.reports.publish(who.secretariat!, SLUG, { changeNote: "" })).rejects.toMatchObject({
      code: "validation",
    });
    expect(await t.core.reports.publish(who.secretariat!, SLUG, { changeNote: "Corrected the introduction." })).toEqual(
      { version: 2 },
    );
    const latest = await t.core.reports.published(SLUG);
    expect(latest.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(
      (await t.core.reports.published(SLUG, 1)).content!.sections.find((s) => s.key === "introduction")!.markdown,
    ).toBe("Our own introduction.");
    expect(await t.db.auditLog.count({ where: { eventId, action: "report.publish" } })).toBe(2);
  });

  it("serves each published file byte for byte on every download, and drafts only to the team", async () => {
    for (const format of ["md", "csv", "docx"]) {
      const a = await t.core.reports.download(null, SLUG, format, 1);
      const b = await t.core.reports.download(null, SLUG, format, 1);
      expect(a.bytes.equals(b.bytes)).toBe(true);
      expect(a.filename).toBe(`${SLUG}-report-v1.${format}`);
    }
    expect((await t.core.reports.download(null, SLUG, "md", 1)).bytes.toString()).toContain("Our own introduction.");
    await expect(t.core.reports.download(null, SLUG, "md", "draft")).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(t.core.reports.download(who.participant!, SLUG, "md", "draft")).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(t.core.reports.download(null, SLUG, "exe", 1)).rejects.toMatchObject({ code: "validation" });
    expect((await t.core.reports.download(who.facilitator!, SLUG, "md", "draft")).bytes.toString()).toContain(
      "Draft for review",
    );
  });

  it("withdraws a report with a notice that replaces it for readers and downloads", async () => {
    await expect(t.core.reports.withdraw(who.secretariat!, SLUG, { notice: "" })).rejects.toMatchObject({
      code: "validation",
    });
    await t.core.reports.withdraw(who.secretariat!, SLUG, { notice: "Withdrawn pending a consent check." });
    expect(await t.core.reports.published(SLUG)).toMatchObject({
      withdrawn: "Withdrawn pending a consent check.",
      content: null,
    });
    await expect(t.core.reports.download(null, SLUG, "md", 2)).rejects.toMatchObject({ code: "not_found" });
    expect(await t.db.auditLog.count({ where: { eventId, action: "report.withdraw" } })).toBe(1);
  });

  it("lays an Arabic report's Word file out right to left, and an English one left to right", async () => {
    const xml = async () => {
      const { bytes } = await t.core.reports.download(who.secretariat!, SLUG, "docx", "draft");
      return { document: await docxPart(bytes), styles: await docxPart(bytes, "word/styles.xml") };
    };
    const en = await xml();
    expect(en.document).not.toContain("<w:bidi/>");
    await t.core.reports.setLocale(who.secretariat!, SLUG, { locale: "ar" });
    const ar = await xml();
    const paragraphs = ar.document.match(/<w:p>|<w:p /g)!.length;
    expect(ar.document.match(/<w:bidi\/>/g)?.length).toBe(paragraphs);
    expect(ar.document).toContain("<w:bidiVisual/>");
    expect(ar.styles).toMatch(/<w:rtl\/>/);
    expect(ar.styles).toContain('w:bidi="ar-SA"');
    expect(ar.document).toContain("المشاركة");
  });
});

describe("a report for an event with no boards and no participants", () => {
  it("says so instead of leaving empty headings", async () => {
    const t = await testCore("sqlite");
    try {
      const org = await t.core.auth.createAccount({ email: "o@x.test", name: "Org", password: "long enough password" });
      const created = await t.core.manage.create(
        { userId: org.user.id, sessionId: "s" },
        {
          title: "Empty room",
          timezone: "Africa/Tunis",
          startsAt: "2027-01-10T10:00",
          endsAt: "2027-01-10T12:00",
          format: "online",
          description: "",
          languages: ["en", "ar"],
        },
      );
      const slug = created.slug;
      await t.core.reports.generate({ userId: org.user.id, sessionId: "s" }, slug);
      const md = (
        await t.core.reports.download({ userId: org.user.id, sessionId: "s" }, slug, "md", "draft")
      ).bytes.toString();
      expect(md).toContain("No one registered for this session");
      expect(md).toContain("No breakout boards were used in this session");
      expect(md).toContain("No action items were recorded.");
      expect(md).toContain("No participant consented to be quoted");
    } finally {
      await t.close();
    }
  });
});
