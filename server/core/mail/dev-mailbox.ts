import type { Db } from "../../db/client";
import { notFound } from "../errors";
import { mailAttachments } from "../json-columns";
import { type Actor } from "../permissions";
import { requireAdmin } from "../platform/access";

/**
 * The dev mailbox shows mails that were not sent because no SMTP server is
 * configured. They hold everyone's sign-in, confirmation and reset links, so
 * it is an operator's tool: only the platform administrator reads it (an
 * event organiser is a tenant, and reading another account's reset mail is
 * taking it over), and it does not exist at all once SMTP is configured.
 */
export function createDevMailbox(db: Db, opts: { enabled: boolean }) {
  async function requireOpen(actor: Actor) {
    if (!opts.enabled) throw notFound("The dev mailbox");
    await requireAdmin(db, actor);
  }
  return {
    enabled: opts.enabled,
    /** Whether this person may open it, so pages link to it only for them. */
    async canRead(actor: Actor) {
      if (!opts.enabled || !actor) return false;
      return requireAdmin(db, actor).then(
        () => true,
        () => false,
      );
    },
    async list(actor: Actor, to?: string) {
      await requireOpen(actor);
      return db.devMail.findMany({
        where: to ? { to: to.toLowerCase() } : {},
        orderBy: { createdAt: "desc" },
        take: 100,
        select: { id: true, to: true, subject: true, createdAt: true },
      });
    },
    async get(actor: Actor, id: string) {
      await requireOpen(actor);
      const mail = await db.devMail.findUnique({ where: { id } });
      if (!mail) throw notFound("This mail");
      return {
        id: mail.id,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        createdAt: mail.createdAt,
        attachments: mailAttachments.read(mail.attachmentsJson),
      };
    },
  };
}
