// One clustering timing in a fresh process, so memory figures belong to this run alone.
// Usage: tsx bench/cluster-child.ts N ENGINE  → prints one JSON line.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { loadLexicon } from "../server/core/clustering/lexicon";
import { benchEngine } from "./cluster-engines";
import { devFile } from "./cluster-quality";

const n = Number(process.argv[2] ?? 1000);
const name = process.argv[3] ?? "lexical";

/** Deterministic notes: dev-set notes with words dropped and swapped between notes of the same board. */
function syntheticNotes(count: number): { id: string; text: string }[] {
  const boards = (JSON.parse(readFileSync(devFile, "utf8")) as { boards: { notes: { text: string }[] }[] }).boards;
  const pool = boards.flatMap((b) => b.notes.map((x) => x.text.split(" ")));
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, (_, i) => {
    const base = pool[i % pool.length]!;
    const other = pool[Math.floor(rand() * pool.length)]!;
    const words = base
      .filter(() => rand() > 0.2)
      .concat(rand() > 0.5 ? [other[Math.floor(rand() * other.length)]!] : []);
    return { id: `n${i}`, text: words.join(" ") };
  });
}

const notes = syntheticNotes(n);
const t0 = performance.now();
await loadLexicon();
const loadMs = performance.now() - t0;
const engine = benchEngine(name);
// A model's own start (loading the ONNX file) is not the grouping's cost: one warm-up text first.
await engine.suggest([
  { id: "w", text: "warm up" },
  { id: "u", text: "warm up too" },
]);
const t1 = performance.now();
const r = await engine.suggest(notes);
const ms = performance.now() - t1;
await engine.close();
process.stdout.write(
  `${JSON.stringify({ notes: n, engine: name, ms: Math.round(ms), lexicon_load_ms: Math.round(loadMs), groups: r.clusters.length, grouped: r.clusters.reduce((t, c) => t + c.size, 0), max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), ...(r.fallback ? { fallback: r.fallback } : {}) })}\n`,
);
