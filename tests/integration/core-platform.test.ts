import { afterEach, describe, expect, it } from "vitest";
import { createCore } from "../../server/core";
import { MemoryBus, channels } from "../../server/core/bus";
import { createLogger } from "../../server/core/logger";
import type { Mailer } from "../../server/core/mail/mailer";
import { MemoryMailer } from "../../server/core/mail/mailer";
import { grantPlatformRole } from "../../server/core/platform/operator";
import { ENGINES } from "../support/databases";
import { fakeClock, testCore } from "../support/core";
import { eventDay } from "../support/events";

const PASSWORD = "a long enough password";
const account = (core: Awaited<ReturnType<typeof testCore>>["core"], name: string) =>
  core.auth.createAccount({
    name,
    email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.org`,
    password: PASSWORD,
  });
const actorOf = (a: { user: { id: string }; session: { id: string } }) => ({
  userId: a.user.id,
  sessionId: a.session.id,
});
const eventForm = (core: Awaited<ReturnType<typeof testCore>>["core"]) => ({
  title: "Peer exchange",
  format: "online",
  timezone: "Europe/Brussels",
  startsAt: `${eventDay(core)}T10:00`,
  endsAt: `${eventDay(core)}T12:00`,
  languages: ["en"],
});

describe.each(ENGINES)("the instance and its administrator on %s", (engine) => {
  let t: Awaited<ReturnType<typeof testCore>>;
  afterEach(() => t?.close());

  it("makes the first account the administrator, and no later one", async () => {
    t = await testCore(engine);
    const first = await account(t.core, "First Person");
    const second = await account(t.core, "Second Person");
    expect(first.user.platformRole).toBe("admin");
    expect((await t.core.platform.viewer(actorOf(first))).admin).toBe(true);
    expect((await t.core.platform.viewer(actorOf(second))).admin).toBe(false);
    expect(await t.db.user.count({ where: { platformRole: "admin" } })).toBe(1);
  });

  it("makes exactly one administrator when the first sign-ups arrive together", async () => {
    t = await testCore(engine);
    const made = await Promise.all(Array.from({ length: 6 }, (_, i) => account(t.core, `Racer ${i}`)));
    expect(made).toHaveLength(6);
    expect(await t.db.user.count({ where: { platformRole: "admin" } })).toBe(1);
  });

  it("never makes a newcomer administrator of an install that already has accounts", async () => {
    t = await testCore(engine);
    // An install upgraded from before platform roles: accounts, no administrator.
    await t.db.user.create({ data: { email: "old@example.org", name: "Old account" } });
    const newcomer = await account(t.core, "Newcomer");
    expect(newcomer.user.platformRole).toBe("member");
    expect(await t.core.platform.state()).toEqual({ accounts: 2, admins: 0 });
  });

  it("lets only approved organisers create events by default, and anyone once the administrator says so", async () => {
    t = await testCore(engine);
    const admin = actorOf(await account(t.core, "Admin"));
    const member = actorOf(await account(t.core, "Member"));
    const approved = actorOf(await account(t.core, "Approved"));
    expect((await t.core.platform.settings()).eventCreation).toBe("approved");
    await expect(t.core.manage.create(member, eventForm(t.core))).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.core.manage.create(approved, eventForm(t.core))).rejects.toMatchObject({ code: "forbidden" });
    await t.core.platform.setRole(admin, approved.userId, { role: "organiser" });
    expect((await t.core.manage.create(approved, eventForm(t.core))).status).toBe("draft");
    expect((await t.core.manage.create(admin, eventForm(t.core))).status).toBe("draft");

    await t.core.platform.updateSettings(admin, {
      name: "Cities of Welcome",
      languages: ["en", "fr"],
      eventCreation: "anyone",
    });
    expect((await t.core.manage.create(member, eventForm(t.core))).status).toBe("draft");
    // Organising an event gives no say over the instance.
    await expect(
      t.core.platform.updateSettings(member, { name: "Mine", languages: ["en"], eventCreation: "anyone" }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses every administration call to anyone but an administrator", async () => {
    t = await testCore(engine);
    const admin = actorOf(await account(t.core, "Admin"));
    const organiser = actorOf(await account(t.core, "Organiser"));
    await grantPlatformRole(t.db, { userId: organiser.userId }, "organiser");
    await t.core.manage.create(organiser, eventForm(t.core));
    for (const who of [null, organiser]) {
      const code = who ? "forbidden" : "unauthenticated";
      await expect(t.core.platform.listUsers(who, {})).rejects.toMatchObject({ code });
      await expect(t.core.platform.setRole(who, organiser.userId, { role: "admin" })).rejects.toMatchObject({ code });
      await expect(t.core.platform.setDisabled(who, admin.userId, true)).rejects.toMatchObject({ code });
      await expect(t.core.platform.recentChanges(who)).rejects.toMatchObject({ code });
      await expect(t.core.devMailbox.list(who)).rejects.toMatchObject({ code });
    }
    expect(await t.db.user.findUniqueOrThrow({ where: { id: organiser.userId } })).toMatchObject({
      platformRole: "organiser",
    });
  });

  it("keeps at least one administrator", async () => {
    t = await testCore(engine);
    const admin = actorOf(await account(t.core, "Only Admin"));
    const other = actorOf(await account(t.core, "Other"));
    await expect(t.core.platform.setRole(admin, admin.userId, { role: "member" })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(t.core.platform.setDisabled(admin, admin.userId, true)).rejects.toMatchObject({ code: "conflict" });
    await expect(t.core.account.deleteAccount(admin, { password: PASSWORD })).rejects.toMatchObject({
      code: "conflict",
    });
    await t.core.platform.setRole(admin, other.userId, { role: "admin" });
    await t.core.platform.setRole(admin, admin.userId, { role: "member" });
    expect((await t.core.platform.viewer(admin)).admin).toBe(false);
  });

  it("disables an account everywhere: sessions end, and no password, link or reset lets it back in", async () => {
    t = await testCore(engine);
    const admin = actorOf(await account(t.core, "Admin"));
    const nour = await account(t.core, "Nour Haddad");
    await t.core.auth.requestPasswordReset({ email: nour.user.email }, "https://plenary.test");
    const reset = t.mailer.sent.at(-1)!.text.match(/token=([\w-]+)/)![1]!;
    await t.core.auth.requestSignInLink({ email: nour.user.email }, "https://plenary.test");
    const link = t.mailer.sent.at(-1)!.text.match(/\/login\/link\/([\w-]+)/)![1]!;

    await t.core.platform.setDisabled(admin, nour.user.id, true);
    expect(t.bus.disconnected).toContain(channels.session(nour.session.id));
    expect(await t.core.auth.userForSession(nour.session.id)).toBeNull();
    await expect(t.core.auth.signIn({ email: nour.user.email, password: PASSWORD })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(t.core.registrations.consumeLoginLink(link)).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.core.auth.resetPassword({ token: reset, password: "another long password" })).rejects.toMatchObject({
      code: "validation",
    });
    await expect(t.core.auth.createSession(nour.user.id)).rejects.toMatchObject({ code: "forbidden" });
    const sent = t.mailer.sent.length;
    await t.core.auth.requestSignInLink({ email: nour.user.email }, "https://plenary.test");
    expect(t.mailer.sent).toHaveLength(sent);

    await t.core.platform.setDisabled(admin, nour.user.id, false);
    expect((await t.core.auth.signIn({ email: nour.user.email, password: PASSWORD })).user.id).toBe(nour.user.id);
  });

  it("emails a one-time sign-in link to an account, and answers alike for an unknown email", async () => {
    t = await testCore(engine);
    const passwordless = await t.db.user.create({ data: { email: "registered@example.org", name: "Registered" } });
    await t.core.auth.requestSignInLink({ email: "Registered@example.org" }, "https://plenary.test", "/events/x");
    const mail = t.mailer.sent.at(-1)!;
    expect(mail.to).toBe("registered@example.org");
    const token = mail.text.match(/https:\/\/plenary\.test\/login\/link\/([\w-]+)/)![1]!;
    expect(await t.core.registrations.consumeLoginLink(token)).toEqual({
      userId: passwordless.id,
      redirectTo: "/events/x",
    });
    await expect(t.core.registrations.consumeLoginLink(token)).rejects.toMatchObject({ code: "forbidden" });
    const before = t.mailer.sent.length;
    await expect(
      t.core.auth.requestSignInLink({ email: "nobody@example.org" }, "https://plenary.test"),
    ).resolves.toBeUndefined();
    expect(t.mailer.sent).toHaveLength(before);
  });

  it("validates and stores the instance's name, languages (default first) and policy", async () => {
    t = await testCore(engine);
    const admin = actorOf(await account(t.core, "Admin"));
    await expect(
      t.core.platform.updateSettings(admin, { name: "", languages: [], eventCreation: "everyone" }),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { name: expect.any(Array), languages: expect.any(Array), eventCreation: expect.any(Array) },
    });
    const saved = await t.core.platform.updateSettings(admin, {
      name: "Réseau des villes accueillantes",
      languages: ["en", "fr", "ar"],
      defaultLanguage: "fr",
      eventCreation: "approved",
    });
    expect(saved).toEqual({
      name: "Réseau des villes accueillantes",
      languages: ["fr", "en", "ar"],
      eventCreation: "approved",
    });
    expect(await t.core.platform.settings()).toEqual(saved);
    expect((await t.core.platform.recentChanges(admin)).map((c) => c.action)).toEqual([
      "platform.settings",
      "platform.first_admin",
    ]);
  });

  it("finds accounts by name or email, ignoring case and accents", async () => {
    t = await testCore(engine);
    const admin = actorOf(await account(t.core, "Admin"));
    await account(t.core, "Lucía Fernández");
    await account(t.core, "Kwame Mensah");
    const found = await t.core.platform.listUsers(admin, { q: "FERNANDEZ" });
    expect(found.users.map((u) => u.name)).toEqual(["Lucía Fernández"]);
    expect((await t.core.platform.listUsers(admin, { role: "admin" })).users.map((u) => u.name)).toEqual(["Admin"]);
  });
});

describe("the dev mailbox", () => {
  it("is closed when SMTP is configured, even to the administrator", async () => {
    const t = await testCore("sqlite");
    try {
      const smtp: Mailer = { kind: "smtp", send: async () => {} };
      const core = createCore({
        db: t.db,
        bus: new MemoryBus(),
        mailer: smtp,
        clock: fakeClock(),
        log: createLogger({}, true),
        secret: "test-secret-that-is-long-enough-0123456789",
      });
      const admin = actorOf(await account(core, "Admin"));
      expect(core.devMailbox.enabled).toBe(false);
      expect(await core.devMailbox.canRead(admin)).toBe(false);
      await expect(core.devMailbox.list(admin)).rejects.toMatchObject({ code: "not_found" });
      // With the dev mailer, the same administrator reads it.
      const dev = createCore({
        db: t.db,
        bus: new MemoryBus(),
        mailer: new MemoryMailer(),
        clock: fakeClock(),
        log: createLogger({}, true),
        secret: "test-secret-that-is-long-enough-0123456789",
      });
      expect(await dev.devMailbox.canRead(admin)).toBe(true);
      await expect(dev.devMailbox.list(admin)).resolves.toEqual([]);
    } finally {
      await t.close();
    }
  });
});
