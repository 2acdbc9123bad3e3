import { questionsOf } from "../breakouts/questions";
import type { Db } from "../../db/client";
import type { ClusteringEngine } from "../clustering/engine";

/** One finding: a cluster of notes (a facilitator's, or grouped automatically when nobody clustered). */
export type ClusterFinding = {
  label: string;
  category: string;
  notes: number;
  votes: number;
  rooms: string[];
  automatic: boolean;
  /** Texts of the cluster's notes whose authors consented to be quoted, most voted first, with their attribution. */
  quotable: Quote[];
};
export type Quote = { text: string; attribution: string; votes: number };

export type FindingGroup = {
  title: string;
  question: string | null;
  rooms: string[];
  categories: string[];
  clusters: ClusterFinding[];
  notes: number;
};

/** Everything a report is generated from, loaded once; the section generators are pure functions of it. */
export type ReportData = {
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
  participation: {
    registered: number;
    attended: number;
    organisations: number;
    categories: { label: string; count: number }[];
    countries: { country: string; count: number }[];
    cities: { city: string; country: string; count: number }[];
  };
  agenda: {
    startsAt: string;
    endsAt: string;
    title: string;
    kind: string;
    speakers: { name: string; title: string; organisation: string }[];
  }[];
  findings: FindingGroup[];
  synthesis: FindingGroup | null;
  actionItems: { title: string; owner: string; dueDate: string | null; status: string; from: string | null }[];
  quotes: Quote[];
  resources: { title: string; url: string }[];
  roomCount: number;
};

const parseList = (json: string) => {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};

