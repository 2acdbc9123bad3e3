import { describe, expect, it } from "vitest";
import { safeMarkdown } from "../../server/core/markdown";
import type { ReportData } from "../../server/core/reports/data";
import { chooseQuotes } from "../../server/core/reports/quotes";
import { sectionHtml } from "../../server/core/reports/render-html";
import { type SectionKey, composeSections, dataSection, wayForward } from "../../server/core/reports/sections";
import { reportTexts } from "../../server/core/reports/texts";
import { buildThemes } from "../../server/core/reports/themes";
import { buildBrief } from "../../server/core/reports/writing/brief";
import { ground } from "../../server/core/reports/writing/ground";
import { writeOffline } from "../../server/core/reports/writing/offline";
import { NOTES, UNCONSENTED, fixture, stubEngine } from "./report-fixture";

async function compose(d: ReportData = fixture()) {
  const set = await buildThemes(d, stubEngine);
  const quotes = chooseQuotes(d, set);
  const brief = buildBrief(d, set, d.actionItems.length, new Set([...quotes.byTheme.values()].flat()));
  const draft = ground(writeOffline(brief), brief, d.identities.names).draft;
  return composeSections({ data: d, set, draft, quotes });
}
const sections = async (d?: ReportData) =>
  Object.fromEntries((await compose(d)).sections.map((s) => [s.key, s.markdown])) as Record<SectionKey, string>;

