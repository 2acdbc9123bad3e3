import type { Analysed } from "./text";

/**
 * A key phrase naming a cluster: the one- to three-word run of content words
 * that the most notes of the cluster share and the rest of the board uses least
 * (class-based TF-IDF), written as the notes wrote it.
 */
export function keyPhrase(
  members: number[],
  notes: Analysed[],
  boardCounts: Map<string, number>,
  boardSize: number,
): string {
  const inCluster = new Map<string, { count: number; surface: string; len: number }>();
  for (const i of members) {
    const seen = new Set<string>();
    for (const [key, surface, len] of phrases(notes[i]!)) {
      if (seen.has(key)) continue;
      seen.add(key);
      const e = inCluster.get(key);
      if (e) e.count++;
      else inCluster.set(key, { count: 1, surface, len });
    }
  }
  let best = "";
  let bestScore = -Infinity;
  for (const [key, e] of inCluster) {
    // A phrase from one note names that note, not a theme.
    if (e.count < 2 && members.length > 1) continue;
    const share = e.count / members.length;
    const rarity = Math.log((boardSize + 1) / (boardCounts.get(key) ?? 1));
    // Longer phrases name a theme better when they are shared just as widely.
    const score = share * (1 + rarity) * (1 + 0.15 * (e.len - 1));
    if (score > bestScore || (score === bestScore && e.surface < best)) [best, bestScore] = [e.surface, score];
  }
  return best ? best[0]!.toUpperCase() + best.slice(1) : "";
}

/** Phrases of one note as [stem key, surface text, length]. */
export function phrases(n: Analysed): [string, string, number][] {
  const out: [string, string, number][] = [];
  for (let i = 0; i < n.stems.length; i++) {
    for (let len = 1; len <= 3 && i + len <= n.stems.length; len++) {
      const from = n.positions[i]!;
      const to = n.positions[i + len - 1]!;
      // A phrase spans at most two stop words ("fear of reporting"), never a whole clause.
      if (to - from - (len - 1) > 2) break;
      out.push([n.stems.slice(i, i + len).join(" "), n.all.slice(from, to + 1).join(" "), len]);
    }
  }
  return out;
}

export function phraseCounts(notes: Analysed[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of notes)
    for (const key of new Set(phrases(n).map((p) => p[0]))) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** A short version of a note, to name a cluster whose notes share no phrase. */
export function shortText(text: string, words = 7): string {
  const w = text.trim().replace(/\s+/g, " ").split(" ");
  return w.length <= words ? w.join(" ") : `${w.slice(0, words).join(" ")}…`;
}
