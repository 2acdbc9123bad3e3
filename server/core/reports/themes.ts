import type { ClusteringEngine } from "../clustering/engine";
import type { NoteRecord, ReportData } from "./data";

/**
 * A theme of the findings: notes that say one thing, with how broadly it was raised. Cross-room
 * themes come first (the facilitators' synthesis clusters, else notes grouped across rooms);
 * then what was particular to each room (the facilitator's clusters, else grouped automatically).
 */
export type Theme = {
  id: string;
  label: string;
  category: string;
  scope: "cross" | "room";
  /** The room, for a room's own theme. */
  roomId: string | null;
  automatic: boolean;
  /** Most central first: the notes that best say what the theme is about. */
  noteIds: string[];
  /** Room ids, in the rooms' order. */
  rooms: string[];
  /** Stakeholder groups with their number of notes, most first; null is "other participants". */
  groups: { group: string | null; notes: number }[];
  votes: number;
};

/** A problem and a way forward on the same subject ("information reaches few women" ↔ "multilingual outreach"). */
export type ThemePair = {
  problem: string;
  solution: string;
  similarity: number;
  /** The two notes, one from each theme, that come closest: the clearest way to say how they meet. */
  notes: [string, string];
};

export type ThemeSet = {
  themes: Theme[];
  /** Notes in no theme, per room (null: written on the synthesis board), so they are still reported. */
  others: { roomId: string | null; noteIds: string[] }[];
  pairs: ThemePair[];
};

/** Barriers and challenges are problems; opportunities and actions are ways forward (in any of the four languages). */
export function categoryKind(category: string): "problem" | "solution" | "other" {
  if (/challeng|barrier|obstacle|problem|risk|gap|concern|défi|desaf|barrera|تحد|عائق|عوائق/i.test(category))
    return "problem";
  if (
    /opportunit|action|recommend|solution|proposal|idea|next|commit|opportunit|oportunidad|acci|propuesta|فرص|إجراء|توصي/i.test(
      category,
    )
  )
    return "solution";
  return "other";
}

/** Two subjects meet above this cosine between the themes' centres. */
const PAIR_MIN = 0.25;
const NOTE_PAIR_MIN = 0.3;
/** A theme's subject, for pairing, is read from this many of its most central notes. */
const PAIR_NOTES = 4;
const usable = (r: Float32Array | undefined): r is Float32Array => !!r && r.some((x) => x !== 0);

const dot = (a: Float32Array, b: Float32Array) => {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j]! * b[j]!;
  return s;
};
function centre(rows: Float32Array[]): Float32Array | null {
  if (!rows.length) return null;
  const c = new Float32Array(rows[0]!.length);
  for (const r of rows) for (let j = 0; j < c.length; j++) c[j]! += r[j]!;
  const n = Math.sqrt(dot(c, c));
  if (n === 0) return null;
  for (let j = 0; j < c.length; j++) c[j]! /= n;
  return c;
}

