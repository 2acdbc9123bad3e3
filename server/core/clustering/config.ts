import { z } from "zod";
import type { EmbeddingsConfig } from "./embeddings";

const schema = z.object({
  EMBEDDINGS_URL: z.url({ protocol: /^https?$/, error: "EMBEDDINGS_URL must be an http(s) URL" }).optional(),
  EMBEDDINGS_MODEL: z.string().min(1).optional(),
  EMBEDDINGS_API_KEY: z.string().optional(),
  EMBEDDINGS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
});

/** The optional embeddings provider, when both EMBEDDINGS_URL and EMBEDDINGS_MODEL are set. */
export function embeddingsConfig(env: Record<string, string | undefined>): EmbeddingsConfig | null {
  const e = schema.parse({
    ...env,
    EMBEDDINGS_URL: env.EMBEDDINGS_URL || undefined,
    EMBEDDINGS_MODEL: env.EMBEDDINGS_MODEL || undefined,
  });
  if (!e.EMBEDDINGS_URL || !e.EMBEDDINGS_MODEL) return null;
  return {
    url: e.EMBEDDINGS_URL,
    model: e.EMBEDDINGS_MODEL,
    timeoutMs: e.EMBEDDINGS_TIMEOUT_MS,
    ...(e.EMBEDDINGS_API_KEY ? { apiKey: e.EMBEDDINGS_API_KEY } : {}),
  };
}
