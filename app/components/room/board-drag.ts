import type { Announcements } from "@dnd-kit/core";
import type { TFunction } from "i18next";

/**
 * What a drag on the board does and what a screen reader hears about it, from one decision: the
 * board acts on `dropOutcome` and the announcements describe the same outcome, so what is said on
 * a drop ("moved to", "merged into", "stays where it was") is what happened.
 *
 * Draggables are notes (their id) and cluster headers ("cluster:<id>@<column>"); drop targets are
 * clusters ("<id>@<column>") and each column's notes without a cluster ("none:<column>").
 */

type Board = {
  notes: Record<string, { text: string; clusterId: string | null }>;
  clusters: Record<string, { label: string }>;
};

export type Drop =
  | { kind: "move"; noteId: string; clusterId: string | null }
  | { kind: "merge"; fromClusterId: string; clusterId: string }
  | { kind: "stay" };

/** Drop targets carry their column, since a cluster of no category shows in every column. */
export const clusterOf = (dropId: string) => dropId.split("@")[0]!;
const CLUSTER = "cluster:";
const UNCLUSTERED = "none:";

export function dropOutcome(active: string, target: string, board: Board): Drop {
  if (active.startsWith(CLUSTER)) {
    // A cluster dropped on another merges into it; on itself or on "not clustered", nothing happens.
    const from = clusterOf(active.slice(CLUSTER.length));
    const into = clusterOf(target);
    return target.startsWith(UNCLUSTERED) || into === from
      ? { kind: "stay" }
      : { kind: "merge", fromClusterId: from, clusterId: into };
  }
  const clusterId = target.startsWith(UNCLUSTERED) ? null : clusterOf(target);
  if ((board.notes[active]?.clusterId ?? null) === clusterId) return { kind: "stay" };
  return { kind: "move", noteId: active, clusterId };
}

/**
 * The board's drag-and-drop announcements (dnd.board.*), naming notes by their first words and
 * clusters by their label, in words ("the note …", "the cluster …"), never by id.
 */
export function boardAnnouncements(t: TFunction, board: Board): Announcements {
  const isCluster = (active: string) => active.startsWith(CLUSTER);
  const nameOf = (active: string) =>
    isCluster(active)
      ? (board.clusters[clusterOf(active.slice(CLUSTER.length))]?.label ?? "")
      : (board.notes[active]?.text.slice(0, 60) ?? "");
  const say = (active: string, sentence: string, place?: string) =>
    t(`dnd.board.${isCluster(active) ? "cluster" : "note"}.${sentence}`, { name: nameOf(active), place });
  const placeOf = (target: string) => board.clusters[clusterOf(target)]?.label ?? "";

  const over = (active: string, target: string | undefined) => {
    if (target === undefined) return say(active, "nowhere");
    if (isCluster(active))
      return dropOutcome(active, target, board).kind === "merge"
        ? say(active, "over", placeOf(target))
        : say(active, "nowhere");
    return target.startsWith(UNCLUSTERED) ? say(active, "overUnclustered") : say(active, "over", placeOf(target));
  };
  const dropped = (active: string, target: string | undefined) => {
    if (target === undefined) return say(active, "cancelled");
    const outcome = dropOutcome(active, target, board);
    if (outcome.kind === "stay") return say(active, "unchanged");
    if (outcome.kind === "merge") return say(active, "dropped", placeOf(target));
    return outcome.clusterId === null ? say(active, "droppedUnclustered") : say(active, "dropped", placeOf(target));
  };
  return {
    onDragStart: ({ active }) => say(String(active.id), "picked"),
    onDragOver: ({ active, over: o }) => over(String(active.id), o ? String(o.id) : undefined),
    onDragEnd: ({ active, over: o }) => dropped(String(active.id), o ? String(o.id) : undefined),
    onDragCancel: ({ active }) => say(String(active.id), "cancelled"),
  };
}
