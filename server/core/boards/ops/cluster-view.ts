import type { ClusterView } from "../note-view";

/** A cluster row as clients see it. */
export const clusterView = (c: {
  id: string;
  label: string;
  category: string | null;
  position: number;
}): ClusterView => ({
  id: c.id,
  label: c.label,
  category: c.category,
  position: c.position,
});
