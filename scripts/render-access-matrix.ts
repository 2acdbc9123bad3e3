// npm run docs:access — writes docs/access-matrix.md from tests/access/matrix.ts.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderMatrix } from "../tests/access/matrix";

const out = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../docs/access-matrix.md");
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, renderMatrix());
console.log(`wrote ${path.relative(process.cwd(), out)}`);
