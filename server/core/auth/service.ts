import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import type { RealtimeBus } from "../bus";
import { channels } from "../bus";
import type { Clock } from "../clock";
import { DomainError, conflict, validationError } from "../errors";
import type { Logger } from "../logger";
import type { Mailer } from "../mail/mailer";
import { hashToken, newToken } from "../tokens";
import { type Actor, requireUser } from "../permissions";
import { validate } from "../validate";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./passwords";
import { resetInput, resetRequestInput, signInInput, signUpInput } from "./schemas";

export const SESSION_DAYS = 30;
const RESET_MINUTES = 60;

export type SessionUser = { id: string; email: string; name: string; locale: string; sessionId: string };

export interface AuthDeps {
  db: Db;
  bus: RealtimeBus;
  mailer: Mailer;
  clock: Clock;
  log: Logger;
}

export function createAuthService({ db, bus, mailer, clock, log }: AuthDeps) {
  async function createSession(userId: string) {
    const id = randomBytes(24).toString("base64url");
    const expiresAt = new Date(clock.now().getTime() + SESSION_DAYS * 86_400_000);
    await db.session.create({ data: { id, userId, expiresAt } });
    return { id, expiresAt };
  }

  return {
    createSession,

    /** The language a person reads Plenary in (one of the supported locales; checked by the caller). */
    async setLocale(actor: Actor, locale: string) {
      const { userId } = requireUser(actor);
      await db.user.update({ where: { id: userId }, data: { locale } });
    },

    async signUp(input: unknown) {
      const data = validate(signUpInput, input);
      const existing = await db.user.findUnique({ where: { email: data.email } });
      if (existing) {
        throw conflict("An account with this email already exists.", {
          email: ["An account with this email already exists. Sign in, or reset your password."],
        });
      }
      const passwordHash = await hashPassword(data.password);
      try {
        const user = await db.user.create({ data: { name: data.name, email: data.email, passwordHash } });
        const session = await createSession(user.id);
        return { user, session };
      } catch (e) {
        // Two sign-ups with one email at once: the unique index decides.
        if ((e as { code?: string }).code === "P2002") {
          throw conflict("An account with this email already exists.", { email: ["An account with this email already exists."] });
        }
        throw e;
      }
    },

    async signIn(input: unknown) {
      const data = validate(signInInput, input);
      const user = await db.user.findUnique({ where: { email: data.email } });
      const ok = user?.passwordHash && !user.deletedAt
        ? await verifyPassword(user.passwordHash, data.password)
        : (await verifyPassword(await dummyPasswordHash(), data.password), false);
      if (!user || !ok) {
        throw new DomainError("unauthenticated", "Email or password is incorrect.", { _form: ["Email or password is incorrect."] });
      }
      const session = await createSession(user.id);
      return { user, session };
    },

    /** The signed-in user of a session, or null when it is unknown or expired. */
    async userForSession(sessionId: string | null | undefined): Promise<SessionUser | null> {
      if (!sessionId) return null;
      const session = await db.session.findUnique({ where: { id: sessionId }, include: { user: true } });
      if (!session || session.user.deletedAt) return null;
      if (session.expiresAt <= clock.now()) {
        await db.session.deleteMany({ where: { id: sessionId } });
        return null;
      }
      const { user } = session;
      return { id: user.id, email: user.email, name: user.name, locale: user.locale, sessionId };
    },

    /** Ends a session everywhere: the cookie stops working and its open sockets close. */
    async signOut(sessionId: string) {
      await db.session.deleteMany({ where: { id: sessionId } });
      bus.disconnect(channels.session(sessionId));
    },

    /**
     * Always answers the same way, whether or not the email has an account, so
     * the form cannot be used to find out who is registered.
     */
    async requestPasswordReset(input: unknown, baseUrl: string) {
      const { email } = validate(resetRequestInput, input);
      const user = await db.user.findUnique({ where: { email } });
      if (!user || user.deletedAt) {
        log.info("password reset requested for unknown email");
        return;
      }
      const { token, hash } = newToken();
      const expiresAt = new Date(clock.now().getTime() + RESET_MINUTES * 60_000);
      await db.passwordResetToken.create({ data: { userId: user.id, tokenHash: hash, expiresAt } });
      const link = new URL(`/reset-password?token=${encodeURIComponent(token)}`, baseUrl).toString();
      await mailer.send({
        to: user.email,
        subject: "Reset your Plenary password",
        text: `Hello ${user.name},\n\nSomeone (hopefully you) asked to reset your Plenary password. Open this link within ${RESET_MINUTES} minutes to choose a new one:\n\n${link}\n\nIf you did not ask for this, ignore this email: your password stays as it is.\n`,
      });
    },

    async resetPassword(input: unknown) {
      const data = validate(resetInput, input);
      const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashToken(data.token) } });
      if (!row || row.usedAt || row.expiresAt <= clock.now()) {
        throw validationError("This reset link has expired or was already used. Ask for a new one.", {
          _form: ["This reset link has expired or was already used. Ask for a new one."],
        });
      }
      const passwordHash = await hashPassword(data.password);
      const old = await db.session.findMany({ where: { userId: row.userId }, select: { id: true } });
      await db.$transaction([
        db.user.update({ where: { id: row.userId }, data: { passwordHash } }),
        db.passwordResetToken.update({ where: { id: row.id }, data: { usedAt: clock.now() } }),
        // A reset is what people do when they fear someone else is signed in.
        db.session.deleteMany({ where: { userId: row.userId } }),
      ]);
      for (const s of old) bus.disconnect(channels.session(s.id));
      const session = await createSession(row.userId);
      return { userId: row.userId, session };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
