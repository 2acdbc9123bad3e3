import path from "node:path";

export type DatabaseTarget = { kind: "sqlite"; url: string; file: string } | { kind: "postgres"; url: string };

export const DEFAULT_SQLITE_FILE = path.join("data", "plenary.db");

/**
 * Reads DATABASE_URL: postgres:// or postgresql:// selects PostgreSQL, file:
 * (or unset) the embedded SQLite file. Anything else is a configuration error
 * reported in one line, because a typo here would otherwise silently create
 * an empty SQLite database next to the real one.
 */
export function resolveDatabase(raw: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const value = raw?.trim();
  if (!value) {
    const file = path.resolve(cwd, DEFAULT_SQLITE_FILE);
    return { kind: "sqlite", url: `file:${file}`, file };
  }
  if (/^postgres(ql)?:\/\//i.test(value)) {
    try {
      const u = new URL(value);
      if (!u.hostname) throw new Error("no host");
    } catch {
      throw new DatabaseUrlError(
        `DATABASE_URL is not a valid PostgreSQL URL (expected postgres://user:password@host:5432/dbname)`,
      );
    }
    return { kind: "postgres", url: value };
  }
  if (value.startsWith("file:")) {
    const rest = value.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (!rest) throw new DatabaseUrlError("DATABASE_URL file: URL has no path (expected file:./data/plenary.db)");
    const file = path.resolve(cwd, rest);
    return { kind: "sqlite", url: `file:${file}`, file };
  }
  throw new DatabaseUrlError(
    `DATABASE_URL must start with postgres://, postgresql:// or file: (got "${value.split(":")[0]}:..."); unset it to use ./data/plenary.db`,
  );
}

export class DatabaseUrlError extends Error {
  override name = "DatabaseUrlError";
}
