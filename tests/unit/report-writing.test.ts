import { describe, expect, it } from "vitest";
import type { ReportContent } from "../../server/core/reports/content";
import { genderFigures, genderOf, mergeSmall, nameableGroup } from "../../server/core/reports/disclosure";
import { placeSections } from "../../server/core/reports/generate";
import { markBlocks, stillMachine } from "../../server/core/reports/machine";
import { draftProposals, isActionPhrased, namedOwner } from "../../server/core/reports/proposals";
import { publicationDay, versionLine } from "../../server/core/reports/publication";
import { sectionHtml } from "../../server/core/reports/render-html";
import { chartAsTable, toMarkdown } from "../../server/core/reports/service";
import { buildThemes } from "../../server/core/reports/themes";
import { buildBrief } from "../../server/core/reports/writing/brief";
import type { Draft } from "../../server/core/reports/writing/contract";
import { ground } from "../../server/core/reports/writing/ground";
import { inline, writeOffline } from "../../server/core/reports/writing/offline";
import { createRedactor } from "../../server/core/reports/writing/redact";
import { fixture, stubEngine } from "./report-fixture";

const brief = async () => {
  const d = fixture();
  return { d, brief: buildBrief(d, await buildThemes(d, stubEngine), 2) };
};

describe("themes", () => {
  it("cross-room clusters first, then a room's own cluster; leftovers kept per room; a barrier paired with its way forward", async () => {
    const d = fixture();
    const set = await buildThemes(d, stubEngine);
    expect(set.themes.map((t) => [t.label, t.scope, t.rooms])).toEqual([
      ["Childcare", "cross", ["r-a", "r-b", "r-c"]],
      ["Language access", "cross", ["r-a", "r-b"]],
      ["Multilingual outreach", "cross", ["r-a", "r-c"]],
      ["Permits", "room", ["r-b"]],
    ]);
    // Votes on the synthesis board count for the notes they copy.
    expect(set.themes[0]!.votes).toBe(3 + 2 + 4 + 2);
    expect(set.others).toEqual([{ roomId: "r-c", noteIds: ["n11", "n10"] }]);
    expect(set.pairs).toEqual([expect.objectContaining({ problem: "t2", solution: "t3", notes: ["n4", "n7"] })]);
  });
});

describe("themes in a category nobody synthesised", () => {
  it("are grouped across rooms, keeping the facilitator's name for a group that is mostly their cluster", async () => {
    // An engine that groups whatever it is given into one cluster.
    const grouping = {
      ...stubEngine,
      async suggest(notes: { id: string }[]) {
        return {
          clusters: [
            {
              label: "auto",
              noteIds: notes.map((n) => n.id),
              representativeId: notes[0]!.id,
              size: notes.length,
              cohesion: 1,
            },
          ],
          unclustered: [],
          engine: "lexical" as const,
        };
      },
    };
    const set = await buildThemes(fixture(), grouping);
    // Challenges were never brought to the synthesis board: n8 and n9 (Room B, "Permits") and n11 (Room C).
    expect(set.themes).toContainEqual(
      expect.objectContaining({ label: "Permits", scope: "cross", category: "challenges", rooms: ["r-b", "r-c"] }),
    );
    expect(set.themes.filter((t) => t.scope === "room")).toEqual([]);
  });
});

describe("the offline writer", () => {
  it("writes the same text from the same brief, and every sentence cites the notes or facts it rests on", async () => {
    const { brief: b } = await brief();
    const a = writeOffline(b);
    expect(writeOffline(b)).toEqual(a);
    const all = [
      ...a.summary,
      ...Object.values(a.themes).flat(),
      ...Object.values(a.others).flat(),
      ...a.takeaways.flatMap((t) => t.sentences),
    ];
    expect(all.length).toBeGreaterThan(15);
    for (const s of all) expect(s.cites.length, s.text).toBeGreaterThan(0);
    // The grounding check finds nothing to drop in its own writer's text.
    expect(ground(a, b).dropped).toBe(0);
  });

  it("does not repeat in a paragraph the note quoted under it", async () => {
    const d = fixture();
    const set = await buildThemes(d, stubEngine);
    const b = buildBrief(d, set, 0, new Set(["n3"]));
    const childcare = writeOffline(b)
      .themes.t1!.map((s) => s.text)
      .join(" ");
    expect(childcare).not.toContain("evening meetings");
    expect(childcare).toContain("no childcare during appointments");
  });

  it("sets a note inside a sentence with a small first letter, unless it names something", () => {
    const proper = new Set(["Tunis"]);
    expect(inline("Forms only in the national language.", proper)).toBe("forms only in the national language");
    expect(inline("IOM should fund interpreters", proper)).toBe("IOM should fund interpreters");
    expect(inline("Tunis opened a women's desk", proper)).toBe("Tunis opened a women's desk");
  });
});

