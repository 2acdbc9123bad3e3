import { z } from "zod";

export type EmbeddingsConfig = { url: string; model: string; timeoutMs: number; apiKey?: string };

const BATCH = 128;
const response = z.object({
  data: z.array(z.object({ embedding: z.array(z.number()), index: z.number().int().optional() })),
});

/** `http://host:11434` or `…/v1` or `…/v1/embeddings` all mean the OpenAI-compatible embeddings endpoint. */
export function endpointOf(url: string): string {
  const u = url.replace(/\/+$/, "");
  if (u.endsWith("/embeddings")) return u;
  if (u.endsWith("/v1")) return `${u}/embeddings`;
  return `${u}/v1/embeddings`;
}

/** Sentence embeddings from an OpenAI-compatible `/v1/embeddings` endpoint (a local Ollama, for example). */
export async function fetchEmbeddings(
  config: EmbeddingsConfig,
  texts: string[],
  fetcher: typeof fetch = fetch,
): Promise<number[][]> {
  const out: number[][] = [];
  const deadline = AbortSignal.timeout(config.timeoutMs);
  for (let start = 0; start < texts.length; start += BATCH) {
    const input = texts.slice(start, start + BATCH).map((t) => t.slice(0, 2000) || " ");
    let res: Response;
    try {
      res = await fetcher(endpointOf(config.url), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
        },
        body: JSON.stringify({ model: config.model, input }),
        signal: deadline,
      });
    } catch (e) {
      throw new Error(
        deadline.aborted ? `no answer within ${config.timeoutMs} ms` : `unreachable (${(e as Error).message})`,
      );
    }
    if (!res.ok) throw new Error(`answered HTTP ${res.status}`);
    const parsed = response.safeParse(await res.json().catch(() => null));
    if (!parsed.success || parsed.data.data.length !== input.length)
      throw new Error("answered something other than one embedding per text");
    const ordered = parsed.data.data.map((d, i) => ({ i: d.index ?? i, v: d.embedding })).sort((a, b) => a.i - b.i);
    const dims = ordered[0]?.v.length ?? 0;
    if (!dims || ordered.some((d) => d.v.length !== dims)) throw new Error("answered embeddings of differing sizes");
    out.push(...ordered.map((d) => d.v));
  }
  return out;
}
