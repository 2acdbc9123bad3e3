import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClusteringEngine } from "../../server/core/clustering/engine";

const run = promisify(execFile);
const engine = createClusteringEngine();
const notes = (texts: string[]) => texts.map((text, i) => ({ id: `n${i}`, text }));
const everyIdOnce = (r: { clusters: { noteIds: string[] }[]; unclustered: string[] }, ids: string[]) =>
  expect([...r.clusters.flatMap((c) => c.noteIds), ...r.unclustered].sort()).toEqual([...ids].sort());

describe("the built-in clustering engine on awkward boards", () => {
  it("gives an empty result for an empty board and leaves a single note alone", async () => {
    expect(await engine.suggest([])).toMatchObject({ clusters: [], unclustered: [], engine: "lexical" });
    expect(await engine.suggest(notes(["Only one idea"]))).toMatchObject({ clusters: [], unclustered: ["n0"] });
  });

  it("groups duplicates, keeps emoji-only and punctuation-only notes out, and survives very long notes", async () => {
    const input = notes([
      "No childcare during language classes",
      "No childcare during language classes",
      "No childcare during language classes",
      "🙂🙂🙂",
      "?!... ---",
      "Employers refuse foreign diplomas",
      "Employers do not recognise diplomas from abroad",
      `Interpreters ${"are missing at the hospital ".repeat(400)}`,
    ]);
    const r = await engine.suggest(input);
    everyIdOnce(
      r,
      input.map((n) => n.id),
    );
    expect(r.unclustered).toEqual(expect.arrayContaining(["n3", "n4"]));
    const dup = r.clusters.find((c) => c.noteIds.includes("n0"));
    expect(dup?.noteIds).toEqual(expect.arrayContaining(["n0", "n1", "n2"]));
    for (const c of r.clusters) {
      expect(c.label.length).toBeGreaterThan(0);
      expect(c.noteIds).toContain(c.representativeId);
      expect(c.size).toBe(c.noteIds.length);
    }
  });

  it("tokenises and stems French and Spanish notes and clusters each language among itself", async () => {
    const input = notes([
      "Les femmes migrantes n'ont pas de garde d'enfants pendant les cours",
      "Pas de garde d'enfants pour les mères pendant la formation",
      "La garde des enfants manque pour les cours de langue",
      "Las mujeres migrantes no tienen acceso a la sanidad pública",
      "El acceso a la sanidad es difícil para las mujeres sin papeles",
      "Sin papeles no hay acceso a la sanidad",
    ]);
    const r = await engine.suggest(input);
    everyIdOnce(
      r,
      input.map((n) => n.id),
    );
    const groupOf = (id: string) => r.clusters.findIndex((c) => c.noteIds.includes(id));
    expect(groupOf("n0")).toBeGreaterThanOrEqual(0);
    expect(groupOf("n1")).toBe(groupOf("n0"));
    expect(groupOf("n4")).toBeGreaterThanOrEqual(0);
    expect(groupOf("n5")).toBe(groupOf("n4"));
    expect(groupOf("n4")).not.toBe(groupOf("n0"));
  });

  it("honours “about k clusters”", async () => {
    const input = notes([
      "No childcare",
      "Childcare is missing",
      "No interpreters",
      "Interpreters are missing",
      "Housing is expensive",
      "Rents are too high",
      "Employers discriminate",
      "Jobs are scarce",
    ]);
    expect((await engine.suggest(input, { k: 2 })).clusters.length).toBeLessThanOrEqual(2);
  });

  it("places a new note in the cluster it belongs to and leaves an unrelated one alone", async () => {
    const board = notes([
      "No childcare during language classes",
      "Mothers cannot attend courses without childcare",
      "Childcare places are missing",
      "Employers do not recognise foreign diplomas",
      "Employers refuse to hire women wearing a headscarf",
      "Employers pay migrant women less",
      "Childcare for toddlers during classes",
      "🙂",
    ]);
    const r = await engine.place(
      [
        { id: "care", noteIds: ["n0", "n1", "n2"] },
        { id: "work", noteIds: ["n3", "n4", "n5"] },
      ],
      ["n6", "n7"],
      board,
    );
    expect(r.placements).toEqual([{ noteId: "n6", clusterId: "care", confidence: expect.any(Number) }]);
  });
});

