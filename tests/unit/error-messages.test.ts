import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { createI18n, translateMessage } from "../../app/i18n";
import { DomainError, conflict, notFound } from "../../server/core/errors";
import { LOCALES } from "../../server/core/i18n/locales";
import { type MessageKey, inEnglish, isMessageKey, lookup, msg, say } from "../../server/core/i18n/message";
import { CATALOGUES } from "../../server/core/i18n/messages";
import { issueMessage, zm } from "../../server/core/i18n/zod-messages";
import { requiredText } from "../../server/core/forms";
import { validate } from "../../server/core/validate";

const root = path.resolve(__dirname, "../..");

type Tree = { readonly [key: string]: string | Tree };
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === "string") out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();

function sources(dirs: string[]): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !full.includes(`${path.sep}i18n${path.sep}messages${path.sep}`))
        out.push({ file: path.relative(root, full), text: fs.readFileSync(full, "utf8") });
    }
  };
  for (const d of dirs) walk(path.join(root, d));
  return out;
}

/** The top-level property names of the object literal that starts at `text[start]` ("{"). */
function objectKeys(text: string, start: number): string[] {
  const keys: string[] = [];
  let depth = 0;
  let expectKey = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === "`") {
      const end = text.indexOf(c, i + 1);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (c === "{" || c === "(" || c === "[") {
      depth++;
      if (depth === 1) expectKey = true;
      continue;
    }
    if (c === "}" || c === ")" || c === "]") {
      if (--depth === 0) return keys;
      continue;
    }
    if (depth === 1 && c === ",") expectKey = true;
    else if (depth === 1 && expectKey && /[A-Za-z_$]/.test(c)) {
      const name = /^[A-Za-z_$][\w$]*/.exec(text.slice(i))![0];
      keys.push(name);
      i += name.length - 1;
      expectKey = false;
    }
  }
  return keys;
}

const english = leaves(CATALOGUES.en as unknown as Tree);
// Everything that says something to people: the core, both doors and the interface.
const code = sources(["server/core", "server/socket", "server/http", "app"]);