describe("report sections generated from a fixture event", () => {
  it("cover: title, date in the event's timezone, organisers and partners", async () => {
    const s = (await compose()).sections[0]!;
    expect(s.title).toBe("Dialogue <b>Tunis</b>");
    expect(s.markdown).toContain("March 10, 2027, 10:00 AM–1:00 PM (GMT+1, Africa/Tunis)");
    expect(s.markdown).toContain("**Organised by:** Cities Network");
    expect(s.markdown).toContain("**Partners:** UN Women");
  });

  it("cover in Arabic: the language's comma, the timezone's name set apart, lists joined the Arabic way", async () => {
    const d = fixture();
    const s = (await compose({ ...d, locale: "ar", event: { ...d.event, organisers: ["Cities Network", "UN Women"] } }))
      .sections[0]!;
    const date = s.markdown.split("\n").find((l) => l.includes("Africa/Tunis"))!;
    // "(GMT+1 ,Africa/Tunis)" came from a Latin comma between a number and a Latin name in right-to-left text.
    expect(date).not.toContain(", ");
    expect(date).toContain("، ");
    expect(date).toContain("\u2068Africa/Tunis\u2069");
    expect(s.markdown).toContain("Cities Network وUN Women");
  });

  it("an executive summary at the top: who took part, how they worked, what they returned to, what comes next", async () => {
    const { sections: all } = await compose();
    expect(all.map((s) => s.key).slice(0, 3)).toEqual(["cover", "summary", "introduction"]);
    const s = all.find((x) => x.key === "summary")!;
    expect(s.markdown).toContain("31 of the 40 registered participants, from 22 organisations in 7 countries");
    expect(s.markdown).toContain("3 breakout rooms: Room A, Room B and Room C");
    expect(s.markdown).toContain("most often to these themes: Childcare; Multilingual outreach; Language access.");
    expect(s.machine).toHaveLength(1);
  });

  it("introduction: the panel on the record first, then the discussions under the rule, without contradiction", async () => {
    const s = (await sections()).introduction;
    expect(s).toContain("Why we *met*.");
    expect(s).toContain("hybrid (online and in person)");
    expect(s).toContain("English, French, Arabic");
    expect(s.indexOf("The panel was held on the record")).toBeGreaterThan(0);
    expect(s.indexOf("The panel was held on the record")).toBeLessThan(s.indexOf("Chatham House rule"));
    expect(s).not.toContain("the identity nor the affiliation of the speakers");
    const noPanel = { ...fixture(), agenda: [] };
    expect((await sections(noPanel)).introduction).not.toContain("on the record");
  });

  it("participation: totals, organisations per group, gender, merged countries and the organisations listed", async () => {
    const s = (await sections()).participation;
    expect(s).toContain(
      "40 participants registered and 31 attended, from 22 organisations in 1 cities and 7 countries.",
    );
    expect(s).toContain("```chart\ncategories\n```");
    expect(s).toContain("| Civil society / NGO | 25 | 12 |");
    expect(s).toContain("| Tunisia | 30 |");
    expect(s).toContain("| Other countries (6 countries) | 10 |");
    expect(s).toContain("28 women, 12 who described their gender otherwise or did not say");
    expect(s).toContain("- **Local or regional government:** City of Sfax, City of Tunis");
    expect(s).not.toContain("Women's Shelter Tunis");
    expect(sectionHtml(s, { categories: [{ label: "Civil society / NGO", count: 25 }] })).toContain(
      '<svg role="img" aria-label="Participants by stakeholder group"',
    );
  });

  it("programme and panel: speakers named on the record, with what they said and their quote only if they agreed", async () => {
    expect((await sections()).programme).toContain(
      "**10:00 AM–11:00 AM** Panel\n  - Rania Khalil, Specialist, UN Women",
    );
    expect((await sections()).panel).toContain("The panel brought together:\n\n- Rania Khalil, Specialist, UN Women");
    const d = fixture();
    d.agenda[0]!.speakers[0] = {
      ...d.agenda[0]!.speakers[0]!,
      contribution: "Cities should *listen* first.",
      quote: "We listened before we planned.",
      quoteConsent: false,
    };
    let panel = dataSection("panel", d).markdown;
    expect(panel).toContain("**Rania Khalil, Specialist, UN Women**");
    expect(panel).toContain("Cities should \\*listen\\* first.");
    expect(panel).not.toContain("We listened");
    d.agenda[0]!.speakers[0]!.quoteConsent = true;
    panel = dataSection("panel", d).markdown;
    expect(panel).toContain("> “We listened before we planned.” — Rania Khalil, UN Women");
  });

  it("findings: themes across rooms first, as prose with breadth, examples and quotes; then each room's own themes", async () => {
    const s = (await sections()).findings;
    expect(s.indexOf("### Across the rooms")).toBeLessThan(s.indexOf("#### Childcare"));
    expect(s.indexOf("#### Childcare")).toBeLessThan(s.indexOf("### Room A"));
    expect(s).toContain(
      "In all three rooms, participants raised this as a barrier, in 3 notes from every stakeholder group taking part (Civil society / NGO, Local or regional government and Migrant-led or community organisation), with 11 votes.",
    );
    const roomB = s.slice(s.indexOf("### Room B"), s.indexOf("### Room C"));
    expect(roomB).toContain("#### Permits");
    expect(roomB).toContain("In this room, participants raised this as a challenge");
    const roomC = s.slice(s.indexOf("### Room C"));
    expect(roomC).toContain("#### Other points raised");
    expect(roomC).toContain("information reaches few women (challenge)");
    expect((await sections()).findings).toContain("**Question:** What stops women?");
  });

  it("every note counts: unconsented notes are cited in the findings, and never quoted word for word", async () => {
    const { sections: all } = await compose();
    const findings = all.find((x) => x.key === "findings")!;
    const cited = new Set(findings.machine.flatMap((p) => p.sentences.flatMap((x) => x.cites)));
    for (const id of NOTES.map((n) => n.id)) expect(cited.has(id), id).toBe(true);
    const text = all.map((x) => x.markdown).join("\n");
    for (const id of UNCONSENTED) expect(text).not.toContain(`“${NOTES.find((n) => n.id === id)!.text}”`);
    expect(text).toContain("> “No childcare during appointments” — Civil society / NGO");
  });

  it("takeaways: 3 to 6, including what every room raised and where a barrier meets a way forward", async () => {
    const { sections: all } = await compose();
    const t = all.find((x) => x.key === "takeaways")!;
    expect(t.machine.length).toBeGreaterThanOrEqual(3);
    expect(t.machine.length).toBeLessThanOrEqual(6);
    expect(t.markdown).toContain("**Childcare: raised in every room.**");
    expect(t.markdown).toContain("**Language access: a barrier with a way forward.**");
    expect(t.markdown).toContain(
      "and on the same subject saw an opportunity in interpreters paid by the city in every clinic",
    );
    expect(t.markdown).not.toMatch(/strongest/i);
  });

  it("way forward: each item with its details; drafted items awaiting review are left out of a published report", () => {
    const t = reportTexts("en");
    const d = fixture();
    const draft = wayForward(d.actionItems, t, "en", d.event.timezone);
    expect(draft).toContain("#### 1\\. Fund childcare");
    expect(draft).toContain("Cover childcare in every consultation.");
    expect(draft).toContain("- **Owner:** City of Tunis");
    expect(draft).toContain("- **Due:** June 30, 2027");
    expect(draft).toContain("- **From:** Childcare, based on 2 notes");
    expect(draft).toContain("- **Latest progress:** Budget line proposed (Apr 1, 2027)");
    expect(draft).toContain("- **Suggested owner:** Migrant-led or community organisation");
    expect(draft).toContain(t.awaitingReview);
    const published = wayForward(d.actionItems, t, "en", d.event.timezone, true);
    expect(published).toContain("Fund childcare");
    expect(published).not.toContain("multilingual outreach");
    expect(wayForward([], t, "en", "UTC")).toBe("No action items were recorded.");
  });

  it("says what is missing instead of leaving empty headings", async () => {
    const empty: ReportData = {
      ...fixture(),
      participation: {
        ...fixture().participation,
        registered: 0,
        attended: 0,
        organisations: 0,
        categories: [],
        countries: [],
        cities: [],
        organisationList: [],
      },
      agenda: [],
      rooms: [],
      notes: [],
      roomClusters: [],
      synthesis: null,
      actionItems: [],
      resources: [],
    };
    const s = await sections(empty);
    expect(s.summary).toContain("not yet enough material");
    expect(s.participation).toContain("No one registered");
    expect(s.programme).toContain("No programme was recorded");
    expect(s.panel).toContain("No panel was held");
    expect(s.findings).toContain("No breakout boards were used");
    expect(s.takeaways).toContain("no themes yet");
    expect(s.actions).toBe("No action items were recorded.");
    expect(s.quotes).toContain("No participant consented to be quoted");
    expect(s.resources).toBe("No resources were added.");
  });

  it("escapes people's text so it cannot become markup, and sanitises Markdown for every output", async () => {
    const d = fixture();
    d.synthesis!.clusters[0]!.label = "<img src=x onerror=alert(1)>";
    d.notes[0]!.text = "[click](javascript:alert(1)) <script>x</script>";
    const s = await sections(d);
    const html = sectionHtml(s.findings + s.quotes, { categories: [] });
    expect(html).not.toMatch(/<img|<script|href="javascript/);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(safeMarkdown("<script>alert(1)</script> [x](javascript:alert(1)) [ok](https://a.b)")).toBe(
      "&lt;script>alert(1)&lt;/script> [x](#alert(1)) [ok](https://a.b)",
    );
  });
});

describe("the report's fixed parts in every language", () => {
  it.each([
    [
      "fr",
      "Constats",
      "Dans les trois salles, les participant·es ont soulevé ce point comme un obstacle",
      "Perspectives",
    ],
    [
      "es",
      "Hallazgos",
      "En las tres salas, las personas participantes plantearon este punto como una barrera",
      "Próximos pasos",
    ],
    ["ar", "النتائج", "في الغرف الثلاث، طرح المشاركون هذه المسألة بوصفها عائقًا", "الخطوات المقبلة"],
  ])("%s", async (locale, findings, allRooms, wayForwardTitle) => {
    const d = { ...fixture(), locale };
    const { sections: all } = await compose(d);
    expect(all.find((s) => s.key === "findings")!.title).toBe(findings);
    expect(all.find((s) => s.key === "actions")!.title).toBe(wayForwardTitle);
    const md = all.map((s) => s.markdown).join("\n");
    expect(md).toContain(allRooms);
    expect(md).not.toContain("participants raised");
  });
});
