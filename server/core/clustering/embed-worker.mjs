// Sentence embeddings with transformers.js (ONNX Runtime for Node), in a worker
// thread so that loading a model and running it never holds up the event loop
// that serves boards. Plain JavaScript so that it runs the same under tsx,
// vitest and plain node. Messages: {type: "load", modelsDir, model, dtype,
// threads} → {type: "loaded", dims} | {type: "error"}; {type: "embed", id,
// texts} → {type: "vectors", id, dims, data} | {type: "error", id}.
import { parentPort } from "node:worker_threads";

const BATCH = 32;
let extractor = null;

async function load({ modelsDir, model, dtype, threads }) {
  const { env, pipeline } = await import("@huggingface/transformers");
  // Nothing is ever downloaded here: models come only from `npm run models:fetch` or a copied folder.
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = modelsDir.endsWith("/") ? modelsDir : `${modelsDir}/`;
  env.useFSCache = false;
  extractor = await pipeline("feature-extraction", model, {
    dtype,
    device: "cpu",
    session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 },
  });
  const probe = await extractor(["a"], { pooling: "mean", normalize: true });
  return probe.dims[1];
}

async function embed(texts) {
  if (!extractor) throw new Error("the model is not loaded");
  let dims = 0;
  const parts = [];
  for (let i = 0; i < texts.length; i += BATCH) {
    const out = await extractor(texts.slice(i, i + BATCH), { pooling: "mean", normalize: true });
    dims = out.dims[1];
    parts.push(out.data);
  }
  const data = new Float32Array(texts.length * dims);
  let at = 0;
  for (const p of parts) {
    data.set(p, at);
    at += p.length;
  }
  return { dims, data };
}

parentPort.on("message", async (msg) => {
  try {
    if (msg.type === "load") {
      const dims = await load(msg);
      parentPort.postMessage({ type: "loaded", dims });
    } else if (msg.type === "embed") {
      const { dims, data } = await embed(msg.texts);
      parentPort.postMessage({ type: "vectors", id: msg.id, dims, data }, [data.buffer]);
    }
  } catch (e) {
    parentPort.postMessage({ type: "error", id: msg.id, message: e instanceof Error ? e.message : String(e) });
  }
});
