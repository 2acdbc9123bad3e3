import type { BoardEvent, ClusterView, NoteView } from "../../server/core/boards/protocol";

export type ClientNote = NoteView & { mine?: boolean; pending?: boolean };

export type BoardState = {
  seq: number;
  phase: string;
  locked: boolean;
  timerEndsAt: string | null;
  /** Synthesis board: the categories it keeps gathering as rooms post. */
  gather?: string[];
  notes: Record<string, ClientNote>;
  clusters: Record<string, ClusterView>;
};

/** A board's state from the server's snapshot (over HTTP, or after a reload). */
export const fromSnapshot = (s: {
  board: { seq: number; phase: string; locked: boolean; timerEndsAt: string | null; gather?: string[] };
  notes: ClientNote[];
  clusters: ClusterView[];
}): BoardState => ({
  seq: s.board.seq,
  phase: s.board.phase,
  locked: s.board.locked,
  timerEndsAt: s.board.timerEndsAt,
  gather: s.board.gather ?? [],
  notes: Object.fromEntries(s.notes.map((n) => [n.id, n])),
  clusters: Object.fromEntries(s.clusters.map((c) => [c.id, c])),
});

/**
 * Applies one server event to a board's state. Pure, so the browser, the
 * tests and the benchmarks converge the same way; events are applied in
 * sequence order, each once.
 */
export function applyEvent(state: BoardState, e: BoardEvent): BoardState {
  if (e.seq <= state.seq) return state;
  const s: BoardState = { ...state, seq: e.seq, notes: { ...state.notes }, clusters: { ...state.clusters } };
  const d = e.data as Record<string, unknown>;
  const note = d.note as NoteView | undefined;
  // The server says this viewer may not see the note (hidden, private to its author, deleted).
  if (d.removed) {
    delete s.notes[d.noteId as string];
    return s;
  }
  switch (e.type) {
    case "note.create":
    case "note.update":
    case "note.hide":
      if (note) s.notes[note.id] = { ...s.notes[note.id], ...note, pending: false };
      break;
    case "note.delete":
      delete s.notes[d.noteId as string];
      break;
    case "note.move":
      if (s.notes[d.noteId as string])
        s.notes[d.noteId as string] = { ...s.notes[d.noteId as string]!, clusterId: d.clusterId as string | null };
      break;
    case "note.react":
      if (s.notes[d.noteId as string])
        s.notes[d.noteId as string] = {
          ...s.notes[d.noteId as string]!,
          reactions: d.reactions as Record<string, number>,
        };
      break;
    case "note.comment": {
      const n = s.notes[d.noteId as string];
      const c = d.comment as NoteView["comments"][number] | undefined;
      if (n && c && !n.comments.some((x) => x.id === c.id)) s.notes[n.id] = { ...n, comments: [...n.comments, c] };
      break;
    }
    case "vote.set":
      if (s.notes[d.noteId as string])
        s.notes[d.noteId as string] = { ...s.notes[d.noteId as string]!, votes: d.votes as number };
      break;
    case "cluster.create": {
      const c = d.cluster as ClusterView;
      s.clusters[c.id] = c;
      for (const id of (d.noteIds as string[]) ?? [])
        if (s.notes[id]) s.notes[id] = { ...s.notes[id]!, clusterId: c.id };
      break;
    }
    case "cluster.rename": {
      const c = d.cluster as ClusterView;
      s.clusters[c.id] = c;
      break;
    }
    case "cluster.delete":
      delete s.clusters[d.clusterId as string];
      for (const n of Object.values(s.notes))
        if (n.clusterId === d.clusterId) s.notes[n.id] = { ...n, clusterId: null };
      break;
    case "cluster.merge":
      delete s.clusters[d.fromClusterId as string];
      for (const n of Object.values(s.notes))
        if (n.clusterId === d.fromClusterId) s.notes[n.id] = { ...n, clusterId: d.clusterId as string };
      break;
    case "board.phase":
      s.phase = d.phase as string;
      for (const n of (d.notes as NoteView[] | undefined) ?? []) s.notes[n.id] = { ...s.notes[n.id], ...n };
      break;
    case "synthesis.pull":
      for (const n of (d.notes as NoteView[] | undefined) ?? []) s.notes[n.id] = { ...s.notes[n.id], ...n };
      break;
    case "synthesis.follow":
      s.gather = d.gather as string[];
      for (const n of (d.notes as NoteView[] | undefined) ?? []) s.notes[n.id] = { ...s.notes[n.id], ...n };
      break;
    case "board.lock":
      s.locked = d.locked as boolean;
      break;
    case "board.timer":
      s.timerEndsAt = d.timerEndsAt as string | null;
      break;
  }
  return s;
}
