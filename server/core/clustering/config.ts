import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { EmbeddingsConfig } from "./embeddings";
import type { LocalModelConfig } from "./local-model";

/** A small multilingual sentence-embedding model (50+ languages, English, French, Spanish and Arabic among them). */
export const DEFAULT_LOCAL_MODEL = "Xenova/paraphrase-multilingual-MiniLM-L12-v2";
/** The project's folder: a relative MODELS_DIR means the same folder wherever a command starts. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const ENGINE_CHOICES = ["auto", "local", "remote", "lexical"] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

const schema = z.object({
  EMBEDDINGS_ENGINE: z.enum(ENGINE_CHOICES, { error: "EMBEDDINGS_ENGINE must be auto, local, remote or lexical" }),
  EMBEDDINGS_URL: z.url({ protocol: /^https?$/, error: "EMBEDDINGS_URL must be an http(s) URL" }).optional(),
  EMBEDDINGS_MODEL: z.string().min(1).optional(),
  EMBEDDINGS_API_KEY: z.string().optional(),
  EMBEDDINGS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  EMBEDDINGS_LOCAL_MODEL: z
    .string()
    .regex(/^[\w.-]+(\/[\w.-]+)?$/, "EMBEDDINGS_LOCAL_MODEL must be a model id such as Xenova/multilingual-e5-small")
    .refine((m) => !m.split("/").includes(".."), "EMBEDDINGS_LOCAL_MODEL must not contain ..")
    .default(DEFAULT_LOCAL_MODEL),
  MODELS_DIR: z.string().min(1).default("data/models"),
});

export type ClusteringConfig = {
  choice: EngineChoice;
  remote: EmbeddingsConfig | null;
  local: LocalModelConfig;
};

/**
 * Which engine suggests clusters, from the environment: `auto` (the local
 * model when its files are present, else the EMBEDDINGS_URL provider, else
 * the built-in engine), or `local`, `remote`, `lexical` to insist. Throws a
 * one-line error for a bad value.
 */
export function clusteringConfig(env: Record<string, string | undefined>, root = ROOT): ClusteringConfig {
  const blank = (v: string | undefined) => (v === "" ? undefined : v);
  const parsed = schema.safeParse({
    EMBEDDINGS_ENGINE: blank(env.EMBEDDINGS_ENGINE) ?? "auto",
    EMBEDDINGS_URL: blank(env.EMBEDDINGS_URL),
    EMBEDDINGS_MODEL: blank(env.EMBEDDINGS_MODEL),
    EMBEDDINGS_API_KEY: blank(env.EMBEDDINGS_API_KEY),
    EMBEDDINGS_TIMEOUT_MS: blank(env.EMBEDDINGS_TIMEOUT_MS),
    EMBEDDINGS_LOCAL_MODEL: blank(env.EMBEDDINGS_LOCAL_MODEL),
    MODELS_DIR: blank(env.MODELS_DIR),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join(".")}: ${issue.message}`);
  }
  const e = parsed.data;
  const remote =
    e.EMBEDDINGS_URL && e.EMBEDDINGS_MODEL
      ? {
          url: e.EMBEDDINGS_URL,
          model: e.EMBEDDINGS_MODEL,
          timeoutMs: e.EMBEDDINGS_TIMEOUT_MS,
          ...(e.EMBEDDINGS_API_KEY ? { apiKey: e.EMBEDDINGS_API_KEY } : {}),
        }
      : null;
  if (e.EMBEDDINGS_ENGINE === "remote" && !remote)
    throw new Error("EMBEDDINGS_ENGINE=remote needs EMBEDDINGS_URL and EMBEDDINGS_MODEL");
  return {
    choice: e.EMBEDDINGS_ENGINE,
    remote,
    local: {
      modelsDir: path.resolve(root, e.MODELS_DIR),
      model: e.EMBEDDINGS_LOCAL_MODEL,
      timeoutMs: e.EMBEDDINGS_TIMEOUT_MS,
    },
  };
}

/** The optional embeddings provider, when both EMBEDDINGS_URL and EMBEDDINGS_MODEL are set. */
export function embeddingsConfig(env: Record<string, string | undefined>): EmbeddingsConfig | null {
  return clusteringConfig({ ...env, EMBEDDINGS_ENGINE: undefined }).remote;
}
