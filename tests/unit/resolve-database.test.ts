import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseUrlError, resolveDatabase } from "../../server/db/resolve-database";

describe("resolveDatabase", () => {
  it("defaults to ./data/plenary.db", () => {
    const t = resolveDatabase(undefined, "/srv/plenary");
    expect(t).toEqual({
      kind: "sqlite",
      file: "/srv/plenary/data/plenary.db",
      url: "file:/srv/plenary/data/plenary.db",
    });
  });

  it("reads relative and absolute file: URLs", () => {
    expect(resolveDatabase("file:./x/y.db", "/a")).toMatchObject({ kind: "sqlite", file: path.resolve("/a/x/y.db") });
    expect(resolveDatabase("file:/tmp/p.db", "/a")).toMatchObject({ kind: "sqlite", file: "/tmp/p.db" });
  });

  it("selects PostgreSQL for postgres:// and postgresql://", () => {
    expect(resolveDatabase("postgres://u:p@db:5432/plenary").kind).toBe("postgres");
    expect(resolveDatabase("postgresql://u@127.0.0.1/plenary").kind).toBe("postgres");
  });

  it("refuses other schemes with a one-line message naming the fix", () => {
    expect(() => resolveDatabase("mysql://u@h/db")).toThrow(DatabaseUrlError);
    expect(() => resolveDatabase("mysql://u@h/db")).toThrow(/must start with postgres:\/\/, postgresql:\/\/ or file:/);
    expect(() => resolveDatabase("postgres://")).toThrow(/not a valid PostgreSQL URL/);
    expect(() => resolveDatabase("file:")).toThrow(/has no path/);
  });
});
