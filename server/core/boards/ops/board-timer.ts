import { z } from "zod";
import { defineOp } from "./define";

export const boardTimer = defineOp({
  type: "board.timer",
  schema: z.object({ type: z.literal("board.timer"), minutes: z.number().int().min(0).max(240) }),
  access: { who: "staff" },
  async apply(ctx, op) {
    const now = ctx.now();
    const timerEndsAt = op.minutes ? new Date(now.getTime() + op.minutes * 60_000) : null;
    await ctx.tx.board.update({ where: { id: ctx.board.id }, data: { timerEndsAt } });
    return { data: { timerEndsAt: timerEndsAt?.toISOString() ?? null, serverNow: now.toISOString() } };
  },
  fold(s, d: { timerEndsAt: string | null; serverNow: string }) {
    s.timerEndsAt = d.timerEndsAt;
  },
});