describe("the grounding check", () => {
  it("drops sentences that cite nothing, cite a note the writer was not given, or name a participant", async () => {
    const { brief: b } = await brief();
    const draft: Draft = {
      summary: [
        { text: "Grounded [n1].", cites: ["n1"] },
        { text: "Cites nothing.", cites: [] },
        { text: "Cites an unknown note.", cites: ["n1", "n999"] },
        { text: "Amina Haddad said so.", cites: ["n1"] },
      ],
      themes: {
        t1: [
          { text: "Childcare everywhere.", cites: ["n1", "n2"] },
          { text: "Another theme's note.", cites: ["n8"] },
        ],
        // A paragraph may rest on the theme it is paired with.
        t2: [{ text: "Interpreters answer the forms.", cites: ["n4", "n7"] }],
        t99: [{ text: "A theme nobody asked for.", cites: ["n1"] }],
      },
      others: {},
      takeaways: [{ title: "Rania Khalil's view", sentences: [{ text: "Fine.", cites: ["n1"] }] }],
    };
    const g = ground(draft, b, ["Amina Haddad", "Rania Khalil"]);
    expect(g.draft.summary).toEqual([{ text: "Grounded.", cites: ["n1"] }]);
    expect(g.draft.themes.t1).toEqual([{ text: "Childcare everywhere.", cites: ["n1", "n2"] }]);
    expect(g.draft.themes.t2).toHaveLength(1);
    expect(g.draft.themes.t99).toBeUndefined();
    expect(g.draft.takeaways).toEqual([]);
    expect(g.dropped).toBe(6);
  });
});

describe("what a language model may read", () => {
  it("replaces every name and organisation, whole words only, in any case", () => {
    const redact = createRedactor({
      names: ["Amina Haddad", "Lucía Fernández"],
      organisations: ["Tunis Migrant Women's Association", "UN Women"],
    });
    expect(redact("AMINA HADDAD from the tunis migrant women's association said UN Women helps")).toBe(
      "[name] from the [organisation] said [organisation] helps",
    );
    expect(redact("Lucía Fernández; Aminata Haddadi; women in Tunis")).toBe("[name]; Aminata Haddadi; women in Tunis");
  });
});

describe("the way forward drafted from the dialogue", () => {
  it("recognises notes phrased as actions in the report languages", () => {
    for (const yes of [
      "Train front-desk staff on referral",
      "City to include cooperatives in procurement",
      "Cities should fund childcare",
      "Créer un guichet unique",
      "Il faut financer la garde d'enfants",
      "Hay que traducir los formularios",
      "يجب توفير مترجمين",
    ])
      expect(isActionPhrased(yes), yes).toBe(true);
    for (const no of ["Fear of being reported to immigration authorities", "Informal work without contracts"])
      expect(isActionPhrased(no), no).toBe(false);
  });

  it("suggests the group a note names as owner, else the group that raised it", async () => {
    const groups = fixture().stakeholderGroups;
    expect(namedOwner("The city should fund interpreters", groups)).toBe("Local or regional government");
    expect(namedOwner("NGOs to run the helpline", groups)).toBe("Civil society / NGO");
    expect(namedOwner("More interpreters", groups)).toBeNull();
    const d = fixture();
    d.rooms[1]!.summary = {
      observations: "",
      keyMessages: [],
      proposedActions: ["Ministries to publish data on permits"],
      quotes: [],
    };
    const proposals = draftProposals(d, await buildThemes(d, stubEngine));
    expect(proposals[0]).toMatchObject({
      title: "Ministries to publish data on permits",
      sourceLabel: "Rapporteur's summary, Room B",
    });
    expect(proposals).toContainEqual(
      expect.objectContaining({
        key: "note:n10",
        title: "City should fund childcare during all consultations",
        suggestedOwner: "Local or regional government",
        sourceNoteIds: ["n10"],
      }),
    );
    expect(proposals).toContainEqual(
      expect.objectContaining({
        key: "theme:n7",
        title: "Take forward: interpreters paid by the city in every clinic",
        sourceLabel: "Multilingual outreach",
        sourceNoteIds: ["n7", "n6"],
      }),
    );
  });
});

