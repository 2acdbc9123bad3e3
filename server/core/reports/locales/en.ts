import { defaultCategoryName } from "../../boards/category-names";

/** The fixed words of a report in English; fr.ts, es.ts and ar.ts give the same keys in their language. */
export const en = {
  sections: {
    cover: "Cover",
    summary: "Executive summary",
    introduction: "Introduction",
    participation: "Participation",
    programme: "Programme",
    panel: "Speakers' perspectives",
    findings: "Findings",
    takeaways: "Key takeaways",
    actions: "Way forward",
    quotes: "Quotes",
    resources: "Resources",
  },
  /** Titles the secretariat can start a free section with. */
  freeSections: {
    acknowledgements: "Acknowledgements",
    programme: "About the programme",
    initiatives: "Local initiatives",
    partner: "Partner box",
  },
  summaryReport: "Summary report",
  organisedBy: "Organised by",
  partners: "Partners",
  date: "Date",
  format: "Format",
  formats: { online: "online", hybrid: "hybrid (online and in person)", in_person: "in person" } as Record<
    string,
    string
  >,
  venue: "Venue",
  languages: "Languages",
  chathamHouse:
    "The discussions were held under the Chatham House rule: participants are free to use the information received, but neither the identity nor the affiliation of those who spoke may be revealed. Contributions and quotes from the discussions are attributed to stakeholder groups only.",
  panelOnRecord: "The panel was held on the record: speakers are named, and quoted by name only where they agreed.",
  noDescription: "The organisers did not describe the purpose of this session.",
  noSummary: "There is not yet enough material from the dialogue for a summary.",
  noParticipants: "No one registered for this session, so there are no participation figures.",
  participationSummary: (p: {
    registered: number;
    attended: number;
    organisations: number;
    countries: number;
    cities: number;
  }): string =>
    `${p.registered} participants registered${p.attended ? ` and ${p.attended} attended` : ""}, from ${p.organisations} organisations in ${p.cities} cities and ${p.countries} countries.`,
  stakeholderGroup: "Stakeholder group",
  participants: "Participants",
  organisations: "Organisations",
  country: "Country",
  otherCountries: (n: number): string => (n === 1 ? "Other countries (1 country)" : `Other countries (${n} countries)`),
  cities: "Cities",
  gender: (g: {
    women: number | null;
    men: number | null;
    other: number | null;
    rest: number;
    restSuppressed: boolean;
  }): string => {
    const parts = [
      g.women !== null ? `${g.women} women` : "",
      g.men !== null ? `${g.men} men` : "",
      g.other !== null ? `${g.other} who described their gender otherwise` : "",
    ].filter(Boolean);
    const rest = g.rest
      ? g.restSuppressed
        ? "fewer than 5 who described their gender otherwise or did not say"
        : `${g.rest} who described their gender otherwise or did not say`
      : "";
    return `By gender (self-described at registration): ${[...parts, rest].filter(Boolean).join(", ")}. Groups of fewer than 5 people are counted together, so no one can be identified.`;
  },
  participatingOrganisations: "Participating organisations",
  otherGroup: "Other",
  organisationListNote:
    "The list names organisations that took part; it does not say which of them said what. Organisations that asked not to be listed are left out.",
  noAgenda: "No programme was recorded for this session.",
  time: "Time",
  item: "Item",
  speakers: "Speakers",
  noPanel: "No panel was held in this session.",
  panelSpeakersOnly: "The panel brought together:",
  question: "Question",
  acrossRooms: "Across the rooms",
  noBoards: "No breakout boards were used in this session, so there are no findings to report.",
  noNotes: "No notes were posted on this board.",
  roomInCross: "Everything this room raised is reported in the themes across the rooms above.",
  otherPoints: "Other points raised",
  rapporteurSummary: "The rapporteur's summary",
  rapporteurWrote: "Written by the room's rapporteur.",
  generalObservations: "General observations",
  keyMessages: "Key messages",
  proposedActions: "Proposed actions",
  notableQuotes: "Notable quotes",
  anonymous: "anonymous",
  participant: "Participant",
  noTakeaways: "There are no themes yet to draw takeaways from.",
  noActions: "No action items were recorded.",
  owner: "Owner",
  suggestedOwner: "Suggested owner",
  due: "Due",
  status: "Status",
  from: "From",
  progress: "Latest progress",
  basedOn: (n: number): string => (n === 1 ? "based on one note" : `based on ${n} notes`),
  awaitingReview: "Proposed by Plenary from the notes, awaiting the secretariat's review.",
  statuses: {
    proposed: "proposed",
    agreed: "agreed",
    in_progress: "in progress",
    done: "done",
    dropped: "dropped",
  } as Record<string, string>,
  proposalFrom: (p: { notes: number; label: string; where: string }): string =>
    `Drafted from ${p.notes === 1 ? "one note" : `${p.notes} notes`}${p.label ? ` under ${p.label}` : ""}${p.where ? ` (${p.where})` : ""}.`,
  proposalFromRapporteur: (room: string): string => `Proposed in the rapporteur's summary of ${room}.`,
  rapporteurSummaryOf: (room: string): string => `Rapporteur's summary, ${room}`,
  takeForward: (text: string): string => `Take forward: ${text}`,
  noQuotes: "No participant consented to be quoted, so this report contains no quotes.",
  noResources: "No resources were added.",
  categoryNames: (key: string): string => defaultCategoryName("en", key) ?? key[0]!.toUpperCase() + key.slice(1),
  quoteMarks: ["“", "”"] as readonly [string, string],
  /** Between two parts of one phrase ("10 March 2027, 10:00"): the language's own comma. */
  separator: ", ",
  machineDrafted: "Drafted automatically",
  writers: { offline: "offline writer", model: "language model" } as Record<string, string>,
  labels: { version: "Version", draft: "Draft for review", changeNote: "Change note", published: "Published" },
  chartTitle: "Participants by stakeholder group",
  csvHeader: ["What", "Owner", "Due", "Status", "From", "Latest progress"] as string[],
  /** Names of the stakeholder groups every event starts with. */
  groups: {
    local_government: "Local or regional government",
    national_government: "National government",
    international_org: "International organisation",
    civil_society: "Civil society / NGO",
    migrant_led: "Migrant-led or community organisation",
    academia: "Academia / research",
    city_network: "City network",
    private_sector: "Private sector",
    other: "Other",
  } as Record<string, string>,
};

export type ReportTexts = typeof en;
