import type { Db } from "../../db/client";
import { forbidden, notFound, unauthenticated } from "../errors";
import { type Actor, type EventRole, allows, rolesOf } from "../permissions";

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
 * The access rule, on data already loaded: organisers, facilitators and
 * rapporteurs see and write on every board of their event, the secretariat reads them all; a participant sees the board of
 * the room they are assigned to, and the plenary synthesis board read-only.
 * `assignedRoomId` is the person's room in the board's round.
 */
export function decideAccess(roles: EventRole[], board: { room: { id: string } | null }, assignedRoomId: string | null): { staff: boolean; canWrite: boolean } | null {
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
  const board = await loadBoard(db, boardId);
  if (!board) throw notFound("This board");
  const roles = await rolesOf(db, board.eventId, actor.userId);
  if (roles.length === 0) throw forbidden("You are not taking part in this event.");
  const assigned = board.room ? await db.roomAssignment.findUnique({ where: { roundId_userId: { roundId: board.room.roundId, userId: actor.userId } } }) : null;
  const decision = decideAccess(roles, board, assigned?.roomId ?? null);
  if (!decision) throw forbidden("This board belongs to another room.");
  return { board, userId: actor.userId, chathamHouse: board.event.chathamHouse, ...decision };
}
