// Clustering: for each engine present, quality on the dev boards (ARI, notes in place, pair
// precision, coverage, labels beside the true names) and time/memory at 1,000 and 10,000 notes,
// each beside the previous built-in engine measured in the same run (the baseline).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { benchEngine, enginesPresent } from "./cluster-engines";
import { devScores } from "./cluster-quality";

const run = promisify(execFile);
const here = path.dirname(new URL(import.meta.url).pathname);
const tsx = path.join(here, "../node_modules/.bin/tsx");

type Timing = { notes: number; engine: string; ms: number; groups: number; grouped: number; max_rss_mb: number };
const child = async (n: number, engine: string): Promise<Timing> =>
  JSON.parse(
    (
      await run(tsx, [path.join(here, "cluster-child.ts"), String(n), engine], {
        maxBuffer: 1 << 20,
        timeout: 30 * 60_000,
      })
    ).stdout,
  ) as Timing;

export async function benchCluster({ quick }: { quick: boolean }) {
  const names = enginesPresent();
  const quality = [];
  const labels = [];
  const dev = [];
  for (const name of names) {
    const e = benchEngine(name);
    const d = await devScores(e);
    await e.close();
    quality.push({ engine: d.engine, ...d.summary });
    dev.push(...d.rows.map((r) => ({ engine: name, ...r })));
    if (name !== "baseline") labels.push(...d.labels.map((l) => ({ engine: name, ...l })));
  }
  const sizes = [];
  for (const n of quick ? [1000] : [1000, 10_000]) {
    const base = await child(n, "baseline");
    for (const name of names.filter((x) => x !== "baseline")) {
      const o = await child(n, name);
      sizes.push({
        notes: n,
        engine: name,
        ms: o.ms,
        baseline_ms: base.ms,
        ratio_ms: Math.round((o.ms / Math.max(1, base.ms)) * 100) / 100,
        groups: o.groups,
        grouped: o.grouped,
        max_rss_mb: o.max_rss_mb,
      });
    }
  }
  return { engines: names, quality, dev, labels, sizes };
}
