import { createRequire } from "node:module";

/**
 * The likeliest part of speech of an English word (Penn Treebank tag), from
 * the Brill-style lexicon of wink-lexicon (13,000 common words, the likeliest
 * tag first), or undefined for a word it does not list. Labels use it to quote
 * noun phrases rather than clauses. Loaded once, on first use (~20 ms).
 */
let lexicon: Record<string, string[] | undefined> | null = null;

export function englishTag(word: string): string | undefined {
  lexicon ??= createRequire(import.meta.url)("wink-lexicon/src/lexicon.js") as Record<string, string[] | undefined>;
  const tags = lexicon[word];
  return Array.isArray(tags) ? tags[0] : undefined;
}
