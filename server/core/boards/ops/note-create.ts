import { z } from "zod";
import type { NoteView } from "../note-view";
import { category, id, noteText } from "./fields";
import { defineOp } from "./define";

export const noteCreate = defineOp({
  type: "note.create",
  schema: z.object({ type: z.literal("note.create"), noteId: id, category, text: noteText }),
  access: { who: "writers" },
  hotPath: true,
  async apply(ctx, op) {
    ctx.checkCategory(op.category);
    await ctx.assertRoomFor(1);
    // The primary key refuses a second note with this id (see apply's unique-violation handling); no lookup first.
    const { view, carried } = await ctx.insertNote({ id: op.noteId, category: op.category, text: op.text });
    return { data: { note: view }, carried: [carried] };
  },
  fold(s, d: { note: NoteView }) {
    s.notes[d.note.id] = { ...s.notes[d.note.id], ...d.note, pending: false };
  },
});
