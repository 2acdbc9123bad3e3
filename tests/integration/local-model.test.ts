import { execFile } from "node:child_process";
import { mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClusteringEngine, createClusteringEngine } from "../../server/core/clustering/engine";
import { DEMO_PASSWORD, seedDemo } from "../../server/seed/demo";
import { Browser, startTestServer, type TestServer } from "../support/server";
import { type TinyModel, writeTinyModel } from "../support/tiny-model";

const run = promisify(execFile);
const root = path.resolve(__dirname, "../..");

/**
 * A model built here, in the layout transformers.js reads, run through the
 * real loading and inference path (worker thread, ONNX Runtime). Its word
 * table puts care, work and language words in three directions, so the test
 * knows which notes it finds alike; words the built-in engine would not
 * connect ("nursery", "crèche") are alike for it.
 */
const axis = (k: number, dim = 8) => Array.from({ length: dim }, (_, d) => (d === k ? 1 : d === 7 ? 0.05 : 0));
const WORDS: TinyModel["words"] = {
  nursery: axis(0),
  crèche: axis(0),
  babysitting: axis(0),
  payroll: axis(1),
  recruiters: axis(1),
  wages: axis(1),
  interpreters: axis(2),
  translation: axis(2),
  leaflets: axis(2),
};
const notes = [
  "nursery",
  "crèche babysitting",
  "babysitting nursery",
  "payroll",
  "recruiters wages",
  "wages payroll",
  "interpreters",
  "translation leaflets",
  "leaflets interpreters",
  "🙂",
].map((text, i) => ({ id: `n${i}`, text }));
const groupsOf = (r: { clusters: { noteIds: string[] }[] }) => r.clusters.map((c) => [...c.noteIds].sort()).sort();
const THEMES = [
  ["n0", "n1", "n2"],
  ["n3", "n4", "n5"],
  ["n6", "n7", "n8"],
];

