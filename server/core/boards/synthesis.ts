import { stringList } from "../json-columns";
import type { Db, DbLike, Tx } from "../../db/client";
import type { Note } from "../../db/generated/sqlite/client";
import { inSlices } from "../chunks";
import { liveNoteCount } from "./hot-path";
import { BOARD_CATEGORIES } from "./category-names";

/**
 * The plenary synthesis board: one per event with breakouts, where
 * facilitators gather every room's notes (each keeping its room of origin)
 * and cluster across rooms; its clusters are what the report reads first.
 * Its id is derived from the event's, so creating it twice at once (two
 * rounds created together, or a page creating it lazily) makes one board.
 */
export const synthesisBoardId = (eventId: string) => `synthesis-${eventId}`.slice(0, 64);
export const SYNTHESIS_TITLE = "Plenary synthesis";

/** The event's synthesis board (created if missing); its categories grow to hold every round's. */
export async function ensureSynthesisBoard(db: DbLike, eventId: string, categories: readonly string[] = []) {
  const existing = await db.board.findFirst({
    where: { eventId, kind: "synthesis" },
    orderBy: { createdAt: "asc" },
    select: { id: true, categoriesJson: true },
  });
  if (existing) {
    const have = stringList.read(existing.categoriesJson);
    const more = categories.filter((c) => !have.includes(c));
    if (more.length)
      await db.board.update({
        where: { id: existing.id },
        data: { categoriesJson: stringList.write([...have, ...more]) },
      });
    return existing.id;
  }
  const id = synthesisBoardId(eventId);
  const wanted = stringList.write(categories.length ? [...categories] : [...BOARD_CATEGORIES]);
  // Someone creating it at this very moment wins the primary key, and theirs serves: ON CONFLICT
  // keeps this statement (and the transaction around it) from failing, on SQLite and PostgreSQL alike.
  await db.$executeRaw`INSERT INTO "Board" ("id", "eventId", "kind", "title", "categoriesJson", "createdAt")
    VALUES (${id}, ${eventId}, ${"synthesis"}, ${SYNTHESIS_TITLE}, ${wanted}, ${new Date()})
    ON CONFLICT ("id") DO NOTHING`;
  return id;
}

/**
 * For events that had breakout rounds before synthesis boards came with
 * them: the board is made the first time someone lists the event's boards.
 */
export async function ensureSynthesisForRounds(db: Db, eventId: string): Promise<boolean> {
  const rounds = await db.breakoutRound.findMany({ where: { eventId }, select: { categoriesJson: true } });
  if (!rounds.length) return false;
  const categories = [...new Set(rounds.flatMap((r) => stringList.read(r.categoriesJson)))];
  await ensureSynthesisBoard(db, eventId, categories);
  return true;
}

/**
 * Copies every room's live notes of `category` not gathered yet onto the synthesis board, as
 * many as its note limit leaves room for (the oldest first; the rest wait for room): returns
 * the copies and how many are left behind.
 */
export async function gatherNotes(
  tx: Tx,
  board: { id: string; eventId: string; maxNotes: number },
  category: string,
): Promise<{ pulled: Note[]; left: number }> {
  const sources = await tx.note.findMany({
    where: { category, deletedAt: null, hidden: false, board: { eventId: board.eventId, kind: "room" } },
    include: { board: { select: { roomId: true } } },
    orderBy: { createdAt: "asc" },
  });
  const already = new Set(
    (
      await tx.note.findMany({
        where: { boardId: board.id, sourceNoteId: { not: null } },
        select: { sourceNoteId: true },
      })
    ).map((n) => n.sourceNoteId),
  );
  const candidates = sources.filter((n) => !already.has(n.id));
  const room = Math.max(0, board.maxNotes - (await liveNoteCount(tx, board.id)));
  const fresh = candidates.slice(0, room);
  const copyId = (noteId: string) => `s-${noteId}`.slice(0, 64);
  if (fresh.length)
    await tx.note.createMany({
      data: fresh.map((n) => ({
        id: copyId(n.id),
        boardId: board.id,
        authorId: n.authorId,
        category: n.category,
        text: n.text,
        originRoomId: n.board.roomId,
        sourceNoteId: n.id,
        createdAt: n.createdAt,
      })),
    });
  // Read back in slices: a full board's ids exceed a statement's parameter limit.
  const pulled = await inSlices(
    fresh.map((n) => copyId(n.id)),
    (slice) => tx.note.findMany({ where: { id: { in: slice } }, orderBy: { createdAt: "asc" } }),
  );
  pulled.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return { pulled, left: candidates.length - fresh.length };
}

/** Categories a synthesis board keeps gathering as rooms post. */
export const gatheredCategories = (board: { gatherJson: string }) => stringList.read(board.gatherJson);
