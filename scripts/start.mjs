// `npm start`: build the app, apply migrations, seed the demo into an empty
// database, then serve. Each step says what it does; any failure stops here
// with its one-line reason.
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const remix = path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js");

function step(label, args) {
  process.stdout.write(`plenary: ${label}\n`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (process.env.PLENARY_SKIP_BUILD !== "1") step("building the app", [remix, "build"]);
step("applying database migrations", [tsx, "scripts/migrate.ts"]);
if (process.env.PLENARY_SEED_DEMO !== "0") step("checking the demo dialogue", [tsx, "scripts/seed.ts"]);

// One process (no tsx CLI wrapper), so a signal reaches the server itself and nothing is orphaned.
const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
  cwd: root,
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
