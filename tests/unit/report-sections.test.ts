import { describe, expect, it } from "vitest";
import { safeMarkdown } from "../../server/core/markdown";
import type { ReportData } from "../../server/core/reports/data";
import { sectionHtml } from "../../server/core/reports/render-html";
import { type SectionKey, generateSections } from "../../server/core/reports/sections";

const cluster = (
  label: string,
  category: string,
  notes: number,
  rooms: string[],
  quotes: string[] = [],
  votes = 0,
) => ({
  label,
  category,
  notes,
  votes,
  rooms,
  automatic: false,
  quotable: quotes.map((text, i) => ({ text, attribution: "Civil society / NGO", votes: quotes.length - i })),
});

const fixture = (): ReportData => ({
  event: {
    slug: "e",
    title: "Dialogue <b>Tunis</b>",
    description: "Why we *met*.",
    format: "hybrid",
    venue: "City Hall",
    timezone: "Africa/Tunis",
    startsAt: "2027-03-10T09:00:00.000Z",
    endsAt: "2027-03-10T12:00:00.000Z",
    languages: ["en", "fr", "ar"],
    chathamHouse: true,
    partners: ["UN Women"],
    organisers: ["Cities Network"],
  },
  participation: {
    registered: 40,
    attended: 31,
    organisations: 22,
    categories: [
      { label: "Civil society / NGO", count: 25 },
      { label: "Local or regional government", count: 15 },
    ],
    countries: [
      { country: "TN", count: 30 },
      { country: "ES", count: 10 },
    ],
    cities: [{ city: "Tunis", country: "TN", count: 30 }],
  },
  agenda: [
    {
      startsAt: "2027-03-10T09:00:00.000Z",
      endsAt: "2027-03-10T10:00:00.000Z",
      title: "Panel",
      kind: "panel",
      speakers: [{ name: "Rania Khalil", title: "Specialist", organisation: "UN Women" }],
    },
  ],
  findings: [
    {
      title: "Room A",
      question: "What stops women?",
      rooms: ["Room A"],
      categories: ["barriers", "opportunities"],
      notes: 5,
      clusters: [
        cluster("Language", "barriers", 2, ["Room A"], ["No interpreters"]),
        cluster("Childcare", "barriers", 3, ["Room A"], ["No childcare", "Evening meetings", "Costs", "Fourth"], 4),
      ],
    },
  ],
  synthesis: {
    title: "Synthesis",
    question: null,
    rooms: ["Room A", "Room B", "Room C"],
    categories: ["barriers"],
    notes: 9,
    clusters: [
      cluster("Childcare", "barriers", 6, ["Room A", "Room B", "Room C"]),
      cluster("Trust", "barriers", 3, ["Room B"]),
    ],
  },
  actionItems: [
    { title: "Fund childcare", owner: "City of Tunis", dueDate: "2027-06-30", status: "agreed", from: "Childcare" },
  ],
  quotes: [{ text: "We are asked last", attribution: "Migrant-led or community organisation", votes: 3 }],
  resources: [{ title: "Practice sheet", url: "https://example.org/sheet.pdf" }],
  roomCount: 3,
});

const sections = (d = fixture()) =>
  Object.fromEntries(generateSections(d).sections.map((s) => [s.key, s.markdown])) as Record<SectionKey, string>;

