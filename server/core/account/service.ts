import { answers } from "../json-columns";

/** What erased answers are stored as, and what a registration without answers holds. */
const noAnswers = answers.write({});
import { audit } from "../audit";
import { z } from "zod";
import type { Db } from "../../db/client";
import { verifyPassword } from "../auth/passwords";
import { channels, type RealtimeBus } from "../bus";
import type { Clock } from "../clock";
import { DomainError, conflict, forbidden } from "../errors";
import { type Actor, requirePermission, requireUser } from "../permissions";
import { validate } from "../validate";
import { auditEntries } from "./audit-view";
import { msg } from "../i18n/message";

const deleteInput = z.object({ password: z.string().optional(), confirmEmail: z.string().optional() });

/**
 * A person's own data: everything Plenary holds about them, as JSON, and
 * deleting their account. What they said on boards stays as the event's
 * record, with no author; registrations, votes and sessions go.
 */
export function createAccountService({
  db,
  bus,
  clock,
  promote,
  refreshViews,
}: {
  db: Db;
  bus: RealtimeBus;
  clock: Clock;
  promote: (eventId: string) => Promise<unknown>;
  refreshViews?: (eventId: string) => Promise<void>;
}) {
  return {
    hasPassword: async (userId: string) =>
      !!(await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } }))?.passwordHash,

    async exportData(actor: Actor) {
      const { userId } = requireUser(actor);
      const user = await db.user.findUniqueOrThrow({
        where: { id: userId },
        select: {
          id: true,
          email: true,
          name: true,
          locale: true,
          createdAt: true,
          registrations: {
            include: { event: { select: { slug: true, title: true } }, category: { select: { label: true } } },
          },
          roles: { select: { role: true, event: { select: { slug: true, title: true } } } },
          notes: {
            select: {
              id: true,
              text: true,
              category: true,
              createdAt: true,
              deletedAt: true,
              board: { select: { title: true, event: { select: { slug: true } } } },
            },
          },
          noteComments: { select: { text: true, createdAt: true, noteId: true } },
          votes: { select: { noteId: true, dots: true } },
          noteReactions: { select: { noteId: true, emoji: true } },
          assignments: { select: { role: true, room: { select: { name: true } }, round: { select: { title: true } } } },
          sessions: { select: { createdAt: true, expiresAt: true } },
        },
      });
      return {
        exportedAt: clock.now().toISOString(),
        account: { id: user.id, email: user.email, name: user.name, locale: user.locale, createdAt: user.createdAt },
        registrations: user.registrations.map((r) => ({
          event: r.event.slug,
          eventTitle: r.event.title,
          status: r.status,
          organisation: r.organisation,
          category: r.category?.label ?? null,
          roleTitle: r.roleTitle,
          city: r.city,
          country: r.country,
          preferredLanguage: r.preferredLanguage,
          accessibilityNeeds: r.accessibilityNeeds,
          gender: r.gender,
          consentData: r.consentData,
          consentQuote: r.consentQuote,
          answers: answers.read(r.answersJson),
          checkedInAt: r.checkedInAt,
          createdAt: r.createdAt,
        })),
        roles: user.roles.map((r) => ({ event: r.event.slug, role: r.role })),
        roomAssignments: user.assignments.map((a) => ({ round: a.round.title, room: a.room.name, role: a.role })),
        notes: user.notes.map((n) => ({
          id: n.id,
          event: n.board.event.slug,
          board: n.board.title,
          category: n.category,
          text: n.text,
          createdAt: n.createdAt,
          deleted: !!n.deletedAt,
        })),
        comments: user.noteComments,
        votes: user.votes,
        reactions: user.noteReactions,
        sessions: user.sessions,
      };
    },

    async deleteAccount(actor: Actor, input: unknown) {
      const { userId } = requireUser(actor);
      const { password, confirmEmail } = validate(deleteInput, input);
      const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
      // Accounts made by registering have no password until one is set: those confirm with their email.
      if (user.passwordHash) {
        if (!password || !(await verifyPassword(user.passwordHash, password)))
          throw new DomainError("validation", msg("account.wrongPassword"), {
            password: [msg("account.enterPassword")],
          });
      } else if ((confirmEmail ?? "").trim().toLowerCase() !== user.email) {
        throw new DomainError("validation", msg("account.typeEmail"), {
          confirmEmail: [msg("account.typeEmail")],
        });
      }
      // Nor the instance without anyone to run it.
      if (
        user.platformRole === "admin" &&
        (await db.user.count({ where: { platformRole: "admin", disabledAt: null, NOT: { id: userId } } })) === 0
      )
        throw conflict(msg("account.onlyAdministrator"));
      // An event must not be left without anyone to run it.
      const organised = await db.eventRole.findMany({
        where: { userId, role: "organiser" },
        select: { eventId: true, event: { select: { title: true } } },
      });
      for (const o of organised) {
        if ((await db.eventRole.count({ where: { eventId: o.eventId, role: "organiser" } })) === 1) {
          throw conflict(msg("account.onlyOrganiser", { event: o.event.title }));
        }
      }
      const confirmed = await db.registration.findMany({
        where: { userId, status: "confirmed" },
        select: { eventId: true },
      });
      // Events whose boards show something this person wrote: their name leaves those boards' open pages too.
      const authored = await db.board.findMany({
        where: {
          OR: [
            { notes: { some: { authorId: userId } } },
            { notes: { some: { comments: { some: { authorId: userId } } } } },
          ],
        },
        select: { eventId: true },
        distinct: ["eventId"],
      });
      await db.$transaction(async (tx) => {
        for (const r of confirmed)
          await tx.event.updateMany({
            where: { id: r.eventId, seatsTaken: { gt: 0 } },
            data: { seatsTaken: { decrement: 1 } },
          });
        await audit(tx, { actorId: null, action: "account.delete", details: { events: confirmed.length } });
        // Notes and comments keep their text with no author (onDelete: SetNull); the rest cascades.
        await tx.user.delete({ where: { id: userId } });
      });
      bus.disconnect(channels.user(userId));
      for (const r of confirmed) await promote(r.eventId);
      for (const b of authored) await refreshViews?.(b.eventId);
    },

    /**
     * Removes personal registration data of events that ended more than their
     * retention period ago: who came stays countable (status, category,
     * country), who they were does not.
     */
    async applyRetention() {
      const now = clock.now();
      const events = await db.event.findMany({
        where: { retentionDays: { not: null } },
        select: { id: true, endsAt: true, retentionDays: true },
      });
      let purged = 0;
      for (const e of events) {
        if (e.endsAt.getTime() + e.retentionDays! * 86_400_000 > now.getTime()) continue;
        const r = await db.registration.updateMany({
          where: {
            eventId: e.id,
            OR: [
              { organisation: { not: "" } },
              { city: { not: "" } },
              { roleTitle: { not: "" } },
              { accessibilityNeeds: { not: "" } },
              { gender: { not: null } },
              { answersJson: { not: noAnswers } },
              { manageTokenHash: { not: null } },
            ],
          },
          data: {
            organisation: "",
            city: "",
            roleTitle: "",
            accessibilityNeeds: "",
            gender: null,
            answersJson: noAnswers,
            manageTokenHash: null,
          },
        });
        if (r.count) {
          purged += r.count;
          await audit(db, { eventId: e.id, action: "retention.purge", details: { registrations: r.count } });
        }
      }
      return { purged };
    },

    /** The organisers' view of who did what, with ids named (audit-view.ts) so the page can say it in words. */
    async auditLog(actor: Actor, eventId: string, limit = 500) {
      await requirePermission(db, actor, eventId, "event.manage").catch(() => {
        throw forbidden(msg("access.auditLogOrganisersOnly"));
      });
      return auditEntries(db, eventId, limit);
    },
  };
}
