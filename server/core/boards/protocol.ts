import { z } from "zod";

/**
 * The board protocol: every change is an operation with a client-generated
 * id (so a retry is applied once) sent as `board:op`; the server answers
 * with an ack `{ok: true, data: {seq}}` or `{ok: false, error}` and
 * broadcasts `board:event` with the board's next sequence number.
 */
import { stripControls } from "../forms";
import { MAX_NOTE, PHASES, REACTIONS } from "./constants";

export { MAX_NOTE, PHASES, REACTIONS };
export type { Phase } from "./constants";

const id = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[\w-]+$/, "Ids are letters, digits, - and _.");
const text = z
  .string()
  .transform(stripControls)
  .pipe(z.string().trim().min(1, "Write something first.").max(MAX_NOTE, `Notes are at most ${MAX_NOTE} characters.`));
const label = z
  .string()
  .transform(stripControls)
  .pipe(z.string().trim().min(1, "Give the cluster a name.").max(120, "At most 120 characters."));
const category = z.string().trim().min(1).max(60);

export const operation = z.discriminatedUnion("type", [
  z.object({ type: z.literal("note.create"), noteId: id, category, text }),
  z.object({
    type: z.literal("note.update"),
    noteId: id,
    text: text.optional(),
    category: category.optional(),
    version: z.number().int().min(1),
  }),
  z.object({ type: z.literal("note.delete"), noteId: id }),
  z.object({ type: z.literal("note.hide"), noteId: id, hidden: z.boolean(), reason: z.string().max(300).optional() }),
  z.object({ type: z.literal("note.move"), noteId: id, clusterId: id.nullable() }),
  z.object({ type: z.literal("note.react"), noteId: id, emoji: z.enum(REACTIONS), on: z.boolean() }),
  z.object({
    type: z.literal("note.comment"),
    noteId: id,
    commentId: id,
    text: z.string().trim().min(1).max(200, "Comments are at most 200 characters."),
  }),
  z.object({ type: z.literal("vote.set"), noteId: id, dots: z.number().int().min(0).max(20) }),
  z.object({
    type: z.literal("cluster.create"),
    clusterId: id,
    label,
    category: category.nullable().optional(),
    noteIds: z.array(id).max(500).optional(),
  }),
  z.object({ type: z.literal("cluster.rename"), clusterId: id, label }),
  z.object({ type: z.literal("cluster.delete"), clusterId: id }),
  z.object({ type: z.literal("cluster.merge"), clusterId: id, fromClusterId: id }),
  z.object({ type: z.literal("board.phase"), phase: z.enum(PHASES) }),
  z.object({ type: z.literal("board.lock"), locked: z.boolean() }),
  z.object({ type: z.literal("board.timer"), minutes: z.number().int().min(0).max(240) }),
  // Synthesis board only: copy every room's notes of a category here, keeping their room of origin.
  z.object({ type: z.literal("synthesis.pull"), category }),
  // Synthesis board only: keep gathering a category's notes as rooms post them (or stop).
  z.object({ type: z.literal("synthesis.follow"), category, on: z.boolean() }),
]);
export type Operation = z.infer<typeof operation>;

export const envelope = z.object({ boardId: id, opId: id, op: operation });
export type Envelope = z.infer<typeof envelope>;

/** Operations only facilitators (and organisers) may send. */
export const STAFF_OPS = new Set<Operation["type"]>([
  "note.hide",
  "note.move",
  "cluster.create",
  "cluster.rename",
  "cluster.delete",
  "cluster.merge",
  "board.phase",
  "board.lock",
  "board.timer",
  "synthesis.pull",
  "synthesis.follow",
]);

export type NoteView = {
  id: string;
  category: string;
  text: string;
  /** The author's name, or only their stakeholder category under the Chatham House rule. */
  authorLabel: string;
  /** The author's stakeholder category, for the "author type" filter. */
  authorCategory: string;
  clusterId: string | null;
  hidden: boolean;
  version: number;
  votes: number;
  reactions: Record<string, number>;
  comments: { id: string; text: string; authorLabel: string; createdAt: string }[];
  originRoom: string | null;
  createdAt: string;
};

export type ClusterView = { id: string; label: string; category: string | null; position: number };

/** What a board broadcast carries; `data` depends on `type`. */
export type BoardEvent = { boardId: string; seq: number; opId: string; type: string; data: Record<string, unknown> };
