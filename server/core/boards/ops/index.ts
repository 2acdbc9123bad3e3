import { z } from "zod";
import type { BoardState } from "../board-state";
import { boardLock } from "./board-lock";
import { boardPhase } from "./board-phase";
import { boardTimer } from "./board-timer";
import { clusterCreate } from "./cluster-create";
import { clusterDelete } from "./cluster-delete";
import { clusterMerge } from "./cluster-merge";
import { clusterRename } from "./cluster-rename";
import type { OpDef } from "./define";
import { id } from "./fields";
import { noteComment } from "./note-comment";
import { noteCreate } from "./note-create";
import { noteDelete } from "./note-delete";
import { noteHide } from "./note-hide";
import { noteMove } from "./note-move";
import { noteReact } from "./note-react";
import { noteUpdate } from "./note-update";
import { synthesisFollow } from "./synthesis-follow";
import { synthesisPull } from "./synthesis-pull";
import { voteSet } from "./vote-set";

/**
 * Every board operation, by type. A new operation is one file in this folder and one line
 * here: the protocol's union, the access rules, the server's apply and the client's fold all
 * come from this record (tests/unit/board-ops.test.ts checks that each entry is complete).
 */
export const OPS = {
  "note.create": noteCreate,
  "note.update": noteUpdate,
  "note.delete": noteDelete,
  "note.hide": noteHide,
  "note.move": noteMove,
  "note.react": noteReact,
  "note.comment": noteComment,
  "vote.set": voteSet,
  "cluster.create": clusterCreate,
  "cluster.rename": clusterRename,
  "cluster.delete": clusterDelete,
  "cluster.merge": clusterMerge,
  "board.phase": boardPhase,
  "board.lock": boardLock,
  "board.timer": boardTimer,
  "synthesis.pull": synthesisPull,
  "synthesis.follow": synthesisFollow,
} as const;

export type OpType = keyof typeof OPS;
type Def<K extends OpType> = (typeof OPS)[K];
type Schemas = { [K in OpType]: Def<K>["schema"] }[OpType];

/** What each operation's event carries, by type. */
export type EventData<K extends OpType> = Def<K> extends OpDef<K, z.ZodType<{ type: K }>, infer D> ? D : never;

/** The union of every operation a client may send, discriminated by `type`. */
export const operation = z.discriminatedUnion(
  "type",
  // The record's values in its order; each schema's `type` literal is its key (checked by the registry test).
  Object.values(OPS).map((d) => d.schema) as [Schemas, ...Schemas[]],
);
export type Operation = z.infer<typeof operation>;

export const envelope = z.object({ boardId: id, opId: id, op: operation });
export type Envelope = z.infer<typeof envelope>;

/** One operation's definition, typed for a server that has checked the operation's type. */
export const opOf = <K extends OpType>(type: K) =>
  OPS[type] as unknown as OpDef<K, z.ZodType<Extract<Operation, { type: K }>>, EventData<K>>;

export const isOpType = (type: string): type is OpType => Object.hasOwn(OPS, type);

/**
 * Folds one operation's event data into a client's board copy. The event's type and data
 * travel together in the contract's BoardEvent union; TypeScript cannot follow that pairing
 * through a lookup by key, so it is re-stated here once.
 */
export function foldOp<K extends OpType>(s: BoardState, type: K, data: EventData<K>) {
  (OPS[type].fold as (s: BoardState, d: EventData<K>) => void)(s, data);
}
