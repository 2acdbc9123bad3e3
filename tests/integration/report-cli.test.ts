import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../server/db/client";
import { seedDemo } from "../../server/seed/demo";
import { freshDatabase } from "../support/databases";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
const SLUG = "migrant-women-local-decision-making";

describe("npm run --silent report -- --event SLUG --format F --out FILE", () => {
  let url: string;
  const dir = mkdtempSync(path.join(tmpdir(), "plenary-report-"));
  const report = (...args: string[]) =>
    run("npm", ["run", "--silent", "report", "--", ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url } });

  beforeAll(async () => {
    const target = await freshDatabase("sqlite");
    url = target.url;
    const db = createDb(target);
    await seedDemo(db);
    await db.$disconnect();
  });

  it("generates a draft of the demo event when there is none and writes Markdown, CSV and DOCX, printing nothing", async () => {
    const md = path.join(dir, "r.md");
    const out = await report("--event", SLUG, "--format", "md", "--out", md);
    expect(out.stdout).toBe("");
    const text = readFileSync(md, "utf8");
    expect(text).toMatch(/^# Cities of Welcome/);
    expect(text).toContain("## Findings");
    await report("--event", SLUG, "--format", "csv", "--out", path.join(dir, "r.csv"));
    expect(readFileSync(path.join(dir, "r.csv"), "utf8")).toContain("What,Owner,Due,Status");
    await report("--event", SLUG, "--format", "docx", "--out", path.join(dir, "r.docx"));
    expect(readFileSync(path.join(dir, "r.docx")).subarray(0, 2).toString()).toBe("PK");
  }, 60_000);

  it.each([
    [["--event", "no-such-event", "--format", "md", "--out", "x.md"], /This event was not found/],
    [["--event", SLUG, "--format", "odt", "--out", "x.odt"], /unknown format "odt"/],
    [["--event", SLUG, "--format", "md"], /usage/],
    [["--bogus"], /Unknown option/],
  ])(
    "fails with a message on stderr and a non-zero exit for %j",
    async (args, message) => {
      const err = (await report(...args).catch((e: unknown) => e)) as { code: number; stderr: string; stdout: string };
      expect(err.code).not.toBe(0);
      expect(err.stdout).toBe("");
      expect(err.stderr).toMatch(message);
    },
    60_000,
  );
});
