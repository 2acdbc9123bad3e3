import { z } from "zod";
import { PHASES, type Phase } from "../constants";
import type { NoteView } from "../note-view";
import { defineOp, foldNotes } from "./define";

export const boardPhase = defineOp({
  type: "board.phase",
  schema: z.object({ type: z.literal("board.phase"), phase: z.enum(PHASES) }),
  access: { who: "staff", onClosedBoard: true },
  async apply(ctx, op) {
    const { tx, board } = ctx;
    await tx.board.update({ where: { id: board.id }, data: { phase: op.phase } });
    // Leaving the write phase reveals everyone's notes at once.
    if (board.phase === "write" && op.phase !== "write") {
      const notes = await tx.note.findMany({
        where: { boardId: board.id, deletedAt: null, hidden: false },
        orderBy: { createdAt: "asc" },
      });
      return { data: { phase: op.phase, notes: await ctx.noteViews(notes) }, carried: notes, phase: op.phase };
    }
    return { data: { phase: op.phase }, phase: op.phase };
  },
  /** `reset`: going back to writing, a participant's view shrinks to their own notes (the page reloads). */
  fold(s, d: { phase: Phase; notes?: NoteView[]; reset?: boolean }) {
    s.phase = d.phase;
    foldNotes(s, d.notes);
  },
});
