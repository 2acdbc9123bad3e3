import type { Lexicon } from "./lexicon";
import { DEFAULT_MATCHING, matchNotes, wordMatcher } from "./matching";
import { englishTag } from "./parts-of-speech";
import type { Analysed, Language } from "./text";

/**
 * Names for groups of notes: a phrase of two to five words, quoted from the
 * notes (so in their language) or joining two of their words, that covers the
 * group's notes and is specific to them on this board. Never a single word or
 * a truncated note, never only the theme every note shares ("migrant women"),
 * never the name of a sibling group.
 */

const MAX_WORDS = 5;
const AND: Record<Language, string> = { en: "and", fr: "et", es: "y", ar: "و" };
/** Short words that may sit inside a name ("access to justice", "garde d'enfants"); others end it. */
const BINDING: Record<Language, Set<string>> = {
  en: new Set(["of", "for", "to", "with", "and", "in", "on", "at", "from", "against", "without", "by", "the", "their"]),
  fr: new Set([
    "de",
    "du",
    "des",
    "d",
    "la",
    "le",
    "les",
    "l",
    "à",
    "au",
    "aux",
    "pour",
    "et",
    "en",
    "sur",
    "avec",
    "sans",
    "contre",
    "par",
  ]),
  es: new Set([
    "de",
    "del",
    "la",
    "el",
    "los",
    "las",
    "a",
    "al",
    "para",
    "y",
    "e",
    "en",
    "con",
    "sin",
    "contra",
    "por",
  ]),
  ar: new Set(["في", "من", "على", "إلى", "و", "عن", "مع"]),
};

/**
 * Stems of the board's theme, as seen from one group: used by many notes of
 * the board (a quarter or more), and as much outside the group as in it. A
 * word that many notes use because they all sit in this group names it.
 */
export function themeStems(notes: Analysed[], members: number[] = []): Set<string> {
  const df = documentFrequency(notes);
  const inside = documentFrequency(members.map((i) => notes[i]!));
  const bar = Math.max(3, notes.length / 4);
  return new Set(
    [...df].filter(([s, d]) => d >= bar && d - (inside.get(s) ?? 0) >= (inside.get(s) ?? 0)).map(([s]) => s),
  );
}

function documentFrequency(notes: Analysed[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const n of notes) for (const s of new Set(n.stems)) df.set(s, (df.get(s) ?? 0) + 1);
  return df;
}

/**
 * For each stem of the group, how present it is in each of the group's notes:
 * 1 where the note uses it; in English, part of the match of the note's
 * closest word (a note about "nurseries" partly holds "childcare"); else 0.
 */
function presence(members: number[], notes: Analysed[], lexicon: Lexicon | null): Map<string, number[]> {
  const group = members.map((i) => notes[i]!);
  // matchNotes keeps each note's distinct stems in order, so the k-th distinct stem is the k-th token.
  const tokens = matchNotes(group, lexicon).map((m, g) => {
    const distinct = [...new Set(group[g]!.stems)];
    return new Map(distinct.map((s, k) => [s, m.tokens[k]!]));
  });
  const match = wordMatcher(lexicon);
  const out = new Map<string, number[]>();
  for (const mine of tokens)
    for (const [s, token] of mine) {
      if (out.has(s)) continue;
      out.set(
        s,
        tokens.map((other) => {
          if (other.has(s)) return 1;
          let best = 0;
          for (const y of other.values()) best = Math.max(best, match(token, y));
          return 0.7 * best;
        }),
      );
    }
  return out;
}

type Span = { stems: string[]; text: string; words: number };

/** What an English word can do in a name, from its likeliest part of speech; unknown words are taken for nouns. */
function role(word: string): "noun" | "modifier" | "gerund" | "other" {
  const tag = englishTag(word.toLowerCase());
  if (!tag || tag.startsWith("NN") || tag === "CD" || tag === "FW") return "noun";
  if (tag.startsWith("JJ") || tag === "VBN") return "modifier";
  if (tag === "VBG") return "gerund";
  return "other";
}

/**
 * Phrases of one note that can name a theme: within a clause, from one
 * content word to another, with only short binding words between them; in
 * English, shaped like a noun phrase ("maternal health care", "gaining
 * trust", "access to information"), not a clause ("relatives leave no time").
 */
function spans(n: Analysed): Span[] {
  const out: Span[] = [];
  const binding = BINDING[n.lang];
  for (let a = 0; a < n.positions.length; a++) {
    for (let b = a + 1; b < n.positions.length; b++) {
      const from = n.positions[a]!;
      const to = n.positions[b]!;
      if (n.clause[to] !== n.clause[from] || to - from + 1 > MAX_WORDS) break;
      const between = n.all.slice(n.positions[b - 1]! + 1, to);
      if (between.length > 1 || between.some((w) => !binding.has(w))) break;
      // Four words or more from a note's start, stopped short, read as a cut-off note rather than a name.
      if (from === 0 && to - from + 1 >= 4 && to < n.all.length - 1) continue;
      if (n.lang === "en") {
        const roles = n.positions.slice(a, b + 1).map((p) => role(n.raw[p]!));
        if (roles.at(-1) !== "noun" || roles.some((r, k) => r === "other" || (r === "gerund" && k > 0))) continue;
      }
      out.push({
        stems: n.stems.slice(a, b + 1),
        text: n.text.slice(n.starts[from], n.ends[to]),
        words: to - from + 1,
      });
    }
  }
  return out;
}