describe("the local sentence-embedding model", () => {
  const modelsDir = mkdtempSync(path.join(tmpdir(), "plenary-models-"));
  writeTinyModel(path.join(modelsDir, "test", "tiny"), { words: WORDS });
  const local = { modelsDir, model: "test/tiny", timeoutMs: 60_000 };
  const engines: ClusteringEngine[] = [];
  const engine = (o: Parameters<typeof createClusteringEngine>[0]) => {
    const e = createClusteringEngine(o);
    engines.push(e);
    return e;
  };
  afterAll(async () => {
    for (const e of engines) await e.close();
  });

  it("serves under auto when its files are present, and groups by the model's geometry", async () => {
    const e = engine({ choice: "auto", local });
    expect(e.describe()).toMatchObject({ engine: "local", model: "test/tiny", reason: expect.stringMatching(/found/) });
    const r = await e.suggest(notes);
    expect(r).toMatchObject({ engine: "local", model: "test/tiny" });
    expect(r.fallback).toBeUndefined();
    expect(groupsOf(r)).toEqual(THEMES);
    expect(r.unclustered).toEqual(["n9"]);
    for (const c of r.clusters) expect(c.label.split(" ").length).toBeGreaterThanOrEqual(2);
  });

  it("keeps vectors by (model, text): asking again needs no inference, even with the model gone", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "plenary-models-"));
    writeTinyModel(path.join(dir, "test", "tiny"), { words: WORDS });
    const e = engine({ choice: "local", local: { ...local, modelsDir: dir } });
    await e.suggest(notes);
    renameSync(path.join(dir, "test"), path.join(dir, "gone"));
    const again = await e.suggest(notes, { k: 3 });
    expect(again).toMatchObject({ engine: "local" });
    expect(groupsOf(again)).toEqual(THEMES);
    // A text it has not seen does need the model, which is gone: the built-in engine answers.
    const more = await e.suggest([...notes, { id: "n10", text: "payroll recruiters" }]);
    expect(more).toMatchObject({ engine: "lexical", fallbackCode: "missing" });
  });

  it("runs inference off the event loop: timers keep firing while a slow model works", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "plenary-models-"));
    const wide = Object.fromEntries(Object.entries(WORDS).map(([w, v]) => [w, [...v, ...new Array(248).fill(0)]]));
    writeTinyModel(path.join(dir, "slow"), { words: wide, slow: 400 });
    const e = engine({ choice: "local", local: { modelsDir: dir, model: "slow", timeoutMs: 120_000 } });
    await e.warm();
    const many = Array.from({ length: 120 }, (_, i) => ({ id: `m${i}`, text: `${notes[i % 9]!.text} wages ${i}` }));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const t0 = Date.now();
    const r = await e.suggest(many);
    clearInterval(timer);
    const took = Date.now() - t0;
    expect(r.engine).toBe("local");
    // Blocked for `took` ms, the interval would have fired about once; free, about took/10 times.
    expect(took).toBeGreaterThan(300);
    expect(ticks).toBeGreaterThan(took / 10 / 4);
  }, 180_000);

  it("answers with the built-in engine, and says so, when the model's files are missing", async () => {
    const e = engine({ choice: "local", local: { ...local, model: "test/absent" } });
    const r = await e.suggest(notes);
    expect(r).toMatchObject({ engine: "lexical", fallbackCode: "missing" });
    expect(r.fallback).toMatch(/not installed.*models:fetch/);
    // Under auto, a missing model is no failure: the built-in engine simply serves.
    const auto = engine({ choice: "auto", local: { ...local, model: "test/absent" } });
    expect(auto.describe()).toMatchObject({ engine: "lexical", reason: expect.stringMatching(/models:fetch/) });
    expect(await auto.suggest(notes)).not.toHaveProperty("fallback");
  });

  it("answers with the built-in engine, and says so, when the model file is corrupt", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "plenary-models-"));
    const folder = writeTinyModel(path.join(dir, "broken"), { words: WORDS });
    writeFileSync(path.join(folder, "onnx", "model.onnx"), "this is not an ONNX model");
    const reasons: string[] = [];
    const e = engine({
      choice: "auto",
      local: { modelsDir: dir, model: "broken", timeoutMs: 60_000 },
      onFallback: (r) => reasons.push(r),
    });
    expect(e.describe().engine).toBe("local");
    const r = await e.suggest(notes);
    expect(r).toMatchObject({ engine: "lexical", fallbackCode: "failed" });
    expect(r.fallback).toMatch(/could not be loaded/);
    expect(reasons).toHaveLength(1);
    expect([...r.clusters.flatMap((c) => c.noteIds), ...r.unclustered].sort()).toEqual(notes.map((n) => n.id).sort());
    await expect(e.warm()).rejects.toThrow(/could not be loaded/);
  });

  it("answers with the built-in engine when inference is too slow, and keeps the late answer for next time", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "plenary-models-"));
    const wide = Object.fromEntries(Object.entries(WORDS).map(([w, v]) => [w, [...v, ...new Array(248).fill(0)]]));
    writeTinyModel(path.join(dir, "slow"), { words: wide, slow: 400 });
    const e = engine({ choice: "local", local: { modelsDir: dir, model: "slow", timeoutMs: 150 } });
    const many = Array.from({ length: 60 }, (_, i) => ({ id: `m${i}`, text: `${notes[i % 9]!.text} ${i}` }));
    const r = await e.suggest(many);
    expect(r).toMatchObject({ engine: "lexical", fallbackCode: "timeout" });
    expect(r.fallback).toMatch(/no answer within 150 ms/);
    // The model finishes in the background; once it has, the same request is answered from its vectors.
    let again = r;
    for (let i = 0; i < 240 && again.engine !== "local"; i++) {
      await new Promise((res) => setTimeout(res, 500));
      again = await e.suggest(many);
    }
    expect(again.engine).toBe("local");
  }, 180_000);

  it("serves `npm run --silent cluster -- FILE --engine local` with the same contract", async () => {
    const file = path.join(modelsDir, "request.json");
    writeFileSync(file, JSON.stringify({ notes }));
    const { stdout, stderr } = await run("npm", ["run", "--silent", "cluster", "--", file, "--engine", "local"], {
      cwd: root,
      env: { ...process.env, MODELS_DIR: modelsDir, EMBEDDINGS_LOCAL_MODEL: "test/tiny" },
    });
    expect(stderr).toBe("");
    const out = JSON.parse(stdout) as { clusters: { label: string; noteIds: string[] }[] };
    expect(out.clusters.flatMap((c) => c.noteIds).sort()).toEqual(notes.map((n) => n.id).sort());
    expect(
      out.clusters
        .filter((c) => c.noteIds.length > 1)
        .map((c) => c.noteIds.sort())
        .sort(),
    ).toEqual(THEMES);
    const missing = await run("npm", ["run", "--silent", "cluster", "--", file, "--engine", "local"], {
      cwd: root,
      env: { ...process.env, MODELS_DIR: modelsDir, EMBEDDINGS_LOCAL_MODEL: "test/absent" },
    });
    expect(missing.stderr).toMatch(/not installed/);
    expect(JSON.parse(missing.stdout)).toHaveProperty("clusters");
    const bad = await run("npm", ["run", "--silent", "cluster", "--", file, "--engine", "quantum"], {
      cwd: root,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringMatching(/--engine must be one of/) });
  }, 60_000);
});

describe("the suggestions page when the local model cannot answer", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer("sqlite", {
      EMBEDDINGS_ENGINE: "local",
      MODELS_DIR: mkdtempSync(path.join(tmpdir(), "plenary-no-models-")),
    });
    await seedDemo(t.server.db);
  });
  afterAll(() => t.close());

  it("says the built-in engine answered because the model is not installed", async () => {
    const b = new Browser(t.url);
    await b.signIn("facilitator@plenary.demo", DEMO_PASSWORD);
    const board = await t.server.db.board.findFirstOrThrow({ where: { kind: "room" } });
    const event = await t.server.db.event.findUniqueOrThrow({ where: { id: board.eventId } });
    const res = await b.get(
      `/events/${event.slug}/boards/${board.id}/suggestions?category=barriers&_data=${encodeURIComponent("routes/events.$slug.boards.$boardId_.suggestions")}`,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ mode: "clusters", engine: "lexical", fallbackCode: "missing" });
  });
});
