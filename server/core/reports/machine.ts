import { type Token, marked } from "marked";
import type { Sentence } from "./writing/contract";

/**
 * A paragraph a writer drafted. It is shown as machine-written for as long as the section still
 * holds it word for word: once a person edits the paragraph, it is theirs.
 */
export type MachineParagraph = { text: string; writer: "offline" | "model"; sentences: Sentence[] };

export type Block<T> = { raw: string; machine: T | null };

/**
 * A section's Markdown cut into top-level blocks, each marked with the machine paragraph it
 * still is, if any. Joining the blocks' raw text gives the Markdown back.
 */
export function markBlocks<T extends { text: string }>(markdown: string, machine: readonly T[]): Block<T>[] {
  const tokens: Token[] = marked.lexer(markdown, { gfm: true });
  if (!machine.length) return [{ raw: markdown, machine: null }];
  const byText = new Map(machine.map((p) => [p.text.trim(), p]));
  const blocks: Block<T>[] = [];
  for (const t of tokens) {
    const m = t.type === "paragraph" ? (byText.get(t.raw.trim()) ?? null) : null;
    const last = blocks.at(-1);
    if (!m && last && !last.machine) last.raw += t.raw;
    else blocks.push({ raw: t.raw, machine: m });
  }
  return blocks;
}

/** Machine paragraphs still in the section as drafted: what the editor lists with their sources. */
export const stillMachine = <T extends { text: string }>(markdown: string, machine: readonly T[]) =>
  markBlocks(markdown, machine)
    .map((b) => b.machine)
    .filter((m): m is T => !!m);
