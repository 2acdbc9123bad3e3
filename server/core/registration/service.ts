import { localeOr } from "../i18n/locales";
import { audit } from "../audit";
import type { Db, DbLike } from "../../db/client";
import { isUniqueViolation } from "../../db/unique";
import { channels, type RealtimeBus } from "../bus";
import type { Clock } from "../clock";
import { conflict, type DomainError, forbidden, notFound, validationError, type FieldErrors } from "../errors";
import { answers as answersColumn, stringList } from "../json-columns";
import type { Logger } from "../logger";
import type { Mailer } from "../mail/mailer";
import { type Actor, requirePermission } from "../permissions";
import { inEvent } from "../scope";
import type { SignedLinks } from "../signed-links";
import { hashToken, newToken } from "../tokens";
import { icsLocation, registrationEmail } from "./emails";
import { eventIcs } from "./ics";
import { registrationClosedReason } from "./rules";
import { createRecordedRegistrations } from "./recorded";
import { ACTIVE_STATUSES, identityFields, parseAnswers, registrationFields, type RegistrationStatus } from "./schemas";
import { msg } from "../i18n/message";
import { issueMessage } from "../i18n/zod-messages";

export interface RegistrationDeps {
  db: Db;
  bus: RealtimeBus;
  mailer: Mailer;
  clock: Clock;
  log: Logger;
  links: SignedLinks;
}

/** Organisers' dashboards follow this channel to refresh their figures. */
export const staffChannel = channels.staff;

