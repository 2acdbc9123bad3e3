import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RESOURCES } from "../../app/i18n";
import { AUDIT_SENTENCES, type Details, type Helpers } from "../../app/utils/audit-sentences";
import { EVENT_STATUSES } from "../../server/core/events/schemas";

const core = path.resolve(__dirname, "../../server/core");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
const source = files(core)
  .map((f) => readFileSync(f, "utf8"))
  .join("\n");

/** Every action key the core writes to an event's audit log, templates expanded with what fills them. */
function auditedActions(): string[] {
  // The expression given as the action (`action: …,` or audit's third argument), and every "x.y" it names.
  const expressions = [
    ...source.matchAll(/\baction: ([^,\n]+)/g),
    ...source.matchAll(/\baudit\([^,]+,[^,]+,\s*([^,]+),/g),
  ].map((m) => m[1]!);
  const literal = expressions.flatMap((e) => [...e.matchAll(/"([a-z_]+\.[a-z_.]+)"/g)].map((m) => m[1]!));
  // The templates the core fills, and what fills them (a new one must be added here, with its words).
  const filled: Record<string, readonly string[]> = {
    registration: ["approve", "reject", "promote"],
    event: EVENT_STATUSES,
    report: ["submit", "approve", "reopen"],
  };
  const auditTemplates = new Set(
    [...source.matchAll(/action: `([a-z_]+)\.\$\{|audit\([^,]+,[^,]+,\s*`([a-z_]+)\.\$\{/g)].map((m) => m[1] ?? m[2]!),
  );
  expect([...auditTemplates].sort()).toEqual(Object.keys(filled).sort());
  const expanded = Object.entries(filled).flatMap(([prefix, values]) => values.map((v) => `${prefix}.${v}`));
  // The instance's own log (platform.*) and deleted accounts are not in any event's log.
  return [...new Set([...literal, ...expanded])].filter((a) => !a.startsWith("platform.") && a !== "account.delete");
}

const sentences = (RESOURCES.en as unknown as { auditLog: { sentence: Record<string, string> } }).auditLog.sentence;
const h: Helpers = {
  person: () => "P",
  round: () => "R",
  role: () => "r",
  status: () => "s",
  writer: () => "w",
  text: () => "x",
  number: () => "1",
};

describe("the audit log in words", () => {
  it("has a sentence for every action the core records, so none shows as a key", () => {
    const actions = auditedActions();
    expect(actions).toEqual(expect.arrayContaining(["report.publish", "participants.export", "event.published"]));
    const missing = actions.filter((a) => !AUDIT_SENTENCES[a]);
    expect(missing).toEqual([]);
  });

  it("says each with a sentence that exists and gets the values it names", () => {
    for (const [action, say] of Object.entries(AUDIT_SENTENCES))
      for (const details of [{}, { attended: true, agendaMoved: 2, question: "Q" }] as Details[]) {
        const { key, values = {} } = say(details, h);
        const sentence = sentences[key];
        expect(sentence, `${action} → ${key}`).toBeTypeOf("string");
        const wanted = [...sentence!.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        expect(Object.keys(values).sort(), `${action} → ${key}`).toEqual(wanted);
      }
  });
});
