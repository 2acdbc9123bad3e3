import { fetchEmbeddings, type EmbeddingsConfig } from "./embeddings";
import { DEFAULT_FEATURES, type FeatureOptions, lexicalFeatures, unitRows } from "./features";
import { loadLexicon } from "./lexicon";
import { type Placement, type Suggestions, placeNotes, suggestClusters } from "./suggest";
import { type Analysed, analyse } from "./text";

export type NoteText = { id: string; text: string };
export type EngineName = "lexical" | "embeddings";
/** Which engine produced the result, and why the configured provider was not used, if it was not. */
export type EngineReport = { engine: EngineName; fallback?: string };

export type ClusteringEngine = {
  suggest(notes: NoteText[], opts?: { k?: number }): Promise<Suggestions & EngineReport>;
  place(
    clusters: { id: string; noteIds: string[] }[],
    candidates: string[],
    notes: NoteText[],
  ): Promise<{ placements: Placement[] } & EngineReport>;
  vectorize(notes: NoteText[]): Promise<{ rows: Float32Array[]; analysed: Analysed[] } & EngineReport>;
};

export function createClusteringEngine(
  opts: {
    embeddings?: EmbeddingsConfig | null;
    features?: FeatureOptions;
    fetcher?: typeof fetch;
    onFallback?: (reason: string) => void;
  } = {},
): ClusteringEngine {
  async function vectorize(notes: NoteText[]) {
    const analysed = notes.map((n) => analyse(n.text));
    let fallback: string | undefined;
    if (opts.embeddings && notes.length) {
      try {
        const vectors = await fetchEmbeddings(
          opts.embeddings,
          notes.map((n) => n.text),
          opts.fetcher,
        );
        return { rows: unitRows(vectors), analysed, engine: "embeddings" as const };
      } catch (e) {
        fallback = `The embeddings provider ${(e as Error).message}; the built-in engine was used instead.`;
        opts.onFallback?.(fallback);
      }
    }
    const lexicon = await loadLexicon();
    return {
      rows: lexicalFeatures(analysed, lexicon, opts.features ?? DEFAULT_FEATURES),
      analysed,
      engine: "lexical" as const,
      ...(fallback ? { fallback } : {}),
    };
  }

  return {
    vectorize,
    async suggest(notes, o = {}) {
      const { rows, analysed, ...report } = await vectorize(notes);
      return {
        ...suggestClusters(
          notes.map((n) => n.id),
          rows,
          analysed,
          { ...o, texts: notes.map((n) => n.text) },
        ),
        ...report,
      };
    },
    async place(clusters, candidates, notes) {
      // Vectors are relative to the board (centred, weighted by rarity), so all notes are vectorised together.
      const { rows, analysed: _a, ...report } = await vectorize(notes);
      const rowOf = new Map(notes.map((n, i) => [n.id, rows[i]!]));
      const placements = placeNotes(
        clusters.map((c) => ({ id: c.id, rows: c.noteIds.flatMap((id) => (rowOf.has(id) ? [rowOf.get(id)!] : [])) })),
        candidates.flatMap((id) => (rowOf.has(id) ? [{ id, row: rowOf.get(id)! }] : [])),
      );
      return { placements, ...report };
    },
  };
}
