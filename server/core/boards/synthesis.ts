import { stringList } from "../json-columns";
import type { Db, DbLike, Tx } from "../../db/client";
import type { Note } from "../../db/generated/sqlite/client";
import { inSlices } from "../chunks";
// Both generated clients share Prisma's runtime, so its SQL fragments serve SQLite and PostgreSQL alike.
import { sqltag as sql } from "@prisma/client/runtime/client";
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

/** A note's copy on the synthesis board has an id derived from the note's, so a note is gathered once. */
const copyId = (noteId: string) => `s-${noteId}`.slice(0, 64);

/**
 * Copies every room's live notes of `category` not gathered yet onto the synthesis board, as
 * many as its note limit leaves room for (the oldest first; the rest wait for room): returns
 * the copies and how many are left behind.
 *
 * It runs a second after rooms post, for as long as they post, so it must not grow with the
 * event: the database finds the notes not gathered yet (their copy's id is absent) and returns
 * only as many as there is room for; the ones left behind are only counted. Reading every note of
 * the category through the ORM each time stalled the process ~100 ms a second at 4,000 people.
 */
export async function gatherNotes(
  tx: Tx,
  board: { id: string; eventId: string; maxNotes: number },
  category: string,
): Promise<{ pulled: Note[]; left: number }> {
  const room = Math.max(0, board.maxNotes - (await liveNoteCount(tx, board.id)));
  const notGathered = sql`FROM "Note" n JOIN "Board" b ON b."id" = n."boardId"
    WHERE b."eventId" = ${board.eventId} AND b."kind" = ${"room"} AND n."category" = ${category}
      AND n."deletedAt" IS NULL AND n."hidden" = ${false}
      AND NOT EXISTS (SELECT 1 FROM "Note" c WHERE c."id" = substr(${"s-"} || n."id", 1, 64))`;
  const next = await tx.$queryRaw<{ id: string; roomId: string | null }[]>`
    SELECT n."id", b."roomId" ${notGathered} ORDER BY n."createdAt" ASC, n."id" ASC LIMIT ${room + 1}`;
  const fresh = next.slice(0, room);
  const left =
    next.length > room
      ? Number((await tx.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS "n" ${notGathered}`)[0]?.n ?? 0) - room
      : 0;
  const sources = await inSlices(
    fresh.map((n) => n.id),
    (slice) => tx.note.findMany({ where: { id: { in: slice } } }),
  );
  const roomOf = new Map(fresh.map((n) => [n.id, n.roomId]));
  if (sources.length)
    await tx.note.createMany({
      data: sources.map((n) => ({
        id: copyId(n.id),
        boardId: board.id,
        authorId: n.authorId,
        category: n.category,
        text: n.text,
        originRoomId: roomOf.get(n.id) ?? null,
        sourceNoteId: n.id,
        createdAt: n.createdAt,
      })),
    });
  // Read back in slices: a full board's ids exceed a statement's parameter limit.
  const pulled = await inSlices(
    sources.map((n) => copyId(n.id)),
    (slice) => tx.note.findMany({ where: { id: { in: slice } }, orderBy: { createdAt: "asc" } }),
  );
  pulled.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return { pulled, left };
}

/** Categories a synthesis board keeps gathering as rooms post. */
export const gatheredCategories = (board: { gatherJson: string }) => stringList.read(board.gatherJson);
