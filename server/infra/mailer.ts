import nodemailer from "nodemailer";
import type { Db } from "../db/client";
import type { Logger } from "../core/logger";
import type { MailMessage, Mailer } from "../core/mail/mailer";

/** SMTP when SMTP_URL is set; otherwise mails go to the log and the dev mailbox page. */
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
          attachmentsJson: JSON.stringify(m.attachments ?? []),
        },
      });
      opts.log.info("mail written to the dev mailbox (no SMTP_URL set)", {
        mailId: row.id,
        to: m.to,
        subject: m.subject,
      });
    },
  };
}
