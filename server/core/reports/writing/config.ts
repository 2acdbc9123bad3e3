import { z } from "zod";

export type ModelConfig = { url: string; model: string; timeoutMs: number; apiKey?: string };

const schema = z.object({
  LLM_URL: z.url({ protocol: /^https?$/, error: "LLM_URL must be an http(s) URL" }).optional(),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(120_000),
});

/** The optional language model for report drafting, when both LLM_URL and LLM_MODEL are set. */
export function modelConfig(env: Record<string, string | undefined>): ModelConfig | null {
  const e = schema.parse({ ...env, LLM_URL: env.LLM_URL || undefined, LLM_MODEL: env.LLM_MODEL || undefined });
  if (!e.LLM_URL || !e.LLM_MODEL) return null;
  return {
    url: e.LLM_URL,
    model: e.LLM_MODEL,
    timeoutMs: e.LLM_TIMEOUT_MS,
    ...(e.LLM_API_KEY ? { apiKey: e.LLM_API_KEY } : {}),
  };
}

/** `http://host:11434`, `…/v1` and `…/v1/chat/completions` all mean the OpenAI-compatible chat endpoint. */
export function chatEndpoint(url: string): string {
  const u = url.replace(/\/+$/, "");
  if (u.endsWith("/chat/completions")) return u;
  if (u.endsWith("/v1")) return `${u}/chat/completions`;
  return `${u}/v1/chat/completions`;
}
