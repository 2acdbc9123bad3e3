import type { Db } from "../../db/client";
import type { NoteView } from "./protocol";

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
 * Labels authors by name, or under the Chatham House rule by their
 * stakeholder category only. The server keeps author ids; views never carry them.
 */
export async function authorLabels(db: Db, eventId: string, chathamHouse: boolean, authorIds: (string | null)[]) {
  const ids = [...new Set(authorIds.filter((x): x is string => !!x))];
  if (ids.length === 0)
    return Object.assign((id: string | null) => (id ? "Participant" : "Former participant"), {
      category: () => "Other",
    });
  const regs = await db.registration.findMany({
    where: { eventId, userId: { in: ids } },
    select: { userId: true, category: { select: { label: true } } },
  });
  // Under the Chatham House rule names are never shown, so they are not even read.
  const users = chathamHouse
    ? []
    : await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const label = new Map<string, string>();
  const category = new Map<string, string>();
  for (const id of ids) {
    const reg = regs.find((r) => r.userId === id);
    category.set(id, reg?.category?.label ?? "Other");
    if (chathamHouse) label.set(id, reg?.category?.label ?? "Participant");
    else label.set(id, users.find((u) => u.id === id)?.name ?? "Participant");
  }
  const fn = (id: string | null) => (id ? (label.get(id) ?? "Participant") : "Former participant");
  fn.category = (id: string | null) => (id ? (category.get(id) ?? "Other") : "Other");
  return fn;
}

export async function noteViews(db: Db, eventId: string, chathamHouse: boolean, notes: NoteRow[]): Promise<NoteView[]> {
  if (notes.length === 0) return [];
  const ids = notes.map((n) => n.id);
  const [votes, reactions, comments, rooms] = await Promise.all([
    db.vote.groupBy({ by: ["noteId"], where: { noteId: { in: ids } }, _sum: { dots: true } }),
    db.noteReaction.groupBy({ by: ["noteId", "emoji"], where: { noteId: { in: ids } }, _count: true }),
    db.noteComment.findMany({ where: { noteId: { in: ids }, deletedAt: null }, orderBy: { createdAt: "asc" } }),
    notes.some((n) => n.originRoomId)
      ? db.room.findMany({
          where: { id: { in: notes.map((n) => n.originRoomId).filter((x): x is string => !!x) } },
          select: { id: true, name: true },
        })
      : [],
  ]);
  const label = await authorLabels(db, eventId, chathamHouse, [
    ...notes.map((n) => n.authorId),
    ...comments.map((c) => c.authorId),
  ]);
  return notes.map((n) => ({
    id: n.id,
    category: n.category,
    text: n.text,
    authorLabel: label(n.authorId),
    authorCategory: label.category(n.authorId),
    clusterId: n.clusterId,
    hidden: n.hidden,
    version: n.version,
    votes: votes.find((v) => v.noteId === n.id)?._sum.dots ?? 0,
    reactions: Object.fromEntries(reactions.filter((r) => r.noteId === n.id).map((r) => [r.emoji, r._count])),
    comments: comments
      .filter((c) => c.noteId === n.id)
      .map((c) => ({ id: c.id, text: c.text, authorLabel: label(c.authorId), createdAt: c.createdAt.toISOString() })),
    originRoom: rooms.find((r) => r.id === n.originRoomId)?.name ?? null,
    createdAt: n.createdAt.toISOString(),
  }));
}

/** A note just created has no votes, reactions or comments yet: only its author's label needs a query. */
export async function newNoteView(db: Db, eventId: string, chathamHouse: boolean, n: NoteRow): Promise<NoteView> {
  if (n.originRoomId) return (await noteViews(db, eventId, chathamHouse, [n]))[0]!;
  const label = await authorLabels(db, eventId, chathamHouse, [n.authorId]);
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
