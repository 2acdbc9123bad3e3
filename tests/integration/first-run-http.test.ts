import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, startTestServer, type TestServer } from "../support/server";

/** Collects what the server logs on stdout while `fn` runs. */
async function logged(fn: () => Promise<unknown>) {
  const lines: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => (lines.push(String(chunk)), true)) as typeof process.stdout.write;
  try {
    await fn();
  } finally {
    process.stdout.write = write;
  }
  return lines.join("");
}

describe("the first run of an empty instance without SMTP", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer("sqlite", { LOG_QUIET: "0" });
  });
  afterAll(() => t.close());

  it("prints the first account's confirmation link in the log, and that account runs the instance", async () => {
    const first = new Browser(t.url);
    expect(await (await first.get("/")).text()).not.toContain('href="/admin"');
    const log = await logged(() =>
      first.post("/signup", { name: "Nadia Okafor", email: "nadia@cities.example", password: "first admin password" }),
    );
    const line = log.split("\n").find((l) => l.includes("nadia@cities.example"));
    expect(line, "the mail's log line").toBeDefined();
    const link = (JSON.parse(line!) as { links: string[] }).links.find((l) => l.includes("/signup/confirm/"))!;
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/signup\/confirm\/[\w-]+$/);

    const confirmed = await first.get(new URL(link).pathname);
    expect(confirmed.status).toBe(302);
    const home = await (await first.get("/")).text();
    expect(home).toContain('href="/admin"');
    expect(home).toContain('href="/dev/mailbox"');
    expect((await first.get("/admin")).status).toBe(200);
    expect((await first.get("/admin/users")).status).toBe(200);
    expect((await first.get("/events/new")).status).toBe(200);

    // The instance gets its name and languages; page titles and the header follow.
    const saved = await first.post("/admin?index", {
      name: "Cities of Welcome dialogues",
      languages: "en",
      eventCreation: "approved",
    });
    expect(saved.status).toBe(200);
    const renamed = await (await first.get("/my-events")).text();
    expect(renamed).toContain("My events · Cities of Welcome dialogues</title>");
    expect(renamed).not.toContain('id="language-select"'); // one language: no switcher

    // The second account is a member: no administration, no event creation by default.
    const second = new Browser(t.url);
    await second.signUp(t.server, { name: "Second", email: "second@cities.example", password: "second password" });
    expect((await second.get("/admin")).status).toBe(403);
    expect((await second.get("/events/new")).status).toBe(403);
    expect(await (await second.get("/my-events")).text()).toContain("ask the administrator to approve your account");
  });
});
