import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { declarations, findings, literalColour } from "../support/css-scan";

// One look across the product: every page draws its colours from app/styles/tokens.css, which the
// root route loads first, and no style sheet pins a colour of its own or a side (left/right) that
// would not mirror in Arabic.
const root = path.resolve(import.meta.dirname, "../..");
const styles = path.join(root, "app");
const TOKEN_FILE = "app/styles/tokens.css";

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return cssFiles(full);
    return e.name.endsWith(".css") ? [path.relative(root, full)] : [];
  });
}

describe("the scanner", () => {
  it("finds a literal colour in every form a style sheet may write one", () => {
    for (const value of [
      "#fff",
      "#1b1f24",
      "#1b1f2480",
      "1px solid #BBB",
      "rgb(0 0 0 / 0.2)",
      "0 4px 12px rgba(0, 0, 0, 0.15)",
      "hsl(210 50% 40%)",
      "oklch(0.7 0.1 200)",
      "white",
      "3px dotted DarkSlateGray",
      "color-mix(in srgb, var(--accent) 40%, red)",
    ])
      expect(literalColour(value), value).not.toBeNull();
  });

  it("does not take tokens, keywords, strings or names for colours", () => {
    for (const value of [
      "var(--accent)",
      "var(--red-edge)",
      "1px solid var(--line)",
      "transparent",
      "currentColor",
      "inherit",
      "nowrap",
      '"+ "',
      '"Noto Sans", sans-serif',
      "url(#tan)",
      "Canvas",
    ])
      expect(literalColour(value), value).toBeNull();
  });

  it("reads declarations with their lines, and not selectors, media queries or comments", () => {
    const css = `/* color: red; */\na:hover,\n.x:focus-visible {\n  color: var(--ink);\n}\n@media (max-width: 40rem) {\n  .y { margin: 0 }\n}\n`;
    expect(declarations(css)).toEqual([
      { property: "color", value: "var(--ink)", line: 4 },
      { property: "margin", value: "0", line: 7 },
    ]);
  });

  it("allows a literal colour only as a token's definition in the token file", () => {
    const css = ":root {\n  --ink: #1b1f24;\n}\n.x {\n  color: #1b1f24;\n}\n";
    expect(findings("tokens.css", css, { isTokenFile: true }).map((f) => f.line)).toEqual([5]);
    // Elsewhere even a custom property may not hold one: it would be a second, unseen palette.
    expect(findings("room.css", css, { isTokenFile: false }).map((f) => f.line)).toEqual([2, 5]);
  });

  it("finds left/right properties and values that do not mirror in right-to-left languages", () => {
    const css =
      ".x { margin-left: 1rem; border-right-color: var(--line); right: 0; text-align: left; float: right; margin-inline-start: 1rem; text-align: start; }";
    expect(findings("app.css", css, { isTokenFile: false }).map((f) => f.text)).toEqual([
      "margin-left: 1rem",
      "border-right-color: var(--line)",
      "right: 0",
      "text-align: left",
      "float: right",
    ]);
  });
});

describe("the product's style sheets", () => {
  const files = cssFiles(styles);

  it("include the token file and the pages' sheets", () => {
    expect(files).toEqual(expect.arrayContaining([TOKEN_FILE, "app/styles/app.css", "app/styles/room.css"]));
  });

  it("hold no literal colour outside the tokens, and no left/right property", () => {
    const found = files.flatMap((file) =>
      findings(file, readFileSync(path.join(root, file), "utf8"), { isTokenFile: file === TOKEN_FILE }),
    );
    expect(found.map((f) => `${f.file}:${f.line} ${f.text} (${f.why})`)).toEqual([]);
  });

  it("use only tokens that the token file defines", () => {
    const defined = new Set(
      declarations(readFileSync(path.join(root, TOKEN_FILE), "utf8"))
        .filter((d) => d.property.startsWith("--"))
        .map((d) => d.property),
    );
    // Custom properties a sheet sets for its own children (a note's category colours) count as defined.
    for (const file of files)
      for (const d of declarations(readFileSync(path.join(root, file), "utf8")))
        if (d.property.startsWith("--")) defined.add(d.property);
    const missing = files.flatMap((file) =>
      [...readFileSync(path.join(root, file), "utf8").matchAll(/var\((--[\w-]+)/g)]
        .map((m) => m[1]!)
        .filter((name) => !defined.has(name))
        .map((name) => `${file}: ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it("are loaded on every page, the tokens first", () => {
    const rootRoute = readFileSync(path.join(root, "app/root.tsx"), "utf8");
    const tokens = rootRoute.indexOf('{ rel: "stylesheet", href: tokens }');
    const app = rootRoute.indexOf('{ rel: "stylesheet", href: styles }');
    expect(tokens).toBeGreaterThan(-1);
    expect(app).toBeGreaterThan(tokens);
  });
});
