import type { NoteRecord, ReportData } from "./data";
import type { ThemeSet } from "./themes";

const key = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

/** Quotes under a theme's paragraph: one, or two for a theme of this many notes or more. */
const TWO_QUOTES_FROM = 4;
/** Quotes in the Quotes section, beyond the speakers' and rapporteurs'. */
export const MORE_QUOTES = 6;

/**
 * Quotes chosen for being representative (the most central notes of their theme) and for
 * spreading across rooms and stakeholder groups: a room or group already quoted counts
 * against a note. Only notes whose authors agreed to be quoted word for word are candidates.
 */
export function chooseQuotes(d: ReportData, set: ThemeSet): { byTheme: Map<string, string[]>; more: string[] } {
  const byId = new Map(d.notes.map((n) => [n.id, n]));
  const rooms = new Map<string | null, number>();
  const groups = new Map<string | null, number>();
  const used = new Set<string>();
  // The same words from two people are quoted once.
  const usedTexts = new Set<string>();
  const take = (n: NoteRecord) => {
    used.add(n.id);
    usedTexts.add(key(n.text));
    rooms.set(n.roomId, (rooms.get(n.roomId) ?? 0) + 1);
    groups.set(n.group, (groups.get(n.group) ?? 0) + 1);
  };
  const best = (ids: string[]) =>
    ids
      .map((id, rank) => ({ n: byId.get(id)!, rank }))
      .filter((x) => x.n.quote && !used.has(x.n.id) && !usedTexts.has(key(x.n.text)))
      .map((x) => ({ ...x, score: x.rank + 3 * (rooms.get(x.n.roomId) ?? 0) + 3 * (groups.get(x.n.group) ?? 0) }))
      .sort((a, b) => a.score - b.score || b.n.votes - a.n.votes)[0]?.n;

  const byTheme = new Map<string, string[]>();
  for (const t of set.themes) {
    const picked: string[] = [];
    const want = t.noteIds.length >= TWO_QUOTES_FROM ? 2 : 1;
    // Only the more central half of a theme speaks for it.
    const pool = t.noteIds.slice(0, Math.max(2, Math.ceil(t.noteIds.length / 2)));
    while (picked.length < want) {
      const n = best(pool);
      if (!n) break;
      take(n);
      picked.push(n.id);
    }
    if (picked.length) byTheme.set(t.id, picked);
  }
  const more: string[] = [];
  const rest = [...d.notes].sort((a, b) => b.votes - a.votes).map((n) => n.id);
  while (more.length < MORE_QUOTES) {
    const n = best(rest);
    if (!n) break;
    take(n);
    more.push(n.id);
  }
  return { byTheme, more };
}
