import { z } from "zod";
import { type ClusteringConfig, clusteringConfig } from "./core/clustering/config";
import { type DatabaseTarget, resolveDatabase } from "./db/resolve-database";

/** Every environment variable Plenary reads; README.md lists the same, with defaults. */
const schema = z.object({
  PORT: z.coerce
    .number({ error: "PORT must be a number" })
    .int()
    .min(0)
    .max(65535, "PORT must be at most 65535")
    .default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).optional(),
  SESSION_SECRET: z
    .string()
    .min(32, "SESSION_SECRET must be at least 32 characters (or unset it to have one generated)")
    .optional(),
  PUBLIC_URL: z.url({ error: "PUBLIC_URL must be an absolute URL such as https://plenary.example.org" }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().default("Plenary <no-reply@plenary.localhost>"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "REDIS_URL must start with redis:// or rediss://")
    .optional(),
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  LOG_QUIET: z.enum(["0", "1"]).default("0"),
  NODE_ENV: z.string().default("production"),
  EMBEDDINGS_URL: z
    .url({
      protocol: /^https?$/,
      error: "EMBEDDINGS_URL must be an http(s) URL such as http://localhost:11434/v1/embeddings",
    })
    .optional(),
  EMBEDDINGS_MODEL: z.string().optional(),
  EMBEDDINGS_API_KEY: z.string().optional(),
  EMBEDDINGS_TIMEOUT_MS: z.coerce
    .number({ error: "EMBEDDINGS_TIMEOUT_MS must be a number" })
    .int()
    .min(100)
    .max(600_000)
    .default(10_000),
  LLM_URL: z
    .url({ protocol: /^https?$/, error: "LLM_URL must be an http(s) URL such as http://localhost:11434/v1" })
    .optional(),
  LLM_MODEL: z.string().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_TIMEOUT_MS: z.coerce
    .number({ error: "LLM_TIMEOUT_MS must be a number" })
    .int()
    .min(100)
    .max(3_600_000)
    .default(120_000),
});

export type Env = z.infer<typeof schema> & { database: DatabaseTarget; clustering: ClusteringConfig };

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses the environment, or throws one EnvError whose message is a single line that says what to fix. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const first = result.error.issues[0]!;
    throw new EnvError(`Invalid environment: ${first.path.join(".")}: ${first.message}`);
  }
  let database: DatabaseTarget;
  try {
    database = resolveDatabase(result.data.DATABASE_URL);
  } catch (e) {
    throw new EnvError(`Invalid environment: ${(e as Error).message}`);
  }
  let clustering: ClusteringConfig;
  try {
    // EMBEDDINGS_ENGINE, EMBEDDINGS_LOCAL_MODEL and MODELS_DIR, with the provider's variables above.
    clustering = clusteringConfig(cleaned);
  } catch (e) {
    throw new EnvError(`Invalid environment: ${(e as Error).message}`);
  }
  return { ...result.data, database, clustering };
}

/** A URL to show in logs without its password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}