describe("figures that identify no one", () => {
  it("folds self-described gender and merges groups of fewer than 5", () => {
    expect(genderOf(" Femme ")).toBe("women");
    expect(genderOf("hombre")).toBe("men");
    expect(genderOf("non-binary")).toBe("other");
    expect(genderOf("")).toBeNull();
    const g = genderFigures([...Array(6).fill("woman"), ...Array(5).fill("man"), "non-binary", null])!;
    expect(g.rows).toEqual([
      { key: "women", count: 6 },
      { key: "men", count: 5 },
    ]);
    expect(g).toMatchObject({ rest: 2, restSuppressed: true });
    expect(genderFigures([null, null])).toBeNull();
    expect(mergeSmall([{ count: 5 }, { count: 1 }, { count: 2 }], 3)).toEqual({
      rows: [{ count: 5 }],
      other: 3,
      merged: 2,
    });
    expect(nameableGroup({ people: 5, organisations: 1 })).toBe(false);
    expect(nameableGroup({ people: 3, organisations: 2 })).toBe(true);
  });
});

describe("machine-written text stays marked until a person edits it", () => {
  const machine = [
    { text: "First drafted paragraph.", writer: "offline" as const, sentences: [] },
    { text: "Second drafted paragraph.", writer: "model" as const, sentences: [] },
  ];
  it("marks the paragraphs still as drafted, and only those", () => {
    const md = "#### Theme\n\nFirst drafted paragraph.\n\n> “A quote” — NGO\n\nSecond drafted paragraph.\n";
    expect(
      markBlocks(md, machine)
        .map((b) => b.raw)
        .join(""),
    ).toBe(md);
    expect(stillMachine(md, machine).map((m) => m.text)).toEqual([
      "First drafted paragraph.",
      "Second drafted paragraph.",
    ]);
    const edited = md.replace("Second drafted paragraph.", "Second paragraph, as the secretariat rewrote it.");
    expect(stillMachine(edited, machine).map((m) => m.text)).toEqual(["First drafted paragraph."]);
    const html = sectionHtml(edited, { categories: [] }, "Chart", {
      paragraphs: machine,
      label: "Drafted automatically",
    });
    expect(html.match(/class="machine-text"/g)).toHaveLength(1);
    expect(html).toContain("Second paragraph, as the secretariat rewrote it.");
  });
});

describe("exports agree with each other", () => {
  const content: ReportContent = {
    title: "Dialogue",
    locale: "en",
    eventSlug: "e",
    timezone: "Europe/Brussels",
    version: 1,
    // 23:30 in UTC is already the next day in Brussels.
    publishedAt: "2026-11-27T23:30:00.000Z",
    changeNote: "",
    sections: [
      {
        key: "participation",
        title: "Participation",
        markdown: "Intro.\n\n```chart\ncategories\n```\n\n| A | B |\n| --- | --- |\n| x | 1 |",
      },
      {
        key: "summary",
        title: "Executive summary",
        markdown: "Drafted.",
        machine: [{ text: "Drafted.", writer: "offline" }],
      },
    ],
    figures: {
      categories: [
        { label: "Civil society / NGO", count: 4 },
        { label: "Academia", count: 2 },
      ],
    },
    actionItems: [],
  };

  it("prints the publication day in the event's timezone", () => {
    expect(publicationDay(content.publishedAt!, content.timezone, "en")).toEqual({
      iso: "2026-11-28",
      text: "November 28, 2026",
    });
    expect(versionLine(content, { version: "Version", draft: "Draft" })).toBe("Version 1 · November 28, 2026");
    expect(publicationDay("2026-11-27T22:30:00.000Z", "America/Mexico_City", "fr").text).toBe("27 novembre 2026");
  });

  it("renders the chart as a table in Markdown, keeps tables apart, and marks drafted paragraphs", () => {
    const md = toMarkdown(content);
    expect(md).toContain("*Version 1 · November 28, 2026*");
    expect(md).not.toContain("```chart");
    expect(md).toContain(
      "| Participants by stakeholder group | Participants |\n| --- | --- |\n| Civil society / NGO | ▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇ 4 |",
    );
    expect(md).toContain("| Academia | ▇▇▇▇▇▇▇▇▇▇ 2 |\n\n| A | B |");
    expect(md).toContain("*Drafted automatically*\n\nDrafted.");
    expect(chartAsTable("```chart\nunknown\n```", content.figures, ["a", "b"])).toBe("");
  });
});

describe("section order", () => {
  it("keeps the places people gave sections, and puts a new generated section after its predecessor", () => {
    const existing = ["cover", "introduction", "free-aaaaaaaa", "participation", "findings", "actions"].map(
      (key, position) => ({
        key,
        position,
      }),
    );
    expect(
      placeSections(existing, ["cover", "summary", "introduction", "participation", "panel", "findings", "actions"]),
    ).toEqual(["cover", "summary", "introduction", "free-aaaaaaaa", "participation", "panel", "findings", "actions"]);
  });
});
