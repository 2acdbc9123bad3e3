import { z } from "zod";
import { conflict } from "../../errors";
import { id } from "./fields";
import { defineOp } from "./define";

export const voteSet = defineOp({
  type: "vote.set",
  schema: z.object({ type: z.literal("vote.set"), noteId: id, dots: z.number().int().min(0).max(20) }),
  access: { who: "writers", phases: { only: ["vote"], refusal: "Voting is open only during the vote phase." } },
  async apply(ctx, op) {
    const { tx, board, me } = ctx;
    const note = await ctx.findNote(op.noteId);
    if (note.hidden) throw conflict("This note is hidden.");
    const mine = await tx.vote.findMany({ where: { boardId: board.id, userId: me } });
    const used = mine.reduce((sum, v) => sum + (v.noteId === op.noteId ? 0 : v.dots), 0);
    if (used + op.dots > board.dotBudget)
      throw conflict(`You have ${board.dotBudget} dots on this board and ${board.dotBudget - used} left.`);
    if (op.dots === 0) await tx.vote.deleteMany({ where: { noteId: op.noteId, userId: me } });
    else
      await tx.vote.upsert({
        where: { noteId_userId: { noteId: op.noteId, userId: me } },
        create: { boardId: board.id, noteId: op.noteId, userId: me, dots: op.dots },
        update: { dots: op.dots },
      });
    const total = await tx.vote.aggregate({ where: { noteId: op.noteId }, _sum: { dots: true } });
    return { data: { noteId: op.noteId, votes: total._sum.dots ?? 0 } };
  },
  fold(s, d: { noteId: string; votes: number }) {
    const n = s.notes[d.noteId];
    if (n) s.notes[n.id] = { ...n, votes: d.votes };
  },
});
