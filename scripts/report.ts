// npm run --silent report -- --event SLUG --format pdf|docx|md|csv --out FILE
// Writes the latest published version of the event's report, or its draft (generated first if
// there is none). Errors go to stderr with a non-zero exit; nothing is printed on success.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createCore } from "../server/core";
import { embeddingsConfig } from "../server/core/clustering/config";
import { createClusteringEngine } from "../server/core/clustering/engine";
import { isDomainError } from "../server/core/errors";
import { modelConfig } from "../server/core/reports/writing/config";
import type { Logger } from "../server/core/logger";
import { MemoryMailer } from "../server/core/mail/mailer";
import { MemoryBus } from "../server/core/bus";
import { createDb } from "../server/db/client";
import { EnvError, loadEnv } from "../server/env";

function fail(message: string): never {
  process.stderr.write(`report: ${message}\n`);
  process.exit(1);
}

let opts: { event?: string; format?: string; out?: string };
try {
  opts = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: { event: { type: "string" }, format: { type: "string" }, out: { type: "string" } },
    strict: true,
  }).values;
} catch (e) {
  fail(`${(e as Error).message}\nusage: npm run --silent report -- --event SLUG --format pdf|docx|md|csv --out FILE`);
}
if (!opts.event || !opts.format || !opts.out)
  fail("usage: npm run --silent report -- --event SLUG --format pdf|docx|md|csv --out FILE");
if (!["pdf", "docx", "md", "csv"].includes(opts.format))
  fail(`unknown format "${opts.format}": choose pdf, docx, md or csv`);

let env;
try {
  env = loadEnv();
} catch (e) {
  fail(e instanceof EnvError ? e.message : String(e));
}
const db = createDb(env.database);
// stdout stays empty: the report goes to --out, anything worth saying to stderr.
const log: Logger = {
  info: () => {},
  warn: (m) => void process.stderr.write(`report: ${m}\n`),
  error: (m) => void process.stderr.write(`report: ${m}\n`),
};
const core = createCore({
  db,
  bus: new MemoryBus(),
  mailer: new MemoryMailer(),
  log,
  secret: "report-cli-does-not-sign-anything-0000",
  clustering: createClusteringEngine({ embeddings: embeddingsConfig(process.env) }),
  // The same writer as the server: the configured language model, else the offline writer.
  reportModel: modelConfig(process.env),
});
try {
  const bytes = await core.reports.exportForCli(opts.event, opts.format);
  writeFileSync(opts.out, bytes);
} catch (e) {
  // Database errors span many lines; their last line says what went wrong.
  fail(isDomainError(e) ? e.message : ((e as Error).message.trim().split("\n").filter(Boolean).at(-1) ?? String(e)));
} finally {
  await db.$disconnect();
}
