import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

/**
 * Columns holding JSON (`*Json` in prisma/schema.prisma) are decoded by the core's codecs
 * (server/core/json-columns.ts), which hand the pages values: a page that names such a column
 * is decoding a storage format itself.
 */
describe("pages read values, not storage formats", () => {
  it("no file under app/ names a *Json column", () => {
    const named = files("app").flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(/\b[a-z]\w*Json\b/g)].map((m) => `${f}: ${m[0]}`),
    );
    expect(named).toEqual([]);
  });
});
