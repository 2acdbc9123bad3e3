import type { ClusterView, NoteView } from "./note-view";

/** A note as a client holds it: the server's view, whether it is this person's, and whether it is still being sent. */
export type ClientNote = NoteView & { mine?: boolean; pending?: boolean };

/** A board as a client holds it, folded from the snapshot and the events after it (ops/*.ts fold each event). */
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
