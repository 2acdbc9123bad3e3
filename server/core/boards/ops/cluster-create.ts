import { z } from "zod";
import { conflict } from "../../errors";
import type { ClusterView } from "../note-view";
import { clusterView } from "./cluster-view";
import { category, clusterLabel, id } from "./fields";
import { defineOp } from "./define";

export const clusterCreate = defineOp({
  type: "cluster.create",
  schema: z.object({
    type: z.literal("cluster.create"),
    clusterId: id,
    label: clusterLabel,
    category: category.nullable().optional(),
    noteIds: z.array(id).max(500).optional(),
  }),
  access: { who: "staff" },
  async apply(ctx, op) {
    const { tx, board } = ctx;
    if (await tx.cluster.findUnique({ where: { id: op.clusterId } }))
      throw conflict("A cluster with this id exists already.");
    const position = await tx.cluster.count({ where: { boardId: board.id, deletedAt: null } });
    const c = await tx.cluster.create({
      data: { id: op.clusterId, boardId: board.id, label: op.label, category: op.category ?? null, position },
    });
    const noteIds = op.noteIds ?? [];
    if (noteIds.length)
      await tx.note.updateMany({
        where: { id: { in: noteIds }, boardId: board.id, deletedAt: null },
        data: { clusterId: c.id },
      });
    return { data: { cluster: clusterView(c), noteIds } };
  },
  fold(s, d: { cluster: ClusterView; noteIds: string[] }) {
    s.clusters[d.cluster.id] = d.cluster;
    for (const noteId of d.noteIds) {
      const n = s.notes[noteId];
      if (n) s.notes[noteId] = { ...n, clusterId: d.cluster.id };
    }
  },
});
