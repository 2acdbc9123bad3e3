import nodemailer from "nodemailer";
import type { Db } from "../db/client";
import { mailAttachments } from "../core/json-columns";
import type { Logger } from "../core/logger";
import type { MailMessage, Mailer } from "../core/mail/mailer";

/** The web addresses in a mail's text: what someone reading the log needs to act on it. */
export const linksIn = (text: string) => [...new Set(text.match(/https?:\/\/[^\s<>"]+/g) ?? [])];

/**
 * SMTP when SMTP_URL is set. Otherwise mails are kept for the dev mailbox page
 * (read by the platform administrator) and their links are printed in the log:
 * on a first run without SMTP, the log is where the first account's
 * confirmation link is read.
 */
export function createMailer(opts: { smtpUrl?: string; from: string; db: Db; log: Logger }): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      kind: "smtp",
      async send(m: MailMessage) {
        await transport.sendMail({
          from: opts.from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          attachments: m.attachments,
        });
      },
    };
  }
  return {
    kind: "devmail",
    async send(m: MailMessage) {
      const row = await opts.db.devMail.create({
        data: {
          to: m.to.toLowerCase(),
          subject: m.subject,
          text: m.text,
          html: m.html ?? null,
          attachmentsJson: mailAttachments.write(m.attachments ?? []),
        },
      });
      opts.log.info("mail not sent (no SMTP_URL set): kept in the dev mailbox, links below", {
        mailId: row.id,
        to: m.to,
        subject: m.subject,
        links: linksIn(m.text),
      });
    },
  };
}
