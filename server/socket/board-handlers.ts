import type { Server, Socket } from "socket.io";
import { z } from "zod";
import type { Core } from "../core";
import { channels } from "../core/bus";
import { DomainError, unauthenticated } from "../core/errors";
import { handle } from "./ack";
import { announceOnDisconnect } from "./presence";
import { createRateLimiter } from "./rate-limit";

const boardRef = z.object({ boardId: z.string().min(8).max(64) });
// 20 operations at once, then 10 a second, per person.
const limiter = createRateLimiter(20, 10);

async function announcePresence(io: Server, core: Core, boardId: string) {
  io.to(channels.board(boardId)).emit("board:presence", {
    boardId,
    people: await core.bus.members(channels.board(boardId)),
  });
}

/**
 * The board door. Operations are validated and applied by the core, which
 * broadcasts them; this adapter only checks the rate, joins channels and
 * answers every message with an ack.
 */
export function attachBoardHandlers(io: Server, socket: Socket, core: Core) {
  handle(socket, core.log, "board:join", boardRef, async ({ boardId }, who) => {
    const a = await core.boards.access(who, boardId);
    await socket.join(channels.board(boardId));
    if (a.staff) await socket.join(channels.boardStaff(boardId));
    await announcePresence(io, core, boardId);
    return { seq: a.board.seq };
  });

  handle(socket, core.log, "board:leave", boardRef, async ({ boardId }) => {
    await socket.leave(channels.board(boardId));
    await socket.leave(channels.boardStaff(boardId));
    await announcePresence(io, core, boardId);
    return { left: boardId };
  });

  // The payload is validated by the core against the protocol's union of operations.
  handle(
    socket,
    core.log,
    "board:op",
    z.object({ boardId: z.string(), opId: z.string(), op: z.unknown() }).passthrough(),
    async (input, who) => {
      if (!who) throw unauthenticated();
      const wait = limiter.take(who.userId);
      if (wait > 0)
        throw new DomainError("rate_limited", `You are sending changes very fast: wait ${Math.ceil(wait / 1000)} s.`, {
          retryAfterMs: [String(wait)],
        });
      return core.boards.apply(who, input);
    },
  );

  handle(
    socket,
    core.log,
    "board:sync",
    boardRef.extend({ afterSeq: z.number().int().min(0) }),
    ({ boardId, afterSeq }, who) => core.boards.sync(who, boardId, afterSeq),
  );

  announceOnDisconnect(socket, "board:", (boardId) => announcePresence(io, core, boardId));
}
