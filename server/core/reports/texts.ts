/** The fixed words of a report, per language; generated sections are built from these and the event's data. */
export type ReportTexts = typeof en;

const en = {
  sections: {
    cover: "Cover",
    introduction: "Introduction",
    participation: "Participation",
    programme: "Programme",
    findings: "Findings",
    takeaways: "Key takeaways",
    actions: "Action items",
    quotes: "Quotes",
    resources: "Resources",
  },
  summaryReport: "Summary report",
  organisedBy: "Organised by",
  partners: "Partners",
  date: "Date",
  format: "Format",
  formats: { online: "online", hybrid: "hybrid (online and in person)", in_person: "in person" } as Record<string, string>,
  venue: "Venue",
  languages: "Languages",
  chathamHouse: "The dialogue was held under the Chatham House rule: participants are free to use the information received, but neither the identity nor the affiliation of the speakers may be revealed. Quotes are attributed to stakeholder groups only.",
  noDescription: "The organisers did not describe the purpose of this session.",
  noParticipants: "No one registered for this session, so there are no participation figures.",
  participationSummary: (p: { registered: number; attended: number; organisations: number; countries: number; cities: number }) =>
    `${p.registered} participants registered${p.attended ? ` and ${p.attended} attended` : ""}, from ${p.organisations} organisations in ${p.cities} cities and ${p.countries} countries.`,
  stakeholderGroup: "Stakeholder group",
  participants: "Participants",
  country: "Country",
  cities: "Cities",
  noAgenda: "No programme was recorded for this session.",
  time: "Time",
  item: "Item",
  speakers: "Speakers",
  question: "Question",
  acrossRooms: "Across the rooms",
  noBoards: "No breakout boards were used in this session, so there are no findings to report.",
  noNotes: "No notes were posted on this board.",
  notesCount: (n: number) => (n === 1 ? "1 note" : `${n} notes`),
  votesCount: (n: number) => (n === 1 ? "1 vote" : `${n} votes`),
  raisedIn: (rooms: string[], total: number) =>
    rooms.length === 0 ? "" : rooms.length === total && total > 1 ? (total === 3 ? "raised in all three rooms" : `raised in all ${total} rooms`) : rooms.length === 1 ? `raised in ${rooms[0]}` : `raised in ${rooms.length} rooms`,
  automatic: "grouped automatically",
  noTakeaways: "There are no clusters of notes yet to draw takeaways from.",
  strongest: (category: string, items: string) => `**${category}**: ${items}.`,
  noActions: "No action items were recorded.",
  what: "What",
  owner: "Owner",
  due: "Due",
  status: "Status",
  from: "From",
  statuses: { proposed: "proposed", agreed: "agreed", in_progress: "in progress", done: "done", dropped: "dropped" } as Record<string, string>,
  noQuotes: "No participant consented to be quoted, so this report contains no quotes.",
  noResources: "No resources were added.",
  categoryNames: (key: string) => key[0]!.toUpperCase() + key.slice(1),
};

const catalogue: Record<string, ReportTexts> = { en };

export const REPORT_LOCALES = ["en"] as const;
export const reportTexts = (locale: string): ReportTexts => catalogue[locale] ?? en;
export const registerReportTexts = (locale: string, texts: ReportTexts) => void (catalogue[locale] = texts);
