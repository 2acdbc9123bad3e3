// Quality of each engine on the development boards: ARI, notes in place, pair precision,
// coverage, and the labels beside the facilitator's names. Alone: `tsx bench/cluster-quality.ts`.
import { readFileSync } from "node:fs";
import { groupingScores } from "../server/core/clustering/scores";
import { type BenchEngine, benchEngine, enginesPresent } from "./cluster-engines";

type DevBoard = { name: string; notes: { id?: string; text: string; truth: string }[] };
export const devFile =
  process.env.PLENARY_CLUSTER_DEV ?? new URL("../../shared/fixtures/clustering-dev.json", import.meta.url).pathname;
const round = (x: number) => (Number.isNaN(x) ? null : Math.round(x * 1000) / 1000);

export async function devScores(engine: BenchEngine) {
  const boards = (JSON.parse(readFileSync(devFile, "utf8")) as { boards: DevBoard[] }).boards;
  const rows = [];
  const labels = [];
  let pairs = 0;
  let right = 0;
  let covered = 0;
  let notesTotal = 0;
  for (const b of boards) {
    const notes = b.notes.map((n, i) => ({ id: String(i), text: n.text }));
    const r = await engine.suggest(notes);
    const groups = r.clusters.map((c) => c.noteIds.map(Number));
    const truth = b.notes.map((n) => n.truth);
    const s = groupingScores(truth, groups);
    pairs += s.pairs;
    right += s.rightPairs;
    covered += s.coverage * notes.length;
    notesTotal += notes.length;
    rows.push({
      board: b.name,
      notes: notes.length,
      groups: groups.length,
      true_groups: new Set(truth).size,
      ari: round(s.ari),
      notes_in_place: round(s.notesInPlace),
      pair_precision: round(s.pairPrecision),
      coverage: round(s.coverage),
      ...(r.fallback ? { fallback: r.fallback } : {}),
    });
    for (const [k, g] of groups.entries()) {
      const counts = new Map<string, number>();
      for (const i of g) counts.set(truth[i]!, (counts.get(truth[i]!) ?? 0) + 1);
      const [name, count] = [...counts].sort((x, y) => y[1] - x[1])[0]!;
      labels.push({ board: b.name, label: r.clusters[k]!.label, true_name: name, of: `${count}/${g.length}` });
    }
  }
  const mean = (k: "ari" | "notes_in_place") => round(rows.reduce((t, r) => t + (r[k] ?? 0), 0) / rows.length);
  return {
    engine: engine.name,
    rows,
    labels,
    summary: {
      mean_ari: mean("ari"),
      mean_notes_in_place: mean("notes_in_place"),
      pair_precision: round(pairs ? right / pairs : Number.NaN),
      coverage: round(covered / notesTotal),
    },
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  for (const name of enginesPresent()) {
    const e = benchEngine(name);
    const d = await devScores(e);
    console.log(`\n${d.engine}`);
    console.table(d.rows);
    console.table(d.labels);
    console.log(d.summary);
    await e.close();
  }
}
