import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";

const files = (dir: string, ext = /\.tsx?$/): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), ext) : ext.test(e.name) ? [join(dir, e.name)] : [],
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

/**
 * Where the server may still call JSON.parse or JSON.stringify: the codecs themselves, and things
 * that are not columns. Each entry names its file and a piece of the line, so a second call in the
 * same file (say, a new column decoded by hand) is not covered by an old entry.
 */
const NOT_COLUMNS: { file: string; line: string; why: string }[] = [
  { file: "server/core/json-columns.ts", line: "JSON.parse(text)", why: "the codecs: every column is read here" },
  {
    file: "server/core/json-columns.ts",
    line: "JSON.stringify(value)",
    why: "the codecs: every column is written here",
  },
  {
    file: "server/core/clustering/lexicon.ts",
    line: "readFileSync",
    why: "the word vectors' manifest, a file on disk",
  },
  {
    file: "server/core/clustering/local-model.ts",
    line: "readFileSync",
    why: "the provisioned model's manifest, a file",
  },
  { file: "server/core/clustering/lexicon-build.mjs", line: "source:", why: "writes the lexicon's manifest file" },
  { file: "server/core/clustering/ari.ts", line: "const key", why: "a pair of labels as a map key, in memory" },
  { file: "server/core/clustering/embeddings.ts", line: "body:", why: "a request to the embeddings provider" },
  { file: "server/core/reports/writing/model.ts", line: "content: `", why: "the brief sent to a language model" },
  {
    file: "server/core/reports/writing/model.ts",
    line: "body: JSON.stringify",
    why: "the request to a language model",
  },
  {
    file: "server/core/reports/writing/model.ts",
    line: "json = JSON.parse(body)",
    why: "a language model's HTTP answer",
  },
  {
    file: "server/core/reports/writing/model.ts",
    line: "JSON.parse(body.slice",
    why: "the JSON inside a model's answer",
  },
  { file: "server/core/i18n/zod-messages.ts", line: "PREFIX + JSON.stringify", why: "a message key carried in zod" },
  { file: "server/core/i18n/zod-messages.ts", line: "JSON.parse(text.slice", why: "a message key carried in zod" },
  { file: "server/core/logger.ts", line: "const line", why: "a log line" },
  {
    file: "server/core/account/audit-view.ts",
    line: ": JSON.stringify(x)",
    why: "a nested audit detail shown as text",
  },
  { file: "scripts/cluster.ts", line: "readFileSync(file", why: "the CLI's input file" },
  { file: "scripts/cluster.ts", line: "clusters:", why: "the CLI's output" },
  { file: "scripts/models-fetch.ts", line: "fetchedAt", why: "the provisioned model's manifest file" },
  { file: "scripts/test.mjs", line: "readFileSync(vitestJson", why: "vitest's report file" },
  { file: "scripts/test.mjs", line: "readFileSync(pwJson", why: "Playwright's report file" },
];

/** Every line of the server (but generated clients) and scripts that calls JSON.parse or JSON.stringify. */
function jsonCalls(root = ".") {
  const sources = [
    ...files(join(root, "server"), /\.(ts|tsx|mjs|cjs|js)$/),
    ...files(join(root, "scripts"), /\.(ts|mjs|cjs|js)$/),
  ];
  return sources
    .filter((f) => !f.split(sep).join("/").includes("server/db/generated/"))
    .flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .flatMap((text, i) =>
          /JSON\s*\.\s*(parse|stringify)\s*\(/.test(text)
            ? [{ file: relative(root, f).split(sep).join("/"), line: i + 1, text }]
            : [],
        ),
    );
}

const allowed = (c: { file: string; text: string }) =>
  NOT_COLUMNS.find((a) => a.file === c.file && c.text.includes(a.line));

describe("the server reads and writes JSON columns only through their codecs", () => {
  it("calls JSON.parse and JSON.stringify only in server/core/json-columns.ts and on things that are not columns", () => {
    const unexplained = jsonCalls()
      .filter((c) => !allowed(c))
      .map((c) => `${c.file}:${c.line}: ${c.text.trim()}`);
    expect(unexplained, "decode or encode a *Json column with its codec in server/core/json-columns.ts").toEqual([]);
  });

  it("keeps no allow-list entry that matches nothing", () => {
    const calls = jsonCalls();
    const stale = NOT_COLUMNS.filter((a) => !calls.some((c) => allowed(c) === a));
    expect(stale).toEqual([]);
  });

  it("writes no *Json column as a hand-written string", () => {
    const literal = [...files("server"), ...files("scripts")]
      .filter((f) => !f.split(sep).join("/").includes("server/db/generated/"))
      .flatMap((f) =>
        readFileSync(f, "utf8")
          .split("\n")
          .flatMap((text, i) => (/\b[a-z]\w*Json:\s*["'`]/.test(text) ? [`${f}:${i + 1}: ${text.trim()}`] : [])),
      );
    expect(literal).toEqual([]);
  });
});
