export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

/** How the core sends email; the server picks SMTP or the dev mailbox (server/infra/mailer.ts). */
export interface Mailer {
  readonly kind: "smtp" | "devmail";
  send(message: MailMessage): Promise<void>;
}

/** Keeps messages in memory: for unit tests of rules that send mail. */
export class MemoryMailer implements Mailer {
  readonly kind = "devmail" as const;
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage) {
    this.sent.push(message);
  }
}
