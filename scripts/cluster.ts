// npm run --silent cluster -- FILE [--engine auto|local|remote|lexical]
// FILE: {"notes":[{"id":"…","text":"…"}], "k"?: number}
// stdout: {"clusters":[{"label":"…","noteIds":["…"]}]}, every note in exactly one cluster.
// The engine defaults to EMBEDDINGS_ENGINE (else auto); when it cannot answer, the built-in
// engine does and stderr says why.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { createClusteringEngine } from "../server/core/clustering/engine";
import { ENGINE_CHOICES, type EngineChoice, clusteringConfig } from "../server/core/clustering/config";
import { analyse } from "../server/core/clustering/text";

const input = z.object({
  notes: z
    .array(
      z.object(
        { id: z.string().min(1, "a note's id is empty"), text: z.string() },
        { error: "each note needs a string id and a string text" },
      ),
    )
    .max(100_000),
  k: z.number().int().positive().max(10_000).optional(),
});

function fail(message: string): never {
  process.stderr.write(`cluster: ${message}\n`);
  process.exit(1);
}

const USAGE =
  'usage: npm run --silent cluster -- FILE [--engine auto|local|remote|lexical]   (FILE: {"notes":[{"id":"…","text":"…"}],"k"?:number})';
const args = process.argv.slice(2).filter((a) => a !== "--");
let choice: string | undefined;
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === "--engine") choice = args[++i];
  else if (a.startsWith("--engine=")) choice = a.slice("--engine=".length);
  else if (a.startsWith("--")) fail(`unknown option ${a}\n${USAGE}`);
  else files.push(a);
}
if (choice !== undefined && !ENGINE_CHOICES.includes(choice as EngineChoice))
  fail(`--engine must be one of ${ENGINE_CHOICES.join(", ")}`);
const file = files[0];
if (!file || files.length > 1) fail(USAGE);
let config: ReturnType<typeof clusteringConfig>;
try {
  config = clusteringConfig({ ...process.env, ...(choice ? { EMBEDDINGS_ENGINE: choice } : {}) });
} catch (e) {
  fail((e as Error).message);
}
let raw: unknown;
try {
  raw = JSON.parse(readFileSync(file, "utf8"));
} catch (e) {
  fail(`cannot read ${file} as JSON: ${(e as Error).message}`);
}
const parsed = input.safeParse(raw);
if (!parsed.success) {
  const issue = parsed.error.issues[0]!;
  fail(`${file} is not a clustering request: ${issue.path.join(".") || "(top level)"}: ${issue.message}`);
}
const { notes, k } = parsed.data;
const seen = new Set<string>();
for (const n of notes) {
  if (seen.has(n.id)) fail(`note id "${n.id}" appears more than once`);
  seen.add(n.id);
}

const engine = createClusteringEngine({
  choice: config.choice,
  local: config.local,
  embeddings: config.remote,
  onFallback: (reason) => process.stderr.write(`cluster: ${reason}\n`),
});
const result = await engine.suggest(notes, { k });
await engine.close();
const textOf = new Map(notes.map((n) => [n.id, n.text]));
const singles = result.unclustered.map((id) => {
  const a = analyse(textOf.get(id) ?? "");
  const label = a.content.slice(0, 4).join(" ") || (textOf.get(id) ?? "").trim().slice(0, 40) || id;
  return { label, noteIds: [id] };
});
process.stdout.write(
  `${JSON.stringify({ clusters: [...result.clusters.map((c) => ({ label: c.label, noteIds: c.noteIds })), ...singles] })}\n`,
);
