import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "../../server/db/migrate";
import { resolveDatabase } from "../../server/db/resolve-database";
import { ROOT_DIR } from "../../server/paths";
import { startThrowawayPostgres } from "../../scripts/lib/throwaway-postgres.mjs";

export const TMP = path.resolve(import.meta.dirname, "..", ".tmp");

/**
 * Migrates one SQLite file and one PostgreSQL database once per run; each
 * test then takes a copy (a file copy, or CREATE DATABASE ... TEMPLATE).
 * PostgreSQL is a throwaway server on a free loopback port, never skipped:
 * without its binaries the run fails with the command that installs them.
 */
export default async function setup(project: TestProject) {
  // Integration tests serve the real Remix build; build it fresh so it matches the sources,
  // unless `npm test` has just built it (it says so), since each project runs this setup.
  // NODE_ENV=production: vitest sets "test", which would build React's development JSX
  // runtime and break server processes started in production mode.
  if (process.env.PLENARY_FRESH_BUILD !== "1")
    execFileSync(process.execPath, [path.join(ROOT_DIR, "node_modules/@remix-run/dev/dist/cli.js"), "build"], {
      cwd: ROOT_DIR,
      stdio: "pipe",
      env: { ...process.env, NODE_ENV: "production" },
    });
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const sqliteTemplate = path.join(TMP, "template.db");
  await migrate(resolveDatabase(`file:${sqliteTemplate}`));

  const server = process.env.TEST_DATABASE_URL
    ? { url: process.env.TEST_DATABASE_URL, stop: () => {} }
    : await startThrowawayPostgres();
  await migrate(resolveDatabase(server.url));

  project.provide("sqliteTemplate", sqliteTemplate);
  project.provide("postgresUrl", server.url);
  return () => {
    server.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplate: string;
    postgresUrl: string;
  }
}
