import { z } from "zod";
import type { ClusterView } from "../note-view";
import { clusterView } from "./cluster-view";
import { clusterLabel, id } from "./fields";
import { defineOp } from "./define";

export const clusterRename = defineOp({
  type: "cluster.rename",
  schema: z.object({ type: z.literal("cluster.rename"), clusterId: id, label: clusterLabel }),
  access: { who: "staff" },
  async apply(ctx, op) {
    await ctx.findCluster(op.clusterId);
    const c = await ctx.tx.cluster.update({
      where: { id: op.clusterId },
      data: { label: op.label, version: { increment: 1 } },
    });
    return { data: { cluster: clusterView(c) } };
  },
  fold(s, d: { cluster: ClusterView }) {
    s.clusters[d.cluster.id] = d.cluster;
  },
});