/** Every message the code names, found by reading it: msg/zm calls, notFound things, and op refusals. */
function usedMessages() {
  const used: { file: string; key: string; params: string[] | null }[] = [];
  for (const { file, text } of code) {
    for (const m of text.matchAll(/\b(?:msg|zm)\(\s*"([\w.]+)"\s*(,\s*(\{)?)?/g)) {
      // Parameters written as an object literal are checked here; others (a variable) by the type checker.
      const params = m[3] ? objectKeys(text, m.index + m[0].length - 1) : m[2] ? null : [];
      used.push({ file, key: m[1]!, params });
    }
    for (const m of text.matchAll(/\bnotFound\(\s*"(\w+)"\s*(,\s*\{)?/g))
      used.push({
        file,
        key: `notFound.${m[1]}`,
        params: m[2] ? objectKeys(text, m.index + m[0].length - 1) : [],
      });
    // scope.ts names its things as the second argument of must(...).
    for (const m of text.matchAll(/\bmust\([\s\S]*?\),\s*"(\w+)",?\s*\)/g))
      used.push({ file, key: `notFound.${m[1]}`, params: [] });
  }
  return used;
}

describe("the core's message catalogues", () => {
  it("hold the same keys with the same placeholders in every language, none left empty or in English", () => {
    const problems: string[] = [];
    for (const locale of LOCALES) {
      const texts = leaves(CATALOGUES[locale] as unknown as Tree);
      expect([...texts.keys()].sort(), locale).toEqual([...english.keys()].sort());
      for (const [key, text] of texts) {
        if (!text.trim()) problems.push(`${locale} ${key}: empty`);
        if (placeholders(text).join() !== placeholders(english.get(key)!).join())
          problems.push(`${locale} ${key}: placeholders ${placeholders(text)} ≠ ${placeholders(english.get(key)!)}`);
        // Only a bare pattern such as "{{field}}: {{problem}}" may read the same in two languages.
        if (locale !== "en" && text === english.get(key) && /\p{L}{3,}/u.test(text.replace(/\{\{\w+\}\}/g, "")))
          problems.push(`${locale} ${key}: still English`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("have a message for every key the code uses, called with exactly that message's placeholders", () => {
    const used = usedMessages();
    expect(used.length).toBeGreaterThan(250);
    const problems: string[] = [];
    for (const u of used) {
      const text = english.get(u.key);
      if (text === undefined) problems.push(`${u.file}: ${u.key} is not in the catalogue`);
      else if (u.params && u.params.sort().join() !== placeholders(text).join())
        problems.push(`${u.file}: ${u.key} called with {${u.params}} but says {${placeholders(text)}}`);
    }
    expect(problems).toEqual([]);
  });

  it("hold no message the code no longer says (generic messages and report statuses are chosen at run time)", () => {
    const used = new Set(usedMessages().map((u) => u.key));
    // A key may also be chosen from a table of keys (a refusal per action).
    const all = code.map((c) => c.text).join("\n");
    for (const key of english.keys()) if (all.includes(`"${key}"`)) used.add(key);
    const dynamic = /^(validation|reportStatus)\./;
    const stale = [...english.keys()].filter((k) => !used.has(k) && !dynamic.test(k));
    expect(stale).toEqual([]);
  });

  it("leave no English sentence where the core refuses something (throws, field errors, zod messages, refusals)", () => {
    const patterns = [
      /\b(?:forbidden|conflict|validationError|unauthenticated|fieldError)\(\s*["'`]/,
      /new DomainError\(\s*"\w+",\s*["'`]/,
      /\.(?:min|max|length|int|regex|refine|email|url)\([^()]*?,?\s*["'`][A-Z][^"'`]*["'`]\s*\)/,
      /\b(?:error|message|refusal):\s*["'`][A-Z]/,
      /=\s*\[\s*["'`][A-Z][^"'`]*[.!?]["'`]/,
      /(?:requiredText|optionalInt)\([^)]*["'`][A-Z]/,
    ];
    const found: string[] = [];
    for (const { file, text } of sources(["server/core"])) {
      if (/\/(?:reports\/(?:locales|writing)|clustering\/(?:engine|config|ari))|emails\.ts$|logger\.ts$/.test(file))
        continue;
      text.split("\n").forEach((line, i) => {
        if (/^\s*(?:\/\/|\*|\/\*)/.test(line)) return;
        if (patterns.some((p) => p.test(line))) found.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });

  it("say a message with its parameters in each language, a message among the parameters included", () => {
    const m = msg("reports.cannotApprove", { status: msg("reportStatus.draft") });
    expect(say("en", m)).toBe("The report is a draft; it cannot be approved now.");
    expect(say("fr", m)).toBe("Le rapport est un brouillon ; il ne peut pas être approuvé maintenant.");
    expect(say("ar", msg("breakouts.full", { room: "القاعة ٢" }))).toBe("القاعة ٢ ممتلئة. اختر غرفة أخرى.");
    for (const locale of LOCALES) {
      const i18n = createI18n(locale);
      expect(translateMessage(i18n, m)).toBe(say(locale, m));
      // As it arrives through JSON, unchanged.
      expect(translateMessage(i18n, JSON.parse(JSON.stringify(m)))).toBe(say(locale, m));
    }
    // A moment is written the way each language writes dates, on the event's clock.
    const opens = msg("registration.opensOn", {
      date: { at: "2026-11-25T08:00:00.000Z", zone: "Europe/Brussels" },
      zone: "Europe/Brussels",
    });
    expect(say("fr", opens)).toMatch(/^Les inscriptions ouvrent le 25 novembre 2026 à 09:00 \(Europe\/Brussels\)\.$/);
    expect(say("es", opens)).toContain("25 de noviembre de 2026");
    expect(translateMessage(createI18n("fr"), opens)).toBe(say("fr", opens));
    // What is not a message (raw text from elsewhere) is not shown as if it were one.
    expect(translateMessage(createI18n("es"), "Some English text.")).toBe(say("es", msg("common.internal")));
  });
});

describe("errors carry keys", () => {
  it("a DomainError keeps its key and parameters, and English for logs", () => {
    const e = conflict(msg("breakouts.moreRoomsThanPeople", { rooms: 5, people: 3 }));
    expect(e.said).toEqual({ key: "breakouts.moreRoomsThanPeople", params: { rooms: 5, people: 3 } });
    expect(e.message).toBe("There are more rooms (5) than people (3).");
    expect(notFound("reportVersion", { number: 4 }).said).toEqual({
      key: "notFound.reportVersion",
      params: { number: 4 },
    });
    expect(e).toBeInstanceOf(DomainError);
    expect(inEnglish(notFound("event").said)).toBe("This event was not found.");
  });

  it("maps zod's issues to keys: a schema's own, with parameters, or the generic one with its bound", () => {
    const schema = z.object({
      title: z.string().trim().min(1, zm("events.title")).max(5),
      count: z
        .number()
        .int()
        .max(10, zm("reports.tooManyQuotes", { max: 10 })),
      tags: z.array(z.string()).max(2),
    });
    try {
      validate(schema, { title: "far too long", count: 11, tags: ["a", "b", "c"] });
      expect.unreachable();
    } catch (e) {
      const err = e as DomainError;
      expect(err.said).toEqual({ key: "common.correctFields" });
      expect(err.fieldErrors).toEqual({
        title: [{ key: "validation.tooLong", params: { max: 5 } }],
        count: [{ key: "reports.tooManyQuotes", params: { max: 10 } }],
        tags: [{ key: "validation.tooMany", params: { max: 2 } }],
      });
    }
    const empty = schema.shape.title.safeParse("  ");
    expect(issueMessage(empty.error!.issues[0]!)).toEqual({ key: "events.title" });
    // A required text says what is missing when empty, and its bound (not the same words) when too long.
    const title = requiredText(5, zm("events.title"));
    expect(issueMessage(title.safeParse("")!.error!.issues[0]!)).toEqual({ key: "events.title" });
    expect(issueMessage(title.safeParse("far too long").error!.issues[0]!)).toEqual({
      key: "validation.tooLong",
      params: { max: 5 },
    });
    const missing = z.object({ a: z.string() }).safeParse({});
    expect(issueMessage(missing.error!.issues[0]!)).toEqual({ key: "validation.required" });
  });

  it("knows its keys", () => {
    expect(isMessageKey("events.title")).toBe(true);
    expect(isMessageKey("events")).toBe(false);
    expect(isMessageKey("Give the event a title.")).toBe(false);
    expect(lookup(CATALOGUES.ar as unknown as Tree, "events.title")).toBe("أعطِ الفعالية عنوانًا.");
    const key: MessageKey = "notFound.event";
    expect(english.has(key)).toBe(true);
  });
});
