import { z } from "zod";
import type { NoteView } from "../note-view";
import { id } from "./fields";
import { defineOp } from "./define";

export const noteHide = defineOp({
  type: "note.hide",
  schema: z.object({
    type: z.literal("note.hide"),
    noteId: id,
    hidden: z.boolean(),
    reason: z.string().max(300).optional(),
  }),
  access: { who: "staff" },
  async apply(ctx, op) {
    const note = await ctx.findNote(op.noteId);
    await ctx.tx.note.update({ where: { id: note.id }, data: { hidden: op.hidden } });
    const told = note.authorId
      ? {
          userId: note.authorId,
          message: op.hidden
            ? `A facilitator hid your note${op.reason ? `: ${op.reason}` : "."}`
            : "A facilitator showed your note again.",
        }
      : undefined;
    // Others see the note disappear; its author and the staff still see it, marked hidden (the policy decides).
    return {
      data: { note: await ctx.noteView(note.id) },
      carried: [{ ...note, hidden: op.hidden }],
      notifyAuthor: told,
    };
  },
  fold(s, d: { note: NoteView }) {
    s.notes[d.note.id] = { ...s.notes[d.note.id], ...d.note, pending: false };
  },
});
