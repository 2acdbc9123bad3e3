import { audit } from "../audit";
import type { Db } from "../../db/client";
import { notFound } from "../errors";
import type { PlatformRole } from "./rules";

/**
 * Grants an instance-wide role with no actor to check: for the operator's own
 * code only (the demo seed, `npm run admin`, and tests that set up an
 * organiser). The doors never reach it: `.dependency-cruiser.cjs` forbids
 * app/ and server/(http|socket) to import this module, so over the web a
 * role changes only through an administrator (service.ts).
 */
export async function grantPlatformRole(db: Db, who: { userId: string } | { email: string }, role: PlatformRole) {
  const where = "userId" in who ? { id: who.userId } : { email: who.email.trim().toLowerCase() };
  const user = await db.user.findUnique({ where, select: { id: true } });
  if (!user) throw notFound("This account");
  await db.user.update({ where: { id: user.id }, data: { platformRole: role } });
  await audit(db, { action: "platform.role", details: { userId: user.id, role, by: "operator" } });
  return user.id;
}
