import type { Draft, Sentence, Takeaway, WriterBrief } from "./contract";

export const MAX_SENTENCE = 600;
export const MAX_SENTENCES_PER_PART = 8;
export const MAX_TAKEAWAYS = 6;

export type Grounded = { draft: Draft; kept: number; dropped: number };

/** Citation markers a model may leave in its text ("[n3]", "(t1, f2)", "【n4】"): the citations travel separately. */
const MARKERS = /\s*[[(【]\s*(?:[ntf]\d+|f-[a-z]+)(?:\s*[,;]\s*(?:[ntf]\d+|f-[a-z]+))*\s*[\])】]/gi;

export const cleanSentence = (text: string) =>
  text
    .replace(MARKERS, "")
    // eslint-disable-next-line no-control-regex -- a model's control characters become spaces
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

const words = (s: string) =>
  s
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * Whether a text contains any of the given names as whole words, ignoring case. Word runs are
 * looked up in a set, so thousands of names cost no more than a few.
 */
export function namesMatcher(names: string[]): ((text: string) => boolean) | null {
  const set = new Set<string>();
  let longest = 0;
  for (const n of names) {
    const w = words(n);
    if (w.join(" ").length < 3) continue;
    set.add(w.join(" "));
    longest = Math.max(longest, w.length);
  }
  if (!set.size) return null;
  return (text: string) => {
    const w = words(text);
    for (let i = 0; i < w.length; i++)
      for (let len = 1; len <= longest && i + len <= w.length; len++)
        if (set.has(w.slice(i, i + len).join(" "))) return true;
    return false;
  };
}

/**
 * The grounding check: a sentence stays only if it cites at least one source and every source
 * it cites is one the writer was given for that part (a theme's own notes, a room's notes, or
 * the facts). Sentences naming a participant are dropped too, whoever wrote them.
 */
export function ground(draft: Draft, brief: WriterBrief, names: string[] = []): Grounded {
  const facts = [brief.facts.participation.id, brief.facts.programme.id, brief.facts.actions.id];
  const all = new Set<string>([
    ...facts,
    ...brief.themes.flatMap((t) => t.notes.map((n) => n.id)),
    ...brief.others.flatMap((o) => o.notes.map((n) => n.id)),
  ]);
  const named = namesMatcher(names);
  let kept = 0;
  let dropped = 0;
  const keep = (sentences: Sentence[] | undefined, allowed: Set<string>) => {
    const out: Sentence[] = [];
    for (const s of (sentences ?? []).slice(0, MAX_SENTENCES_PER_PART * 2)) {
      const text = cleanSentence(typeof s?.text === "string" ? s.text : "").slice(0, MAX_SENTENCE);
      const cites = [...new Set(Array.isArray(s?.cites) ? s.cites.map(String) : [])];
      const ok = text && cites.length > 0 && cites.every((c) => allowed.has(c)) && !named?.(text);
      if (ok && out.length < MAX_SENTENCES_PER_PART) {
        out.push({ text, cites });
        kept++;
      } else dropped++;
    }
    return out;
  };
  const themes: Draft["themes"] = {};
  const notesOf = new Map(brief.themes.map((t) => [t.id, t.notes.map((n) => n.id)]));
  for (const t of brief.themes) {
    // A paragraph may also rest on the theme it is paired with (a barrier and its way forward).
    const partners = brief.pairs.flatMap((p) =>
      p.problem === t.id ? [p.solution] : p.solution === t.id ? [p.problem] : [],
    );
    const allowed = new Set([
      ...facts,
      ...t.notes.map((n) => n.id),
      ...partners.flatMap((id) => notesOf.get(id) ?? []),
    ]);
    const s = keep(draft.themes?.[t.id], allowed);
    if (s.length) themes[t.id] = s;
  }
  const others: Draft["others"] = {};
  for (const o of brief.others) {
    const s = keep(draft.others?.[o.key], new Set([...facts, ...o.notes.map((n) => n.id)]));
    if (s.length) others[o.key] = s;
  }
  // Parts the brief did not ask for count as dropped.
  for (const [k, v] of Object.entries(draft.themes ?? {}))
    if (!brief.themes.some((t) => t.id === k)) dropped += v.length;
  const takeaways: Takeaway[] = [];
  for (const tk of (draft.takeaways ?? []).slice(0, MAX_TAKEAWAYS * 2)) {
    const sentences = keep(tk?.sentences, all);
    const title = cleanSentence(typeof tk?.title === "string" ? tk.title : "").slice(0, 200);
    if (sentences.length && title && !named?.(title) && takeaways.length < MAX_TAKEAWAYS)
      takeaways.push({ title, sentences });
    else {
      // A takeaway whose title cannot stand goes whole.
      kept -= sentences.length;
      dropped += sentences.length;
    }
  }
  return { draft: { summary: keep(draft.summary, all), themes, others, takeaways }, kept, dropped };
}
