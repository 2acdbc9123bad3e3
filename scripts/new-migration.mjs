// Writes a new migration for both engines from the change in prisma/schema.prisma
// since the last migration. `prisma migrate dev` cannot do this here (it needs a
// shadow database and, for PostgreSQL, breaks on prisma/prisma#27403), while
// `migrate diff` between two schema files only needs the engine's driver
// adapter to connect somewhere (a scratch SQLite file, a throwaway PostgreSQL); each
// migrations folder keeps the schema its migrations produce as the diff's base.
// Usage: npm run db:new-migration -- add_something
import { existsSync, mkdirSync, writeFileSync, copyFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import os from "node:os";
import path from "node:path";
import { startThrowawayPostgres } from "./lib/throwaway-postgres.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:new-migration -- <name>");
  process.exit(2);
}
execFileSync(process.execPath, [path.join(root, "scripts/generate-prisma.mjs")], { stdio: "inherit" });

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const pg = await startThrowawayPostgres();
process.on("exit", () => pg.stop());
const engines = [
  {
    provider: "sqlite",
    schema: "prisma/schema.prisma",
    dir: "prisma/migrations",
    DATABASE_URL: `file:${path.join(os.tmpdir(), `plenary-diff-${process.pid}.db`)}`,
  },
  {
    provider: "postgresql",
    schema: "prisma/postgres/schema.prisma",
    dir: "prisma/postgres/migrations",
    DATABASE_URL: pg.url,
  },
];
for (const e of engines) {
  const dir = path.join(root, e.dir);
  const snapshot = path.join(dir, "schema.snapshot.prisma");
  mkdirSync(dir, { recursive: true });
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const sql = execFileSync(
    process.execPath,
    [
      path.join(root, "node_modules/prisma/build/index.js"),
      "migrate",
      "diff",
      ...from,
      "--to-schema-datamodel",
      path.join(root, e.schema),
      "--script",
    ],
    { cwd: root, env: { ...process.env, DATABASE_URL: e.DATABASE_URL }, encoding: "utf8" },
  );
  if (/This is an empty migration/.test(sql) || !sql.trim()) {
    console.log(`${e.provider}: no change`);
    continue;
  }
  const target = path.join(dir, `${stamp}_${name}`);
  mkdirSync(target);
  writeFileSync(path.join(target, "migration.sql"), sql);
  writeFileSync(path.join(dir, "migration_lock.toml"), `provider = "${e.provider}"\n`);
  copyFileSync(path.join(root, e.schema), snapshot);
  console.log(`${e.provider}: wrote ${path.relative(root, target)}/migration.sql`);
}
