import type { Db } from "../../db/client";
import { forbidden, notFound, unauthenticated } from "../errors";
import { type Actor, allows, rolesOf } from "../permissions";

export type BoardAccess = {
  board: NonNullable<Awaited<ReturnType<typeof loadBoard>>>;
  userId: string;
  staff: boolean;
  canWrite: boolean;
  chathamHouse: boolean;
};

const loadBoard = (db: Db, boardId: string) =>
  db.board.findUnique({ where: { id: boardId }, include: { event: { select: { id: true, slug: true, title: true, chathamHouse: true, timezone: true } }, room: { select: { id: true, name: true, roundId: true } } } });

/**
 * Who may see and change a board: organisers, facilitators and rapporteurs
 * see every board of their event; a participant sees the board of the room
 * they are assigned to, and the plenary synthesis board read-only.
 */
export async function boardAccess(db: Db, actor: Actor, boardId: string): Promise<BoardAccess> {
  if (!actor) throw unauthenticated();
  const board = await loadBoard(db, boardId);
  if (!board) throw notFound("This board");
  const roles = await rolesOf(db, board.eventId, actor.userId);
  if (roles.length === 0) throw forbidden("You are not taking part in this event.");
  const staff = allows(roles, "breakout.manage");
  const base = { board, userId: actor.userId, staff, chathamHouse: board.event.chathamHouse };
  if (staff || roles.includes("rapporteur")) return { ...base, canWrite: true };
  if (!board.room) return { ...base, canWrite: false };
  const assigned = await db.roomAssignment.findUnique({ where: { roundId_userId: { roundId: board.room.roundId, userId: actor.userId } } });
  if (assigned?.roomId !== board.room.id) throw forbidden("This board belongs to another room.");
  return { ...base, canWrite: true };
}
