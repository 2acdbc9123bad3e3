// A small event, built by hand, for the report's unit tests: three rooms, a synthesis board
// with three cross-room clusters, a room cluster, notes from consenting and non-consenting
// authors, and an engine whose vectors are chosen so themes and pairs are known in advance.
import type { ClusteringEngine } from "../../server/core/clustering/engine";
import type { NoteRecord, ReportData } from "../../server/core/reports/data";

const CSO = "Civil society / NGO";
const LOCAL = "Local or regional government";
const MIGRANT = "Migrant-led or community organisation";

const note = (
  id: string,
  roomId: string,
  category: string,
  text: string,
  group: string | null,
  votes: number,
  consent: boolean,
  clusterId: string | null = null,
): NoteRecord => ({
  id,
  text,
  category,
  roomId,
  group,
  votes,
  clusterId,
  createdAt: `2027-03-10T10:${id.slice(1).padStart(2, "0")}:00.000Z`,
  quote: consent ? { attribution: group ?? "" } : null,
});

export const NOTES: NoteRecord[] = [
  note("n1", "r-a", "barriers", "No childcare during appointments", CSO, 3, true),
  note("n2", "r-b", "barriers", "Childcare costs keep mothers away from language courses", LOCAL, 2, false),
  note("n3", "r-c", "barriers", "Evening meetings clash with childcare", MIGRANT, 4, true),
  note("n4", "r-a", "barriers", "No interpreters at the front desk", CSO, 1, false),
  note("n5", "r-b", "barriers", "Forms only in the national language", null, 0, false),
  note("n6", "r-a", "opportunities", "Multilingual outreach through women's associations", MIGRANT, 5, true),
  note("n7", "r-c", "opportunities", "Interpreters paid by the city in every clinic", LOCAL, 2, false),
  note("n8", "r-b", "challenges", "Work permits tied to one employer", CSO, 1, true, "rc-permits"),
  note("n9", "r-b", "challenges", "Employers keep passports", LOCAL, 0, false, "rc-permits"),
  note("n10", "r-c", "actions", "City should fund childcare during all consultations", LOCAL, 2, false),
  note("n11", "r-c", "challenges", "Information reaches few women", MIGRANT, 1, false),
];

/** Unconsented notes: they must count in the findings and never appear as a quote. */
export const UNCONSENTED = NOTES.filter((n) => !n.quote).map((n) => n.id);

const syn = (id: string, noteId: string, category: string, clusterId: string, votes = 0) => ({
  id,
  noteId,
  category,
  clusterId,
  votes,
});

