import type { EngineChoice } from "./config";
import { type EmbeddingsConfig, fetchEmbeddings } from "./embeddings";
import { lexicalFeatures } from "./features";
import { contrast } from "./groups";
import { type Lexicon, loadLexicon } from "./lexicon";
import { type LocalEmbedder, type LocalModelConfig, createLocalEmbedder, modelFolder } from "./local-model";
import { matchNotes, matchingMatrix } from "./matching";
import {
  type Placement,
  type SuggestOptions,
  type Suggestions,
  placeByMatching,
  placeNotes,
  suggestByMatching,
  suggestByVectors,
} from "./suggest";
import { analyse } from "./text";
import { cachedVectors, createVectorCache } from "./vector-cache";

export type NoteText = { id: string; text: string };
/** local: the in-process model; remote: the EMBEDDINGS_URL provider; lexical: the built-in word-matching engine. */
export type EngineName = "local" | "remote" | "lexical";
export type FallbackCode = "missing" | "failed" | "timeout";
/** Which engine answered, which model, and why the configured one did not, when the built-in engine stood in. */
export type EngineReport = { engine: EngineName; model?: string; fallback?: string; fallbackCode?: FallbackCode };

export type ClusteringEngine = {
  suggest(notes: NoteText[], opts?: SuggestOptions): Promise<Suggestions & EngineReport>;
  place(
    clusters: { id: string; noteIds: string[] }[],
    candidates: string[],
    notes: NoteText[],
  ): Promise<{ placements: Placement[] } & EngineReport>;
  /**
   * One unit vector per note, for comparing notes and themes (the report's central notes and
   * problem/way-forward pairs): the serving model's, else the built-in word vectors.
   */
  vectorize(notes: NoteText[]): Promise<{ rows: Float32Array[] } & EngineReport>;
  /** The engine that serves and why, for the start log. */
  describe(): { engine: EngineName; model?: string; reason: string };
  /** Loads the local model now (if it serves), so the first request does not wait for it. */
  warm(): Promise<void>;
  close(): Promise<void>;
};

export type EngineOptions = {
  /** Default `auto` when a local model folder is given, else the provider if given, else the built-in engine. */
  choice?: EngineChoice;
  local?: LocalModelConfig | null;
  embeddings?: EmbeddingsConfig | null;
  fetcher?: typeof fetch;
  onFallback?: (reason: string) => void;
};

