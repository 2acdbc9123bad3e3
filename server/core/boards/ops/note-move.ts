import { z } from "zod";
import { id } from "./fields";
import { defineOp } from "./define";

export const noteMove = defineOp({
  type: "note.move",
  schema: z.object({ type: z.literal("note.move"), noteId: id, clusterId: id.nullable() }),
  access: { who: "staff" },
  async apply(ctx, op) {
    await ctx.findNote(op.noteId);
    if (op.clusterId) await ctx.findCluster(op.clusterId);
    await ctx.tx.note.update({ where: { id: op.noteId }, data: { clusterId: op.clusterId } });
    return { data: { noteId: op.noteId, clusterId: op.clusterId } };
  },
  fold(s, d: { noteId: string; clusterId: string | null }) {
    const n = s.notes[d.noteId];
    if (n) s.notes[n.id] = { ...n, clusterId: d.clusterId };
  },
});
