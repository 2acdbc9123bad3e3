import { z } from "zod";
import { id } from "./fields";
import { defineOp } from "./define";

export const clusterDelete = defineOp({
  type: "cluster.delete",
  schema: z.object({ type: z.literal("cluster.delete"), clusterId: id }),
  access: { who: "staff" },
  async apply(ctx, op) {
    await ctx.findCluster(op.clusterId);
    await ctx.tx.note.updateMany({ where: { clusterId: op.clusterId }, data: { clusterId: null } });
    await ctx.tx.cluster.update({ where: { id: op.clusterId }, data: { deletedAt: ctx.now() } });
    return { data: { clusterId: op.clusterId } };
  },
  fold(s, d: { clusterId: string }) {
    delete s.clusters[d.clusterId];
    for (const n of Object.values(s.notes)) if (n.clusterId === d.clusterId) s.notes[n.id] = { ...n, clusterId: null };
  },
});
