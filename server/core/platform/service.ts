import { auditDetails, stringList } from "../json-columns";
import { audit } from "../audit";
import type { Db } from "../../db/client";
import { channels, type RealtimeBus } from "../bus";
import type { Clock } from "../clock";
import { conflict, notFound } from "../errors";
import { type Actor } from "../permissions";
import { validate } from "../validate";
import { claimFirstAdmin, mayCreate, platformRoleOf, readSettings, requireAdmin } from "./access";
import { type InstanceSettings, type PlatformRole, SETTING_KEYS, roleInput, settingsInput, userQuery } from "./rules";
import { msg } from "../i18n/message";

const PAGE = 50;

const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

export interface PlatformDeps {
  db: Db;
  bus: RealtimeBus;
  clock: Clock;
}

/** The instance itself: its administrator, its users' platform roles, and its settings. */
export function createPlatformService({ db, bus, clock }: PlatformDeps) {
  /** Ends every session of a person at once: cookies stop working and open sockets close. */
  async function endSessions(userId: string) {
    const sessions = await db.session.findMany({ where: { userId }, select: { id: true } });
    await db.session.deleteMany({ where: { userId } });
    for (const s of sessions) bus.disconnect(channels.session(s.id));
  }

  const activeAdmins = (exceptUserId?: string) =>
    db.user.count({
      where: {
        platformRole: "admin",
        disabledAt: null,
        deletedAt: null,
        ...(exceptUserId ? { NOT: { id: exceptUserId } } : {}),
      },
    });

  return {
    /** Read on every page (name, languages); public, since both show on every page anyway. */
    settings: () => readSettings(db),

    /**
     * What the signed-in person may do on the instance, for navigation. Pages read the
     * settings anyway (name, languages): passing them saves reading them twice per request.
     */
    async viewer(actor: Actor, known?: InstanceSettings) {
      if (!actor) return { role: "member" as PlatformRole, mayCreateEvents: false, admin: false };
      const [role, settings] = await Promise.all([platformRoleOf(db, actor.userId), known ?? readSettings(db)]);
      const admin = role === "admin";
      return { role, admin, mayCreateEvents: mayCreate(role, settings) };
    },

    claimFirstAdmin: (userId: string) => claimFirstAdmin(db, userId),

    /** Refuses anyone but the platform administrator (the administration pages ask first). */
    requireAdmin: (actor: Actor) => requireAdmin(db, actor),

    /** Whether the instance still waits for its administrator (said at start-up). */
    async state() {
      const [accounts, admins] = await Promise.all([db.user.count(), activeAdmins()]);
      return { accounts, admins };
    },

    /**
     * Accounts page by page. Search folds case and accents in memory, the same
     * way on SQLite and PostgreSQL (as the participant list does); only ids,
     * names and emails of all accounts are read for it.
     */
    async listUsers(actor: Actor, query: unknown) {
      await requireAdmin(db, actor);
      const q = validate(userQuery, query ?? {});
      const all = await db.user.findMany({
        where: { deletedAt: null, ...(q.role ? { platformRole: q.role } : {}) },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, name: true, email: true },
      });
      const needle = fold(q.q);
      const matching = needle ? all.filter((u) => fold(`${u.name} ${u.email}`).includes(needle)) : all;
      const ids = matching.slice((q.page - 1) * PAGE, q.page * PAGE).map((u) => u.id);
      const users = await db.user.findMany({
        where: { id: { in: ids } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          name: true,
          email: true,
          platformRole: true,
          disabledAt: true,
          createdAt: true,
          passwordHash: true,
          _count: { select: { roles: { where: { role: "organiser" } } } },
        },
      });
      return {
        query: q,
        total: matching.length,
        pages: Math.max(1, Math.ceil(matching.length / PAGE)),
        users: users.map((u) => ({
          id: u.id,
          name: u.name,
          email: u.email,
          role: u.platformRole as PlatformRole,
          disabled: u.disabledAt !== null,
          createdAt: u.createdAt.toISOString(),
          hasPassword: u.passwordHash !== null,
          organises: u._count.roles,
        })),
      };
    },

    async setRole(actor: Actor, userId: string, input: unknown) {
      const me = await requireAdmin(db, actor);
      const { role } = validate(roleInput, input);
      const user = await db.user.findFirst({ where: { id: userId, deletedAt: null } });
      if (!user) throw notFound("account");
      if (user.platformRole === role) return;
      // The instance always keeps someone who can run it.
      if (user.platformRole === "admin" && (await activeAdmins(userId)) === 0)
        throw conflict(msg("platform.onlyAdministrator"));
      await db.user.update({ where: { id: userId }, data: { platformRole: role } });
      await audit(db, {
        actorId: me.userId,
        action: "platform.role",
        details: { userId, from: user.platformRole, to: role },
      });
    },

    /** A disabled account cannot sign in by any means, and its sessions end now. */
    async setDisabled(actor: Actor, userId: string, disabled: boolean) {
      const me = await requireAdmin(db, actor);
      if (userId === me.userId) throw conflict(msg("platform.notYourself"));
      const user = await db.user.findFirst({ where: { id: userId, deletedAt: null } });
      if (!user) throw notFound("account");
      if (disabled === (user.disabledAt !== null)) return;
      await db.user.update({ where: { id: userId }, data: { disabledAt: disabled ? clock.now() : null } });
      if (disabled) {
        await endSessions(userId);
        // Links already emailed must not let them back in either.
        await db.loginLink.updateMany({ where: { userId, usedAt: null }, data: { usedAt: clock.now() } });
        await db.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: clock.now() } });
      }
      await audit(db, {
        actorId: me.userId,
        action: disabled ? "platform.disable" : "platform.enable",
        details: { userId },
      });
    },

    async updateSettings(actor: Actor, input: unknown) {
      const me = await requireAdmin(db, actor);
      const data = validate(settingsInput, input);
      const languages =
        data.defaultLanguage && data.languages.includes(data.defaultLanguage)
          ? [data.defaultLanguage, ...data.languages.filter((l) => l !== data.defaultLanguage)]
          : data.languages;
      const values: [string, string][] = [
        [SETTING_KEYS.name, data.name],
        [SETTING_KEYS.languages, stringList.write(languages)],
        [SETTING_KEYS.eventCreation, data.eventCreation],
      ];
      await db.$transaction(
        values.map(([key, value]) => db.setting.upsert({ where: { key }, create: { key, value }, update: { value } })),
      );
      await audit(db, {
        actorId: me.userId,
        action: "platform.settings",
        details: { name: data.name, languages, eventCreation: data.eventCreation },
      });
      return readSettings(db);
    },

    /** What administrators changed on the instance, newest first. */
    async recentChanges(actor: Actor) {
      await requireAdmin(db, actor);
      const rows = await db.auditLog.findMany({
        where: { eventId: null, action: { startsWith: "platform." } },
        orderBy: { createdAt: "desc" },
        take: 20,
        include: { actor: { select: { name: true } } },
      });
      const ids = rows
        .map((r) => auditDetails.read(r.detailsJson).userId)
        .filter((id): id is string => typeof id === "string");
      const names = new Map(
        (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [
          u.id,
          u.name,
        ]),
      );
      return rows.map((r) => {
        const d = auditDetails.read(r.detailsJson);
        return {
          id: r.id,
          at: r.createdAt.toISOString(),
          by: r.actor?.name ?? null,
          action: r.action,
          subject: typeof d.userId === "string" ? (names.get(d.userId) ?? null) : null,
          details: d,
        };
      });
    },
  };
}

export type PlatformService = ReturnType<typeof createPlatformService>;
