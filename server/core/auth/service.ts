import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { isUniqueViolation } from "../../db/unique";
import type { RealtimeBus } from "../bus";
import { channels } from "../bus";
import type { Clock } from "../clock";
import { DomainError, conflict, forbidden, validationError } from "../errors";
import type { Logger } from "../logger";
import type { Mailer } from "../mail/mailer";
import { hashToken, newToken } from "../tokens";
import { accountEmail } from "./emails";
import { type Actor, requireUser } from "../permissions";
import { validate } from "../validate";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./passwords";
import { resetInput, resetRequestInput, signInInput, signInLinkInput, signUpInput } from "./schemas";
import { claimFirstAdmin } from "../platform/access";

export const SESSION_DAYS = 30;
const RESET_MINUTES = 60;
const SIGNUP_MINUTES = 48 * 60;
const SIGN_IN_LINK_MINUTES = 60;

const DISABLED = "This account has been disabled. Contact the administrator of this Plenary.";

export type SessionUser = { id: string; email: string; name: string; locale: string; sessionId: string };

export interface AuthDeps {
  db: Db;
  bus: RealtimeBus;
  mailer: Mailer;
  clock: Clock;
  log: Logger;
}

export function createAuthService({ db, bus, mailer, clock, log }: AuthDeps) {
  /** Every way in (password, emailed link, invitation, confirmed sign-up, reset) ends here. */
  async function createSession(userId: string) {
    const user = await db.user.findUnique({ where: { id: userId }, select: { disabledAt: true, deletedAt: true } });
    if (!user || user.deletedAt) throw forbidden("This account no longer exists.");
    if (user.disabledAt) throw forbidden(DISABLED);
    const id = randomBytes(24).toString("base64url");
    const expiresAt = new Date(clock.now().getTime() + SESSION_DAYS * 86_400_000);
    await db.session.create({ data: { id, userId, expiresAt } });
    return { id, expiresAt };
  }

  async function insertUser(data: { name: string; email: string; passwordHash: string; locale: string }) {
    try {
      const user = await db.user.create({ data });
      if (await claimFirstAdmin(db, user.id)) {
        log.info("the first account is the platform administrator", { email: user.email });
        return { ...user, platformRole: "admin" };
      }
      return user;
    } catch (e) {
      // Two sign-ups with one email at once: the unique index decides.
      if (isUniqueViolation(e)) {
        throw conflict("An account with this email already exists.", {
          email: ["An account with this email already exists. Sign in, or reset your password."],
        });
      }
      throw e;
    }
  }

  async function newResetLink(userId: string, baseUrl: string) {
    const { token, hash } = newToken();
    const expiresAt = new Date(clock.now().getTime() + RESET_MINUTES * 60_000);
    await db.passwordResetToken.create({ data: { userId, tokenHash: hash, expiresAt } });
    return new URL(`/reset-password?token=${encodeURIComponent(token)}`, baseUrl).toString();
  }

  return {
    createSession,

    /** The language a person reads Plenary in (one of the supported locales; checked by the caller). */
    async setLocale(actor: Actor, locale: string) {
      const { userId } = requireUser(actor);
      await db.user.update({ where: { id: userId }, data: { locale } });
    },

    /**
     * Makes an account at once, without an email round trip: for the seed,
     * tests and confirmed sign-ups. The sign-up form goes through
     * `requestSignUp`, which never says whether an email has an account.
     */
    async createAccount(input: unknown, locale = "en") {
      const data = validate(signUpInput, input);
      const passwordHash = await hashPassword(data.password);
      const user = await insertUser({ name: data.name, email: data.email, passwordHash, locale });
      const session = await createSession(user.id);
      return { user, session };
    },

    /**
     * The sign-up form's door. It answers alike whether or not the email has
     * an account (so it cannot be used to find out who uses Plenary): the
     * owner of a new address gets a link that creates the account; the owner
     * of a known one is told they already have one, with sign-in and reset links.
     */
    async requestSignUp(input: unknown, baseUrl: string, locale = "en") {
      const data = validate(signUpInput, input);
      // Hash in both cases, so the answer takes as long either way.
      const passwordHash = await hashPassword(data.password);
      const existing = await db.user.findUnique({ where: { email: data.email } });
      if (existing) {
        const reset = await newResetLink(existing.id, baseUrl);
        await mailer.send(
          accountEmail(
            "accountExists",
            {
              to: existing.email,
              name: existing.name,
              link: reset,
              signInUrl: new URL("/login", baseUrl).toString(),
              minutes: RESET_MINUTES,
            },
            existing.locale,
          ),
        );
        return;
      }
      const { token, hash } = newToken();
      await db.signUpRequest.create({
        data: {
          name: data.name,
          email: data.email,
          passwordHash,
          locale,
          tokenHash: hash,
          expiresAt: new Date(clock.now().getTime() + SIGNUP_MINUTES * 60_000),
        },
      });
      const link = new URL(`/signup/confirm/${encodeURIComponent(token)}`, baseUrl).toString();
      await mailer.send(
        accountEmail(
          "confirmSignUp",
          {
            to: data.email,
            name: data.name,
            link,
            signInUrl: new URL("/login", baseUrl).toString(),
            minutes: SIGNUP_MINUTES,
          },
          locale,
        ),
      );
    },

    /** Creates the account of a confirmed sign-up and signs its owner in. */
    async confirmSignUp(token: string) {
      const request = await db.signUpRequest.findUnique({ where: { tokenHash: hashToken(token) } });
      if (!request || request.usedAt || request.expiresAt <= clock.now()) {
        throw forbidden("This confirmation link has expired or was already used. Sign in, or sign up again.");
      }
      const used = await db.signUpRequest.updateMany({
        where: { id: request.id, usedAt: null },
        data: { usedAt: clock.now() },
      });
      if (used.count === 0)
        throw forbidden("This confirmation link has expired or was already used. Sign in, or sign up again.");
      // The link proves the address; if an account appeared meanwhile, it is theirs to enter.
      const user =
        (await db.user.findUnique({ where: { email: request.email } })) ??
        (await insertUser({
          name: request.name,
          email: request.email,
          passwordHash: request.passwordHash,
          locale: request.locale,
        }));
      // Other pending sign-ups for this address are void now.
      await db.signUpRequest.deleteMany({ where: { email: request.email, id: { not: request.id } } });
      const session = await createSession(user.id);
      return { user, session, redirectTo: request.redirectTo };
    },

    /** Drops sign-ups never confirmed: they hold a name and an address nobody vouched for. */
    async purgeExpiredSignUps() {
      const { count } = await db.signUpRequest.deleteMany({
        where: { OR: [{ expiresAt: { lte: clock.now() } }, { usedAt: { not: null } }] },
      });
      return count;
    },

    async signIn(input: unknown) {
      const data = validate(signInInput, input);
      const user = await db.user.findUnique({ where: { email: data.email } });
      const ok =
        user?.passwordHash && !user.deletedAt
          ? await verifyPassword(user.passwordHash, data.password)
          : (await verifyPassword(await dummyPasswordHash(), data.password), false);
      if (!user || !ok) {
        throw new DomainError("unauthenticated", "Email or password is incorrect.", {
          _form: ["Email or password is incorrect."],
        });
      }
      // Said only to someone who knows the password, so it reveals nothing about who has an account.
      if (user.disabledAt) throw new DomainError("forbidden", DISABLED, { _form: [DISABLED] });
      const session = await createSession(user.id);
      return { user, session };
    },

    /** The signed-in user of a session, or null when it is unknown or expired. */
    async userForSession(sessionId: string | null | undefined): Promise<SessionUser | null> {
      if (!sessionId) return null;
      const session = await db.session.findUnique({ where: { id: sessionId }, include: { user: true } });
      if (!session || session.user.deletedAt || session.user.disabledAt) return null;
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
      if (!user || user.deletedAt || user.disabledAt) {
        log.info("password reset requested for unknown or disabled account");
        return;
      }
      const link = await newResetLink(user.id, baseUrl);
      await mailer.send(
        accountEmail(
          "resetPassword",
          {
            to: user.email,
            name: user.name,
            link,
            signInUrl: new URL("/login", baseUrl).toString(),
            minutes: RESET_MINUTES,
          },
          user.locale,
        ),
      );
    },

    /**
     * "Email me a sign-in link", for people who never chose a password (they
     * registered, or accepted an invitation) and for anyone who prefers it.
     * Answers alike whether or not the email has an account.
     */
    async requestSignInLink(input: unknown, baseUrl: string, redirectTo = "/my-events") {
      const { email } = validate(signInLinkInput, input);
      const user = await db.user.findUnique({ where: { email } });
      if (!user || user.deletedAt || user.disabledAt) {
        log.info("sign-in link requested for unknown or disabled account");
        return;
      }
      const { token, hash } = newToken();
      await db.loginLink.create({
        data: {
          userId: user.id,
          tokenHash: hash,
          redirectTo,
          expiresAt: new Date(clock.now().getTime() + SIGN_IN_LINK_MINUTES * 60_000),
        },
      });
      await mailer.send(
        accountEmail(
          "signInLink",
          {
            to: user.email,
            name: user.name,
            link: new URL(`/login/link/${token}`, baseUrl).toString(),
            signInUrl: new URL("/login", baseUrl).toString(),
            minutes: SIGN_IN_LINK_MINUTES,
          },
          user.locale,
        ),
      );
    },

    async resetPassword(input: unknown) {
      const data = validate(resetInput, input);
      const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashToken(data.token) } });
      const owner = row ? await db.user.findUnique({ where: { id: row.userId }, select: { disabledAt: true } }) : null;
      if (!row || row.usedAt || row.expiresAt <= clock.now() || owner?.disabledAt) {
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
