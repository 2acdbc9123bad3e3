import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTinyModel } from "../support/tiny-model";

const run = promisify(execFile);
const root = path.resolve(__dirname, "../..");

/**
 * `npm run models:fetch` against a hub on loopback that serves a model built
 * here, in the hub's URL layout (/<model id>/resolve/<revision>/<file>): the
 * real download, check and placement, without the internet.
 */
describe("npm run models:fetch", () => {
  const source = mkdtempSync(path.join(tmpdir(), "plenary-hub-"));
  writeTinyModel(path.join(source, "acme", "tiny"), { words: { childcare: [1, 0, 0], wages: [0, 1, 0] } });
  let hub: Server;
  let url = "";
  const asked: string[] = [];
  beforeAll(async () => {
    hub = createServer((req, res) => {
      asked.push(req.url ?? "");
      const m = /^\/(acme\/[\w-]+)\/resolve\/main\/(.+)$/.exec(req.url ?? "");
      let file = m ? path.join(source, m[1]!, m[2]!) : "";
      if (m?.[2] === "onnx/model_quantized.onnx") file = path.join(source, m[1]!, "onnx", "model.onnx");
      if (!file || !existsSync(file)) return void res.writeHead(404).end("not found");
      res.writeHead(200, { "content-type": "application/octet-stream" }).end(readFileSync(file));
    });
    await new Promise<void>((r) => hub.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => hub.close(() => r())));

  const fetchModel = (dir: string, model: string, extra: string[] = []) =>
    run("npm", ["run", "--silent", "models:fetch", "--", "--model", model, "--dir", dir, ...extra], {
      cwd: root,
      env: { ...process.env, HF_ENDPOINT: url },
    });

  it("downloads the model's files, checks that it answers, and puts it where the engine looks", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "plenary-models-"));
    const { stdout } = await fetchModel(dir, "acme/tiny", ["--dtype", "fp32"]);
    expect(stdout).toMatch(/loads and answers \(3 dimensions\)/);
    const folder = path.join(dir, "acme", "tiny");
    expect(readdirSync(folder).sort()).toEqual(
      ["config.json", "onnx", "plenary-model.json", "tokenizer.json", "tokenizer_config.json"].sort(),
    );
    const manifest = JSON.parse(readFileSync(path.join(folder, "plenary-model.json"), "utf8")) as {
      model: string;
      dtype: string;
      files: { file: string; sha256: string }[];
    };
    expect(manifest).toMatchObject({ model: "acme/tiny", dtype: "fp32" });
    expect(manifest.files.map((f) => f.file)).toContain("onnx/model.onnx");
    expect(asked).toContain("/acme/tiny/resolve/main/onnx/model.onnx");
    // The quantised file (the default) is another download, into the same place.
    await fetchModel(dir, "acme/tiny");
    expect(existsSync(path.join(folder, "onnx", "model_quantized.onnx"))).toBe(true);
    expect(readdirSync(path.join(dir, "acme")).filter((f) => f.includes("partial"))).toEqual([]);
  }, 60_000);

  it("says what went wrong and leaves nothing behind when the model is unknown or broken", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "plenary-models-"));
    const unknown = await fetchModel(dir, "acme/nothing").catch((e: { code: number; stderr: string }) => e);
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringMatching(/HTTP 404.*model id/) });
    const bad = await fetchModel(dir, "../etc").catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringMatching(/EMBEDDINGS_LOCAL_MODEL/) });
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});
