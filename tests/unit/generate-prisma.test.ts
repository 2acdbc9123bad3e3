import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema } from "../../scripts/generate-prisma.mjs";

describe("derivePostgresSchema", () => {
  const source = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");

  it("changes only the datasource and the output folder", () => {
    const pg = derivePostgresSchema(source);
    expect(pg).toContain('provider = "postgresql"');
    expect(pg).toContain('url      = env("DATABASE_URL")');
    expect(pg).toContain("../../server/db/generated/postgres");
    const models = (s: string) => s.slice(s.indexOf("model User"));
    expect(models(pg)).toBe(models(source));
  });

  it("fails loudly when the lines it rewrites have changed", () => {
    expect(() => derivePostgresSchema('datasource db { provider = "mysql" }')).toThrow(/no longer has the lines/);
  });
});
