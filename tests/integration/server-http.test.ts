import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemo } from "../../server/seed/demo";
import { Browser, startTestServer, type TestServer } from "../support/server";

const SLUG = "migrant-women-local-decision-making";

describe("the HTTP door", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer("sqlite");
    await seedDemo(t.server.db);
  });
  afterAll(() => t.close());

  it("reports health with the database state", async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, database: "ok" });
  });

  it("serves the home page with the demo event, and a request id header", async () => {
    const res = await fetch(t.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const html = await res.text();
    expect(html).toContain("Cities of Welcome");
    expect(html).toContain('<main id="main"');
  });

  it("serves fingerprinted assets with long-lived cache headers", async () => {
    const html = await (await fetch(t.url)).text();
    const asset = html.match(/\/build\/[^"]+\.js/)![0];
    const res = await fetch(t.url + asset);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/max-age=31536000.*immutable/);
  });

  it("answers unknown routes with a real 404 page", async () => {
    const res = await fetch(`${t.url}/no/such/page`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Page not found");
    expect((await fetch(`${t.url}/events/no-such-event`)).status).toBe(404);
  });

  it("shows the public event page to anyone, without the meeting link", async () => {
    const html = await (await fetch(`${t.url}/events/${SLUG}`)).text();
    expect(html).toContain("Panel: what cities learned by listening to migrant women");
    expect(html).toContain("Chatham House rule");
    expect(html).not.toContain("meet.example.org");
  });

  it("re-renders an invalid sign-up with field errors and the values kept (not the password)", async () => {
    const b = new Browser(t.url);
    const res = await b.post("/signup", { name: "Ana Costa", email: "ana@", password: "short-pw" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Enter a valid email address.");
    expect(html).toContain("Use at least 10 characters.");
    expect(html).toContain('value="Ana Costa"');
    expect(html).toContain('value="ana@"');
    expect(html).not.toContain("short-pw");
    expect(html).toContain('aria-invalid="true"');
  });

  it("signs up, signs in, reaches my events, and signs out", async () => {
    const b = new Browser(t.url);
    expect((await b.get("/my-events")).headers.get("location")).toBe("/login?redirectTo=%2Fmy-events");
    const asked = await b.post("/signup", {
      name: "Ana Costa",
      email: "ana.costa@example.org",
      password: "a good long password",
    });
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain("Check your inbox");
    expect((await b.get("/my-events")).status).toBe(302); // no account until the address is confirmed

    const admin = new Browser(t.url);
    await admin.signIn("admin@plenary.demo", DEMO_PASSWORD);
    const box = await (await admin.get("/dev/mailbox?to=ana.costa@example.org")).text();
    const mail = await (await admin.get(`/dev/mailbox/${box.match(/\/dev\/mailbox\/([a-z0-9]+)/)![1]}`)).text();
    const link = new URL(mail.match(/http:\/\/127\.0\.0\.1:\d+\/signup\/confirm\/[\w%-]+/)![0]);
    const created = await b.get(link.pathname);
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toBe("/my-events");
    const cookie = created.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(await (await b.get("/my-events")).text()).toContain("You are not taking part in any event yet.");
    await b.post("/logout", {});
    expect((await b.get("/my-events")).status).toBe(302);

    const again = new Browser(t.url);
    expect((await again.post("/login", { email: "ana.costa@example.org", password: "wrong one here" })).status).toBe(
      401,
    );
    await again.signIn("ANA.COSTA@example.org", "a good long password");
    expect((await again.get("/my-events")).status).toBe(200);
  });

  it("answers a sign-up for an email that has an account exactly as for a new one", async () => {
    const page = async (email: string) => {
      const res = await new Browser(t.url).post("/signup", {
        name: "Someone",
        email,
        password: "a good long password",
      });
      // Only the per-response script nonce and request id may differ.
      const html = (await res.text())
        .replace(/nonce="[^"]*"/g, "")
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "ID");
      return { status: res.status, cookie: res.headers.has("set-cookie"), html };
    };
    const known = await page("participant@plenary.demo");
    const fresh = await page(`nobody.${Date.now()}@example.org`);
    expect(known.status).toBe(200);
    expect(known).toEqual(fresh);
  });

  it("only sends people back to same-site paths after sign-in", async () => {
    const b = new Browser(t.url);
    const res = await b.post("/login", {
      email: "organiser@plenary.demo",
      password: DEMO_PASSWORD,
      redirectTo: "//evil.example/x",
    });
    expect(res.headers.get("location")).toBe("/my-events");
  });

  it("sends a reset link to the dev mailbox, which only the platform administrator can read", async () => {
    const anon = new Browser(t.url);
    const res = await anon.post("/forgot-password", { email: "participant@plenary.demo" });
    expect(await res.text()).toContain("If an account exists for this email");
    const unknown = await anon.post("/forgot-password", { email: "nobody@plenary.demo" });
    expect(await unknown.text()).toContain("If an account exists for this email");

    const participant = new Browser(t.url);
    await participant.signIn("participant@plenary.demo", DEMO_PASSWORD);
    expect((await participant.get("/dev/mailbox")).status).toBe(403);

    const organiser = new Browser(t.url);
    await organiser.signIn("organiser@plenary.demo", DEMO_PASSWORD);
    expect((await organiser.get("/dev/mailbox")).status).toBe(403);

    const admin = new Browser(t.url);
    await admin.signIn("admin@plenary.demo", DEMO_PASSWORD);
    const box = await (await admin.get("/dev/mailbox?to=participant@plenary.demo")).text();
    const id = box.match(/\/dev\/mailbox\/([a-z0-9]+)/)![1];
    const mail = await (await admin.get(`/dev/mailbox/${id}`)).text();
    const link = mail.match(/http:\/\/127\.0\.0\.1:\d+\/reset-password\?token=[\w-]+/)![0];

    const reset = await anon.post(new URL(link).pathname + new URL(link).search, {
      token: new URL(link).searchParams.get("token")!,
      password: "my new demo password",
    });
    expect(reset.status).toBe(302);
    await new Browser(t.url).signIn("participant@plenary.demo", "my new demo password");
  });

  it("hides stack traces from users and logs them with the request id", async () => {
    // A loader that throws an unexpected error: the event page with a database that fails.
    const original = t.server.core.events.getPage;
    t.server.core.events.getPage = async () => {
      throw new Error("boom: secret internals");
    };
    const logged: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (logged.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      const res = await fetch(`${t.url}/events/${SLUG}`);
      expect(res.status).toBe(500);
      const html = await res.text();
      const id = res.headers.get("x-request-id")!;
      expect(html).toContain("Something went wrong");
      expect(html).toContain(id);
      expect(html).not.toContain("secret internals");
      expect(logged.join("")).toContain(id);
      expect(logged.join("")).toContain("secret internals");
    } finally {
      process.stderr.write = write;
      t.server.core.events.getPage = original;
    }
  });
});