/** A stem as the group's notes most often write it (lower case unless written in capitals, like "ILO"). */
function surface(stem: string, members: number[], notes: Analysed[]): string {
  const counts = new Map<string, number>();
  for (const i of members) {
    const n = notes[i]!;
    n.stems.forEach((s, k) => {
      if (s !== stem) return;
      const raw = n.raw[n.positions[k]!]!;
      const w = raw.length > 1 && raw === raw.toUpperCase() ? raw : raw.toLowerCase();
      counts.set(w, (counts.get(w) ?? 0) + 1);
    });
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? stem;
}

type Candidate = { text: string; score: number };

/**
 * Candidate names, best first. A name scores by how much of the group it
 * covers (each note by its best-held word of the name) times how specific its
 * words are to the group on this board; a word that only one note of a larger
 * group uses makes the name longer, not better.
 */
function candidates(
  members: number[],
  notes: Analysed[],
  df: Map<string, number>,
  theme: Set<string>,
  lexicon: Lexicon | null,
): Candidate[] {
  const N = notes.length;
  const held = presence(members, notes, lexicon);
  // Specific to the group on this board, and not a word every text uses ("people", "way").
  const specific = (s: string) =>
    theme.has(s)
      ? 0
      : (Math.log((N + 1) / (df.get(s) ?? 1)) / Math.log(N + 1)) * rarity(surface(s, members, notes), lexicon);
  const share = (s: string) => (held.get(s) ?? []).reduce((t, x) => t + x, 0) / members.length;
  const score = (stems: string[], words: number) => {
    const distinct = [...new Set(stems)];
    if (distinct.every((s) => theme.has(s))) return -Infinity;
    let covered = 0;
    for (let g = 0; g < members.length; g++) covered += Math.max(...distinct.map((s) => held.get(s)?.[g] ?? 0));
    const spec = distinct.reduce((t, s) => t + specific(s), 0) / distinct.length;
    const idle = members.length > 2 ? distinct.filter((s) => share(s) <= 1 / members.length + 1e-9).length : 0;
    return (covered / members.length) * spec - 0.12 * idle - 0.03 * Math.max(0, words - 2);
  };
  const out = new Map<string, Candidate>();
  for (const i of members)
    for (const p of spans(notes[i]!)) {
      const key = p.stems.join(" ");
      const c = { text: p.text, score: score(p.stems, p.words) };
      if (c.score > -Infinity && (out.get(key)?.score ?? -Infinity) < c.score) out.set(key, c);
    }
  // Two words that no phrase holds together ("housework and childcare"), each written in two
  // notes or more: English nouns only, where parts of speech are known, and not two forms of
  // one word ("racism and racist"); composed names must cover more to beat quoted ones.
  const lang = notes[members[0]!]!.lang;
  const recurring = [...held]
    .filter(([s, h]) => !theme.has(s) && h.filter((x) => x === 1).length >= 2)
    .map(([s]) => s)
    .filter((s) => role(surface(s, members, notes)) === "noun")
    .map((s) => ({ s, w: share(s) * specific(s) }))
    .sort((a, b) => b.w - a.w)
    .slice(0, 4);
  if (lang === "en")
    for (let x = 0; x < recurring.length; x++)
      for (let y = x + 1; y < recurring.length; y++) {
        const [a, b] = [recurring[x]!.s, recurring[y]!.s];
        if (related(surface(a, members, notes), surface(b, members, notes), lexicon)) continue;
        const text = `${surface(a, members, notes)} ${AND[lang]} ${surface(b, members, notes)}`;
        out.set(`${a}+${b}`, { text, score: 0.85 * score([a, b], 3) });
      }
  return [...out.values()].sort((a, b) => b.score - a.score || a.text.localeCompare(b.text));
}

/** Two forms of one word ("racism", "racist"): a shared start of five letters or more. */
function related(a: string, b: string, _lexicon: Lexicon | null): boolean {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k >= 5 || a.startsWith(b) || b.startsWith(a);
}

/** How rare a word is in general English (smooth inverse frequency, as the matching weighs words); 1 when unknown. */
function rarity(word: string, lexicon: Lexicon | null): number {
  const rank = lexicon?.rank(word.toLowerCase());
  if (rank === undefined || !lexicon) return 1;
  const p = 1 / ((rank + 10) * Math.log(lexicon.size));
  return DEFAULT_MATCHING.sif / (DEFAULT_MATCHING.sif + p);
}

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/**
 * One label per group, in the order given (put the surest groups first: a
 * later group whose best name is taken gets its next best).
 */
export function labelGroups(groups: number[][], notes: Analysed[], lexicon: Lexicon | null): string[] {
  const df = documentFrequency(notes);
  const used = new Set<string>();
  return groups.map((members) => {
    const theme = themeStems(notes, members);
    const pick = candidates(members, notes, df, theme, lexicon).find((c) => !used.has(c.text.toLowerCase()));
    const text = pick?.text ?? fallback(members, notes, used);
    used.add(text.toLowerCase());
    return capitalise(text);
  });
}

/**
 * Notes too short or too alike for a phrase of their own: the group's two
 * most specific words joined ("housing and rents"), else its shortest note
 * when it is short enough to be a name, whole.
 */
function fallback(members: number[], notes: Analysed[], used: Set<string>): string {
  const lang = notes[members[0]!]!.lang;
  const stems = [...new Set(members.flatMap((i) => notes[i]!.stems))];
  if (stems.length >= 2) {
    const text = `${surface(stems[0]!, members, notes)} ${AND[lang]} ${surface(stems[1]!, members, notes)}`;
    if (!used.has(text.toLowerCase())) return text;
  }
  const shortest = members.map((i) => notes[i]!).sort((a, b) => a.raw.length - b.raw.length)[0]!;
  return shortest.raw.length <= MAX_WORDS ? shortest.text.trim() : shortest.raw.slice(0, 2).join(" ");
}
