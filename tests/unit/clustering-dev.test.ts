import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createClusteringEngine } from "../../server/core/clustering/engine";
import { labelGroups } from "../../server/core/clustering/labels";
import { loadLexicon } from "../../server/core/clustering/lexicon";
import { groupingScores, notesInPlace } from "../../server/core/clustering/scores";
import { analyse, isStopword } from "../../server/core/clustering/text";

/** The development boards (notes with a facilitator's grouping), from the team's shared fixtures. */
const devFile =
  process.env.PLENARY_CLUSTER_DEV ?? path.resolve(__dirname, "../../../shared/fixtures/clustering-dev.json");
type Board = { name: string; notes: { text: string; truth: string }[] };
const boards = (JSON.parse(readFileSync(devFile, "utf8")) as { boards: Board[] }).boards;

/**
 * The rules a group's name keeps, whatever engine grouped it: two to five
 * words, every one written in the group's notes (so in their language; the
 * "and" joining two of them aside), never cut off, never only the theme that
 * a quarter of the board's notes share, never a sibling's name.
 */
function checkLabels(board: Board, groups: number[][], labels: string[]) {
  const notes = board.notes.map((n) => analyse(n.text));
  const df = new Map<string, number>();
  for (const n of notes) for (const s of new Set(n.stems)) df.set(s, (df.get(s) ?? 0) + 1);
  const theme = new Set([...df].filter(([, d]) => d >= notes.length / 4).map(([s]) => s));
  expect(new Set(labels.map((l) => l.toLowerCase())).size, `${board.name}: sibling names differ`).toBe(labels.length);
  labels.forEach((label, k) => {
    const words = label.split(/\s+/);
    const where = `${board.name}: “${label}”`;
    expect(words.length, where).toBeGreaterThanOrEqual(2);
    expect(words.length, where).toBeLessThanOrEqual(5);
    expect(label, where).not.toMatch(/…|\.\.\./);
    const texts = groups[k]!.map((i) => board.notes[i]!.text.toLowerCase());
    for (const w of analyse(label).all.filter((w) => w !== "and"))
      expect(
        texts.some((t) => t.includes(w)),
        `${where}: “${w}” comes from the notes`,
      ).toBe(true);
    // A note's opening words, stopped short, are a cut-off note, not a name.
    for (const t of board.notes.map((n) => n.text))
      if (t.toLowerCase() !== label.toLowerCase())
        expect(t.toLowerCase().startsWith(`${label.toLowerCase()} `) && words.length >= 4, where).toBe(false);
    const a = analyse(label);
    const stems = a.stems.filter((_, i) => !isStopword(a.content[i]!, a.lang));
    expect(
      stems.some((s) => !theme.has(s)),
      `${where} is more than the board's theme`,
    ).toBe(true);
  });
}

describe("the built-in engine on the development boards (default settings)", async () => {
  const engine = createClusteringEngine({ choice: "lexical" });
  const results = await Promise.all(
    boards.map(async (b) => {
      const ids = b.notes.map((_, i) => String(i));
      const r = await engine.suggest(b.notes.map((n, i) => ({ id: ids[i]!, text: n.text })));
      const groups = r.clusters.map((c) => c.noteIds.map(Number));
      return {
        board: b,
        r,
        groups,
        scores: groupingScores(
          b.notes.map((n) => n.truth),
          groups,
        ),
      };
    }),
  );

  it("puts together notes that belong together (pair precision ≥ 0.6) while grouping ≥ 40 % of notes, ARI ≥ 0.21", () => {
    const pairs = results.reduce((t, x) => t + x.scores.pairs, 0);
    const right = results.reduce((t, x) => t + x.scores.rightPairs, 0);
    const notes = results.reduce((t, x) => t + x.board.notes.length, 0);
    const covered = results.reduce((t, x) => t + x.scores.coverage * x.board.notes.length, 0);
    const ari = results.reduce((t, x) => t + x.scores.ari, 0) / results.length;
    expect(right / pairs).toBeGreaterThanOrEqual(0.6);
    expect(covered / notes).toBeGreaterThanOrEqual(0.4);
    expect(ari).toBeGreaterThanOrEqual(0.21);
  });

  it("names its groups by the rules", () => {
    for (const x of results)
      checkLabels(
        x.board,
        x.groups,
        x.r.clusters.map((c) => c.label),
      );
  });

  it("names the facilitator's own groups by the rules too", async () => {
    const lexicon = await loadLexicon();
    for (const b of boards) {
      const truths = [...new Set(b.notes.map((n) => n.truth))];
      const groups = truths.map((t) => b.notes.flatMap((n, i) => (n.truth === t ? [i] : [])));
      checkLabels(
        b,
        groups,
        labelGroups(
          groups,
          b.notes.map((n) => analyse(n.text)),
          lexicon,
        ),
      );
    }
  });

  it("asks for more or fewer, surer groups, and for about k", async () => {
    const b = boards[0]!;
    const notes = b.notes.map((n, i) => ({ id: String(i), text: n.text }));
    const coverage = async (o: Parameters<typeof engine.suggest>[1]) =>
      (await engine.suggest(notes, o)).clusters.reduce((t, c) => t + c.size, 0);
    expect(await coverage({ granularity: "more" })).toBeGreaterThanOrEqual(await coverage({}));
    expect(await coverage({ granularity: "fewer" })).toBeLessThanOrEqual(await coverage({}));
    for (const k of [2, 4]) {
      const r = await engine.suggest(notes, { k });
      expect(Math.abs(r.clusters.length - k)).toBeLessThanOrEqual(1);
    }
  });
});

describe("grouping scores", () => {
  it("counts the notes a facilitator need not move, pair precision and coverage", () => {
    expect(notesInPlace(["a", "a", "b", "b"], ["x", "x", "y", "y"])).toBe(1);
    // Moving one note (the third) turns one grouping into the other.
    expect(notesInPlace(["a", "a", "a", "b"], ["x", "x", "y", "y"])).toBe(0.75);
    const s = groupingScores(["p", "p", "q", "q", "r"], [[0, 1, 2]]);
    expect(s).toMatchObject({ pairs: 3, rightPairs: 1, coverage: 0.6 });
    expect(s.pairPrecision).toBeCloseTo(1 / 3, 9);
    expect(Number.isNaN(groupingScores(["a", "b"], []).pairPrecision)).toBe(true);
  });
});
