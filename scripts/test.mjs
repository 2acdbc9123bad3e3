// `npm test`: everything (typecheck, unit, integration on SQLite and PostgreSQL,
// end-to-end in Chromium). System pieces the tests need are located, or
// installed when this runs as root with apt, and it says which; otherwise it
// stops with the one command that fixes it. Nothing is ever skipped.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import os from "node:os";
import path from "node:path";
import { findPostgresBin } from "./lib/throwaway-postgres.mjs";
import { findRedisServer } from "./lib/throwaway-redis.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Outside test-results/, which Playwright empties when it starts.
const reports = path.join(os.tmpdir(), `plenary-test-reports-${process.pid}`);
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const say = (line) => process.stdout.write(`\nplenary test: ${line}\n`);
const started = Date.now();

function canApt() {
  return process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
}
let aptUpdated = false;
function aptInstall(pkg) {
  if (!aptUpdated) {
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    aptUpdated = true;
  }
  return (
    spawnSync("apt-get", ["install", "-y", "-qq", pkg], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    }).status === 0
  );
}
function ensure(what, found, pkg, envHint) {
  if (found()) return;
  if (canApt()) {
    say(`${what} not found: installing Debian's ${pkg} package with apt-get`);
    if (aptInstall(pkg) && found()) return;
  }
  say(`${what} not found. Fix: sudo apt-get install -y ${pkg}${envHint ? ` (or ${envHint})` : ""}`);
  process.exit(1);
}

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
ensure("Chromium", () => existsSync(chromium), "chromium", "set CHROMIUM_PATH to a Chromium binary");
ensure(
  "PostgreSQL server binaries",
  () => findPostgresBin() !== null,
  "postgresql",
  "set PG_BIN to the folder holding initdb and pg_ctl",
);
ensure("redis-server", () => findRedisServer() !== null, "redis-server", "set REDIS_SERVER to its path");

function run(label, cmd, args, env = {}) {
  say(label);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return { ok: r.status === 0, seconds: (Date.now() - t0) / 1000 };
}
const bin = (name) => path.join(root, "node_modules", ".bin", name);

const steps = [];
steps.push(["typecheck", run("typecheck (tsc --noEmit)", bin("tsc"), ["--noEmit"])]);
steps.push([
  "lint",
  run("lint: ESLint, Prettier and the dependency rules (npm run lint)", "npm", ["run", "--silent", "lint"]),
]);
steps.push(["build", run("building the app", bin("remix"), ["build"])]);
const vitestJson = path.join(reports, "vitest.json");
steps.push([
  "unit + integration + faults",
  run(
    "unit, integration and fault tests (vitest)",
    bin("vitest"),
    [
      "run",
      "--config",
      "tests/vitest.config.ts",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${vitestJson}`,
    ],
    steps.at(-1)[1].ok ? { PLENARY_FRESH_BUILD: "1" } : {},
  ),
]);
const pwJson = path.join(reports, "playwright.json");
steps.push([
  "end-to-end",
  run(
    "end-to-end tests (Playwright in Chromium)",
    bin("playwright"),
    ["test", "--config", "tests/e2e/playwright.config.ts", "--reporter=list,json"],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
    },
  ),
]);

// One count over every suite, so CI and people read a single closing line.
const counts = { passed: 0, failed: 0, skipped: 0 };
const perSuite = {};
const flaky = [];
// eslint-disable-next-line no-control-regex -- terminal colour codes, stripped from Playwright's messages
const ANSI_COLOURS = /\u001b\[[0-9;]*m/g;
function flakyTests(suites, out = []) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== "flaky") continue;
        const first = t.results?.find((r) => r.status !== "passed");
        out.push(
          `${spec.file}:${spec.line} ${spec.title}: ${(first?.error?.message ?? "")
            .replace(ANSI_COLOURS, "")
            .split("\n")
            .slice(0, 3)
            .join(" ")}`,
        );
      }
    }
    flakyTests(suite.suites ?? [], out);
  }
  return out;
}
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, "utf8"));
  for (const file of v.testResults ?? []) {
    const suite = file.name.includes("/tests/unit/")
      ? "unit"
      : file.name.includes("/tests/faults/")
        ? "faults"
        : "integration";
    perSuite[suite] ??= { passed: 0, failed: 0, skipped: 0 };
    for (const a of file.assertionResults ?? []) {
      const k = a.status === "passed" ? "passed" : a.status === "failed" ? "failed" : "skipped";
      perSuite[suite][k]++;
      counts[k]++;
    }
  }
}
if (existsSync(pwJson)) {
  const p = JSON.parse(readFileSync(pwJson, "utf8"));
  perSuite.e2e = {
    passed: (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0),
    failed: p.stats?.unexpected ?? 0,
    skipped: p.stats?.skipped ?? 0,
  };
  // A browser test that passed only on its retry is named with its first failure, so flakiness is seen and mended, not hidden.
  flaky.push(...flakyTests(p.suites ?? []));
  counts.passed += perSuite.e2e.passed;
  counts.failed += perSuite.e2e.failed;
  counts.skipped += perSuite.e2e.skipped;
}
const failedSteps = steps.filter(([, r]) => !r.ok).map(([name]) => name);
say("summary");
for (const [name, r] of steps) console.log(`  ${r.ok ? "ok  " : "FAIL"} ${name.padEnd(20)} ${r.seconds.toFixed(1)} s`);
for (const [suite, c] of Object.entries(perSuite))
  console.log(`  ${suite.padEnd(12)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
for (const f of flaky) console.log(`  FLAKY (passed on retry) ${f}`);
console.log(`  total time   ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (failedSteps.length && counts.failed === 0) counts.failed = failedSteps.length; // a step that failed before counting tests
console.log(
  `tests: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`,
);
// A skipped test is one that did not prove anything: a suite whose setup failed reports its tests as
// skipped, and a forgotten .skip hides a regression, so either fails the run.
if (counts.skipped) console.log(`  FAIL ${counts.skipped} test(s) skipped: nothing may be skipped`);
process.exit(failedSteps.length || counts.skipped ? 1 : 0);
