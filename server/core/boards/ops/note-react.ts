import { z } from "zod";
import { REACTIONS } from "../constants";
import { id } from "./fields";
import { defineOp } from "./define";

export const noteReact = defineOp({
  type: "note.react",
  schema: z.object({ type: z.literal("note.react"), noteId: id, emoji: z.enum(REACTIONS), on: z.boolean() }),
  access: { who: "writers" },
  async apply(ctx, op) {
    const { tx, me } = ctx;
    await ctx.findNote(op.noteId);
    if (op.on)
      await tx.noteReaction.upsert({
        where: { noteId_userId_emoji: { noteId: op.noteId, userId: me, emoji: op.emoji } },
        create: { noteId: op.noteId, userId: me, emoji: op.emoji },
        update: {},
      });
    else await tx.noteReaction.deleteMany({ where: { noteId: op.noteId, userId: me, emoji: op.emoji } });
    const counts = await tx.noteReaction.groupBy({ by: ["emoji"], where: { noteId: op.noteId }, _count: true });
    return { data: { noteId: op.noteId, reactions: Object.fromEntries(counts.map((c) => [c.emoji, c._count])) } };
  },
  fold(s, d: { noteId: string; reactions: Record<string, number> }) {
    const n = s.notes[d.noteId];
    if (n) s.notes[n.id] = { ...n, reactions: d.reactions };
  },
});
