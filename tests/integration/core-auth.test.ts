import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/databases";
import { testCore } from "../support/core";

describe.each(ENGINES)("auth rules on %s", (engine) => {
  let t: Awaited<ReturnType<typeof testCore>>;
  beforeAll(async () => {
    t = await testCore(engine);
  });
  afterAll(() => t.close());

  it("signs up, stores a hash not the password, and opens a session", async () => {
    const { user, session } = await t.core.auth.signUp({ name: "Nour Haddad", email: "  Nour@Example.ORG ", password: "correct horse battery" });
    expect(user.email).toBe("nour@example.org");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await t.core.auth.userForSession(session.id)).toMatchObject({ id: user.id, name: "Nour Haddad" });
  });

  it("accepts names and addresses in any script", async () => {
    const { user } = await t.core.auth.signUp({ name: "ليلى بن سالم", email: "ليلى@مثال.com", password: "كلمة-سر-طويلة" });
    expect(user.name).toBe("ليلى بن سالم");
    const { user: cjk } = await t.core.auth.signUp({ name: "王芳", email: "wang.fang+plenary@例子.广告", password: "a long password" });
    expect(cjk.email).toBe("wang.fang+plenary@例子.广告");
  });

  it("refuses a second account for the same email, whatever its case", async () => {
    await expect(t.core.auth.signUp({ name: "X", email: "NOUR@example.org", password: "another password" })).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { email: [expect.stringMatching(/already exists/)] },
    });
    expect(await t.db.user.count({ where: { email: "nour@example.org" } })).toBe(1);
  });

  it("reports every invalid field at once", async () => {
    await expect(t.core.auth.signUp({ name: "", email: "not-an-email", password: "short" })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { name: expect.any(Array), email: expect.any(Array), password: expect.any(Array) },
    });
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const wrong = await t.core.auth.signIn({ email: "nour@example.org", password: "wrong password" }).catch((e) => e);
    const unknown = await t.core.auth.signIn({ email: "nobody@example.org", password: "wrong password" }).catch((e) => e);
    expect(wrong.message).toBe("Email or password is incorrect.");
    expect(unknown.message).toBe(wrong.message);
    expect(unknown.code).toBe(wrong.code);
  });

  it("expires sessions after 30 days", async () => {
    const { session } = await t.core.auth.signIn({ email: "nour@example.org", password: "correct horse battery" });
    t.clock.advance(29 * 86_400_000);
    expect(await t.core.auth.userForSession(session.id)).not.toBeNull();
    t.clock.advance(2 * 86_400_000);
    expect(await t.core.auth.userForSession(session.id)).toBeNull();
  });

  it("ends a session and disconnects its sockets on sign-out", async () => {
    const { session } = await t.core.auth.signIn({ email: "nour@example.org", password: "correct horse battery" });
    await t.core.auth.signOut(session.id);
    expect(await t.core.auth.userForSession(session.id)).toBeNull();
    expect(t.bus.disconnected).toContain(`session:${session.id}`);
  });

  it("resets a password through an emailed link, once, and signs out other sessions", async () => {
    const before = await t.core.auth.signIn({ email: "nour@example.org", password: "correct horse battery" });
    await t.core.auth.requestPasswordReset({ email: "nour@example.org" }, "https://plenary.example.org");
    const mail = t.mailer.sent.at(-1)!;
    expect(mail.to).toBe("nour@example.org");
    const token = new URL(mail.text.match(/https:\/\/\S+/)![0]).searchParams.get("token")!;
    expect(await t.db.passwordResetToken.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored

    const { session } = await t.core.auth.resetPassword({ token, password: "a brand new password" });
    expect(await t.core.auth.userForSession(before.session.id)).toBeNull();
    expect(await t.core.auth.userForSession(session.id)).not.toBeNull();
    await expect(t.core.auth.signIn({ email: "nour@example.org", password: "a brand new password" })).resolves.toBeTruthy();
    await expect(t.core.auth.resetPassword({ token, password: "yet another password" })).rejects.toMatchObject({ code: "validation" });
  });

  it("sends nothing for an unknown email, and answers the same", async () => {
    const count = t.mailer.sent.length;
    await expect(t.core.auth.requestPasswordReset({ email: "ghost@example.org" }, "https://x.example")).resolves.toBeUndefined();
    expect(t.mailer.sent.length).toBe(count);
  });

  it("refuses an expired reset link", async () => {
    await t.core.auth.requestPasswordReset({ email: "nour@example.org" }, "https://x.example");
    const token = new URL(t.mailer.sent.at(-1)!.text.match(/https:\/\/\S+/)![0]).searchParams.get("token")!;
    t.clock.advance(61 * 60_000);
    await expect(t.core.auth.resetPassword({ token, password: "too late password" })).rejects.toMatchObject({ code: "validation" });
  });
});
