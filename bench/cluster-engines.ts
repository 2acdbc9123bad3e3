// The engines the clustering bench compares: every engine present on this machine, and the
// previous built-in engine (averaged word vectors + TF-IDF, silhouette k) as the baseline.
import { clusteringConfig } from "../server/core/clustering/config";
import { createClusteringEngine, type NoteText } from "../server/core/clustering/engine";
import { DEFAULT_FEATURES, lexicalFeatures } from "../server/core/clustering/features";
import { loadLexicon } from "../server/core/clustering/lexicon";
import { inspectModel } from "../server/core/clustering/local-model";
import { type SuggestOptions, type Suggestions, suggestByVectors } from "../server/core/clustering/suggest";
import { analyse } from "../server/core/clustering/text";

export type BenchEngine = {
  name: string;
  suggest(notes: NoteText[], o?: SuggestOptions): Promise<Suggestions & { engine?: string; fallback?: string }>;
  close(): Promise<void>;
};

const config = () => clusteringConfig(process.env);

/** Names of the engines present: always the built-in one and the baseline; local and remote when configured. */
export function enginesPresent(): string[] {
  const c = config();
  return ["lexical", "baseline", ...(inspectModel(c.local).present ? ["local"] : []), ...(c.remote ? ["remote"] : [])];
}

export function benchEngine(name: string): BenchEngine {
  if (name === "baseline")
    return {
      name: "baseline (previous built-in: averaged GloVe + TF-IDF, silhouette k)",
      async suggest(notes, o) {
        const analysed = notes.map((n) => analyse(n.text));
        const lexicon = await loadLexicon();
        const rows = lexicalFeatures(analysed, lexicon, DEFAULT_FEATURES);
        return suggestByVectors(
          notes.map((n) => n.id),
          rows,
          analysed,
          lexicon,
          o,
        );
      },
      close: async () => {},
    };
  const c = config();
  const e = createClusteringEngine({
    choice: name as "lexical" | "local" | "remote",
    local: c.local,
    embeddings: c.remote,
  });
  const what =
    name === "lexical"
      ? "built-in (word-to-word matching, strict cut)"
      : name === "local"
        ? `local model ${c.local.model}`
        : `provider ${c.remote?.model}`;
  return { name: `${name}: ${what}`, suggest: (n, o) => e.suggest(n, o), close: () => e.close() };
}