export function fixture(): ReportData {
  return {
    locale: "en",
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
        { label: CSO, count: 25, organisations: 12 },
        { label: LOCAL, count: 15, organisations: 10 },
      ],
      countries: [{ country: "TN", count: 30 }],
      otherCountries: { people: 10, countries: 6 },
      cities: [{ city: "Tunis", country: "TN", count: 30 }],
      gender: { rows: [{ key: "women", count: 28 }], rest: 12, restSuppressed: false },
      organisationList: [{ group: LOCAL, names: ["City of Sfax", "City of Tunis"] }],
      hiddenOrganisations: ["Women's Shelter Tunis"],
      namedGroups: [CSO, LOCAL, MIGRANT],
    },
    stakeholderGroups: [
      { key: "civil_society", label: CSO },
      { key: "local_government", label: LOCAL },
      { key: "migrant_led", label: MIGRANT },
    ],
    agenda: [
      {
        id: "a1",
        startsAt: "2027-03-10T09:00:00.000Z",
        endsAt: "2027-03-10T10:00:00.000Z",
        title: "Panel",
        kind: "panel",
        speakers: [
          {
            id: "s1",
            name: "Rania Khalil",
            title: "Specialist",
            organisation: "UN Women",
            contribution: "",
            quote: "",
            quoteConsent: false,
          },
        ],
      },
    ],
    rooms: [
      {
        id: "r-a",
        name: "Room A",
        question: "What stops women?",
        position: 0,
        boardId: "b-a",
        categories: ["challenges", "barriers", "opportunities", "actions"],
        summary: null,
      },
      {
        id: "r-b",
        name: "Room B",
        question: null,
        position: 1,
        boardId: "b-b",
        categories: ["challenges", "barriers", "opportunities", "actions"],
        summary: null,
      },
      {
        id: "r-c",
        name: "Room C",
        question: null,
        position: 2,
        boardId: "b-c",
        categories: ["challenges", "barriers", "opportunities", "actions"],
        summary: null,
      },
    ],
    notes: NOTES.map((n) => ({ ...n })),
    roomClusters: [{ id: "rc-permits", label: "Permits", category: "challenges" }],
    synthesis: {
      categories: ["barriers", "opportunities"],
      clusters: [
        { id: "sc-childcare", label: "Childcare", category: "barriers" },
        { id: "sc-language", label: "Language access", category: "barriers" },
        { id: "sc-outreach", label: "Multilingual outreach", category: "opportunities" },
      ],
      notes: [
        syn("s1", "n1", "barriers", "sc-childcare", 2),
        syn("s2", "n2", "barriers", "sc-childcare"),
        syn("s3", "n3", "barriers", "sc-childcare"),
        syn("s4", "n4", "barriers", "sc-language"),
        syn("s5", "n5", "barriers", "sc-language"),
        syn("s6", "n6", "opportunities", "sc-outreach"),
        syn("s7", "n7", "opportunities", "sc-outreach"),
      ],
    },
    actionItems: [
      {
        id: "i1",
        title: "Fund childcare",
        description: "Cover childcare in every consultation.",
        owner: "City of Tunis",
        dueDate: "2027-06-30",
        status: "agreed",
        from: "Childcare",
        origin: "manual",
        reviewed: true,
        suggestedOwner: "",
        sourceNoteIds: ["n1", "n3"],
        draftKey: null,
        progress: { note: "Budget line proposed", at: "2027-04-01T10:00:00.000Z" },
      },
      {
        id: "i2",
        title: "Take forward: multilingual outreach",
        description: "Drafted from 2 notes.",
        owner: "",
        dueDate: null,
        status: "proposed",
        from: "Multilingual outreach",
        origin: "drafted",
        reviewed: false,
        suggestedOwner: MIGRANT,
        sourceNoteIds: ["n6", "n7"],
        draftKey: "theme:n6",
        progress: null,
      },
    ],
    resources: [{ title: "Practice sheet", url: "https://example.org/sheet.pdf" }],
    identities: {
      names: ["Amina Haddad", "Rania Khalil"],
      organisations: ["Tunis Migrant Women's Association", "UN Women"],
    },
  };
}

// Topics as unit vectors: childcare, language, permits, information.
const TOPIC: Record<string, number[]> = {
  n1: [1, 0, 0, 0],
  n2: [0.9, 0.3, 0, 0],
  n3: [1, 0, 0, 0],
  n4: [0, 1, 0, 0],
  n5: [0, 0.95, 0, 0.1],
  n6: [0.1, 0.7, 0, 0.6],
  n7: [0, 1, 0, 0],
  n8: [0, 0, 1, 0],
  n9: [0, 0, 1, 0],
  n10: [1, 0, 0, 0],
  n11: [0, 0, 0, 1],
};
const unit = (v: number[]) => {
  const n = Math.hypot(...v);
  return Float32Array.from(v.map((x) => x / n));
};

/** An engine whose vectors are the topics above, and which groups nothing itself. */
export const stubEngine: ClusteringEngine = {
  async vectorize(notes) {
    return { rows: notes.map((n) => unit(TOPIC[n.id] ?? [0, 0, 0, 1])), engine: "lexical" };
  },
  async suggest(notes) {
    return { clusters: [], unclustered: notes.map((n) => n.id), engine: "lexical" };
  },
  async place() {
    return { placements: [], engine: "lexical" };
  },
  describe: () => ({ engine: "lexical", reason: "a test's stand-in" }),
  async warm() {},
  async close() {},
};