export async function buildThemes(d: ReportData, engine: ClusteringEngine): Promise<ThemeSet> {
  const byId = new Map(d.notes.map((n) => [n.id, n]));
  const roomOrder = new Map(d.rooms.map((r, i) => [r.id, i]));
  const categoryOrder = [
    ...new Set([
      ...d.rooms.flatMap((r) => r.categories),
      ...(d.synthesis?.categories ?? []),
      ...d.notes.map((n) => n.category),
    ]),
  ];
  // Vectors are asked for only where the engine's own clusters do not say what is central
  // (facilitators' clusters) and where themes are compared (problems and ways forward).
  // Each call's vectors are relative to the notes of that call (the engine centres them), so
  // they are compared only with each other.
  const vectorize = async (ids: string[]) => {
    const unique = [...new Set(ids)];
    const rows = new Map<string, Float32Array>();
    if (!unique.length) return rows;
    const v = await engine.vectorize(unique.map((id) => ({ id, text: byId.get(id)!.text })));
    unique.forEach((id, i) => rows.set(id, v.rows[i]!));
    return rows;
  };
  // Votes on the synthesis board add to the notes they copy: the plenary's priorities.
  const extraVotes = new Map<string, number>();
  for (const s of d.synthesis?.notes ?? []) extraVotes.set(s.noteId, (extraVotes.get(s.noteId) ?? 0) + s.votes);
  const votesOf = (n: NoteRecord) => n.votes + (extraVotes.get(n.id) ?? 0);

  type Draft = Omit<Theme, "id" | "rooms" | "groups" | "votes"> & { representativeId?: string };
  const drafts: Draft[] = [];
  const covered = new Set<string>();
  const add = (t: Draft) => {
    const ids = [...new Set(t.noteIds)].filter((id) => byId.has(id) && !covered.has(id));
    if (!ids.length) return null;
    ids.forEach((id) => covered.add(id));
    const draft = { ...t, noteIds: ids };
    drafts.push(draft);
    return draft;
  };
  const roomsOf = (ids: string[]) => new Set(ids.map((id) => byId.get(id)?.roomId).filter(Boolean));
  const suggest = async (ids: string[]) =>
    ids.length < 2
      ? { clusters: [] as { label: string; noteIds: string[]; representativeId: string }[], unclustered: ids }
      : engine.suggest(ids.map((id) => ({ id, text: byId.get(id)!.text })));
  const facilitatorLabel = (ids: string[]) => {
    const labels = new Map<string, { label: string; n: number }>();
    for (const id of ids) {
      const c = d.roomClusters.find((x) => x.id === byId.get(id)?.clusterId);
      if (!c) continue;
      const k = c.label.trim().toLowerCase();
      labels.set(k, { label: c.label.trim(), n: (labels.get(k)?.n ?? 0) + 1 });
    }
    const top = [...labels.values()].sort((a, b) => b.n - a.n)[0];
    return top && top.n * 2 >= ids.length ? top.label : null;
  };

  // 1. Across the rooms: the facilitators' synthesis where they made one, category by category.
  const synthesised = new Set(d.synthesis?.notes.map((n) => n.category) ?? []);
  if (d.synthesis) {
    for (const c of d.synthesis.clusters) {
      const members = d.synthesis.notes.filter((n) => n.clusterId === c.id);
      if (!members.length) continue;
      add({
        label: c.label,
        category: c.category ?? members[0]!.category,
        scope: "cross",
        roomId: null,
        automatic: false,
        noteIds: members.map((n) => n.noteId),
      });
    }
    for (const category of categoryOrder) {
      const loose = [
        ...new Set(d.synthesis.notes.filter((n) => n.category === category && !n.clusterId).map((n) => n.noteId)),
      ].filter((id) => !covered.has(id));
      const s = await suggest(loose);
      for (const c of s.clusters)
        if (roomsOf(c.noteIds).size >= 2)
          add({
            label: c.label,
            category,
            scope: "cross",
            roomId: null,
            automatic: true,
            noteIds: c.noteIds,
            representativeId: c.representativeId,
          });
    }
  }
  // A category nobody brought to the synthesis board: notes of all rooms are grouped together,
  // and groups that span rooms are its cross-room themes.
  if (d.rooms.length >= 2)
    for (const category of categoryOrder) {
      if (synthesised.has(category)) continue;
      const ids = d.notes.filter((n) => n.category === category && n.roomId && !covered.has(n.id)).map((n) => n.id);
      const s = await suggest(ids);
      for (const c of s.clusters)
        if (roomsOf(c.noteIds).size >= 2)
          add({
            label: facilitatorLabel(c.noteIds) ?? c.label,
            category,
            scope: "cross",
            roomId: null,
            automatic: true,
            noteIds: c.noteIds,
            representativeId: c.representativeId,
          });
    }
  // A facilitator's room cluster that mostly went into one cross-room theme goes there whole: it was one subject.
  for (const c of d.roomClusters) {
    const members = d.notes.filter((n) => n.clusterId === c.id).map((n) => n.id);
    const inCross = members.filter((id) => covered.has(id));
    if (!inCross.length || inCross.length === members.length || inCross.length * 2 < members.length) continue;
    const host = drafts
      .filter((t) => t.scope === "cross")
      .map((t) => ({ t, n: t.noteIds.filter((id) => inCross.includes(id)).length }))
      .sort((a, b) => b.n - a.n)[0]?.t;
    if (!host) continue;
    for (const id of members)
      if (!covered.has(id)) {
        host.noteIds.push(id);
        covered.add(id);
      }
  }

  // 2. What was particular to each room.
  const others: ThemeSet["others"] = [];
  for (const room of d.rooms) {
    const rest = d.notes.filter((n) => n.roomId === room.id && !covered.has(n.id));
    for (const c of d.roomClusters) {
      const members = rest.filter((n) => n.clusterId === c.id);
      if (members.length)
        add({
          label: c.label,
          category: c.category ?? members[0]!.category,
          scope: "room",
          roomId: room.id,
          automatic: false,
          noteIds: members.map((n) => n.id),
        });
    }
    const left: string[] = [];
    for (const category of categoryOrder) {
      const loose = rest.filter((n) => n.category === category && !covered.has(n.id)).map((n) => n.id);
      const s = await suggest(loose);
      for (const c of s.clusters)
        add({
          label: c.label,
          category,
          scope: "room",
          roomId: room.id,
          automatic: true,
          noteIds: c.noteIds,
          representativeId: c.representativeId,
        });
      left.push(...loose.filter((id) => !covered.has(id)));
    }
    if (left.length) others.push({ roomId: room.id, noteIds: left });
  }
  const orphans = d.notes.filter((n) => !covered.has(n.id) && !others.some((o) => o.noteIds.includes(n.id)));
  if (orphans.length) others.push({ roomId: null, noteIds: orphans.map((n) => n.id) });

  // The most central notes first: for a facilitator's cluster, by closeness to its centre; for
  // the engine's own, its representative note, then the most voted.
  const rowOf = await vectorize(drafts.filter((t) => !t.automatic).flatMap((t) => t.noteIds));
  const themes: Theme[] = drafts.map((t) => {
    const notes = t.noteIds.map((id) => byId.get(id)!);
    const c = t.automatic ? null : centre(notes.map((n) => rowOf.get(n.id)).filter(usable));
    const score = (n: NoteRecord) =>
      t.automatic ? (n.id === t.representativeId ? 1 : 0) : c && rowOf.get(n.id) ? dot(rowOf.get(n.id)!, c) : 0;
    const ordered = [...notes].sort(
      (a, b) => score(b) - score(a) || votesOf(b) - votesOf(a) || a.createdAt.localeCompare(b.createdAt),
    );
    const groups = new Map<string | null, number>();
    for (const n of notes) groups.set(n.group, (groups.get(n.group) ?? 0) + 1);
    return {
      label: t.label,
      category: t.category,
      scope: t.scope,
      roomId: t.roomId,
      automatic: t.automatic,
      id: "",
      noteIds: ordered.map((n) => n.id),
      rooms: [...roomsOf(t.noteIds)].sort((a, b) => roomOrder.get(a!)! - roomOrder.get(b!)!) as string[],
      groups: [...groups.entries()]
        .map(([group, n]) => ({ group, notes: n }))
        .sort((a, b) => b.notes - a.notes || (a.group ?? "~").localeCompare(b.group ?? "~")),
      votes: notes.reduce((s, n) => s + votesOf(n), 0),
    };
  });
  const weight = (a: Theme, b: Theme) =>
    b.rooms.length - a.rooms.length ||
    b.groups.filter((g) => g.group).length - a.groups.filter((g) => g.group).length ||
    b.noteIds.length - a.noteIds.length ||
    b.votes - a.votes ||
    a.label.localeCompare(b.label);
  const scopeOrder = (t: Theme) => (t.scope === "cross" ? -1 : roomOrder.get(t.roomId!)!);
  const order = themes.sort(
    (a, b) =>
      scopeOrder(a) - scopeOrder(b) ||
      categoryOrder.indexOf(a.category) - categoryOrder.indexOf(b.category) ||
      weight(a, b),
  );
  order.forEach((t, i) => (t.id = `t${i + 1}`));

  // Problems met by a way forward on the same subject, the closest first, each theme in one pair at most.
  // A theme's subject is read from its most central notes.
  const problems = order.filter((t) => categoryKind(t.category) === "problem");
  const solutions = order.filter((t) => categoryKind(t.category) === "solution");
  const core = (t: Theme) => t.noteIds.slice(0, PAIR_NOTES);
  const pairRows =
    problems.length && solutions.length ? await vectorize([...problems, ...solutions].flatMap(core)) : new Map();
  const centreOf = new Map(
    order.map((t) => [
      t.id,
      centre(
        core(t)
          .map((id) => pairRows.get(id))
          .filter(usable),
      ),
    ]),
  );
  const candidates: ThemePair[] = [];
  for (const p of problems)
    for (const s of solutions) {
      const a = centreOf.get(p.id);
      const b = centreOf.get(s.id);
      const similarity = a && b ? dot(a, b) : 0;
      if (similarity >= PAIR_MIN) candidates.push({ problem: p.id, solution: s.id, similarity, notes: ["", ""] });
    }
  const used = new Set<string>();
  const pairs: ThemePair[] = [];
  const themeOf = new Map(order.map((t) => [t.id, t]));
  for (const c of candidates.sort((a, b) => b.similarity - a.similarity)) {
    if (used.has(c.problem) || used.has(c.solution)) continue;
    let best: { sim: number; notes: [string, string] } | null = null;
    for (const a of core(themeOf.get(c.problem)!))
      for (const b of core(themeOf.get(c.solution)!)) {
        const ra = pairRows.get(a);
        const rb = pairRows.get(b);
        const sim = ra && rb ? dot(ra, rb) : 0;
        if (!best || sim > best.sim) best = { sim, notes: [a, b] };
      }
    // Themes close on average but with no two notes that speak to each other are not a pair.
    if (!best || best.sim < NOTE_PAIR_MIN) continue;
    used.add(c.problem);
    used.add(c.solution);
    pairs.push({ ...c, notes: best.notes });
  }
  return { themes: order, others, pairs };
}
