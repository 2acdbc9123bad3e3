import { z } from "zod";
import { forbidden } from "../../errors";
import { id } from "./fields";
import { defineOp } from "./define";

export const noteDelete = defineOp({
  type: "note.delete",
  schema: z.object({ type: z.literal("note.delete"), noteId: id }),
  access: { who: "writers" },
  async apply(ctx, op) {
    const note = await ctx.findNote(op.noteId);
    if (note.authorId !== ctx.me && !ctx.access.staff) throw forbidden("You can only delete your own notes.");
    await ctx.tx.note.update({ where: { id: note.id }, data: { deletedAt: ctx.now() } });
    return { data: { noteId: note.id } };
  },
  fold(s, d: { noteId: string }) {
    delete s.notes[d.noteId];
  },
});
