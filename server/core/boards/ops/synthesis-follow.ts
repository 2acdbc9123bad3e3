import { z } from "zod";
import { stringList } from "../../json-columns";
import type { NoteView } from "../note-view";
import { category } from "./fields";
import { defineOp, foldNotes } from "./define";
import { SYNTHESIS_ONLY } from "./synthesis-pull";

/** Synthesis board only: keep gathering a category's notes as rooms post them (or stop). */
export const synthesisFollow = defineOp({
  type: "synthesis.follow",
  schema: z.object({ type: z.literal("synthesis.follow"), category, on: z.boolean() }),
  access: { who: "staff", boards: SYNTHESIS_ONLY },
  async apply(ctx, op) {
    ctx.checkCategory(op.category);
    const gather = ctx.gathered().filter((c) => c !== op.category);
    if (op.on) gather.push(op.category);
    await ctx.tx.board.update({ where: { id: ctx.board.id }, data: { gatherJson: stringList.write(gather) } });
    // Following starts with what the rooms already have.
    const { pulled } = op.on ? await ctx.gather(op.category) : { pulled: [] };
    return {
      data: { category: op.category, on: op.on, gather, notes: await ctx.noteViews(pulled) },
      carried: pulled,
    };
  },
  fold(s, d: { category: string; on: boolean; gather: string[]; notes: NoteView[] }) {
    s.gather = d.gather;
    foldNotes(s, d.notes);
  },
});
