import { z } from "zod";
import { DomainError, forbidden } from "../../errors";
import type { NoteView } from "../note-view";
import { category, id, noteText } from "./fields";
import { defineOp } from "./define";

export const noteUpdate = defineOp({
  type: "note.update",
  schema: z.object({
    type: z.literal("note.update"),
    noteId: id,
    text: noteText.optional(),
    category: category.optional(),
    version: z.number().int().min(1),
  }),
  access: { who: "writers" },
  async apply(ctx, op) {
    const note = await ctx.findNote(op.noteId);
    if (note.authorId !== ctx.me && !ctx.access.staff) throw forbidden("You can only edit your own notes.");
    // Last writer wins per field, but only on the version the writer saw.
    const updated = await ctx.tx.note.updateMany({
      where: { id: note.id, version: op.version },
      data: {
        ...(op.text !== undefined ? { text: op.text } : {}),
        ...(op.category !== undefined ? { category: op.category } : {}),
        version: { increment: 1 },
      },
    });
    if (updated.count === 0)
      throw new DomainError(
        "conflict",
        "Someone changed this note while you were editing it. Here is the latest version; apply your change again if it still makes sense.",
        {},
        { latest: { note: await ctx.noteView(note.id) } },
      );
    return { data: { note: await ctx.noteView(note.id) }, carried: [note] };
  },
  fold(s, d: { note: NoteView }) {
    s.notes[d.note.id] = { ...s.notes[d.note.id], ...d.note, pending: false };
  },
});
