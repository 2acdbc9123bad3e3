import { z } from "zod";
import { DomainError } from "../../errors";
import { id } from "./fields";
import { defineOp } from "./define";

export const clusterMerge = defineOp({
  type: "cluster.merge",
  schema: z.object({ type: z.literal("cluster.merge"), clusterId: id, fromClusterId: id }),
  access: { who: "staff" },
  async apply(ctx, op) {
    if (op.clusterId === op.fromClusterId)
      throw new DomainError("validation", "A cluster cannot be merged into itself.");
    await ctx.findCluster(op.clusterId);
    await ctx.findCluster(op.fromClusterId);
    const { tx } = ctx;
    const moved = await tx.note.findMany({ where: { clusterId: op.fromClusterId }, select: { id: true } });
    await tx.note.updateMany({ where: { clusterId: op.fromClusterId }, data: { clusterId: op.clusterId } });
    await tx.cluster.update({ where: { id: op.fromClusterId }, data: { deletedAt: ctx.now() } });
    return { data: { clusterId: op.clusterId, fromClusterId: op.fromClusterId, noteIds: moved.map((n) => n.id) } };
  },
  fold(s, d: { clusterId: string; fromClusterId: string; noteIds: string[] }) {
    delete s.clusters[d.fromClusterId];
    for (const n of Object.values(s.notes))
      if (n.clusterId === d.fromClusterId) s.notes[n.id] = { ...n, clusterId: d.clusterId };
  },
});
