import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { ROOT_DIR } from "../paths";
import type { DatabaseTarget } from "./resolve-database";

const run = promisify(execFile);

/**
 * Applies pending migrations with `prisma migrate deploy` for the engine in
 * use (prisma.config.ts picks the schema, migrations and driver adapter from
 * DATABASE_URL). Throws one readable line on failure.
 */
export async function migrate(target: DatabaseTarget): Promise<string> {
  const cli = path.join(ROOT_DIR, "node_modules", "prisma", "build", "index.js");
  try {
    const { stdout } = await run(process.execPath, [cli, "migrate", "deploy"], {
      cwd: ROOT_DIR,
      env: { ...process.env, DATABASE_URL: target.url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      maxBuffer: 10 * 1024 * 1024,
    });
    return stdout;
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string; message: string };
    const text = `${err.stderr ?? ""}\n${err.stdout ?? ""}`;
    const line =
      text
        .split("\n")
        .map((l) => l.trim())
        .find((l) => /error|P\d{4}|can't reach|ECONNREFUSED/i.test(l)) ?? err.message.split("\n")[0];
    throw new Error(`database migration failed: ${line}`);
  }
}
