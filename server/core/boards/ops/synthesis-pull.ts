import { z } from "zod";
import type { NoteView } from "../note-view";
import { category } from "./fields";
import { defineOp, foldNotes } from "./define";

export const SYNTHESIS_ONLY = {
  only: "synthesis",
  refusal: "Only the synthesis board gathers notes from the rooms.",
} as const;

/** Synthesis board only: copy every room's notes of a category here, keeping their room of origin. */
export const synthesisPull = defineOp({
  type: "synthesis.pull",
  schema: z.object({ type: z.literal("synthesis.pull"), category }),
  access: { who: "staff", boards: SYNTHESIS_ONLY },
  async apply(ctx, op) {
    ctx.checkCategory(op.category);
    const { pulled, left } = await ctx.gather(op.category);
    // Nothing fits: the board is full, said as every full board says it.
    if (!pulled.length && left > 0) await ctx.assertRoomFor(left);
    return { data: { category: op.category, notes: await ctx.noteViews(pulled), left }, carried: pulled };
  },
  fold(s, d: { category: string; notes: NoteView[]; left: number }) {
    foldNotes(s, d.notes);
  },
});
