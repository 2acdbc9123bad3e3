import { audit } from "../audit";
import { z } from "zod";
import type { Db } from "../../db/client";
import { channels, type RealtimeBus } from "../bus";
import type { Clock } from "../clock";
import { conflict, forbidden, notFound } from "../errors";
import type { Mailer } from "../mail/mailer";
import { type Actor, EVENT_ROLES, requirePermission } from "../permissions";
import { hashToken, newToken } from "../tokens";
import { emailSchema, validate } from "../validate";
import { zm } from "../i18n/zod-messages";
import { rowProblem } from "../csv-import";
import type { Message } from "../i18n/message";
import { msg } from "../i18n/message";

import { readCsvRows } from "../csv-import";

const roleSchema = z.enum(EVENT_ROLES, { error: zm("invitations.role", { roles: EVENT_ROLES.join(", ") }) });
const inviteInput = z.object({
  email: emailSchema,
  role: roleSchema,
  name: z.string().trim().max(120).optional().default(""),
});

const importRow = z.object({
  email: emailSchema,
  name: z.string().trim().max(120, zm("auth.nameTooLong")).optional().default(""),
  organisation: z.string().trim().max(200, zm("invitations.organisationTooLong")).optional().default(""),
  category: z.string().trim().max(100).optional().default(""),
  city: z.string().trim().max(120).optional().default(""),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2})?$/, zm("invitations.country"))
    .optional()
    .default(""),
  role: z.preprocess((v) => (v === "" || v == null ? "participant" : String(v).trim().toLowerCase()), roleSchema),
});

export type ImportReport = {
  imported: number;
  skipped: { line: number; email: string; reason: Message }[];
  errors: { line: number; messages: Message[] }[];
  dryRun: boolean;
};

const ROLE_NAMES: Record<string, string> = {
  organiser: "a co-organiser",
  facilitator: "a facilitator",
  rapporteur: "a rapporteur",
  secretariat: "a member of the secretariat",
  participant: "a participant",
};

type InviteRow = {
  email: string;
  name: string;
  role: string;
  organisation?: string;
  categoryKey?: string | null;
  city?: string;
  country?: string;
};