export async function loadReportData(db: Db, eventId: string, engine: ClusteringEngine): Promise<ReportData> {
  const event = await db.event.findUniqueOrThrow({
    where: { id: eventId },
    include: {
      agenda: { orderBy: { startsAt: "asc" }, include: { speakers: { orderBy: { position: "asc" } } } },
      resources: { orderBy: { position: "asc" } },
      roles: { where: { role: "organiser" }, include: { user: { select: { id: true } } } },
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
      checkedInAt: true,
      category: { select: { label: true, position: true } },
      user: { select: { name: true } },
    },
  });
  const regOf = new Map(regs.map((r) => [r.userId, r]));
  const organiserOrgs = [...new Set(event.roles.map((r) => regOf.get(r.userId)?.organisation ?? "").filter(Boolean))];

  const attribution = (authorId: string | null) => {
    const r = authorId ? regOf.get(authorId) : undefined;
    if (event.chathamHouse) return r?.category?.label ?? "Participant";
    return [r?.user.name, r?.organisation].filter(Boolean).join(", ") || "Participant";
  };
  // Consent is per registration: organisers' and facilitators' own notes are quoted only if they registered and agreed too.
  const consented = (authorId: string | null) =>
    !!authorId && regOf.get(authorId)?.consentQuote === true && regOf.get(authorId)?.status !== "cancelled";

  const boards = await db.board.findMany({
    where: { eventId },
    include: {
      room: {
        select: {
          id: true,
          name: true,
          question: true,
          position: true,
          round: { select: { title: true, questionsJson: true } },
        },
      },
      clusters: { where: { deletedAt: null }, orderBy: { position: "asc" } },
      notes: {
        where: { deletedAt: null, hidden: false },
        include: { votes: { select: { dots: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  const roomName = new Map(boards.filter((b) => b.room).map((b) => [b.room!.id, b.room!.name]));

  async function group(board: (typeof boards)[number], title: string, question: string | null): Promise<FindingGroup> {
    const categories = parseList(board.categoriesJson);
    const notes = board.notes.map((n) => ({
      ...n,
      votes: n.votes.reduce((s, v) => s + v.dots, 0),
      room: board.room ? board.room.name : n.originRoomId ? (roomName.get(n.originRoomId) ?? null) : null,
    }));
    const finding = (label: string, category: string, members: typeof notes, automatic: boolean): ClusterFinding => ({
      label,
      category,
      notes: members.length,
      votes: members.reduce((s, n) => s + n.votes, 0),
      rooms: [...new Set(members.map((n) => n.room).filter((r): r is string => !!r))].sort(),
      automatic,
      quotable: members
        .filter((n) => consented(n.authorId))
        .sort((a, b) => b.votes - a.votes || a.createdAt.getTime() - b.createdAt.getTime())
        .map((n) => ({ text: n.text, attribution: attribution(n.authorId), votes: n.votes })),
    });
    const clusters: ClusterFinding[] = [];
    const live = new Set(board.clusters.map((c) => c.id));
    for (const c of board.clusters) {
      const members = notes.filter((n) => n.clusterId === c.id);
      if (members.length) clusters.push(finding(c.label, c.category ?? members[0]!.category, members, false));
    }
    // Notes nobody clustered are grouped automatically, so the report still shows their themes.
    for (const category of categories) {
      const loose = notes.filter((n) => n.category === category && (!n.clusterId || !live.has(n.clusterId)));
      if (loose.length < 2) continue;
      const s = await engine.suggest(loose.map((n) => ({ id: n.id, text: n.text })));
      for (const c of s.clusters)
        clusters.push(
          finding(
            c.label,
            category,
            loose.filter((n) => c.noteIds.includes(n.id)),
            true,
          ),
        );
    }
    return {
      title,
      question,
      rooms: board.room
        ? [board.room.name]
        : [...new Set(notes.map((n) => n.room).filter((r): r is string => !!r))].sort(),
      categories,
      clusters,
      notes: notes.length,
    };
  }

  const roomBoards = boards
    .filter((b) => b.kind === "room" && b.room)
    .sort((a, b) => a.room!.position - b.room!.position);
  const findings: FindingGroup[] = [];
  for (const b of roomBoards) {
    // Every question the room discussed: the round's for all rooms, then its own.
    const questions = questionsOf(b.room!.round.questionsJson, b.room!.question);
    findings.push(await group(b, b.room!.name, questions.length ? questions.join(" / ") : null));
  }
  const synthesisBoard = boards.find((b) => b.kind === "synthesis" && b.notes.length > 0);
  const synthesis = synthesisBoard ? await group(synthesisBoard, synthesisBoard.title, null) : null;

  const items = await db.actionItem.findMany({
    where: { eventId },
    include: { cluster: { select: { label: true } }, note: { select: { text: true } } },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
  });
  const allQuotes = [...findings, ...(synthesis ? [synthesis] : [])].flatMap((g) =>
    g.clusters.flatMap((c) => c.quotable),
  );
  const seen = new Set<string>();
  const quotes = allQuotes
    .sort((a, b) => b.votes - a.votes)
    .filter((q) => (seen.has(q.text) ? false : (seen.add(q.text), true)));

  return {
    event: {
      slug: event.slug,
      title: event.title,
      description: event.description,
      format: event.format,
      venue: event.venue,
      timezone: event.timezone,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      languages: parseList(event.languagesJson),
      chathamHouse: event.chathamHouse,
      partners: parseList(event.partnersJson),
      organisers: parseList(event.organisationsJson).length ? parseList(event.organisationsJson) : organiserOrgs,
    },
    participation: participationOf(regs.filter((r) => r.status === "confirmed")),
    agenda: event.agenda.map((a) => ({
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      title: a.title,
      kind: a.kind,
      speakers: a.speakers.map((s) => ({ name: s.name, title: s.title, organisation: s.organisation })),
    })),
    findings,
    synthesis,
    actionItems: items.map((i) => ({
      title: i.title,
      owner: i.owner,
      dueDate: i.dueDate,
      status: i.status,
      from: i.cluster?.label ?? null,
    })),
    quotes,
    resources: event.resources.map((r) => ({ title: r.title, url: r.url })),
    roomCount: roomBoards.length,
  };
}

/** Figures from confirmed registrations only: who actually took a seat. */
function participationOf(
  regs: {
    organisation: string;
    city: string;
    country: string;
    checkedInAt: Date | null;
    category: { label: string; position: number } | null;
  }[],
): ReportData["participation"] {
  const tally = <K>(key: (r: (typeof regs)[number]) => K | null) => {
    const m = new Map<string, { key: K; count: number }>();
    for (const r of regs) {
      const k = key(r);
      if (k === null) continue;
      const id = JSON.stringify(k);
      const e = m.get(id);
      if (e) e.count++;
      else m.set(id, { key: k, count: 1 });
    }
    return [...m.values()];
  };
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    registered: regs.length,
    attended: regs.filter((r) => r.checkedInAt).length,
    organisations: new Set(regs.map((r) => r.organisation.trim().toLowerCase()).filter(Boolean)).size,
    categories: tally((r) => (r.category ? { label: r.category.label, position: r.category.position } : null))
      .sort((a, b) => a.key.position - b.key.position)
      .map((e) => ({ label: e.key.label, count: e.count })),
    countries: tally((r) => r.country || null)
      .sort((a, b) => b.count - a.count || byName(a.key, b.key))
      .map((e) => ({ country: e.key, count: e.count })),
    cities: tally((r) => (r.city ? { city: r.city.trim(), country: r.country } : null))
      .sort((a, b) => b.count - a.count || byName(a.key.city, b.key.city))
      .map((e) => ({ ...e.key, count: e.count })),
  };
}
