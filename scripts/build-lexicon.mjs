// postinstall: builds the compact word vectors once (see server/core/clustering/lexicon-build.mjs).
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildLexicon, lexiconDir } from "../server/core/clustering/lexicon-build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
if (existsSync(path.join(lexiconDir, "meta.json")) && !process.argv.includes("--force")) process.exit(0);
const { words, dimensions } = buildLexicon();
console.error(
  `plenary: word vectors ready (${words} words × ${dimensions} dimensions) in ${path.relative(root, lexiconDir)}`,
);
