import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../server/seed/demo";
import { ENGINES } from "../support/databases";
import { testCore } from "../support/core";
import { docxPart, pdfText } from "../support/documents";

const SLUG = "migrant-women-local-decision-making";
type Who = { userId: string; sessionId: string };

describe.each(ENGINES)("a report a secretariat edits, not rewrites, on %s", (engine) => {
  let t: Awaited<ReturnType<typeof testCore>>;
  const who: Record<string, Who> = {};
  let eventId: string;
  const section = async (key: string) =>
    (await t.core.reports.editor(who.secretariat!, SLUG)).report!.sections.find((s) => s.key === key)!;

  beforeAll(async () => {
    t = await testCore(engine);
    await seedDemo(t.db, t.clock.now());
    for (const role of ["organiser", "facilitator", "rapporteur", "secretariat", "participant"])
      who[role] = {
        userId: (await t.db.user.findUniqueOrThrow({ where: { email: `${role}@plenary.demo` } })).id,
        sessionId: "s",
      };
    eventId = (await t.db.event.findUniqueOrThrow({ where: { slug: SLUG } })).id;
    await t.core.reports.generate(who.secretariat!, SLUG);
  });
  afterAll(() => t.close());

  it("counts every note in the findings, and quotes word for word only those whose authors agreed", async () => {
    const notes = await t.db.note.findMany({
      where: { board: { eventId, kind: "room" }, deletedAt: null },
      include: { author: { include: { registrations: { where: { eventId } } } } },
    });
    const findings = await section("findings");
    const cited = new Set(findings.machine.flatMap((m) => m.cites));
    const unconsented = notes.filter((n) => !n.author?.registrations[0]?.consentQuote);
    expect(unconsented.length).toBeGreaterThan(5);
    for (const n of notes) expect(cited.has(n.id), n.text).toBe(true);
    const report = (await t.core.reports.editor(who.secretariat!, SLUG))
      .report!.sections.map((s) => s.markdown)
      .join("\n");
    for (const n of unconsented) expect(report).not.toContain(`“${n.text}”`);
    expect(report).toMatch(
      /> “[^”]+” — (Local or regional government|Civil society \/ NGO|Academia \/ research|International organisation|National government|Migrant-led or community organisation|City network|Private sector)/,
    );
  });

  it("drafts proposed actions the secretariat accepts, edits or drops; only reviewed ones go public", async () => {
    const drafted = await t.db.actionItem.findMany({ where: { eventId, origin: "drafted" } });
    expect(drafted.length).toBeGreaterThanOrEqual(3);
    for (const d of drafted) expect(d).toMatchObject({ status: "proposed", reviewedAt: null });
    const map = drafted.find((d) => d.title.startsWith("Map which city services"))!;
    expect(map).toMatchObject({ suggestedOwner: "Local or regional government" });
    expect(JSON.parse(map.sourceNoteIdsJson)).toHaveLength(1);
    expect((await t.core.actions.followUp(SLUG)).items).toEqual([]);
    expect((await section("actions")).markdown).toContain("awaiting the secretariat's review");

    // A participant cannot review them; the secretariat accepts one (with owner and due date) and drops another.
    await expect(
      t.core.actions.update(who.participant!, SLUG, map.id, { title: map.title, status: "agreed" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await t.core.actions.update(who.secretariat!, SLUG, map.id, {
      title: "Map and publish which city services share data with immigration authorities",
      description: map.description,
      owner: "City of Barcelona",
      dueDate: "2027-03-31",
      status: "agreed",
    });
    const dropped = drafted.find((d) => d.id !== map.id)!;
    await t.core.actions.update(who.secretariat!, SLUG, dropped.id, { title: dropped.title, status: "dropped" });
    await t.core.reports.refreshWayForward(who.secretariat!, SLUG);

    const followUp = (await t.core.actions.followUp(SLUG)).items;
    expect(followUp.map((i) => i.title)).toEqual(
      expect.arrayContaining(["Map and publish which city services share data with immigration authorities"]),
    );
    expect(followUp.some((i) => drafted.some((d) => d.id === i.id && d.id !== map.id && d.id !== dropped.id))).toBe(
      false,
    );
    const way = (await section("actions")).markdown;
    expect(way).toContain("#### 1\\. Map and publish which city services share data with immigration authorities");
    expect(way).toContain("- **Owner:** City of Barcelona");
    expect(way).toContain("- **Due:** March 31, 2027");
    expect(way).toContain("- **Status:** agreed");
    expect(way).not.toContain(`\\. ${dropped.title}\n`);

    // Regenerating neither repeats nor revives what a person decided.
    await t.core.reports.generate(who.secretariat!, SLUG);
    const again = await t.db.actionItem.findMany({ where: { eventId, origin: "drafted" } });
    expect(again.length).toBe(drafted.length);
    expect(again.find((i) => i.id === map.id)).toMatchObject({ owner: "City of Barcelona", status: "agreed" });
    expect(again.find((i) => i.id === dropped.id)).toMatchObject({ status: "dropped" });
  });

  it("uses the rapporteur's summary beside the machine's paragraphs, shown as the rapporteur's, with quotes named only by consent", async () => {
    const boards = await t.db.board.findMany({ where: { eventId, kind: "room" }, include: { room: true } });
    const roomA = boards.find((b) => b.room!.position === 0)!;
    await expect(t.core.roomSummaries.save(who.participant!, roomA.id, { observations: "x" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(t.core.roomSummaries.view(null, roomA.id)).rejects.toMatchObject({ code: "unauthenticated" });
    await t.core.roomSummaries.save(who.rapporteur!, roomA.id, {
      observations: "Women who had used the services carried the discussion; the energy was in the *firewall* idea.",
      keyMessages: "Services must not report women to immigration\nInterpreters at every front desk",
      proposedActions: "Ministries to publish data on residence permits lost by survivors",
      quotes: [
        {
          text: "We go to the hospital only when it is too late.",
          attribution: "Tunis Migrant Women's Association",
          consent: true,
        },
        { text: "Nobody asked us before.", attribution: "Fatima from Amman", consent: false },
      ],
    });
    expect((await t.core.roomSummaries.view(who.rapporteur!, roomA.id)).summary.quotes).toHaveLength(2);
    await t.core.reports.generate(who.secretariat!, SLUG);
    const findings = await section("findings");
    const a = findings.markdown.slice(findings.markdown.indexOf(`### ${roomA.room!.name}`));
    expect(a).toContain("#### The rapporteur's summary\n\n*Written by the room's rapporteur.*");
    expect(a).toContain("the energy was in the \\*firewall\\* idea.");
    expect(a).toContain("- Interpreters at every front desk");
    expect(a).toContain("> “We go to the hospital only when it is too late.” — Tunis Migrant Women's Association");
    expect(a).toContain("> “Nobody asked us before.” — anonymous");
    expect(a).not.toContain("Fatima");
    // The rapporteur's words are theirs: never marked as drafted by a machine.
    expect(findings.machine.some((m) => m.text.includes("energy was in"))).toBe(false);
    const item = await t.db.actionItem.findFirst({
      where: { eventId, title: "Ministries to publish data on residence permits lost by survivors" },
    });
    expect(item).toMatchObject({ origin: "drafted", suggestedOwner: "National government" });
    expect(item!.sourceLabel).toContain("Rapporteur's summary");
  });

  it("lets the team add, order, rename and remove free sections, which regeneration leaves where they are", async () => {
    const { key } = await t.core.reports.addSection(who.secretariat!, SLUG, {
      title: "Acknowledgements",
      after: "introduction",
    });
    await t.core.reports.editSection(who.secretariat!, SLUG, { key, markdown: "We thank the **City of Brussels**." });
    await t.core.reports.moveSection(who.secretariat!, SLUG, { key: "panel", direction: "up" });
    await t.core.reports.generate(who.secretariat!, SLUG);
    let keys = (await t.core.reports.editor(who.secretariat!, SLUG)).report!.sections.map((s) => s.key);
    expect(keys.slice(0, 7)).toEqual(["cover", "summary", "introduction", key, "participation", "panel", "programme"]);
    expect((await section(key)).markdown).toBe("We thank the **City of Brussels**.");
    await t.core.reports.renameSection(who.secretariat!, SLUG, { key, title: "With thanks" });
    expect((await section(key)).title).toBe("With thanks");
    await expect(
      t.core.reports.renameSection(who.secretariat!, SLUG, { key: "findings", title: "Mine" }),
    ).rejects.toMatchObject({
      code: "validation",
    });
    await expect(t.core.reports.addSection(who.participant!, SLUG, { title: "Sneaky" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await t.core.reports.removeSection(who.secretariat!, SLUG, { key });
    keys = (await t.core.reports.editor(who.secretariat!, SLUG)).report!.sections.map((s) => s.key);
    expect(keys).not.toContain(key);
  });

  it("puts the panel on the record, with quotes named only by consent, and lists organisations unless they opt out", async () => {
    const { speakers, organisations } = await t.core.reports.extras(who.secretariat!, SLUG);
    const rania = speakers.find((s) => s.name === "Rania Khalil")!;
    await t.core.reports.saveSpeaker(who.secretariat!, SLUG, {
      speakerId: rania.id,
      contribution: "Cities that listened first changed their services.",
      quote: "Listening is a policy.",
    });
    expect((await section("panel")).markdown).toContain("Cities that listened first changed their services.");
    expect((await section("panel")).markdown).not.toContain("Listening is a policy.");
    await t.core.reports.saveSpeaker(who.secretariat!, SLUG, {
      speakerId: rania.id,
      contribution: "Cities that listened first changed their services.",
      quote: "Listening is a policy.",
      quoteConsent: "on",
    });
    expect((await section("panel")).markdown).toContain(
      "> “Listening is a policy.” — Rania Khalil, UN Women Arab States",
    );
    await expect(
      t.core.reports.saveSpeaker(who.secretariat!, SLUG, { speakerId: "not-a-speaker", contribution: "x" }),
    ).rejects.toMatchObject({ code: "not_found" });

    expect(organisations.map((o) => o.name)).toContain("City of Accra");
    expect((await section("participation")).markdown).toContain("City of Accra");
    await t.core.reports.setListedOrganisations(who.secretariat!, SLUG, {
      organisations: ["City of Accra", "City of Amman"],
      listed: ["City of Amman"],
    });
    expect((await section("participation")).markdown).not.toContain("City of Accra");
    expect((await section("participation")).markdown).toContain("City of Amman");
    expect(
      (await t.core.reports.extras(who.secretariat!, SLUG)).organisations.find((o) => o.name === "City of Accra"),
    ).toEqual({
      name: "City of Accra",
      listed: false,
    });
  });

  it("prints one publication date, in the event's timezone, in every export", async () => {
    // 23:30 in UTC on the 27th is already the 28th in Brussels.
    t.clock.advance(Date.parse("2026-11-27T23:30:00Z") - t.clock.now().getTime());
    await t.core.reports.transition(who.secretariat!, SLUG, "submit");
    await t.core.reports.transition(who.secretariat!, SLUG, "approve");
    const { version } = await t.core.reports.publish(who.secretariat!, SLUG, {});
    const md = (await t.core.reports.download(null, SLUG, "md", version)).bytes.toString();
    const docx = await docxPart((await t.core.reports.download(null, SLUG, "docx", version)).bytes);
    const texts = [md, docx];
    if (engine === "sqlite")
      texts.push(await pdfText((await t.core.reports.download(null, SLUG, "pdf", version)).bytes));
    for (const text of texts) {
      expect(text).toContain(`Version ${version} · November 28, 2026`);
      expect(text).not.toMatch(/2026-11-27|November 27, 2026/);
    }
    expect(md).not.toContain("```chart");
    expect(md).toMatch(
      /\| Participants by stakeholder group \| Participants \|\n\| --- \| --- \|\n\| Local or regional government \| ▇+ \d+ \|/,
    );
    // Nothing Plenary proposed goes public unseen.
    const published = (await t.core.reports.published(SLUG)).content!;
    const way = published.sections.find((s) => s.key === "actions")!.markdown;
    expect(way).not.toContain("awaiting the secretariat's review");
    expect(way).toContain("Map and publish which city services share data");
    expect(published.actionItems.every((a) => a.status !== "proposed" || !a.title.startsWith("Take forward"))).toBe(
      true,
    );
  }, 60_000);
});
