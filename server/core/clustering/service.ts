import { stringList } from "../json-columns";
import { z } from "zod";
import type { Db } from "../../db/client";
import { boardAccess } from "../boards/access";
import { DomainError, forbidden, notFound } from "../errors";
import type { Actor } from "../permissions";
import { validate } from "../validate";
import type { ClusteringEngine } from "./engine";

const request = z.object({
  category: z.string().trim().min(1, "Choose a category."),
  k: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z.coerce
      .number({ error: "Give a number of clusters." })
      .int("Give a whole number of clusters.")
      .min(1, "At least one cluster.")
      .max(100, "At most 100 clusters.")
      .optional(),
  ),
  granularity: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z.enum(["more", "default", "fewer"], { error: "Ask for more groups, the default, or fewer groups." }).optional(),
  ),
});

/**
 * Suggestions for facilitators: clusters for the unclustered notes of one
 * category, and places for new notes in the clusters that exist. Nothing is
 * changed here; accepting a suggestion is an ordinary board operation.
 */
export function createClusteringService({ db, engine }: { db: Db; engine: ClusteringEngine }) {
  async function load(actor: Actor, boardId: string, input: unknown, within?: { slug: string }) {
    const a = await boardAccess(db, actor, boardId);
    // The page's address names an event: a board of another event is not found there.
    if (within && a.board.event.slug !== within.slug) throw notFound("This board");
    if (!a.staff) throw forbidden("Only facilitators and organisers can ask for suggestions.");
    const { category, k, granularity } = validate(request, input, "This request for suggestions is not valid.");
    const categories = stringList.read(a.board.categoriesJson);
    if (!categories.includes(category))
      throw new DomainError("validation", `Unknown category “${category}” for this board.`, {
        category: ["Choose one of this board's categories."],
      });
    const [notes, clusters] = await Promise.all([
      db.note.findMany({
        where: { boardId, category, deletedAt: null, hidden: false },
        orderBy: { createdAt: "asc" },
        select: { id: true, text: true, clusterId: true },
      }),
      db.cluster.findMany({
        where: { boardId, deletedAt: null, OR: [{ category: null }, { category }] },
        orderBy: { position: "asc" },
        select: { id: true, label: true },
      }),
    ]);
    const live = new Set(clusters.map((c) => c.id));
    const loose = notes.filter((n) => !n.clusterId || !live.has(n.clusterId));
    return { category, k, granularity, notes, clusters, loose };
  }

  return {
    async suggest(actor: Actor, boardId: string, input: unknown, within?: { slug: string }) {
      const { category, k, granularity, loose } = await load(actor, boardId, input, within);
      const result = await engine.suggest(
        loose.map((n) => ({ id: n.id, text: n.text })),
        { k, granularity },
      );
      return { category, considered: loose.length, ...result };
    },

    async place(actor: Actor, boardId: string, input: unknown, within?: { slug: string }) {
      const { category, notes, clusters, loose } = await load(actor, boardId, input, within);
      const withNotes = clusters
        .map((c) => ({ id: c.id, noteIds: notes.filter((n) => n.clusterId === c.id).map((n) => n.id) }))
        .filter((c) => c.noteIds.length > 0);
      if (!withNotes.length || !loose.length) {
        // Nothing to place: no engine is asked, and the page names the one that serves.
        const { reason: _reason, ...served } = engine.describe();
        return { category, considered: loose.length, placements: [], ...served };
      }
      const result = await engine.place(
        withNotes,
        loose.map((n) => n.id),
        notes.map((n) => ({ id: n.id, text: n.text })),
      );
      return { category, considered: loose.length, ...result };
    },
  };
}

export type ClusteringService = ReturnType<typeof createClusteringService>;
