// npm run models:fetch [-- --model ID] [--dir DIR] [--dtype q8|fp32] [--revision REV]
// Downloads a sentence-embedding model once, from the Hugging Face hub (or the mirror in
// HF_ENDPOINT), into MODELS_DIR/<model id>/ (default data/models), checks that it loads and
// answers, and only then puts it in place. This is the only command that downloads a model:
// the server never does. An air-gapped host copies the folder made here instead.
import { createHash } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream } from "node:stream/web";
import { clusteringConfig } from "../server/core/clustering/config";
import {
  type LocalModelConfig,
  MANIFEST,
  createLocalEmbedder,
  modelFolder,
} from "../server/core/clustering/local-model";
import { createVectorCache } from "../server/core/clustering/vector-cache";

function fail(message: string): never {
  process.stderr.write(`models:fetch: ${message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2).filter((a) => a !== "--");
const opt = (name: string) => {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return args[i]!.includes("=") ? args[i]!.split("=").slice(1).join("=") : args[i + 1];
};
for (const a of args)
  if (a.startsWith("--") && !/^--(model|dir|dtype|revision)(=|$)/.test(a))
    fail(`unknown option ${a} (options: --model ID, --dir DIR, --dtype q8|fp32, --revision REV)`);

let config: LocalModelConfig;
try {
  config = clusteringConfig({
    ...process.env,
    EMBEDDINGS_ENGINE: "local",
    ...(opt("model") ? { EMBEDDINGS_LOCAL_MODEL: opt("model") } : {}),
    ...(opt("dir") ? { MODELS_DIR: opt("dir") } : {}),
  }).local;
} catch (e) {
  fail((e as Error).message);
}
const dtype = opt("dtype") ?? "q8";
if (dtype !== "q8" && dtype !== "fp32") fail("--dtype must be q8 (smaller, the default) or fp32");
const revision = opt("revision") ?? "main";
const hub = (process.env.HF_ENDPOINT ?? "https://huggingface.co").replace(/\/+$/, "");
const files = [
  "config.json",
  "tokenizer.json",
  "tokenizer_config.json",
  dtype === "q8" ? "onnx/model_quantized.onnx" : "onnx/model.onnx",
];
const optional = new Set(["special_tokens_map.json"]);

const target = modelFolder(config);
const partial = `${target}.partial-${process.pid}`;
rmSync(partial, { recursive: true, force: true });
process.on("exit", () => rmSync(partial, { recursive: true, force: true }));

async function download(file: string): Promise<{ file: string; bytes: number; sha256: string } | null> {
  const url = `${hub}/${config.model}/resolve/${encodeURIComponent(revision)}/${file}`;
  let res: Response;
  try {
    res = await fetch(url, { redirect: "follow" });
  } catch (e) {
    fail(
      `cannot reach ${new URL(hub).host} (${(e as Error).cause ?? (e as Error).message}). ` +
        `On a host without internet access, run this command where there is, then copy ${target} to the same place here.`,
    );
  }
  if (res.status === 404 && optional.has(file)) return null;
  if (!res.ok || !res.body)
    fail(
      `${url} answered HTTP ${res.status}${res.status === 404 ? ` (is ${config.model} a model id on the hub?)` : ""}`,
    );
  const out = path.join(partial, file);
  mkdirSync(path.dirname(out), { recursive: true });
  const hash = createHash("sha256");
  let bytes = 0;
  const total = Number(res.headers.get("content-length") ?? 0);
  let shown = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      if (process.stdout.isTTY && total && bytes - shown > 4 << 20) {
        shown = bytes;
        process.stdout.write(`\r  ${file}: ${Math.round((100 * bytes) / total)} %`);
      }
      done(null, chunk);
    },
  });
  await pipeline(Readable.fromWeb(res.body as ReadableStream), count, createWriteStream(out));
  if (process.stdout.isTTY && shown) process.stdout.write("\r");
  process.stdout.write(`  ${file}: ${(bytes / 1e6).toFixed(1)} MB\n`);
  return { file, bytes, sha256: hash.digest("hex") };
}

process.stdout.write(`models:fetch: ${config.model} (${dtype}) from ${hub} into ${target}\n`);
const fetched = [];
for (const f of [...files, ...optional]) {
  const r = await download(f);
  if (r) fetched.push(r);
}
writeFileSync(
  path.join(partial, MANIFEST),
  `${JSON.stringify({ model: config.model, dtype, revision, source: hub, fetchedAt: new Date().toISOString(), files: fetched }, null, 2)}\n`,
);

// The model must load and answer before it replaces anything.
const check = createLocalEmbedder(
  { modelsDir: path.dirname(partial), model: path.relative(path.dirname(partial), partial), timeoutMs: 600_000 },
  createVectorCache(4),
  "check",
);
try {
  const [v] = await check.embed(["Access to information for migrant women"]);
  process.stdout.write(`models:fetch: the model loads and answers (${v!.length} dimensions)\n`);
} catch (e) {
  fail(`the downloaded model does not work: ${(e as Error).message}`);
} finally {
  await check.close();
}
if (existsSync(target)) rmSync(target, { recursive: true, force: true });
mkdirSync(path.dirname(target), { recursive: true });
renameSync(partial, target);
const size = fetched.reduce((t, f) => t + statSync(path.join(target, f.file)).size, 0);
process.stdout.write(
  `models:fetch: done, ${(size / 1e6).toFixed(0)} MB in ${target}. ` +
    `With EMBEDDINGS_ENGINE=auto (the default), Plenary uses it from its next start.\n`,
);
