// Derives the PostgreSQL schema from the SQLite one (a Prisma datasource's
// provider is fixed per file) and generates one client per engine, so the
// server can pick its engine from DATABASE_URL at run time.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sqliteSchema = path.join(root, "prisma/schema.prisma");
const pgSchema = path.join(root, "prisma/postgres/schema.prisma");

export function derivePostgresSchema(source) {
  const out = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace(/url\s+=\s+"file:[^"]*"/, 'url      = env("DATABASE_URL")')
    .replace('output       = "../server/db/generated/sqlite"', 'output       = "../../server/db/generated/postgres"');
  if (out === source || !out.includes("postgresql") || !out.includes("generated/postgres")) {
    throw new Error("prisma/schema.prisma no longer has the lines this script rewrites");
  }
  return "// GENERATED from prisma/schema.prisma by scripts/generate-prisma.mjs: edit that file instead.\n" + out;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  mkdirSync(path.dirname(pgSchema), { recursive: true });
  writeFileSync(pgSchema, derivePostgresSchema(readFileSync(sqliteSchema, "utf8")));
  const prisma = path.join(root, "node_modules/prisma/build/index.js");
  // prisma.config.ts picks the schema and the Wasm engine from DATABASE_URL;
  // generation needs no database, so a placeholder URL selects PostgreSQL.
  const targets = [
    { schema: sqliteSchema, DATABASE_URL: "" },
    { schema: pgSchema, DATABASE_URL: "postgres://generate@127.0.0.1:1/generate" },
  ];
  for (const { schema, DATABASE_URL } of targets) {
    execFileSync(process.execPath, [prisma, "generate", "--schema", schema], {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, DATABASE_URL, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  }
}