describe("the embeddings provider", () => {
  let server: Server;
  let url: string;
  let mode: "ok" | "error" | "slow" = "ok";
  const requests: { model: string; input: string[] }[] = [];

  beforeAll(async () => {
    // A fake OpenAI-compatible endpoint: the topic word decides the vector.
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        const parsed = JSON.parse(body) as { model: string; input: string[] };
        requests.push(parsed);
        if (mode === "error") return void res.writeHead(500).end("boom");
        if (mode === "slow") return void setTimeout(() => res.writeHead(200).end("{}"), 2000);
        const data = parsed.input.map((t, index) => ({
          index,
          embedding: /care/i.test(t) ? [1, 0.1, 0] : /work|job/i.test(t) ? [0, 1, 0.1] : [0.1, 0, 1],
        }));
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ object: "list", data: data.reverse() }));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const input = notes(["childcare one", "childcare two", "care three", "work one", "job two", "work three"]);

  it("clusters by the provider's sentence vectors when it answers", async () => {
    mode = "ok";
    const e = createClusteringEngine({ embeddings: { url, model: "nomic-embed-text", timeoutMs: 1000 } });
    const r = await e.suggest(input);
    expect(r.engine).toBe("remote");
    expect(requests.at(-1)).toMatchObject({ model: "nomic-embed-text", input: input.map((n) => n.text) });
    expect(r.clusters.map((c) => [...c.noteIds].sort())).toEqual(
      expect.arrayContaining([
        ["n0", "n1", "n2"],
        ["n3", "n4", "n5"],
      ]),
    );
  });

  it.each(["error", "slow"] as const)(
    "falls back to the built-in engine, and says so, when the provider fails (%s)",
    async (m) => {
      mode = m;
      const reasons: string[] = [];
      const e = createClusteringEngine({
        embeddings: { url, model: "m", timeoutMs: 300 },
        onFallback: (r) => reasons.push(r),
      });
      const r = await e.suggest(input);
      expect(r.engine).toBe("lexical");
      expect(r.fallback).toMatch(m === "error" ? /HTTP 500/ : /no answer within 300 ms/);
      expect(reasons).toHaveLength(1);
      everyIdOnce(
        r,
        input.map((n) => n.id),
      );
    },
  );
});

describe("npm run --silent cluster -- FILE", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "plenary-cluster-"));
  const write = (name: string, content: string) => {
    const f = path.join(dir, name);
    writeFileSync(f, content);
    return f;
  };
  const cluster = (file: string) =>
    run("npm", ["run", "--silent", "cluster", "--", file], {
      cwd: path.resolve(__dirname, "../.."),
      env: { ...process.env, EMBEDDINGS_URL: "", EMBEDDINGS_MODEL: "" },
    });

  it("prints only the clusters, with every note id in exactly one cluster", async () => {
    const ids = ["a", "b", "c", "d", "e", "f", "g"];
    const texts = [
      "No childcare during classes",
      "Childcare is missing for mothers",
      "No interpreters at the hospital",
      "Hospitals lack interpreters",
      "Employers refuse diplomas",
      "Employers discriminate",
      "🙂",
    ];
    const { stdout, stderr } = await cluster(
      write("ok.json", JSON.stringify({ notes: ids.map((id, i) => ({ id, text: texts[i] })), k: 3 })),
    );
    const out = JSON.parse(stdout) as { clusters: { label: string; noteIds: string[] }[] };
    expect(Object.keys(out)).toEqual(["clusters"]);
    expect(out.clusters.flatMap((c) => c.noteIds).sort()).toEqual(ids);
    for (const c of out.clusters) expect(Object.keys(c).sort()).toEqual(["label", "noteIds"]);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    expect(stderr).toBe("");
  }, 30_000);

  it.each([
    ["not JSON", "{notes:", /cannot read .* as JSON/],
    ["no notes", '{"k":2}', /notes/],
    ["a note without text", '{"notes":[{"id":"a"}]}', /notes\.0\.text/],
    ["duplicate ids", '{"notes":[{"id":"a","text":"x"},{"id":"a","text":"y"}]}', /"a" appears more than once/],
    ["a bad k", '{"notes":[],"k":-1}', /k/],
  ])(
    "rejects %s with a message on stderr and a non-zero exit",
    async (_name, content, message) => {
      const err = (await cluster(write(`${_name}.json`, content)).catch((e: unknown) => e)) as {
        code: number;
        stdout: string;
        stderr: string;
      };
      expect(err.code).not.toBe(0);
      expect(err.stdout).toBe("");
      expect(err.stderr).toMatch(message);
    },
    30_000,
  );
});