export function createRegistrationService({ db, bus, mailer, clock, log, links }: RegistrationDeps) {
  /**
   * Takes a seat if one is left, in one conditional UPDATE: with concurrent
   * registrations for the last seat exactly one matches, on SQLite (writes are
   * serialised) and on PostgreSQL (the row lock makes the second UPDATE
   * re-check its condition after the first commits).
   */
  async function takeSeat(tx: DbLike, eventId: string): Promise<boolean> {
    const r = await tx.event.updateMany({
      where: { id: eventId, OR: [{ capacity: null }, { seatsTaken: { lt: tx.event.fields.capacity } }] },
      data: { seatsTaken: { increment: 1 } },
    });
    return r.count === 1;
  }

  const releaseSeat = (tx: DbLike, eventId: string) =>
    tx.event.updateMany({ where: { id: eventId, seatsTaken: { gt: 0 } }, data: { seatsTaken: { decrement: 1 } } });

  async function waitlistPosition(eventId: string, registrationId: string) {
    const reg = await db.registration.findUniqueOrThrow({ where: { id: registrationId }, select: { createdAt: true } });
    return db.registration.count({ where: { eventId, status: "waitlisted", createdAt: { lte: reg.createdAt } } });
  }

  async function loadEvent(eventId: string) {
    const event = await db.event.findUnique({ where: { id: eventId } });
    if (!event) throw notFound("event");
    return event;
  }

  async function notify(
    registrationId: string,
    kind: Parameters<typeof registrationEmail>[0],
    baseUrl: string,
    extra: { loginUrl?: string } = {},
  ) {
    const reg = await db.registration.findUniqueOrThrow({
      where: { id: registrationId },
      include: { user: true, event: true },
    });
    const { event } = reg;
    const eventUrl = new URL(`/events/${event.slug}`, baseUrl).toString();
    const ctx = {
      event,
      name: reg.user.name,
      to: reg.user.email,
      eventUrl,
      manageUrl: new URL(`/registrations/${links.sign("registration", reg.id)}`, baseUrl).toString(),
      loginUrl: extra.loginUrl,
      ics: eventIcs({
        uid: `${event.id}@plenary`,
        title: event.title,
        description: `${event.title}\n${eventUrl}`,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        timezone: event.timezone,
        url: eventUrl,
        location: event.venue ?? icsLocation(event.format, reg.preferredLanguage),
      }),
    };
    const message = registrationEmail(
      kind,
      kind === "waitlisted" ? { ...ctx, position: await waitlistPosition(event.id, reg.id) } : ctx,
      reg.preferredLanguage,
    );
    try {
      await mailer.send(message);
    } catch (e) {
      // The registration stands even when mail fails; the organiser sees it in the dashboard.
      log.error("registration email failed", { registrationId, kind, error: (e as Error).message });
    }
  }

  const changed = (eventId: string) => bus.publish(staffChannel(eventId), "registrations:changed", { eventId });

  /**
   * Someone whose registration ends (cancelled, rejected) stops being a
   * participant at once: their participant role and room places go, and their
   * open sockets leave the event's live channels, so nothing more reaches them.
   */
  async function leaveEvent(eventId: string, userId: string) {
    const roles = await db.eventRole.findMany({ where: { eventId, userId } });
    await db.eventRole.deleteMany({ where: { eventId, userId, role: "participant" } });
    if (roles.some((r) => r.role !== "participant")) return; // staff keep their access
    await db.roomAssignment.deleteMany({ where: { userId, round: { eventId } } });
    const [rooms, boards] = await Promise.all([
      db.room.findMany({ where: { round: { eventId } }, select: { id: true } }),
      db.board.findMany({ where: { eventId }, select: { id: true } }),
    ]);
    bus.accessChanged({ eventId, userId });
    bus.publish(channels.user(userId), "session:rescope", { eventId });
    bus.leave(channels.user(userId), [
      channels.event(eventId),
      channels.staff(eventId),
      ...rooms.map((r) => channels.room(r.id)),
      ...boards.flatMap((b) => [channels.board(b.id), channels.boardStaff(b.id)]),
    ]);
  }

  /** Fills freed seats from the waitlist, oldest first, and tells each person promoted. */
  async function promoteFromWaitlist(eventId: string, baseUrl: string) {
    const promoted: string[] = [];
    for (;;) {
      const next = await db.registration.findFirst({
        where: { eventId, status: "waitlisted" },
        orderBy: { createdAt: "asc" },
      });
      if (!next) break;
      const ok = await db
        .$transaction(async (tx) => {
          // Only one process may promote this person, and only into a free seat.
          const claimed = await tx.registration.updateMany({
            where: { id: next.id, status: "waitlisted" },
            data: { status: "confirmed" },
          });
          if (claimed.count === 0) return "skip" as const;
          if (!(await takeSeat(tx, eventId))) throw new NoSeat();
          return "done" as const;
        })
        .catch((e) => {
          if (e instanceof NoSeat) return "full" as const;
          throw e;
        });
      if (ok === "full") break;
      if (ok === "done") promoted.push(next.id);
    }
    for (const id of promoted) await notify(id, "promoted", baseUrl);
    if (promoted.length) changed(eventId);
    return promoted;
  }

  function assertOpen(event: Awaited<ReturnType<typeof loadEvent>>) {
    const reason = registrationClosedReason(event, clock.now());
    if (reason) throw conflict(reason);
  }

  async function validateFields(eventId: string, input: Record<string, unknown>) {
    const [questions, categories] = await Promise.all([
      db.registrationQuestion.findMany({ where: { eventId }, orderBy: { position: "asc" } }),
      db.stakeholderCategory.findMany({ where: { eventId } }),
    ]);
    const errors: FieldErrors = {};
    const fields = registrationFields.safeParse(input);
    if (!fields.success) for (const i of fields.error.issues) (errors[i.path.join(".")] ??= []).push(issueMessage(i));
    const category = categories.find((c) => c.key === input.categoryKey);
    if (!category) errors.categoryKey = [msg("registration.category")];
    const { answers, errors: answerErrors } = parseAnswers(questions, input);
    Object.assign(errors, answerErrors);
    if (Object.keys(errors).length) throw validationError(msg("common.correctFields"), errors);
    const data = fields.data!;
    return {
      organisation: data.organisation,
      categoryId: category!.id,
      roleTitle: data.roleTitle,
      city: data.city,
      country: data.country,
      preferredLanguage: data.preferredLanguage,
      accessibilityNeeds: data.accessibilityNeeds,
      gender: data.gender,
      consentData: data.consentData,
      consentQuote: data.consentQuote,
      answersJson: answersColumn.write(answers),
    };
  }

  async function loginLinkFor(userId: string, baseUrl: string, redirectTo: string) {
    const { token, hash } = newToken();
    await db.loginLink.create({
      data: { userId, tokenHash: hash, redirectTo, expiresAt: new Date(clock.now().getTime() + 7 * 86_400_000) },
    });
    return new URL(`/login/link/${token}`, baseUrl).toString();
  }

  // People the team records themselves (past or in-person sessions), outside the registration window.
  const recorded = createRecordedRegistrations({
    db,
    clock,
    takeSeat,
    changed,
    confirm: async (registrationId, userId, eventSlug, baseUrl) =>
      notify(registrationId, "confirmed", baseUrl, {
        loginUrl: await loginLinkFor(userId, baseUrl, `/events/${eventSlug}`),
      }),
  });

  return {
    takeSeat,
    promoteFromWaitlist,
    record: recorded.record,
    recordSpec: recorded.recordSpec,
    importCsv: recorded.importCsv,

    /**
     * Registers the signed-in person, or whoever the form names. Without a
     * session, the email creates an account without a password (or links the
     * existing one) and the confirmation carries a one-time sign-in link.
     */
    async register(actor: Actor, eventId: string, input: Record<string, unknown>, baseUrl: string) {
      const event = await loadEvent(eventId);
      assertOpen(event);
      let identity: { name: string; email: string } | null = null;
      const identityErrors: FieldErrors = {};
      if (!actor) {
        const r = identityFields.safeParse(input);
        if (r.success) identity = r.data;
        else for (const i of r.error.issues) (identityErrors[i.path.join(".")] ??= []).push(issueMessage(i));
      }
      let fields;
      try {
        fields = await validateFields(eventId, input);
      } catch (e) {
        if ((e as DomainError).code === "validation")
          throw validationError((e as DomainError).said, { ...identityErrors, ...(e as DomainError).fieldErrors });
        throw e;
      }
      if (Object.keys(identityErrors).length) throw validationError(msg("common.correctFields"), identityErrors);

      let userId: string;
      let newAccount = false;
      if (actor) userId = actor.userId;
      else {
        const existing = await db.user.findUnique({ where: { email: identity!.email } });
        if (existing) userId = existing.id;
        else {
          try {
            userId = (
              await db.user.create({
                data: {
                  email: identity!.email,
                  name: identity!.name,
                  locale: localeOr(fields.preferredLanguage),
                },
              })
            ).id;
            newAccount = true;
          } catch {
            userId = (await db.user.findUniqueOrThrow({ where: { email: identity!.email } })).id;
          }
        }
      }

      const duplicate = () =>
        conflict(msg("registration.emailRegistered"), {
          email: [msg("registration.alreadyRegistered")],
        });
      /**
       * Without a session, a second registration for the same email gets the
       * same answer as a first one (so the form cannot tell who is registered,
       * or who has an account) and the owner gets their registration's email again.
       */
      const answerAgain = async (id: string) => {
        const reg = await db.registration.findUniqueOrThrow({ where: { id } });
        await notify(reg.id, reg.status as Parameters<typeof registrationEmail>[0], baseUrl, {
          loginUrl: await loginLinkFor(userId, baseUrl, `/events/${event.slug}`),
        });
        const position = reg.status === "waitlisted" ? await waitlistPosition(eventId, reg.id) : null;
        return {
          id: reg.id,
          status: reg.status as RegistrationStatus,
          position,
          newAccount: false,
          manageToken: links.sign("registration", reg.id),
        };
      };
      const previous = await db.registration.findUnique({ where: { eventId_userId: { eventId, userId } } });
      if (previous && (ACTIVE_STATUSES as string[]).includes(previous.status)) {
        if (actor) throw duplicate();
        return answerAgain(previous.id);
      }

      let outcome;
      try {
        outcome = await db.$transaction(async (tx) => {
          let status: RegistrationStatus;
          if (event.requiresApproval) status = "pending";
          else status = (await takeSeat(tx, eventId)) ? "confirmed" : "waitlisted";
          const data = { ...fields, status, checkedInAt: null, createdAt: clock.now() };
          // A cancelled or rejected registration is reused, so one person keeps one row per event.
          const reg = previous
            ? await tx.registration.update({ where: { id: previous.id }, data })
            : await tx.registration.create({ data: { eventId, userId, ...data } });
          await tx.eventRole.upsert({
            where: { eventId_userId_role: { eventId, userId, role: "participant" } },
            create: { eventId, userId, role: "participant" },
            update: {},
          });
          return reg;
        });
      } catch (e) {
        // Two submissions of the same form at once: the unique index keeps one.
        if (!isUniqueViolation(e)) throw e;
        if (actor) throw duplicate();
        return answerAgain(
          (await db.registration.findUniqueOrThrow({ where: { eventId_userId: { eventId, userId } } })).id,
        );
      }

      const loginUrl = !actor ? await loginLinkFor(userId, baseUrl, `/events/${event.slug}`) : undefined;
      await notify(outcome.id, outcome.status as Parameters<typeof registrationEmail>[0], baseUrl, { loginUrl });
      changed(eventId);
      const position = outcome.status === "waitlisted" ? await waitlistPosition(eventId, outcome.id) : null;
      return {
        id: outcome.id,
        status: outcome.status as RegistrationStatus,
        position,
        newAccount,
        manageToken: links.sign("registration", outcome.id),
      };
    },

    /** A registration seen through its emailed link: no sign-in needed. */
    async getByToken(token: string) {
      const id = links.verify("registration", token);
      const reg = id
        ? await db.registration.findUnique({
            where: { id },
            include: {
              user: true,
              event: {
                include: { questions: { orderBy: { position: "asc" } }, categories: { orderBy: { position: "asc" } } },
              },
              category: true,
            },
          })
        : null;
      if (!reg) throw notFound("registrationLink");
      const position = reg.status === "waitlisted" ? await waitlistPosition(reg.eventId, reg.id) : null;
      // Stored lists and answers decoded here, so the page reads values, not storage formats.
      const event = {
        ...reg.event,
        languages: stringList.read(reg.event.languagesJson),
        questions: reg.event.questions.map((q) => ({ ...q, options: stringList.read(q.optionsJson) })),
      };
      return { ...reg, event, answers: answersColumn.read(reg.answersJson), position };
    },

    async updateByToken(token: string, input: Record<string, unknown>) {
      const reg = await this.getByToken(token);
      if (!(ACTIVE_STATUSES as string[]).includes(reg.status)) throw conflict(msg("registration.noLongerActive"));
      const fields = await validateFields(reg.eventId, input);
      await db.registration.update({ where: { id: reg.id }, data: fields });
      changed(reg.eventId);
    },

    /** Cancelling frees the seat at once and gives it to the first person waiting. */
    async cancelByToken(token: string, baseUrl: string) {
      const reg = await this.getByToken(token);
      if (!(ACTIVE_STATUSES as string[]).includes(reg.status)) return { status: reg.status };
      await db.$transaction(async (tx) => {
        const r = await tx.registration.updateMany({
          where: { id: reg.id, status: reg.status },
          data: { status: "cancelled", checkedInAt: null },
        });
        if (r.count === 1 && reg.status === "confirmed") await releaseSeat(tx, reg.eventId);
      });
      await leaveEvent(reg.eventId, reg.userId);
      await notify(reg.id, "cancelled", baseUrl);
      await promoteFromWaitlist(reg.eventId, baseUrl);
      changed(reg.eventId);
      return { status: "cancelled" as const };
    },

    /** Organiser decisions on one registration. */
    async decide(
      actor: Actor,
      eventId: string,
      registrationId: string,
      decision: "approve" | "reject" | "promote",
      baseUrl: string,
    ) {
      const user = await requirePermission(db, actor, eventId, "registration.manage");
      const reg = await inEvent(db, eventId).registration(registrationId);
      let status: RegistrationStatus;
      if (decision === "reject") {
        if (reg.status === "rejected") return reg.status;
        await db.$transaction(async (tx) => {
          await tx.registration.update({ where: { id: reg.id }, data: { status: "rejected", checkedInAt: null } });
          if (reg.status === "confirmed") await releaseSeat(tx, eventId);
        });
        status = "rejected";
        await leaveEvent(eventId, reg.userId);
        await notify(reg.id, "rejected", baseUrl);
        if (reg.status === "confirmed") await promoteFromWaitlist(eventId, baseUrl);
      } else {
        if (reg.status === "confirmed") return reg.status;
        if (reg.status === "cancelled") throw conflict(msg("registration.personCancelled"));
        status = await db.$transaction(async (tx) => {
          if (await takeSeat(tx, eventId)) {
            await tx.registration.update({ where: { id: reg.id }, data: { status: "confirmed" } });
            return "confirmed" as const;
          }
          if (decision === "promote") throw conflict(msg("registration.fullForWaitlist"));
          await tx.registration.update({ where: { id: reg.id }, data: { status: "waitlisted" } });
          return "waitlisted" as const;
        });
        await notify(
          reg.id,
          status === "confirmed" ? (reg.status === "waitlisted" ? "promoted" : "confirmed") : "waitlisted",
          baseUrl,
        );
      }
      await audit(db, {
        eventId,
        actorId: user.userId,
        action: `registration.${decision}`,
        details: { registrationId, status },
      });
      changed(eventId);
      return status;
    },

    /** Attendance on the day; only confirmed people can be checked in. */
    async setCheckIn(actor: Actor, eventId: string, registrationId: string, present: boolean) {
      await requirePermission(db, actor, eventId, "registration.check_in");
      const reg = await inEvent(db, eventId).registration(registrationId);
      if (reg.status !== "confirmed") throw conflict(msg("registration.checkInConfirmedOnly"));
      await db.registration.update({ where: { id: reg.id }, data: { checkedInAt: present ? clock.now() : null } });
      changed(eventId);
    },

    /** Registration of the signed-in user for an event, for the public page. */
    async mine(actor: Actor, eventId: string) {
      if (!actor) return null;
      const reg = await db.registration.findUnique({ where: { eventId_userId: { eventId, userId: actor.userId } } });
      if (!reg) return null;
      return {
        status: reg.status as RegistrationStatus,
        position: reg.status === "waitlisted" ? await waitlistPosition(eventId, reg.id) : null,
        manageToken: links.sign("registration", reg.id),
      };
    },

    /** Signs someone in through an emailed one-time link. */
    async consumeLoginLink(token: string) {
      const link = await db.loginLink.findUnique({ where: { tokenHash: hashToken(token) } });
      const spent = () => forbidden(msg("auth.signInLinkUsed"));
      if (!link || link.usedAt || link.expiresAt <= clock.now()) throw spent();
      // Claimed in one conditional update, so a link opened twice at once signs in once.
      const claimed = await db.loginLink.updateMany({
        where: { id: link.id, usedAt: null },
        data: { usedAt: clock.now() },
      });
      if (claimed.count === 0) throw spent();
      return { userId: link.userId, redirectTo: link.redirectTo };
    },
  };
}

class NoSeat extends Error {}

export type RegistrationService = ReturnType<typeof createRegistrationService>;