describe("report sections generated from a fixture event", () => {
  it("cover: title, date in the event's timezone, organisers and partners", () => {
    const s = generateSections(fixture()).sections[0]!;
    expect(s.title).toBe("Dialogue <b>Tunis</b>");
    expect(s.markdown).toContain("March 10, 2027, 10:00 AM–1:00 PM (GMT+1, Africa/Tunis)");
    expect(s.markdown).toContain("**Organised by:** Cities Network");
    expect(s.markdown).toContain("**Partners:** UN Women");
  });

  it("introduction: purpose, format, languages and the Chatham House rule", () => {
    const s = sections().introduction;
    expect(s).toContain("Why we *met*.");
    expect(s).toContain("hybrid (online and in person)");
    expect(s).toContain("English, French, Arabic");
    expect(s).toContain("Chatham House rule");
  });

  it("participation: totals, a chart and tables from registrations", () => {
    const s = sections().participation;
    expect(s).toContain(
      "40 participants registered and 31 attended, from 22 organisations in 1 cities and 2 countries.",
    );
    expect(s).toContain("```chart\ncategories\n```");
    expect(s).toContain("| Civil society / NGO | 25 |");
    expect(s).toContain("| Tunisia | 30 |");
    expect(sectionHtml(s, generateSections(fixture()).figures)).toContain(
      '<svg role="img" aria-label="Participants by stakeholder group"',
    );
  });

  it("programme: times in the event's timezone and speakers with their roles", () => {
    expect(sections().programme).toContain("**10:00 AM–11:00 AM** Panel\n  - Rania Khalil, Specialist, UN Women");
  });

  it("findings: clusters by size and votes, rooms they came from, at most three consented quotes", () => {
    const s = sections().findings;
    expect(s.indexOf("**Childcare** (6 notes, raised in all three rooms)")).toBeLessThan(
      s.indexOf("**Trust** (3 notes, raised in Room B)"),
    );
    const roomA = s.slice(s.indexOf("### Room A"));
    expect(roomA.indexOf("Childcare")).toBeLessThan(roomA.indexOf("Language"));
    expect(roomA).toContain("**Question:** What stops women?");
    expect(roomA).toContain("> “No childcare” — Civil society / NGO");
    expect(roomA).not.toContain("Fourth");
  });

  it("takeaways: the strongest clusters of each category, from the synthesis board when there is one", () => {
    expect(sections().takeaways).toBe(
      "- **Barriers**: “Childcare” (6 notes, raised in all three rooms); “Trust” (3 notes, raised in Room B).",
    );
  });

  it("action items: a table with owner, due date, status and cluster", () => {
    expect(sections().actions).toContain("| Fund childcare | City of Tunis | Jun 30, 2027 | agreed | Childcare |");
  });

  it("quotes: only the consented ones handed over, attributed to a stakeholder group", () => {
    expect(sections().quotes).toBe("> “We are asked last” — Migrant-led or community organisation");
    expect(sections({ ...fixture(), quotes: [] }).quotes).toContain("No participant consented to be quoted");
  });

  it("resources: the organisers' links", () => {
    expect(sections().resources).toBe("- [Practice sheet](https://example.org/sheet.pdf)");
  });

  it("says what is missing instead of leaving empty headings", () => {
    const empty = {
      ...fixture(),
      participation: { registered: 0, attended: 0, organisations: 0, categories: [], countries: [], cities: [] },
      agenda: [],
      findings: [],
      synthesis: null,
      actionItems: [],
      quotes: [],
      resources: [],
    };
    const s = sections(empty);
    expect(s.participation).toContain("No one registered");
    expect(s.programme).toContain("No programme was recorded");
    expect(s.findings).toContain("No breakout boards were used");
    expect(s.takeaways).toContain("no clusters of notes yet");
    expect(s.actions).toBe("No action items were recorded.");
    expect(s.resources).toBe("No resources were added.");
  });

  it("escapes people's text so it cannot become markup, and sanitises Markdown for every output", () => {
    const d = fixture();
    d.findings[0]!.clusters[0]!.label = "<img src=x onerror=alert(1)>";
    d.quotes = [{ text: "[click](javascript:alert(1)) <script>x</script>", attribution: "NGO", votes: 1 }];
    const s = sections(d);
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
    ["fr", "Constats", "soulevé dans les trois salles", "Obstacles"],
    ["es", "Hallazgos", "planteado en las tres salas", "Barreras"],
    ["ar", "النتائج", "طُرح في الغرف الثلاث", "العوائق"],
  ])("%s", (locale, findings, allRooms, barriers) => {
    const { sections } = generateSections(fixture(), locale);
    expect(sections.find((s) => s.key === "findings")!.title).toBe(findings);
    const md = sections.map((s) => s.markdown).join("\n");
    expect(md).toContain(allRooms);
    expect(md).toContain(barriers);
    expect(md).not.toContain("raised in");
  });
});
