import { z } from "zod";
import type { NoteView } from "../note-view";
import { id } from "./fields";
import { defineOp } from "./define";
import { msg } from "../../i18n/message";

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
            ? op.reason
              ? msg("boards.hiddenWithReason", { reason: op.reason })
              : msg("boards.hiddenByFacilitator")
            : msg("boards.shownAgain"),
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
