// npm run bench [-- --quick] [-- --only cluster,realtime,report,pages,storage]
// Every figure sits beside a baseline measured in the same run; see bench/README.md.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { benchCluster } from "./cluster";
import { benchRealtime } from "./realtime";
import { benchReports } from "./reports";
import { benchPages } from "./pages";
import { benchStorage } from "./storage";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const onlyArg = args.find((a) => a.startsWith("--only"));
const only = onlyArg
  ? (onlyArg.includes("=") ? onlyArg.split("=")[1]! : args[args.indexOf(onlyArg) + 1]!).split(",")
  : null;
const parts: Record<string, (o: { quick: boolean }) => Promise<unknown>> = {
  realtime: benchRealtime,
  cluster: benchCluster,
  report: benchReports,
  pages: benchPages,
  storage: benchStorage,
};
const unknown = only?.filter((p) => !(p in parts)) ?? [];
if (unknown.length) {
  console.error(`bench: unknown part ${unknown.join(", ")}; parts are ${Object.keys(parts).join(", ")}`);
  process.exit(2);
}

// The servers measured are the production build; a fresh clone has none until it is built.
if (!existsSync(path.join(path.dirname(new URL(import.meta.url).pathname), "../build/index.js"))) {
  console.log("building the app first (remix build)…");
  execFileSync("npx", ["remix", "build"], {
    cwd: path.join(path.dirname(new URL(import.meta.url).pathname), ".."),
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production" },
  });
}

const results: Record<string, unknown> = {
  machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
  quick,
  started_at: new Date().toISOString(),
};
for (const [name, fn] of Object.entries(parts)) {
  if (only && !only.includes(name)) continue;
  const t0 = Date.now();
  console.log(`\n== ${name}`);
  const r = await fn({ quick });
  results[name] = r;
  print(name, r);
  console.log(`(${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
const out = path.join(path.dirname(new URL(import.meta.url).pathname), "results/latest.json");
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${path.relative(process.cwd(), out)}`);

function print(name: string, r: unknown) {
  for (const [key, value] of Object.entries(r as Record<string, unknown>)) {
    if (Array.isArray(value) && value.length && typeof value[0] === "object") {
      console.log(`${name}.${key}`);
      console.table(value);
    } else console.log(`${name}.${key}: ${typeof value === "object" ? JSON.stringify(value) : value}`);
  }
}
