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
    const { user, session } = await t.core.auth.createAccount({
      name: "Nour Haddad",
      email: "  Nour@Example.ORG ",
      password: "correct horse battery",
    });
    expect(user.email).toBe("nour@example.org");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await t.core.auth.userForSession(session.id)).toMatchObject({ id: user.id, name: "Nour Haddad" });
  });

  it("accepts names and addresses in any script", async () => {
    const { user } = await t.core.auth.createAccount({
      name: "ليلى بن سالم",
      email: "ليلى@مثال.com",
      password: "كلمة-سر-طويلة",
    });
    expect(user.name).toBe("ليلى بن سالم");
    const { user: cjk } = await t.core.auth.createAccount({
      name: "王芳",
      email: "wang.fang+plenary@例子.广告",
      password: "a long password",
    });
    expect(cjk.email).toBe("wang.fang+plenary@例子.广告");
  });

  it("refuses a second account for the same email, whatever its case", async () => {
    await expect(
      t.core.auth.createAccount({ name: "X", email: "NOUR@example.org", password: "another password" }),
    ).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { email: [{ key: "auth.emailTakenHint" }] },
    });
    expect(await t.db.user.count({ where: { email: "nour@example.org" } })).toBe(1);
  });

  it("reports every invalid field at once", async () => {
    await expect(
      t.core.auth.createAccount({ name: "", email: "not-an-email", password: "short" }),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { name: expect.any(Array), email: expect.any(Array), password: expect.any(Array) },
    });
  });

  it("signs up only once the email is confirmed: until then there is no account to sign in to", async () => {
    const base = "https://plenary.example.org";
    await expect(
      t.core.auth.requestSignUp(
        { name: "Camila Rojas", email: "Camila@Example.org", password: "a long password here" },
        base,
        "es",
      ),
    ).resolves.toBeUndefined();
    expect(await t.db.user.count({ where: { email: "camila@example.org" } })).toBe(0);
    const mail = t.mailer.sent.at(-1)!;
    expect(mail.to).toBe("camila@example.org");
    expect(mail.subject).toBe("Confirme su correo para crear su cuenta de Plenary");
    const link = mail.text.match(/https:\/\/\S+/)![0];
    const token = decodeURIComponent(new URL(link).pathname.split("/").pop()!);
    expect(await t.db.signUpRequest.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored
    await expect(
      t.core.auth.signIn({ email: "camila@example.org", password: "a long password here" }),
    ).rejects.toMatchObject({ message: "Email or password is incorrect." });

    const { user, session, redirectTo } = await t.core.auth.confirmSignUp(token);
    expect(user).toMatchObject({ email: "camila@example.org", name: "Camila Rojas", locale: "es" });
    expect(redirectTo).toBe("/my-events");
    expect(await t.core.auth.userForSession(session.id)).toMatchObject({ id: user.id });
    await expect(
      t.core.auth.signIn({ email: "camila@example.org", password: "a long password here" }),
    ).resolves.toBeTruthy();
    await expect(t.core.auth.confirmSignUp(token)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("answers a sign-up for a known email exactly as for a new one, and tells the owner instead", async () => {
    const known = await t.db.user.findUniqueOrThrow({ where: { email: "nour@example.org" } });
    const before = t.mailer.sent.length;
    await expect(
      t.core.auth.requestSignUp(
        { name: "Someone Else", email: "NOUR@example.org", password: "an attacker's password" },
        "https://x.example",
        "fr",
      ),
    ).resolves.toBeUndefined();
    expect(t.mailer.sent.length).toBe(before + 1);
    const mail = t.mailer.sent.at(-1)!;
    expect(mail.to).toBe("nour@example.org");
    expect(mail.subject).toBe("You already have a Plenary account"); // in the owner's language, not the form's
    expect(mail.text).toContain("https://x.example/login");
    expect(await t.db.signUpRequest.count({ where: { email: "nour@example.org" } })).toBe(0);
    const after = await t.db.user.findUniqueOrThrow({ where: { id: known.id } });
    expect(after).toMatchObject({ name: known.name, passwordHash: known.passwordHash });
    await expect(
      t.core.auth.signIn({ email: "nour@example.org", password: "an attacker's password" }),
    ).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("refuses an expired confirmation link and drops sign-ups nobody confirmed", async () => {
    await t.core.auth.requestSignUp(
      { name: "Late Comer", email: "late@example.org", password: "a long password here" },
      "https://x.example",
    );
    const token = decodeURIComponent(
      new URL(t.mailer.sent.at(-1)!.text.match(/https:\/\/\S+/)![0]).pathname.split("/").pop()!,
    );
    t.clock.advance(49 * 60 * 60_000);
    await expect(t.core.auth.confirmSignUp(token)).rejects.toMatchObject({ code: "forbidden" });
    expect(await t.core.auth.purgeExpiredSignUps()).toBeGreaterThanOrEqual(1);
    expect(await t.db.signUpRequest.count({ where: { email: "late@example.org" } })).toBe(0);
    expect(await t.db.user.count({ where: { email: "late@example.org" } })).toBe(0);
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const wrong = await t.core.auth.signIn({ email: "nour@example.org", password: "wrong password" }).catch((e) => e);
    const unknown = await t.core.auth
      .signIn({ email: "nobody@example.org", password: "wrong password" })
      .catch((e) => e);
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
    await expect(
      t.core.auth.signIn({ email: "nour@example.org", password: "a brand new password" }),
    ).resolves.toBeTruthy();
    await expect(t.core.auth.resetPassword({ token, password: "yet another password" })).rejects.toMatchObject({
      code: "validation",
    });
  });

  it("sends nothing for an unknown email, and answers the same", async () => {
    const count = t.mailer.sent.length;
    await expect(
      t.core.auth.requestPasswordReset({ email: "ghost@example.org" }, "https://x.example"),
    ).resolves.toBeUndefined();
    expect(t.mailer.sent.length).toBe(count);
  });

  it("refuses an expired reset link", async () => {
    await t.core.auth.requestPasswordReset({ email: "nour@example.org" }, "https://x.example");
    const token = new URL(t.mailer.sent.at(-1)!.text.match(/https:\/\/\S+/)![0]).searchParams.get("token")!;
    t.clock.advance(61 * 60_000);
    await expect(t.core.auth.resetPassword({ token, password: "too late password" })).rejects.toMatchObject({
      code: "validation",
    });
  });
});
