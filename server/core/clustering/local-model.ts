import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { VectorCache } from "./vector-cache";

/**
 * The in-process sentence-embedding model: files that `npm run models:fetch`
 * put in `<modelsDir>/<model id>/` (or that an air-gapped host copied there),
 * run by transformers.js in a worker thread. Nothing is downloaded here.
 */
export type LocalModelConfig = { modelsDir: string; model: string; timeoutMs: number };

/** The manifest models:fetch writes beside the files. */
export const MANIFEST = "plenary-model.json";
const REQUIRED = ["config.json", "tokenizer.json", "tokenizer_config.json"];

export const modelFolder = (c: Pick<LocalModelConfig, "modelsDir" | "model">) => path.join(c.modelsDir, c.model);

/** Which ONNX file to run: the manifest's choice, else the quantised file when present, else full precision. */
export function inspectModel(
  c: Pick<LocalModelConfig, "modelsDir" | "model">,
): { present: true; dtype: "q8" | "fp32" } | { present: false; missing: string } {
  const dir = modelFolder(c);
  const missing = REQUIRED.find((f) => !existsSync(path.join(dir, f)));
  if (missing) return { present: false, missing: `${path.join(dir, missing)} is missing` };
  let dtype: "q8" | "fp32" | undefined;
  try {
    const m = JSON.parse(readFileSync(path.join(dir, MANIFEST), "utf8")) as { dtype?: string };
    if (m.dtype === "q8" || m.dtype === "fp32") dtype = m.dtype;
  } catch {
    // No manifest (a folder copied by hand): the files decide.
  }
  dtype ??= existsSync(path.join(dir, "onnx", "model_quantized.onnx")) ? "q8" : "fp32";
  const file = path.join(dir, "onnx", dtype === "q8" ? "model_quantized.onnx" : "model.onnx");
  if (!existsSync(file)) return { present: false, missing: `${file} is missing` };
  return { present: true, dtype };
}

/** E5 models were trained with a prefix on every text; others take texts as they are. */
const prefixFor = (model: string) => (/(^|\/)(multilingual-)?e5-/i.test(model) ? "query: " : "");

type Job = { resolve: (v: Float32Array[]) => void; reject: (e: Error) => void; texts: string[] };

export function createLocalEmbedder(config: LocalModelConfig, cache: VectorCache, cacheKey: string) {
  let worker: Worker | null = null;
  let ready: Promise<number> | null = null;
  let failure: string | null = null;
  let nextId = 1;
  const jobs = new Map<number, Job>();

  function fail(message: string) {
    failure = message;
    for (const j of jobs.values()) j.reject(new Error(message));
    jobs.clear();
    void worker?.terminate();
    worker = null;
  }

  function start(): Promise<number> {
    const found = inspectModel(config);
    if (!found.present) return Promise.reject(new Error(found.missing));
    const w = new Worker(new URL("./embed-worker.mjs", import.meta.url));
    worker = w;
    // The worker must not keep a finished process (a CLI run, a test) alive.
    w.unref();
    return new Promise<number>((resolve, reject) => {
      w.on("message", (msg: { type: string; id?: number; dims?: number; data?: Float32Array; message?: string }) => {
        if (msg.type === "loaded") return resolve(msg.dims!);
        const job = msg.id !== undefined ? jobs.get(msg.id) : undefined;
        if (msg.type === "error" && msg.id === undefined) {
          reject(new Error(`could not be loaded (${msg.message})`));
          return fail(`could not be loaded (${msg.message})`);
        }
        if (!job) return;
        jobs.delete(msg.id!);
        if (msg.type === "error") return job.reject(new Error(`failed (${msg.message})`));
        const vectors = job.texts.map((_, i) => msg.data!.slice(i * msg.dims!, (i + 1) * msg.dims!));
        // Even an answer that came too late for its request is kept, so the next request is quick.
        job.texts.forEach((t, i) => cache.set(cacheKey, t, vectors[i]!));
        job.resolve(vectors);
      });
      w.on("error", (e) => {
        reject(new Error(`stopped (${e.message})`));
        fail(`stopped (${e.message})`);
      });
      w.on("exit", (code) => {
        if (worker === w && code !== 0) fail(`stopped (exit code ${code})`);
      });
      w.postMessage({
        type: "load",
        modelsDir: config.modelsDir,
        model: config.model,
        dtype: found.dtype,
        threads: Math.max(1, availableParallelism() - 1),
      });
    });
  }

  /** Loads the model (once); later calls share the same promise. */
  function load(): Promise<number> {
    if (failure) return Promise.reject(new Error(failure));
    ready ??= start().catch((e: Error) => {
      failure ??= e.message;
      throw e;
    });
    return ready;
  }

  function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`gave no answer within ${ms} ms`)), ms);
      p.then(
        (v) => (clearTimeout(timer), resolve(v)),
        (e: unknown) => (clearTimeout(timer), reject(e as Error)),
      );
    });
  }

  return {
    config,
    /** Whether the model's files are in place (not whether they load). */
    present: () => inspectModel(config).present,
    /** Why the model cannot answer, once it has failed to load or crashed. */
    failure: () => failure,
    /** Starts loading now, so the first facilitator does not wait for it; resolves to the vector size. */
    warm: load,
    /** One unit vector per text; rejects after the configured time (the work goes on and fills the cache). */
    embed(texts: string[]): Promise<Float32Array[]> {
      const prefix = prefixFor(config.model);
      const run = load().then(
        () =>
          new Promise<Float32Array[]>((resolve, reject) => {
            const id = nextId++;
            jobs.set(id, { resolve, reject, texts });
            worker!.postMessage({ type: "embed", id, texts: texts.map((t) => prefix + (t.slice(0, 2000) || " ")) });
          }),
      );
      return withDeadline(run, config.timeoutMs);
    },
    async close() {
      const w = worker;
      worker = null;
      for (const j of jobs.values()) j.reject(new Error("closed"));
      jobs.clear();
      await w?.terminate();
    },
  };
}

export type LocalEmbedder = ReturnType<typeof createLocalEmbedder>;