export function createClusteringEngine(opts: EngineOptions = {}): ClusteringEngine {
  const choice: EngineChoice = opts.choice ?? "auto";
  const cache = createVectorCache();
  const local: LocalEmbedder | null = opts.local
    ? createLocalEmbedder(opts.local, cache, `local:${opts.local.model}`)
    : null;
  const remote = opts.embeddings ?? null;

  const primary = ((): { engine: EngineName; reason: string } => {
    const where = opts.local ? modelFolder(opts.local) : "";
    if (choice === "lexical") return { engine: "lexical", reason: "EMBEDDINGS_ENGINE=lexical" };
    if (choice === "local") return { engine: "local", reason: "EMBEDDINGS_ENGINE=local" };
    if (choice === "remote") return { engine: "remote", reason: "EMBEDDINGS_ENGINE=remote" };
    if (local?.present()) return { engine: "local", reason: `auto: model files found in ${where}` };
    if (remote)
      return { engine: "remote", reason: `auto: no local model${where ? ` in ${where}` : ""}, EMBEDDINGS_URL set` };
    return {
      engine: "lexical",
      reason: `auto: no local model${where ? ` in ${where}` : ""} and no EMBEDDINGS_URL; \`npm run models:fetch\` installs one`,
    };
  })();

  const fellBack = (fallback: string, fallbackCode: FallbackCode) => {
    opts.onFallback?.(fallback);
    return { fallback, fallbackCode };
  };

  /** Sentence vectors from the serving model, or why the built-in engine must answer instead. */
  async function vectors(
    texts: string[],
  ): Promise<
    { rows: Float32Array[]; engine: EngineName; model: string } | { fallback: string; fallbackCode: FallbackCode }
  > {
    if (primary.engine === "local") {
      const model = opts.local?.model ?? "(none)";
      try {
        // Texts already embedded need no model: regrouping is instant, even while the model is away.
        const rows = await cachedVectors(cache, `local:${model}`, texts, (missing) => {
          if (!local?.present()) throw new NotInstalled();
          return local.embed(missing);
        });
        return { rows, engine: "local", model };
      } catch (e) {
        if (e instanceof NotInstalled)
          return fellBack(
            `The local model ${model} is not installed (run npm run models:fetch); the built-in engine answered instead.`,
            "missing",
          );
        const message = (e as Error).message;
        return fellBack(
          `The local model ${model} ${message}; the built-in engine answered instead.`,
          /no answer within/.test(message) ? "timeout" : "failed",
        );
      }
    }
    if (primary.engine === "remote" && remote) {
      try {
        const rows = await cachedVectors(cache, `remote:${remote.url}:${remote.model}`, texts, async (missing) =>
          (await fetchEmbeddings(remote, missing, opts.fetcher)).map((v) => Float32Array.from(v)),
        );
        return { rows: rows.map(unit), engine: "remote", model: remote.model };
      } catch (e) {
        const message = (e as Error).message;
        return fellBack(
          `The embeddings provider ${message}; the built-in engine answered instead.`,
          /no answer within/.test(message) ? "timeout" : "failed",
        );
      }
    }
    return { fallback: "", fallbackCode: "missing" };
  }

  const report = (v: Awaited<ReturnType<typeof vectors>>): EngineReport =>
    "rows" in v ? { engine: v.engine, model: v.model } : { engine: "lexical", ...(v.fallback ? v : {}) };

  const served = (): EngineReport => {
    const model =
      primary.engine === "local" ? opts.local?.model : primary.engine === "remote" ? remote?.model : undefined;
    return { engine: primary.engine, ...(model ? { model } : {}) };
  };

  return {
    describe: () => ({ ...served(), reason: primary.reason }),

    async warm() {
      if (primary.engine === "local" && local?.present()) await local.warm();
    },

    async suggest(notes, o = {}) {
      const analysed = notes.map((n) => analyse(n.text));
      const lexicon = await loadLexicon();
      const ids = notes.map((n) => n.id);
      // Fewer than two notes group with nothing, whatever the engine: no model is asked.
      if (notes.length < 2) return { clusters: [], unclustered: ids, ...served() };
      const v = primary.engine === "lexical" ? null : await vectors(notes.map((n) => n.text));
      if (v && "rows" in v) return { ...suggestByVectors(ids, v.rows, analysed, lexicon, o), ...report(v) };
      const result = suggestByMatching(ids, matchNotes(analysed, lexicon), analysed, lexicon, o);
      return { ...result, ...(v ? report(v) : { engine: "lexical" as const }) };
    },

    async vectorize(notes) {
      const v = primary.engine === "lexical" || !notes.length ? null : await vectors(notes.map((n) => n.text));
      if (v && "rows" in v) return { rows: v.rows, ...report(v) };
      const rows = lexicalFeatures(
        notes.map((n) => analyse(n.text)),
        await loadLexicon(),
      );
      return { rows, ...(v ? report(v) : { engine: "lexical" as const }) };
    },

    async place(clusters, candidates, notes) {
      const v = primary.engine === "lexical" ? null : await vectors(notes.map((n) => n.text));
      if (v && "rows" in v) {
        const rowOf = new Map(notes.map((n, i) => [n.id, v.rows[i]!]));
        const placements = placeNotes(
          clusters.map((c) => ({ id: c.id, rows: c.noteIds.flatMap((id) => (rowOf.has(id) ? [rowOf.get(id)!] : [])) })),
          candidates.flatMap((id) => (rowOf.has(id) ? [{ id, row: rowOf.get(id)! }] : [])),
        );
        return { placements, ...report(v) };
      }
      const placements = placeLexically(clusters, candidates, notes, await loadLexicon());
      return { placements, ...(v ? report(v) : { engine: "lexical" as const }) };
    },

    async close() {
      await local?.close();
    },
  };
}

/** The built-in engine's placements, on the whole category (similarities are relative to the board). */
function placeLexically(
  clusters: { id: string; noteIds: string[] }[],
  candidates: string[],
  notes: NoteText[],
  lexicon: Lexicon | null,
): Placement[] {
  const index = new Map(notes.map((n, i) => [n.id, i]));
  const matched = matchNotes(
    notes.map((n) => analyse(n.text)),
    lexicon,
  );
  const C = contrast(matchingMatrix(matched, lexicon), notes.length);
  return placeByMatching(
    clusters.map((c) => ({ id: c.id, members: c.noteIds.flatMap((id) => (index.has(id) ? [index.get(id)!] : [])) })),
    candidates.flatMap((id) => (index.has(id) && matched[index.get(id)!]!.total > 0 ? [index.get(id)!] : [])),
    C,
    notes.length,
  ).map((p) => ({ noteId: notes[p.index]!.id, clusterId: p.clusterId, confidence: p.confidence }));
}

function unit(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  return n > 0 ? v.map((x) => x / n) : v;
}

class NotInstalled extends Error {}
