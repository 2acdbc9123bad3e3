import type { BoardState, ClientNote } from "../../server/core/boards/board-state";
import type { ClusterView } from "../../server/core/boards/note-view";
import { foldOp } from "../../server/core/boards/ops";
import { type BoardEvent, isRemoved } from "../../server/core/contract";

export type { BoardState, ClientNote };

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
 * sequence order, each once. Each operation's own fold (server/core/boards/ops)
 * says what its event does.
 */
export function applyEvent(state: BoardState, e: BoardEvent): BoardState {
  if (e.seq <= state.seq) return state;
  const s: BoardState = { ...state, seq: e.seq, notes: { ...state.notes }, clusters: { ...state.clusters } };
  // A refresh changes nothing by itself: the client reloads the board (BoardClient's onReset).
  if (e.type === "board.refresh") return s;
  // The server says this viewer may not see the note (hidden, private to its author, deleted).
  if (isRemoved(e.data)) {
    delete s.notes[e.data.noteId];
    return s;
  }
  foldOp(s, e.type, e.data);
  return s;
}
