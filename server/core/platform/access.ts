import { audit } from "../audit";
import type { Db } from "../../db/client";
import { forbidden } from "../errors";
import { type Actor, requireUser } from "../permissions";
import { type InstanceSettings, type PlatformRole, SETTING_KEYS, parseSettings } from "./rules";

/** The instance's settings as stored, with defaults for what nobody set. */
export async function readSettings(db: Db): Promise<InstanceSettings> {
  const rows = await db.setting.findMany({
    where: { key: { in: [SETTING_KEYS.name, SETTING_KEYS.languages, SETTING_KEYS.eventCreation] } },
    select: { key: true, value: true },
  });
  return parseSettings(rows);
}

export async function platformRoleOf(db: Db, userId: string): Promise<PlatformRole> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { platformRole: true, disabledAt: true } });
  if (!u || u.disabledAt) return "member";
  return u.platformRole as PlatformRole;
}

/** Operator-only tools (users, instance settings, the dev mailbox) ask this. */
export async function requireAdmin(db: Db, actor: Actor): Promise<NonNullable<Actor>> {
  const user = requireUser(actor);
  if ((await platformRoleOf(db, user.userId)) !== "admin")
    throw forbidden("Only the platform administrator can do this.");
  return user;
}

/** Whether this person may create events under the instance's policy (the one rule, used by pages and the core). */
export const mayCreate = (role: PlatformRole, settings: InstanceSettings) =>
  settings.eventCreation === "anyone" || role === "organiser" || role === "admin";

export async function mayCreateEvents(db: Db, userId: string): Promise<boolean> {
  const [role, settings] = await Promise.all([platformRoleOf(db, userId), readSettings(db)]);
  return mayCreate(role, settings);
}

export async function requireEventCreator(db: Db, actor: Actor): Promise<NonNullable<Actor>> {
  const user = requireUser(actor);
  if (!(await mayCreateEvents(db, user.userId)))
    throw forbidden(
      "On this instance, only organisers approved by the administrator can create events. Ask the administrator to approve your account.",
    );
  return user;
}

/**
 * The first account of an empty instance becomes its administrator, so a new
 * install needs no configuration file and no command. "First" is the oldest
 * account: on an install that already has accounts a new sign-up is never the
 * oldest, and the setting row lets only one account ever claim it (two
 * processes racing on an empty PostgreSQL included).
 */
export async function claimFirstAdmin(db: Db, userId: string): Promise<boolean> {
  const oldest = await db.user.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  if (oldest?.id !== userId) return false;
  if ((await db.user.count({ where: { platformRole: "admin" } })) > 0) return false;
  try {
    await db.setting.create({ data: { key: SETTING_KEYS.firstAdmin, value: userId } });
  } catch {
    return false; // another process claimed it
  }
  await db.user.update({ where: { id: userId }, data: { platformRole: "admin" } });
  await audit(db, { actorId: userId, action: "platform.first_admin", details: { userId } });
  return true;
}
