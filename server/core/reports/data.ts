import { questionsIn } from "../breakouts/questions";
import { contentLanguage, inLanguage } from "../content/languages";
import type { Db } from "../../db/client";
import { stringList, summaryQuotes } from "../json-columns";
import { publicNoteFilter, quoteAttribution } from "../visibility";
import {
  type GenderFigures,
  MIN_COUNTRY_CELL,
  genderFigures,
  isIndependent,
  mergeSmall,
  nameableGroup,
  organisationKey,
} from "./disclosure";
import { stakeholderGroupName } from "./texts";

/**
 * One contribution on a board, as the report may use it. Every note counts in the findings;
 * `quote` is set only when its author agreed to be quoted word for word, with the attribution
 * the event's rule allows (a stakeholder group under the Chatham House rule).
 */
export type NoteRecord = {
  id: string;
  text: string;
  category: string;
  roomId: string | null;
  /** The author's stakeholder group, or null when naming it could identify them (or there is no author). */
  group: string | null;
  votes: number;
  /** The facilitator's cluster on the room's board, if any. */
  clusterId: string | null;
  createdAt: string;
  quote: { attribution: string } | null;
};

export type RoomSummaryRecord = {
  observations: string;
  keyMessages: string[];
  proposedActions: string[];
  quotes: { text: string; attribution: string; consent: boolean }[];
};

export type RoomRecord = {
  id: string;
  name: string;
  question: string | null;
  position: number;
  boardId: string;
  categories: string[];
  summary: RoomSummaryRecord | null;
};

export type ClusterRecord = { id: string; label: string; category: string | null };

/** The plenary synthesis: copies of room notes (pointing to their original) in the facilitators' cross-room clusters. */
export type SynthesisRecord = {
  notes: { id: string; noteId: string; category: string; clusterId: string | null; votes: number }[];
  clusters: ClusterRecord[];
  categories: string[];
};

export type ActionRecord = {
  id: string;
  title: string;
  description: string;
  owner: string;
  dueDate: string | null;
  status: string;
  from: string | null;
  origin: "manual" | "drafted";
  reviewed: boolean;
  suggestedOwner: string;
  sourceNoteIds: string[];
  draftKey: string | null;
  progress: { note: string; at: string } | null;
};

export type Speaker = {
  id: string;
  name: string;
  title: string;
  organisation: string;
  contribution: string;
  quote: string;
  quoteConsent: boolean;
};

export type Participation = {
  registered: number;
  attended: number;
  organisations: number;
  /** Participants and distinct organisations per stakeholder group ("25 local governments"). */
  categories: { label: string; count: number; organisations: number }[];
  /** Countries with enough participants to name; the rest are counted in `otherCountries`. */
  countries: { country: string; count: number }[];
  otherCountries: { people: number; countries: number };
  cities: { city: string; country: string; count: number }[];
  gender: GenderFigures | null;
  /** Participating organisations by stakeholder group, without those left out of the list. */
  organisationList: { group: string; names: string[] }[];
  hiddenOrganisations: string[];
  /** Stakeholder groups large enough to be named as the source of what was said. */
  namedGroups: string[];
};

/** Everything a report is generated from, loaded once; themes, writers and sections are functions of it. */
export type ReportData = {
  locale: string;
  event: {
    slug: string;
    title: string;
    description: string;
    format: string;
    venue: string | null;
    timezone: string;
    startsAt: string;
    endsAt: string;
    languages: string[];
    chathamHouse: boolean;
    partners: string[];
    organisers: string[];
  };
  participation: Participation;
  /** The event's stakeholder groups, as the report names them. */
  stakeholderGroups: { key: string; label: string }[];
  agenda: { id: string; startsAt: string; endsAt: string; title: string; kind: string; speakers: Speaker[] }[];
  rooms: RoomRecord[];
  /** Every note of the rooms, plus notes written on the synthesis board itself. */
  notes: NoteRecord[];
  roomClusters: ClusterRecord[];
  synthesis: SynthesisRecord | null;
  actionItems: ActionRecord[];
  resources: { title: string; url: string }[];
  /** Names and organisations of everyone involved: never sent to a language model (see writing/redact.ts). */
  identities: { names: string[]; organisations: string[] };
};

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*[-*•]\s*/, "").trim())
    .filter(Boolean);

export function parseRoomSummary(s: {
  observations: string;
  keyMessages: string;
  proposedActions: string;
  quotesJson: string;
}): RoomSummaryRecord {
  const quotes = summaryQuotes.read(s.quotesJson).filter((q) => q.text.trim());
  return {
    observations: s.observations.trim(),
    keyMessages: lines(s.keyMessages),
    proposedActions: lines(s.proposedActions),
    quotes,
  };
}

