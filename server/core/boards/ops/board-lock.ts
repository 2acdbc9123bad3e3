import { z } from "zod";
import { defineOp } from "./define";

export const boardLock = defineOp({
  type: "board.lock",
  schema: z.object({ type: z.literal("board.lock"), locked: z.boolean() }),
  access: { who: "staff", onClosedBoard: true },
  async apply(ctx, op) {
    await ctx.tx.board.update({ where: { id: ctx.board.id }, data: { locked: op.locked } });
    return { data: { locked: op.locked } };
  },
  fold(s, d: { locked: boolean }) {
    s.locked = d.locked;
  },
});
