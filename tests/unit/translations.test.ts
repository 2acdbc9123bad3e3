import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RESOURCES, SUPPORTED_LOCALES, fromAcceptLanguage } from "../../app/i18n";

type Tree = { [k: string]: string | Tree };
const leaves = (t: Tree, prefix = ""): [string, string][] =>
  Object.entries(t).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe("translations", () => {
  const en = new Map(leaves(RESOURCES.en as unknown as Tree));

  it.each(SUPPORTED_LOCALES.filter((l) => l !== "en"))(
    "%s has every key of English, no other, and the same placeholders",
    (locale) => {
      const other = new Map(leaves(RESOURCES[locale] as unknown as Tree));
      expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, text] of en) {
        expect(vars(other.get(key)!), `${locale}: ${key}`).toEqual(vars(text));
        // An untranslated string slips through as English; only names, formats and empty strings may match.
        const words = text.replace(/\{\{\w+\}\}/g, "").match(/[A-Za-z]{3,}/g) ?? [];
        if (words.length >= 3 && !/^(Markdown|Plenary|PDF|Word)/.test(text))
          expect(other.get(key), `${locale}: ${key} looks untranslated`).not.toBe(text);
      }
    },
  );

  it("picks the best supported language from the browser's preferences", () => {
    expect(fromAcceptLanguage("ar-JO,ar;q=0.9,en;q=0.8")).toBe("ar");
    expect(fromAcceptLanguage("de-DE,de;q=0.9,es;q=0.5")).toBe("es");
    expect(fromAcceptLanguage("de")).toBeNull();
    expect(fromAcceptLanguage(undefined)).toBeNull();
  });
});

/** Every piece of text in a component goes through t(); these are the exceptions that are not words of a language. */
// "CSV" and "Markdown" alone are not among them: a link says what it downloads, in words.
const ALLOWED_LITERALS = new Set([
  "PDF",
  "DOCX",
  "JSON",
  "★",
  "—",
  "·",
  "…",
  "×",
  "+",
  "−",
  "%",
  "UTC",
  "(",
  ")",
  ":",
  ",",
  "/",
  "|",
  "↑",
  "↓",
]);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".tsx") ? [p] : [];
  });
}

describe("no UI string is hard-coded outside the translation files", () => {
  const root = path.resolve(__dirname, "../../app");
  it.each(files(root).map((f) => [path.relative(root, f), f]))("%s", (_name, file) => {
    const source = readFileSync(file, "utf8")
      // Comments and code inside braces are not text shown to people.
      .replace(/\{\/\*[\s\S]*?\*\/\}/g, "")
      .replace(/\/\*[\s\S]*?\*\//g, "");
    const found: string[] = [];
    // Text between JSX tags: >Some words<
    for (const m of source.matchAll(/>([^<>{}]+)</g)) {
      const text = m[1]!.trim();
      if (!text || ALLOWED_LITERALS.has(text) || !/\p{L}{2,}/u.test(text)) continue;
      // Fragments of TypeScript between a generic's brackets or a ternary's branches are not JSX text.
      if (/[(){}?=&|;+]/.test(text) || text.startsWith(":") || /^void\b/.test(text)) continue;
      found.push(text);
    }
    // Attributes people read or hear.
    for (const m of source.matchAll(/\b(aria-label|title|placeholder|alt)="([^"]*\p{L}{2,}[^"]*)"/gu))
      found.push(`${m[1]}="${m[2]}"`);
    expect(found).toEqual([]);
  });
});

describe("the server's messages people see most often", () => {
  it("exist in every language for the same English messages", async () => {
    const { SERVER_MESSAGES } = await import("../../app/i18n/server-messages");
    const keys = Object.keys(SERVER_MESSAGES.fr!).sort();
    expect(keys.length).toBeGreaterThan(30);
    for (const l of ["es", "ar"]) expect(Object.keys(SERVER_MESSAGES[l]!).sort()).toEqual(keys);
  });

  it("are shown in the reader's language, and as written when there is no translation", async () => {
    const { createI18n, translateServerMessage } = await import("../../app/i18n");
    expect(translateServerMessage(createI18n("ar"), "Write something first.")).toBe("اكتب شيئًا أولًا.");
    expect(translateServerMessage(createI18n("fr"), "Email or password is incorrect.")).toBe(
      "Adresse e-mail ou mot de passe incorrect.",
    );
    expect(translateServerMessage(createI18n("es"), "Some new message: with a colon.")).toBe(
      "Some new message: with a colon.",
    );
  });
});

describe("the catalogue of server messages", () => {
  it("only holds messages the core still says (so no translation goes stale unnoticed)", async () => {
    const { SERVER_MESSAGES } = await import("../../app/i18n/server-messages");
    const { execFileSync } = await import("node:child_process");
    const core = execFileSync("grep", [
      "-rh",
      "--include=*.ts",
      "",
      path.resolve(__dirname, "../../server/core"),
    ]).toString();
    const stale = Object.keys(SERVER_MESSAGES.fr!).filter((m) => !core.includes(m));
    expect(stale).toEqual([]);
  });
});