export async function loadReportData(db: Db, eventId: string, locale: string): Promise<ReportData> {
  const event = await db.event.findUniqueOrThrow({
    where: { id: eventId },
    include: {
      agenda: { orderBy: { startsAt: "asc" }, include: { speakers: { orderBy: { position: "asc" } } } },
      resources: { orderBy: { position: "asc" } },
      roles: { include: { user: { select: { id: true, name: true } } } },
      categories: { orderBy: { position: "asc" } },
      report: { select: { hiddenOrganisationsJson: true } },
    },
  });
  const regs = await db.registration.findMany({
    where: { eventId },
    select: {
      userId: true,
      organisation: true,
      consentQuote: true,
      status: true,
      city: true,
      country: true,
      gender: true,
      checkedInAt: true,
      category: { select: { key: true, label: true, position: true } },
      user: { select: { name: true } },
    },
  });
  const regOf = new Map(regs.map((r) => [r.userId, r]));
  const organiserOrgs = [
    ...new Set(
      event.roles
        .filter((r) => r.role === "organiser")
        .map((r) => regOf.get(r.userId)?.organisation ?? "")
        .filter(Boolean),
    ),
  ];
  const confirmed = regs.filter((r) => r.status === "confirmed");
  // The organisers' own words (title, description, agenda, rooms, questions) in the report's language where given.
  const language = contentLanguage(locale, stringList.read(event.languagesJson));
  const own = inLanguage(event, event.translationsJson, language, ["title", "description"]);
  const groupName = (c: { key: string; label: string }) => stakeholderGroupName(locale, c.key, c.label);

  // Which groups are large enough to be named as the source of a contribution.
  const groupSize = new Map<string, { people: number; orgs: Set<string> }>();
  for (const r of confirmed) {
    if (!r.category) continue;
    const g = groupSize.get(r.category.key) ?? { people: 0, orgs: new Set<string>() };
    g.people++;
    if (r.organisation.trim()) g.orgs.add(organisationKey(r.organisation));
    groupSize.set(r.category.key, g);
  }
  const groupOf = (authorId: string | null): string | null => {
    const c = authorId ? regOf.get(authorId)?.category : null;
    const size = c ? groupSize.get(c.key) : undefined;
    if (!c || !size || !nameableGroup({ people: size.people, organisations: size.orgs.size })) return null;
    return groupName(c);
  };
  // Consent is per registration: organisers' and facilitators' own notes are quoted only if they registered and agreed too.
  const quoteOf = (authorId: string | null): NoteRecord["quote"] => {
    const r = authorId ? regOf.get(authorId) : undefined;
    if (!r || !r.consentQuote || r.status === "cancelled") return null;
    // Under the rule a quote names a stakeholder group, and only one large enough not to point at anyone.
    if (event.chathamHouse) return { attribution: groupOf(authorId) ?? "" };
    return {
      attribution: quoteAttribution(false, { name: r.user.name, category: null, organisation: r.organisation }),
    };
  };

  const boards = await db.board.findMany({
    where: { eventId },
    include: {
      room: { include: { summary: true, round: { select: { questionsJson: true, translationsJson: true } } } },
      clusters: { where: { deletedAt: null }, orderBy: { position: "asc" } },
      notes: {
        where: publicNoteFilter,
        include: { votes: { select: { dots: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  const roomBoards = boards
    .filter((b) => b.kind === "room" && b.room)
    .sort((a, b) => a.room!.position - b.room!.position);
  const rooms: RoomRecord[] = roomBoards.map((b) => ({
    id: b.room!.id,
    name: inLanguage(b.room!, b.room!.translationsJson, language, ["name"]).name,
    // Every question the room discussed: the round's for all rooms, then its own (in the report's language where given).
    question: questionsIn(b.room!.round, b.room!, language).join(" / ") || null,
    position: b.room!.position,
    boardId: b.id,
    categories: stringList.read(b.categoriesJson),
    summary: b.room!.summary ? parseRoomSummary(b.room!.summary) : null,
  }));
  const votesOf = (n: { votes: { dots: number }[] }) => n.votes.reduce((s, v) => s + v.dots, 0);
  const record = (
    n: (typeof boards)[number]["notes"][number],
    roomId: string | null,
    clusterId: string | null,
  ): NoteRecord => ({
    id: n.id,
    text: n.text,
    category: n.category,
    roomId,
    group: groupOf(n.authorId),
    votes: votesOf(n),
    clusterId,
    createdAt: n.createdAt.toISOString(),
    quote: quoteOf(n.authorId),
  });
  const notes: NoteRecord[] = [];
  const roomClusters: ClusterRecord[] = [];
  for (const b of roomBoards) {
    const live = new Set(b.clusters.map((c) => c.id));
    for (const n of b.notes)
      notes.push(record(n, b.room!.id, n.clusterId && live.has(n.clusterId) ? n.clusterId : null));
    for (const c of b.clusters) roomClusters.push({ id: c.id, label: c.label, category: c.category });
  }

  // The synthesis boards: copies of room notes point to their original; notes written there count on their own.
  const known = new Set(notes.map((n) => n.id));
  const synthesisBoards = boards.filter((b) => b.kind === "synthesis" && b.notes.length > 0);
  let synthesis: SynthesisRecord | null = null;
  if (synthesisBoards.length) {
    synthesis = { notes: [], clusters: [], categories: [] };
    for (const b of synthesisBoards) {
      const live = new Set(b.clusters.map((c) => c.id));
      for (const n of b.notes) {
        const original = n.sourceNoteId && known.has(n.sourceNoteId) ? n.sourceNoteId : null;
        if (!original)
          notes.push(
            record(n, n.originRoomId && rooms.some((r) => r.id === n.originRoomId) ? n.originRoomId : null, null),
          );
        synthesis.notes.push({
          id: n.id,
          noteId: original ?? n.id,
          category: n.category,
          clusterId: n.clusterId && live.has(n.clusterId) ? n.clusterId : null,
          votes: votesOf(n),
        });
      }
      for (const c of b.clusters) synthesis.clusters.push({ id: c.id, label: c.label, category: c.category });
      for (const c of stringList.read(b.categoriesJson))
        if (!synthesis.categories.includes(c)) synthesis.categories.push(c);
    }
  }

  const items = await db.actionItem.findMany({
    where: { eventId },
    include: {
      cluster: { select: { label: true } },
      updates: { where: { note: { not: "" } }, orderBy: { createdAt: "desc" }, take: 1 },
    },
    orderBy: [{ createdAt: "asc" }],
  });

  const hidden = stringList.read(event.report?.hiddenOrganisationsJson);
  const identities = {
    names: [
      ...new Set(
        [
          ...regs.map((r) => r.user.name),
          ...event.roles.map((r) => r.user.name),
          ...event.agenda.flatMap((a) => a.speakers.map((s) => s.name)),
        ].filter((n) => n.trim().length >= 3),
      ),
    ],
    organisations: [
      ...new Set(
        [...regs.map((r) => r.organisation), ...event.agenda.flatMap((a) => a.speakers.map((s) => s.organisation))]
          .map((o) => o.trim())
          .filter((o) => o.length >= 3),
      ),
    ],
  };

  return {
    locale,
    event: {
      slug: event.slug,
      title: own.title,
      description: own.description,
      format: event.format,
      venue: event.venue,
      timezone: event.timezone,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      languages: stringList.read(event.languagesJson),
      chathamHouse: event.chathamHouse,
      partners: stringList.read(event.partnersJson),
      organisers: stringList.read(event.organisationsJson).length
        ? stringList.read(event.organisationsJson)
        : organiserOrgs,
    },
    participation: {
      ...participationOf(confirmed, groupName, hidden),
      namedGroups: [...groupSize.entries()]
        .filter(([, g]) => nameableGroup({ people: g.people, organisations: g.orgs.size }))
        .map(([key]) => confirmed.find((r) => r.category?.key === key)!.category!)
        .sort((a, b) => a.position - b.position)
        .map(groupName),
    },
    stakeholderGroups: event.categories.map((c) => ({ key: c.key, label: groupName(c) })),
    agenda: event.agenda
      .map((item) => inLanguage(item, item.translationsJson, language, ["title"]))
      .map((a) => ({
        id: a.id,
        startsAt: a.startsAt.toISOString(),
        endsAt: a.endsAt.toISOString(),
        title: a.title,
        kind: a.kind,
        speakers: a.speakers.map((s) => ({
          id: s.id,
          name: s.name,
          title: s.title,
          organisation: s.organisation,
          contribution: s.contribution,
          quote: s.quote,
          quoteConsent: s.quoteConsent,
        })),
      })),
    rooms,
    notes,
    roomClusters,
    synthesis,
    actionItems: items.map(actionRecord),
    resources: event.resources.map((r) => ({ title: r.title, url: r.url })),
    identities,
  };
}

export function actionRecord(i: {
  id: string;
  title: string;
  description: string;
  owner: string;
  dueDate: string | null;
  status: string;
  origin: string;
  reviewedAt: Date | null;
  suggestedOwner: string;
  sourceNoteIdsJson: string;
  sourceLabel: string;
  draftKey: string | null;
  cluster: { label: string } | null;
  updates: { note: string; createdAt: Date }[];
}): ActionRecord {
  return {
    id: i.id,
    title: i.title,
    description: i.description,
    owner: i.owner,
    dueDate: i.dueDate,
    status: i.status,
    from: i.sourceLabel || i.cluster?.label || null,
    origin: i.origin === "drafted" ? "drafted" : "manual",
    reviewed: i.origin !== "drafted" || i.reviewedAt !== null,
    suggestedOwner: i.suggestedOwner,
    sourceNoteIds: stringList.read(i.sourceNoteIdsJson),
    draftKey: i.draftKey,
    progress: i.updates[0] ? { note: i.updates[0].note, at: i.updates[0].createdAt.toISOString() } : null,
  };
}

/** Figures from confirmed registrations only: who actually took a seat. */
function participationOf(
  regs: {
    organisation: string;
    city: string;
    country: string;
    gender: string | null;
    checkedInAt: Date | null;
    category: { key: string; label: string; position: number } | null;
  }[],
  groupName: (c: { key: string; label: string }) => string,
  hidden: string[],
): Omit<Participation, "namedGroups"> {
  const byName = (a: string, b: string) => a.localeCompare(b);
  const categories = new Map<string, { label: string; position: number; count: number; orgs: Set<string> }>();
  for (const r of regs) {
    if (!r.category) continue;
    const c = categories.get(r.category.key) ?? {
      label: groupName(r.category),
      position: r.category.position,
      count: 0,
      orgs: new Set<string>(),
    };
    c.count++;
    if (r.organisation.trim()) c.orgs.add(organisationKey(r.organisation));
    categories.set(r.category.key, c);
  }
  const countries = new Map<string, number>();
  for (const r of regs) if (r.country) countries.set(r.country, (countries.get(r.country) ?? 0) + 1);
  const countryRows = [...countries.entries()]
    .map(([country, count]) => ({ country, count }))
    .sort((a, b) => b.count - a.count || byName(a.country, b.country));
  const mergedCountries = mergeSmall(countryRows, MIN_COUNTRY_CELL);
  const cities = new Map<string, { city: string; country: string; count: number }>();
  for (const r of regs) {
    if (!r.city.trim()) continue;
    const k = `${organisationKey(r.city)}|${r.country}`;
    const c = cities.get(k) ?? { city: r.city.trim(), country: r.country, count: 0 };
    c.count++;
    cities.set(k, c);
  }

  // The organisation list: one spelling per organisation (the most used), by group, minus those left out.
  const hiddenKeys = new Set(hidden.map(organisationKey));
  const spellings = new Map<string, Map<string, number>>();
  const groupOfOrg = new Map<string, string>();
  for (const r of regs) {
    const name = r.organisation.trim();
    if (!name || isIndependent(name)) continue;
    const k = organisationKey(name);
    const s = spellings.get(k) ?? new Map<string, number>();
    s.set(name, (s.get(name) ?? 0) + 1);
    spellings.set(k, s);
    if (!groupOfOrg.has(k) && r.category) groupOfOrg.set(k, r.category.key);
  }
  const listed = new Map<string, string[]>();
  for (const [k, s] of spellings) {
    if (hiddenKeys.has(k)) continue;
    const name = [...s.entries()].sort((a, b) => b[1] - a[1] || byName(a[0], b[0]))[0]![0];
    const g = groupOfOrg.get(k) ?? "";
    listed.set(g, [...(listed.get(g) ?? []), name]);
  }
  const ordered = [...categories.entries()].sort((a, b) => a[1].position - b[1].position);
  const organisationList = [
    ...ordered.map(([key, c]) => ({ group: c.label, names: (listed.get(key) ?? []).sort(byName) })),
    { group: "", names: (listed.get("") ?? []).sort(byName) },
  ].filter((g) => g.names.length);

  return {
    registered: regs.length,
    attended: regs.filter((r) => r.checkedInAt).length,
    organisations: new Set(regs.map((r) => organisationKey(r.organisation)).filter(Boolean)).size,
    categories: ordered.map(([, c]) => ({ label: c.label, count: c.count, organisations: c.orgs.size })),
    countries: mergedCountries.rows,
    otherCountries: { people: mergedCountries.other, countries: mergedCountries.merged },
    cities: [...cities.values()].sort((a, b) => b.count - a.count || byName(a.city, b.city)),
    gender: genderFigures(regs.map((r) => r.gender)),
    organisationList,
    hiddenOrganisations: hidden,
  };
}
