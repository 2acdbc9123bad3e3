import type { Db } from "../../db/client";
import { forbidden, notFound } from "../errors";
import { type Actor, requireUser } from "../permissions";

/**
 * The dev mailbox shows mails that were not sent because no SMTP server is
 * configured. They contain sign-in and reset links, so only organisers (of any
 * event) may read it.
 */
export function createDevMailbox(db: Db) {
  async function requireOrganiser(actor: Actor) {
    const user = requireUser(actor);
    const role = await db.eventRole.findFirst({ where: { userId: user.userId, role: "organiser" } });
    if (!role) throw forbidden("Only organisers can read the dev mailbox.");
  }
  return {
    async list(actor: Actor, to?: string) {
      await requireOrganiser(actor);
      return db.devMail.findMany({
        where: to ? { to: to.toLowerCase() } : {},
        orderBy: { createdAt: "desc" },
        take: 100,
        select: { id: true, to: true, subject: true, createdAt: true },
      });
    },
    async get(actor: Actor, id: string) {
      await requireOrganiser(actor);
      const mail = await db.devMail.findUnique({ where: { id } });
      if (!mail) throw notFound("This mail");
      return mail;
    },
  };
}