export function createInvitationService({
  db,
  mailer,
  clock,
  bus,
}: {
  db: Db;
  mailer: Mailer;
  clock: Clock;
  bus: RealtimeBus;
}) {
  async function send(eventId: string, invitedById: string, row: InviteRow, baseUrl: string) {
    const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
    const inviter = await db.user.findUniqueOrThrow({ where: { id: invitedById } });
    const { token, hash } = newToken();
    await db.invitation.upsert({
      where: { eventId_email_role: { eventId, email: row.email, role: row.role } },
      create: {
        eventId,
        email: row.email,
        name: row.name,
        role: row.role,
        organisation: row.organisation ?? "",
        categoryKey: row.categoryKey ?? null,
        city: row.city ?? "",
        country: row.country ?? "",
        tokenHash: hash,
        invitedById,
      },
      update: { tokenHash: hash, status: "pending", name: row.name, invitedById },
    });
    const link = new URL(`/invitations/${token}`, baseUrl).toString();
    const what =
      row.role === "participant"
        ? `to take part in "${event.title}"`
        : `to join "${event.title}" as ${ROLE_NAMES[row.role]}`;
    await mailer.send({
      to: row.email,
      subject: `Invitation: ${event.title}`,
      text: `Hello${row.name ? ` ${row.name}` : ""},\n\n${inviter.name} invites you ${what}.\n\nAccept the invitation: ${link}\n\nPlenary`,
    });
  }

  return {
    /** Invites someone by email to take a role in the event (co-organisers, facilitators, ...). */
    async invite(actor: Actor, eventId: string, input: unknown, baseUrl: string) {
      const user = await requirePermission(db, actor, eventId, "team.invite");
      const data = validate(inviteInput, input);
      await send(eventId, user.userId, data, baseUrl);
      await audit(db, {
        eventId,
        actorId: user.userId,
        action: "team.invite",
        details: { email: data.email, role: data.role },
      });
    },

    /**
     * Imports an invitation list. Every row is checked and reported with its
     * line number; nothing is imported while any row is bad, unless the
     * organiser asks to import the valid rows only.
     */
    async importCsv(
      actor: Actor,
      eventId: string,
      csv: string,
      opts: { validOnly: boolean },
      baseUrl: string,
    ): Promise<ImportReport> {
      const user = await requirePermission(db, actor, eventId, "team.invite");
      const records = readCsvRows(csv, {
        heading: (c) => c.trim().toLowerCase(),
        required: ["email"],
        missing: () => msg("invitations.emailColumn"),
      });

      const categories = await db.stakeholderCategory.findMany({ where: { eventId } });
      const seen = new Set<string>();
      const errors: ImportReport["errors"] = [];
      const valid: { line: number; row: InviteRow }[] = [];
      records.forEach((record, i) => {
        const line = i + 2; // line 1 is the header
        const r = importRow.safeParse(record);
        const messages = r.success ? [] : r.error.issues.map(rowProblem);
        let categoryKey: string | null = null;
        if (r.success && r.data.category) {
          const c = categories.find(
            (c) => c.key === r.data.category || c.label.toLowerCase() === r.data.category.toLowerCase(),
          );
          if (!c)
            messages.push(
              msg("common.fieldProblem", {
                field: "category",
                problem: msg("invitations.unknownCategory", { category: r.data.category }),
              }),
            );
          else categoryKey = c.key;
        }
        if (r.success && seen.has(`${r.data.email}|${r.data.role}`))
          messages.push(
            msg("common.fieldProblem", { field: "email", problem: msg("recorded.twice", { email: r.data.email }) }),
          );
        if (messages.length) errors.push({ line, messages });
        else if (r.success) {
          seen.add(`${r.data.email}|${r.data.role}`);
          valid.push({ line, row: { ...r.data, categoryKey } });
        }
      });
      if (errors.length > 0 && !opts.validOnly) return { imported: 0, skipped: [], errors, dryRun: true };

      const skipped: ImportReport["skipped"] = [];
      let imported = 0;
      for (const { line, row } of valid) {
        const registered = await db.registration.findFirst({
          where: { eventId, user: { email: row.email }, status: { in: ["pending", "confirmed", "waitlisted"] } },
        });
        if (row.role === "participant" && registered) {
          skipped.push({ line, email: row.email, reason: msg("recorded.skippedAlready") });
          continue;
        }
        await send(eventId, user.userId, row, baseUrl);
        imported++;
      }
      await audit(db, {
        eventId,
        actorId: user.userId,
        action: "invitations.import",
        details: { imported, errors: errors.length },
      });
      return { imported, skipped, errors, dryRun: false };
    },

    async list(actor: Actor, eventId: string) {
      await requirePermission(db, actor, eventId, "team.invite");
      return db.invitation.findMany({
        where: { eventId },
        orderBy: { createdAt: "desc" },
        select: { id: true, email: true, name: true, role: true, status: true, createdAt: true },
      });
    },

    async team(actor: Actor, eventId: string) {
      await requirePermission(db, actor, eventId, "team.invite");
      const roles = await db.eventRole.findMany({
        where: { eventId, role: { not: "participant" } },
        include: { user: { select: { name: true, email: true } } },
        orderBy: { createdAt: "asc" },
      });
      return roles.map((r) => ({ id: r.id, role: r.role, name: r.user.name, email: r.user.email }));
    },

    async get(token: string) {
      const inv = await db.invitation.findUnique({
        where: { tokenHash: hashToken(token) },
        include: { event: { select: { id: true, slug: true, title: true } } },
      });
      if (!inv || inv.status === "revoked") throw notFound("invitation");
      return inv;
    },

    /**
     * Accepting proves the email address (the link was sent there), so it
     * signs that person in, creating their account when needed.
     */
    async accept(actor: Actor, token: string) {
      const inv = await this.get(token);
      const owner = await db.user.findUnique({ where: { email: inv.email } });
      if (actor && owner && actor.userId !== owner.id) throw forbidden(msg("invitations.otherEmail"));
      if (actor && !owner) throw forbidden(msg("invitations.otherEmail"));
      if (inv.status !== "pending") throw conflict(msg("invitations.used"));
      const userId =
        owner?.id ??
        (await db.user.create({ data: { email: inv.email, name: inv.name || inv.email.split("@")[0]! } })).id;
      const claimed = await db.invitation.updateMany({
        where: { id: inv.id, status: "pending" },
        data: { status: "accepted", acceptedAt: clock.now() },
      });
      if (claimed.count === 0) throw conflict(msg("invitations.used"));
      if (inv.role !== "participant") {
        await db.eventRole.upsert({
          where: { eventId_userId_role: { eventId: inv.eventId, userId, role: inv.role } },
          create: { eventId: inv.eventId, userId, role: inv.role },
          update: {},
        });
        bus.accessChanged({ eventId: inv.eventId, userId });
        bus.publish(channels.user(userId), "session:rescope", { eventId: inv.eventId });
        await audit(db, {
          eventId: inv.eventId,
          actorId: userId,
          action: "role.granted",
          details: { role: inv.role, invitedBy: inv.invitedById, email: inv.email },
        });
      }
      return { userId, eventSlug: inv.event.slug, role: inv.role };
    },
  };
}

export type InvitationService = ReturnType<typeof createInvitationService>;
