import type { Db } from "../../db/client";
import { channels, type RealtimeBus } from "../bus";
import { PRESENCE_BEAT_MS, createPresenceBeat } from "../presence";
import { presenceFor } from "../visibility";

/** Who is on each board, announced on the presence beat as the visibility policy allows each audience. */
export function createBoardPresence({ db, bus, beatMs }: { db: Db; bus: RealtimeBus; beatMs?: number }) {
  return createPresenceBeat(beatMs ?? PRESENCE_BEAT_MS, async (boardId) => {
    const board = await db.board.findUnique({
      where: { id: boardId },
      select: { event: { select: { chathamHouse: true } } },
    });
    if (!board) return;
    const people = await bus.members(channels.board(boardId));
    const staff = channels.boardStaff(boardId);
    bus.publish(staff, "board:presence", { boardId, ...presenceFor(board.event.chathamHouse, true, people) });
    bus.publish(
      channels.board(boardId),
      "board:presence",
      { boardId, ...presenceFor(board.event.chathamHouse, false, people) },
      [staff],
    );
  });
}
