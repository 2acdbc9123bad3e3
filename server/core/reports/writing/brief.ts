import { DateTime } from "luxon";
import type { NoteRecord, ReportData } from "../data";
import { reportTexts } from "../texts";
import type { ThemeSet } from "../themes";
import type { BriefNote, BriefTheme, WriterBrief } from "./contract";

export const FACT_IDS = { participation: "f-participation", programme: "f-programme", actions: "f-actions" } as const;

/** What the writers get: themes with their figures and notes (text, room, group, votes), and the facts they may state. */
export function buildBrief(
  d: ReportData,
  set: ThemeSet,
  actionCount: number,
  quoted: Set<string> = new Set(),
): WriterBrief {
  const t = reportTexts(d.locale);
  const roomName = new Map(d.rooms.map((r) => [r.id, r.name]));
  const byId = new Map(d.notes.map((n) => [n.id, n]));
  const note = (n: NoteRecord): BriefNote => ({
    id: n.id,
    text: n.text,
    category: n.category,
    room: n.roomId ? (roomName.get(n.roomId) ?? null) : null,
    group: n.group,
    votes: n.votes,
    quoted: quoted.has(n.id),
  });
  const topVotes = new Map<string, number>();
  const scopeKey = (x: { scope: string; roomId: string | null }) => (x.scope === "cross" ? "cross" : x.roomId!);
  for (const th of set.themes) topVotes.set(scopeKey(th), Math.max(topVotes.get(scopeKey(th)) ?? 0, th.votes));
  const themes: BriefTheme[] = set.themes.map((th) => ({
    id: th.id,
    label: th.label,
    category: th.category,
    categoryName: t.categoryNames(th.category),
    scope: th.scope,
    rooms: th.rooms.map((r) => roomName.get(r)!).filter(Boolean),
    groups: th.groups,
    votes: th.votes,
    notes: th.noteIds.map((id) => note(byId.get(id)!)),
    mostVoted:
      th.votes > 0 &&
      th.votes === topVotes.get(scopeKey(th)) &&
      set.themes.filter((x) => scopeKey(x) === scopeKey(th) && x.votes === th.votes).length === 1,
  }));
  const p = d.participation;
  const speakers = new Set(
    d.agenda.filter((a) => a.kind === "panel").flatMap((a) => a.speakers.map((s) => s.name.trim().toLowerCase())),
  );
  return {
    locale: d.locale,
    chathamHouse: d.event.chathamHouse,
    rooms: d.rooms.map((r) => r.name),
    groups: p.namedGroups,
    facts: {
      participation: {
        id: FACT_IDS.participation,
        registered: p.registered,
        attended: p.attended,
        organisations: p.organisations,
        countries: p.countries.length + p.otherCountries.countries,
        groups: p.categories.length,
      },
      programme: {
        id: FACT_IDS.programme,
        date: DateTime.fromISO(d.event.startsAt, { zone: d.event.timezone })
          .setLocale(d.locale)
          .toLocaleString(DateTime.DATE_FULL),
        speakers: speakers.size,
        rooms: d.rooms.map((r) => r.name),
      },
      actions: { id: FACT_IDS.actions, count: actionCount },
    },
    themes,
    pairs: set.pairs,
    others: set.others.map((o) => ({
      key: o.roomId ?? "",
      room: o.roomId ? (roomName.get(o.roomId) ?? "") : "",
      notes: o.noteIds.map((id) => note(byId.get(id)!)),
    })),
  };
}
