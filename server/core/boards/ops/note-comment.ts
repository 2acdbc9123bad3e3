import { z } from "zod";
import { conflict } from "../../errors";
import type { CommentView } from "../note-view";
import { id } from "./fields";
import { defineOp } from "./define";

export const noteComment = defineOp({
  type: "note.comment",
  schema: z.object({
    type: z.literal("note.comment"),
    noteId: id,
    commentId: id,
    text: z.string().trim().min(1).max(200, "Comments are at most 200 characters."),
  }),
  access: { who: "writers" },
  async apply(ctx, op) {
    const note = await ctx.findNote(op.noteId);
    if (await ctx.tx.noteComment.findUnique({ where: { id: op.commentId } }))
      throw conflict("A comment with this id exists already.");
    const c = await ctx.tx.noteComment.create({
      data: { id: op.commentId, noteId: op.noteId, authorId: ctx.me, text: op.text, createdAt: ctx.now() },
    });
    const comment: CommentView = {
      id: c.id,
      text: c.text,
      authorLabel: await ctx.authorLabel(ctx.me),
      createdAt: c.createdAt.toISOString(),
    };
    return { data: { noteId: op.noteId, comment }, carried: [note] };
  },
  // A replay leaves the comment out when it has been deleted since.
  fold(s, d: { noteId: string; comment?: CommentView }) {
    const n = s.notes[d.noteId];
    const c = d.comment;
    if (n && c && !n.comments.some((x) => x.id === c.id)) s.notes[n.id] = { ...n, comments: [...n.comments, c] };
  },
});
