// ARI of the default engine on the dev boards; run alone with `tsx bench/cluster-quality.ts`.
import { readFileSync } from "node:fs";
import { adjustedRand } from "../server/core/clustering/ari";
import { createClusteringEngine } from "../server/core/clustering/engine";

type DevBoard = { name: string; notes: { id?: string; text: string; truth: string }[] };
export const devFile =
  process.env.PLENARY_CLUSTER_DEV ?? new URL("../../shared/fixtures/clustering-dev.json", import.meta.url).pathname;

export async function devScores(engine = createClusteringEngine()) {
  const boards = (JSON.parse(readFileSync(devFile, "utf8")) as { boards: DevBoard[] }).boards;
  const out: { board: string; notes: number; clusters: number; truthClusters: number; ari: number }[] = [];
  for (const b of boards) {
    const notes = b.notes.map((n, i) => ({ id: n.id ?? String(i), text: n.text }));
    const r = await engine.suggest(notes);
    const label = new Map<string, string>();
    r.clusters.forEach((c, ci) => c.noteIds.forEach((id) => label.set(id, `c${ci}`)));
    const predicted = notes.map((n) => label.get(n.id) ?? `single:${n.id}`);
    out.push({
      board: b.name,
      notes: notes.length,
      clusters: r.clusters.length,
      truthClusters: new Set(b.notes.map((n) => n.truth)).size,
      ari: adjustedRand(
        predicted,
        b.notes.map((n) => n.truth),
      ),
    });
  }
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const rows = await devScores();
  console.table(rows);
  console.log("mean ARI", (rows.reduce((s, r) => s + r.ari, 0) / rows.length).toFixed(3));
}
