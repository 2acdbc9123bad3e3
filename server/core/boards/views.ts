import type { Db } from "../../db/client";
import { inSlices } from "../chunks";
import { authorLabel } from "../visibility";
import type { NoteView } from "./note-view";

type NoteRow = {
  id: string;
  category: string;
  text: string;
  authorId: string | null;
  clusterId: string | null;
  hidden: boolean;
  version: number;
  originRoomId: string | null;
  createdAt: Date;
};

/**
 * Labels authors as the visibility policy says: by name, or under the Chatham
 * House rule by their stakeholder category only; a deleted account (no author
 * id any more) is a former participant. The server keeps author ids; views
 * never carry them.
 */
export async function authorLabels(db: Db, eventId: string, chathamHouse: boolean, authorIds: (string | null)[]) {
  const ids = [...new Set(authorIds.filter((x): x is string => !!x))];
  const [regs, users] = await Promise.all([
    inSlices(ids, (slice) =>
      db.registration.findMany({
        where: { eventId, userId: { in: slice } },
        select: { userId: true, category: { select: { label: true } } },
      }),
    ),
    // Under the Chatham House rule names are never shown, so they are not even read.
    chathamHouse
      ? Promise.resolve([] as { id: string; name: string }[])
      : inSlices(ids, (slice) => db.user.findMany({ where: { id: { in: slice } }, select: { id: true, name: true } })),
  ]);
  const category = new Map(regs.map((r) => [r.userId, r.category?.label ?? null]));
  const name = new Map(users.map((u) => [u.id, u.name]));
  const fn = (id: string | null) =>
    authorLabel(chathamHouse, id ? { name: name.get(id) ?? null, category: category.get(id) ?? null } : null);
  fn.category = (id: string | null) => (id ? (category.get(id) ?? "Other") : "Other");
  return fn;
}

export async function noteViews(db: Db, eventId: string, chathamHouse: boolean, notes: NoteRow[]): Promise<NoteView[]> {
  if (notes.length === 0) return [];
  const ids = notes.map((n) => n.id);
  const originIds = [...new Set(notes.map((n) => n.originRoomId).filter((x): x is string => !!x))];
  const [votes, reactions, comments, rooms] = await Promise.all([
    inSlices(ids, (slice) =>
      db.vote.groupBy({ by: ["noteId"], where: { noteId: { in: slice } }, _sum: { dots: true } }),
    ),
    inSlices(ids, (slice) =>
      db.noteReaction.groupBy({ by: ["noteId", "emoji"], where: { noteId: { in: slice } }, _count: true }),
    ),
    inSlices(ids, (slice) =>
      db.noteComment.findMany({
        where: { noteId: { in: slice }, deletedAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      }),
    ),
    inSlices(originIds, (slice) =>
      db.room.findMany({ where: { id: { in: slice } }, select: { id: true, name: true } }),
    ),
  ]);
  const label = await authorLabels(db, eventId, chathamHouse, [
    ...notes.map((n) => n.authorId),
    ...comments.map((c) => c.authorId),
  ]);
  const votesOf = new Map(votes.map((v) => [v.noteId, v._sum.dots ?? 0]));
  const reactionsOf = new Map<string, Record<string, number>>();
  for (const r of reactions)
    (reactionsOf.get(r.noteId) ?? reactionsOf.set(r.noteId, {}).get(r.noteId)!)[r.emoji] = r._count;
  const commentsOf = new Map<string, NoteView["comments"]>();
  for (const c of comments)
    (commentsOf.get(c.noteId) ?? commentsOf.set(c.noteId, []).get(c.noteId)!).push({
      id: c.id,
      text: c.text,
      authorLabel: label(c.authorId),
      createdAt: c.createdAt.toISOString(),
    });
  const roomName = new Map(rooms.map((r) => [r.id, r.name]));
  return notes.map((n) => ({
    id: n.id,
    category: n.category,
    text: n.text,
    authorLabel: label(n.authorId),
    authorCategory: label.category(n.authorId),
    clusterId: n.clusterId,
    hidden: n.hidden,
    version: n.version,
    votes: votesOf.get(n.id) ?? 0,
    reactions: reactionsOf.get(n.id) ?? {},
    comments: commentsOf.get(n.id) ?? [],
    originRoom: n.originRoomId ? (roomName.get(n.originRoomId) ?? null) : null,
    createdAt: n.createdAt.toISOString(),
  }));
}

/** A note just created has no votes, reactions or comments yet: only its author's label needs a query. */
export async function newNoteView(db: Db, eventId: string, chathamHouse: boolean, n: NoteRow): Promise<NoteView> {
  if (n.originRoomId) return (await noteViews(db, eventId, chathamHouse, [n]))[0]!;
  return labelledNewNote(await authorLabels(db, eventId, chathamHouse, [n.authorId]), n);
}

/** A new note's view with its author's label already read (a batch reads its authors' labels together). */
export function labelledNewNote(label: Awaited<ReturnType<typeof authorLabels>>, n: NoteRow): NoteView {
  return {
    id: n.id,
    category: n.category,
    text: n.text,
    authorLabel: label(n.authorId),
    authorCategory: label.category(n.authorId),
    clusterId: n.clusterId,
    hidden: n.hidden,
    version: n.version,
    votes: 0,
    reactions: {},
    comments: [],
    originRoom: null,
    createdAt: n.createdAt.toISOString(),
  };
}
