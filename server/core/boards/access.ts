import type { Db } from "../../db/client";
import { forbidden, notFound, unauthenticated } from "../errors";
import type { Board } from "../../db/generated/sqlite/client";
import { type Actor, type EventRole, allows } from "../permissions";
import { msg } from "../i18n/message";

export type BoardAccess = {
  board: LoadedBoard;
  userId: string;
  staff: boolean;
  canWrite: boolean;
  chathamHouse: boolean;
};

type LoadedBoard = Board & {
  event: { id: string; slug: string; title: string; chathamHouse: boolean; timezone: string };
  room: { id: string; name: string; roundId: string } | null;
};

type Row = Board & {
  eventSlug: string;
  eventTitle: string;
  chathamHouse: boolean;
  eventTimezone: string;
  roomName: string | null;
  roundId: string | null;
  assignedRoomId: string | null;
  role: string | null;
};

/**
 * The board, its event and room, the person's room in the board's round and
 * their roles in the event, in one raw statement (one row per role): every
 * board operation starts here, and Prisma 6 compiles each ORM query on the
 * main thread (see hot-path.ts).
 */
async function loadBoard(
  db: Db,
  boardId: string,
  userId: string,
): Promise<{ board: LoadedBoard; roles: EventRole[]; assignedRoomId: string | null } | null> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT b."id", b."eventId", b."roomId", b."kind", b."title", b."categoriesJson", b."phase", b."locked", b."dotBudget", b."maxNotes", b."seq", b."timerEndsAt", b."gatherJson", b."createdAt",
      e."slug" AS "eventSlug", e."title" AS "eventTitle", e."chathamHouse" AS "chathamHouse", e."timezone" AS "eventTimezone",
      r."name" AS "roomName", r."roundId" AS "roundId", ra."roomId" AS "assignedRoomId", er."role" AS "role"
    FROM "Board" b
    JOIN "Event" e ON e."id" = b."eventId"
    LEFT JOIN "Room" r ON r."id" = b."roomId"
    LEFT JOIN "RoomAssignment" ra ON ra."roundId" = r."roundId" AND ra."userId" = ${userId}
    LEFT JOIN "EventRole" er ON er."eventId" = b."eventId" AND er."userId" = ${userId}
    WHERE b."id" = ${boardId}`;
  const r = rows[0];
  if (!r) return null;
  const board: LoadedBoard = {
    id: r.id,
    eventId: r.eventId,
    roomId: r.roomId,
    kind: r.kind,
    title: r.title,
    categoriesJson: r.categoriesJson,
    phase: r.phase,
    locked: Boolean(r.locked),
    dotBudget: Number(r.dotBudget),
    maxNotes: Number(r.maxNotes),
    seq: Number(r.seq),
    timerEndsAt: r.timerEndsAt,
    gatherJson: r.gatherJson,
    createdAt: r.createdAt,
    event: {
      id: r.eventId,
      slug: r.eventSlug,
      title: r.eventTitle,
      chathamHouse: Boolean(r.chathamHouse),
      timezone: r.eventTimezone,
    },
    room: r.roomId ? { id: r.roomId, name: r.roomName!, roundId: r.roundId! } : null,
  };
  const roles = [...new Set(rows.map((x) => x.role).filter((x): x is string => !!x))] as EventRole[];
  return { board, roles, assignedRoomId: r.assignedRoomId };
}

/**
 * The access rule, on data already loaded: organisers, facilitators and
 * rapporteurs see and write on every board of their event, the secretariat reads them all; a participant sees the board of
 * the room they are assigned to, and the plenary synthesis board read-only.
 * `assignedRoomId` is the person's room in the board's round.
 */
export function decideAccess(
  roles: EventRole[],
  board: { room: { id: string } | null },
  assignedRoomId: string | null,
): { staff: boolean; canWrite: boolean } | null {
  if (roles.length === 0) return null;
  const staff = allows(roles, "breakout.manage");
  if (staff || roles.includes("rapporteur")) return { staff, canWrite: true };
  // The secretariat reads every board to write the report, and posts on none.
  if (roles.includes("secretariat")) return { staff, canWrite: false };
  if (!board.room) return { staff, canWrite: false };
  return assignedRoomId === board.room.id ? { staff, canWrite: true } : null;
}

export async function boardAccess(db: Db, actor: Actor, boardId: string): Promise<BoardAccess> {
  if (!actor) throw unauthenticated();
  const loaded = await loadBoard(db, boardId, actor.userId);
  if (!loaded) throw notFound("board");
  const { board, roles, assignedRoomId } = loaded;
  if (roles.length === 0) throw forbidden(msg("access.notTakingPart"));
  const decision = decideAccess(roles, board, assignedRoomId);
  if (!decision) throw forbidden(msg("boards.otherRoom"));
  return { board, userId: actor.userId, chathamHouse: board.event.chathamHouse, ...decision };
}
