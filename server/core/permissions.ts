import type { Db } from "../db/client";
import { forbidden, unauthenticated } from "./errors";

export const EVENT_ROLES = ["organiser", "facilitator", "rapporteur", "secretariat", "participant"] as const;
export type EventRole = (typeof EVENT_ROLES)[number];

/** Who is acting. Built by adapters from the session cookie, never from client input. */
export type Actor = { userId: string; sessionId: string } | null;

/**
 * What each event role may do. Keeping the table here (not in routes or
 * components) means a page and a socket event asking the same question get
 * the same answer.
 */
export const PERMISSIONS = {
  "event.announce": ["organiser", "facilitator"],
  "event.manage": ["organiser"],
  "event.view_participants": ["organiser", "secretariat"],
  "registration.manage": ["organiser"],
  // Attendance, and people recorded by the team (a past or in-person session): the secretariat keeps the record.
  "registration.check_in": ["organiser", "facilitator", "secretariat"],
  "registration.record": ["organiser", "secretariat"],
  "registration.export": ["organiser", "secretariat"],
  "team.invite": ["organiser"],
  "breakout.manage": ["organiser", "facilitator"],
  "report.publish": ["secretariat", "organiser"],
  "report.edit": ["secretariat", "organiser", "rapporteur"],
  "report.comment": ["secretariat", "organiser", "rapporteur", "facilitator"],
  "action.manage": ["secretariat", "organiser", "facilitator"],
} as const satisfies Record<string, readonly EventRole[]>;
export type Permission = keyof typeof PERMISSIONS;

export function requireUser(actor: Actor): NonNullable<Actor> {
  if (!actor) throw unauthenticated();
  return actor;
}

export async function rolesOf(db: Db, eventId: string, userId: string): Promise<EventRole[]> {
  const rows = await db.eventRole.findMany({ where: { eventId, userId }, select: { role: true } });
  return rows.map((r) => r.role as EventRole);
}

export const allows = (roles: readonly EventRole[], permission: Permission) =>
  roles.some((r) => (PERMISSIONS[permission] as readonly EventRole[]).includes(r));

export async function requirePermission(
  db: Db,
  actor: Actor,
  eventId: string,
  permission: Permission,
): Promise<NonNullable<Actor>> {
  const user = requireUser(actor);
  const roles = await rolesOf(db, eventId, user.userId);
  if (!allows(roles, permission)) throw forbidden();
  return user;
}
