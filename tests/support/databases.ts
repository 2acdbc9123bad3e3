import { randomBytes } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type Db } from "../../server/db/client";
import { type DatabaseTarget, resolveDatabase } from "../../server/db/resolve-database";

export type Engine = "sqlite" | "postgres";
export const ENGINES: Engine[] = ["sqlite", "postgres"];

/** A fresh, migrated database of the given engine, private to the caller. */
export async function freshDatabase(engine: Engine, opts: { empty?: boolean } = {}): Promise<DatabaseTarget> {
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  if (engine === "sqlite") {
    const template = inject("sqliteTemplate");
    const file = path.join(path.dirname(template), `${name}.db`);
    if (!opts.empty) copyFileSync(template, file);
    return resolveDatabase(`file:${file}`);
  }
  const base = inject("postgresUrl");
  // template0 is PostgreSQL's pristine empty database: a fresh install, not yet migrated.
  const template = opts.empty ? "template0" : new URL(base).pathname.slice(1);
  // Connect to the maintenance database: a session on the template would block the copy.
  const adminUrl = new URL(base);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        break;
      } catch (e) {
        // Another worker copying the template at the same moment: wait and retry.
        if (attempt > 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
        await new Promise((r) => setTimeout(r, 100 + attempt * 50));
      }
    }
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return resolveDatabase(url.toString());
}

export async function freshDb(engine: Engine): Promise<{ db: Db; target: DatabaseTarget }> {
  const target = await freshDatabase(engine);
  return { db: createDb(target), target };
}
