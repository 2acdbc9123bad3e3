import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemo } from "../../server/seed/demo";
import { Browser, startTestServer, type TestServer } from "../support/server";

/**
 * Issue 16, defect 1: any user could sign up, create an event (POST /events/new), open
 * /dev/mailbox (it only checked "organises some event"), read another account's
 * password-reset mail, reset that account and sign in as its owner. On the old code
 * these tests fail at the first refusal they expect.
 */
describe("the dev mailbox cannot be used to take over an account", () => {
  let t: TestServer;
  const victim = "secretariat@plenary.demo";

  beforeAll(async () => {
    t = await startTestServer("sqlite");
    await seedDemo(t.server.db);
  });
  afterAll(() => t.close());

  /** The attacker's path, up to reading the victim's reset mail; returns what they could reach. */
  async function attempt(attacker: Browser) {
    await new Browser(t.url).post("/forgot-password", { email: victim });
    const mail = await t.server.db.devMail.findFirstOrThrow({
      where: { to: victim },
      orderBy: { createdAt: "desc" },
    });
    const list = await attacker.get(`/dev/mailbox?to=${victim}`);
    const one = await attacker.get(`/dev/mailbox/${mail.id}`);
    const body = `${await list.text()}${await one.text()}`;
    return { list: list.status, one: one.status, leaked: /reset-password\?token=/.test(body) };
  }

  it("refuses a stranger who signs up: no event, no mailbox, no reset link", async () => {
    const attacker = new Browser(t.url);
    await attacker.signUp(t.server, { name: "Mallory", email: "mallory@example.org", password: "mallory password" });
    const created = await attacker.post("/events/new", {
      title: "Innocent-looking event",
      format: "online",
      timezone: "Europe/Brussels",
      startsAt: "2031-05-01T10:00",
      endsAt: "2031-05-01T12:00",
      languages: "en",
    });
    // The default policy: only organisers an administrator approved create events.
    expect(created.status).toBe(403);
    expect(await attempt(attacker)).toEqual({ list: 403, one: 403, leaked: false });
  });

  it("refuses the organiser of an event, even where anyone may create events", async () => {
    const admin = new Browser(t.url);
    await admin.signIn("admin@plenary.demo", DEMO_PASSWORD);
    const opened = await admin.post("/admin?index", {
      name: "Plenary",
      languages: "en",
      eventCreation: "anyone",
    });
    expect(opened.status).toBe(200);

    const attacker = new Browser(t.url);
    await attacker.signUp(t.server, { name: "Trudy", email: "trudy@example.org", password: "trudy password" });
    const created = await attacker.post("/events/new", {
      title: "Trudy's event",
      format: "online",
      timezone: "Europe/Brussels",
      startsAt: "2031-05-01T10:00",
      endsAt: "2031-05-01T12:00",
      languages: "en",
    });
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toMatch(/^\/events\/trudy-s-event\/manage$/);
    expect(await attempt(attacker)).toEqual({ list: 403, one: 403, leaked: false });

    // The demo's own organiser (an approved organiser of a real event) is refused just the same.
    const organiser = new Browser(t.url);
    await organiser.signIn("organiser@plenary.demo", DEMO_PASSWORD);
    expect(await attempt(organiser)).toEqual({ list: 403, one: 403, leaked: false });
  });

  it("lets the platform administrator read it, and links to it only for them", async () => {
    const admin = new Browser(t.url);
    await admin.signIn("admin@plenary.demo", DEMO_PASSWORD);
    expect((await attempt(admin)).leaked).toBe(true);
    expect(await (await admin.get("/")).text()).toContain('href="/dev/mailbox"');

    for (const who of ["organiser@plenary.demo", "participant@plenary.demo"]) {
      const b = new Browser(t.url);
      await b.signIn(who, DEMO_PASSWORD);
      expect(await (await b.get("/")).text(), who).not.toContain("/dev/mailbox");
    }
    expect(await (await fetch(t.url)).text()).not.toContain("/dev/mailbox");
    expect((await new Browser(t.url).get("/dev/mailbox")).headers.get("location")).toMatch(/^\/login/);
  });
});

describe("with SMTP configured", () => {
  let t: TestServer;
  beforeAll(async () => {
    // A port nothing listens on: no mail is sent in this test, the address only switches SMTP on.
    t = await startTestServer("sqlite", { SMTP_URL: "smtp://127.0.0.1:9" });
  });
  afterAll(() => t.close());

  it("has no dev mailbox at all, not even for the administrator", async () => {
    await t.server.core.auth.createAccount({ name: "Admin", email: "admin@example.org", password: "admin password 1" });
    const admin = new Browser(t.url);
    await admin.signIn("admin@example.org", "admin password 1");
    expect((await admin.get("/admin")).status).toBe(200);
    expect((await admin.get("/dev/mailbox")).status).toBe(404);
    const home = await (await admin.get("/")).text();
    expect(home).toContain('href="/admin"');
    expect(home).not.toContain("/dev/mailbox");
  });
});
