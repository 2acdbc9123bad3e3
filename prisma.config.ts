// Prisma CLI configuration. The CLI runs with the Wasm/JS schema engine and a
// driver adapter because the native engine cannot be downloaded on our hosts
// (see README, "Two databases").
// DATABASE_URL picks the engine: postgres:// or postgresql:// means PostgreSQL,
// anything else (or nothing) the embedded SQLite file.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { resolveDatabase } from "./server/db/resolve-database";

const db = resolveDatabase(process.env.DATABASE_URL);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema:
    db.kind === "postgres" ? path.join("prisma", "postgres", "schema.prisma") : path.join("prisma", "schema.prisma"),
  migrations: {
    path: db.kind === "postgres" ? path.join("prisma", "postgres", "migrations") : path.join("prisma", "migrations"),
  },
  async adapter() {
    if (db.kind === "postgres") {
      // adapter-pg 6.19 cannot read PostgreSQL's `name` columns in migrate
      // (prisma/prisma#27403); the 7.x adapter works with the 6.19 CLI.
      const { PrismaPg } = await import("@prisma/adapter-pg-migrate");
      return new PrismaPg({ connectionString: db.url });
    }
    // better-sqlite3 creates the file but not its folder.
    mkdirSync(path.dirname(db.file), { recursive: true });
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url: db.url });
  },
});
