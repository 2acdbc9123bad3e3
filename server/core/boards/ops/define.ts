import type { z } from "zod";
import type { Tx } from "../../../db/client";
import type { Board, Cluster, Note } from "../../../db/generated/sqlite/client";
import type { BoardAccess } from "../access";
import type { BoardState } from "../board-state";
import type { Phase } from "../constants";
import type { NoteView } from "../note-view";

/*
 * One board operation, in one file: what a client sends (schema), who may send it and when
 * (access), what it does to the database (apply, on the server) and what its event does to a
 * board a client holds (fold, in the browser). The browser imports these files for the folds,
 * so they import the server only as types: apply reaches the database through its context.
 */

/** A note as the visibility policy needs it, for the notes an event carries. */
export type CarriedNote = { id: string; authorId: string | null; hidden: boolean; deletedAt: Date | null };

/**
 * What an operation did, for the caller to log and broadcast (apply itself broadcasts nothing,
 * so several operations can share one transaction): the event's data, the notes whose content
 * it carries, the board's phase afterwards when it changed, and a word for a note's author.
 */
export type Effect<D> = {
  data: D;
  carried?: CarriedNote[];
  phase?: Phase;
  notifyAuthor?: { userId: string; message: string };
};

/** What apply may use: the transaction, the board as this transaction reads it, and the rules' shared helpers. */
export type OpContext = {
  tx: Tx;
  access: BoardAccess;
  board: Board;
  /** The person sending the operation. */
  me: string;
  now(): Date;
  /** A live note of this board the sender may read; otherwise not found, as if absent. */
  findNote(noteId: string): Promise<Note>;
  /** A live cluster of this board; otherwise not found. */
  findCluster(clusterId: string): Promise<Cluster>;
  /** Refuses adding this many notes to a board at its note limit. */
  assertRoomFor(adding: number): Promise<void>;
  /** Refuses a category the board does not have. */
  checkCategory(category: string): void;
  /** Inserts a new note by the sender (the hot path); a second note with its id fails on the key. */
  insertNote(n: { id: string; category: string; text: string }): Promise<{ view: NoteView; carried: CarriedNote }>;
  /** Notes as the board's viewers see them (author labels under the event's rule). */
  noteViews(notes: Note[]): Promise<NoteView[]>;
  noteView(noteId: string): Promise<NoteView>;
  /** How a person is named beside what they wrote, under the event's rule. */
  authorLabel(userId: string): Promise<string>;
  /** Synthesis board: copies the rooms' notes of a category not gathered yet, as many as fit. */
  gather(category: string): Promise<{ pulled: Note[]; left: number }>;
  /** Synthesis board: the categories it keeps gathering. */
  gathered(): string[];
};

export type OpAccess = {
  /** Who may send it: anyone who may write on the board, or only its facilitators (and organisers). */
  who: "writers" | "staff";
  /** The phases it applies in (every phase when absent), and what is said in the others. */
  phases?: { only: readonly Phase[]; refusal: string };
  /** The kind of board it applies to (every kind when absent), and what is said on the others. */
  boards?: { only: "room" | "synthesis"; refusal: string };
  /** Staff may still send it on a closed board: what reopens or unlocks one. */
  onClosedBoard?: boolean;
};

export type OpDef<T extends string, S extends z.ZodType<{ type: T }>, D> = {
  type: T;
  schema: S;
  access: OpAccess;
  /**
   * Posting a note is the hot path: it uses the board as the access check read it instead of
   * reading it again, and a retry is refused by the note's primary key, not looked up first.
   */
  hotPath?: boolean;
  apply(ctx: OpContext, op: z.infer<S>): Promise<Effect<D>>;
  /**
   * The event applied to a client's board. `s` is already a copy whose `notes` and `clusters`
   * records may be changed; the notes and clusters in them are replaced, never changed in place.
   */
  fold(s: BoardState, data: D): void;
};

export const defineOp = <T extends string, S extends z.ZodType<{ type: T }>, D>(def: OpDef<T, S, D>) => def;

/** Notes an event brings in whole (a reveal, a gathering), merged over what the client had. */
export function foldNotes(s: BoardState, notes: readonly NoteView[] | undefined) {
  for (const n of notes ?? []) s.notes[n.id] = { ...s.notes[n.id], ...n };
}
