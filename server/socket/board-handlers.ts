import type { PlenarySocket } from "../infra/io";
import { z } from "zod";
import type { Core } from "../core";
import { DomainError, unauthenticated } from "../core/errors";
import { msg } from "../core/i18n/message";
import { handle } from "./ack";
import { announceOnDisconnect } from "./presence";
import type { RateLimits } from "../infra/rate-limits";

const boardRef = z.object({ boardId: z.string().min(8).max(64) });

/**
 * The board door. Operations are validated and applied by the core, which
 * broadcasts them; this adapter only checks the rate, joins the channels the
 * core names and answers every message with an ack.
 */
export function attachBoardHandlers(socket: PlenarySocket, core: Core, limits: RateLimits) {
  // This connection's board access decisions: a burst of its operations asks the database once.
  const access = core.boards.accessCache();
  handle(socket, core.log, "board:join", boardRef, async ({ boardId }, who) => {
    const joined = await core.boards.join(who, boardId, access);
    await socket.join(joined.channels);
    core.boards.presenceChanged(boardId);
    return { seq: joined.seq };
  });

  handle(socket, core.log, "board:leave", boardRef, async ({ boardId }) => {
    for (const c of core.boards.leave(boardId).channels) await socket.leave(c);
    core.boards.presenceChanged(boardId);
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
      const wait = await limits.boardOp(who.userId);
      if (wait > 0)
        throw new DomainError(
          "rate_limited",
          msg("common.tooFast", { seconds: Math.ceil(wait / 1000) }),
          {},
          { retryAfterMs: wait },
        );
      return core.boards.apply(who, input, access);
    },
  );

  handle(
    socket,
    core.log,
    "board:sync",
    boardRef.extend({ afterSeq: z.number().int().min(0) }),
    ({ boardId, afterSeq }, who) => core.boards.sync(who, boardId, afterSeq),
  );

  announceOnDisconnect(socket, "board:", async (boardId) => core.boards.presenceChanged(boardId));
}
