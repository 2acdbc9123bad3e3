import { audit } from "../audit";
import type { Db } from "../../db/client";
import type { RealtimeBus } from "../bus";
import type { Clock } from "../clock";
import { conflict, notFound, validationError, type FieldErrors } from "../errors";
import { answers as answersColumn, stringList } from "../json-columns";
import { type Actor, requirePermission } from "../permissions";
import { inEvent } from "../scope";
import { requireEventCreator } from "../platform/access";
import { slugify } from "../slug";
import { localToUtc } from "../time";
import { shiftAgenda } from "./agenda-shift";
import { validate } from "../validate";
import {
  builtInAskedBy,
  DEFAULT_CATEGORIES,
  EVENT_STATUSES,
  agendaItemInput,
  categoryInput,
  eventInput,
  parseSpeakers,
  questionInput,
} from "./schemas";
import { msg } from "../i18n/message";

export interface ManageDeps {
  db: Db;
  bus: RealtimeBus;
  clock: Clock;
  /** Called when capacity grows, so waitlisted people move up at once. */
  onCapacityRaised?: (eventId: string) => Promise<void>;
  /** Called when what people may see of the boards changes (the Chatham House rule), so open boards reload. */
  onViewsChanged?: (eventId: string) => Promise<void>;
}

/** Turns the validated form's wall-clock times into instants, collecting every field error at once. */
function resolveTimes(data: ReturnType<typeof eventInput.parse>) {
  const errors: FieldErrors = {};
  const at = (field: string, local: string | null) => {
    if (local === null) return null;
    const r = localToUtc(local, data.timezone);
    if (!r.ok) {
      errors[field] = [r.error];
      return null;
    }
    return r.date;
  };
  const startsAt = at("startsAt", data.startsAt);
  const endsAt = at("endsAt", data.endsAt);
  const opens = at("registrationOpensAt", data.registrationOpensAt);
  const closes = at("registrationClosesAt", data.registrationClosesAt);
  if (startsAt && endsAt && endsAt <= startsAt) errors.endsAt = [msg("events.endAfterStart")];
  if (opens && closes && closes <= opens) errors.registrationClosesAt = [msg("events.closeAfterOpen")];
  if (closes && endsAt && closes > endsAt) errors.registrationClosesAt = [msg("events.closeBeforeEnd")];
  if (Object.keys(errors).length) throw validationError(msg("common.correctFields"), errors);
  return { startsAt: startsAt!, endsAt: endsAt!, registrationOpensAt: opens, registrationClosesAt: closes };
}

/** The event form's values as database columns (shared by create and update). */
function eventColumns(data: ReturnType<typeof eventInput.parse>, times: ReturnType<typeof resolveTimes>) {
  return {
    title: data.title,
    description: data.description,
    format: data.format,
    venue: data.venue || null,
    meetingUrl: data.meetingUrl ?? null,
    timezone: data.timezone,
    ...times,
    languagesJson: stringList.write(data.languages),
    chathamHouse: data.chathamHouse,
    capacity: data.capacity,
    requiresApproval: data.requiresApproval,
    partnersJson: stringList.write(data.partners),
    organisationsJson: stringList.write(data.organisations),
    retentionDays: data.retentionDays,
  };
}

/** A custom question must not ask again what every registration form asks. */
function refuseBuiltIn(label: string) {
  const field = builtInAskedBy(label);
  if (field) {
    const message = msg("form.alreadyAsked", { field: field.label });
    throw conflict(message, { label: [message] });
  }
}

export function createEventManagement({ db, clock, onCapacityRaised, onViewsChanged }: ManageDeps) {
  async function uniqueSlug(title: string) {
    const base = slugify(title);
    for (let n = 1; ; n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      if (!(await db.event.findUnique({ where: { slug }, select: { id: true } }))) return slug;
    }
  }

  async function assertAgendaTimes(eventId: string, startsAt: Date, endsAt: Date) {
    const event = await db.event.findUniqueOrThrow({
      where: { id: eventId },
      select: { startsAt: true, endsAt: true },
    });
    const errors: FieldErrors = {};
    if (endsAt <= startsAt) errors.endsAt = [msg("agenda.endAfterStart")];
    if (startsAt < event.startsAt || endsAt > event.endsAt) errors.startsAt = [msg("agenda.withinEvent")];
    if (Object.keys(errors).length) throw validationError(msg("common.correctFields"), errors);
  }

  async function agendaTimes(eventId: string, data: { startsAt: string; endsAt: string }) {
    const { timezone } = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { timezone: true } });
    const s = localToUtc(data.startsAt, timezone);
    const e = localToUtc(data.endsAt, timezone);
    const errors: FieldErrors = {};
    if (!s.ok) errors.startsAt = [s.error];
    if (!e.ok) errors.endsAt = [e.error];
    if (!s.ok || !e.ok) throw validationError(msg("common.correctFields"), errors);
    await assertAgendaTimes(eventId, s.date, e.date);
    return { startsAt: s.date, endsAt: e.date };
  }

  return {
    /** Whoever the instance lets create events (platform/access.ts) starts one and becomes its first organiser. */
    async create(actor: Actor, input: unknown) {
      const user = await requireEventCreator(db, actor);
      const data = validate(eventInput, input);
      const times = resolveTimes(data);
      const slug = await uniqueSlug(data.title);
      const event = await db.event.create({
        data: {
          slug,
          ...eventColumns(data, times),
          status: "draft",
          roles: { create: { userId: user.userId, role: "organiser" } },
          categories: { create: DEFAULT_CATEGORIES.map(([key, label], position) => ({ key, label, position })) },
        },
      });
      await audit(db, {
        eventId: event.id,
        actorId: user.userId,
        action: "event.create",
        details: { slug },
      });
      return event;
    },

    async update(actor: Actor, eventId: string, input: unknown) {
      const user = await requirePermission(db, actor, eventId, "event.manage");
      const data = validate(eventInput, input);
      const times = resolveTimes(data);
      const current = await db.event.findUniqueOrThrow({ where: { id: eventId } });
      if (data.capacity !== null && data.capacity < current.seatsTaken) {
        throw validationError(msg("common.correctFields"), {
          capacity: [msg("events.capacityBelowConfirmed", { count: current.seatsTaken })],
        });
      }
      // Moving the event moves its agenda with it (same local times in the event's timezone).
      const agenda = await db.agendaItem.findMany({
        where: { eventId },
        select: { id: true, startsAt: true, endsAt: true },
      });
      const moved = shiftAgenda(agenda, current, { startsAt: times.startsAt, timezone: data.timezone });
      // Capacity is part of the "take a seat" condition, so it only changes if nobody took a seat meanwhile.
      const changed = await db.$transaction(async (tx) => {
        const r = await tx.event.updateMany({
          where: { id: eventId, seatsTaken: current.seatsTaken },
          data: eventColumns(data, times),
        });
        if (r.count === 1)
          for (const m of moved)
            await tx.agendaItem.update({ where: { id: m.id }, data: { startsAt: m.startsAt, endsAt: m.endsAt } });
        return r;
      });
      if (changed.count === 0) throw conflict(msg("events.capacityChanged"));
      await audit(db, {
        eventId,
        actorId: user.userId,
        action: "event.update",
        details: moved.length ? { agendaMoved: moved.length } : {},
      });
      const raised = current.capacity !== null && (data.capacity === null || data.capacity > current.capacity);
      if (raised) await onCapacityRaised?.(eventId);
      if (current.chathamHouse !== data.chathamHouse) await onViewsChanged?.(eventId);
      return db.event.findUniqueOrThrow({ where: { id: eventId } });
    },

    async setStatus(actor: Actor, eventId: string, status: string) {
      const user = await requirePermission(db, actor, eventId, "event.manage");
      if (!(EVENT_STATUSES as readonly string[]).includes(status)) throw validationError(msg("events.unknownStatus"));
      await db.event.update({ where: { id: eventId }, data: { status } });
      await audit(db, { eventId, actorId: user.userId, action: `event.${status}` });
    },

    /** Everything the organiser's settings form shows, with times as wall-clock values in the event's zone. */
    async getForEditing(actor: Actor, eventId: string) {
      await requirePermission(db, actor, eventId, "event.manage");
      const event = await db.event.findUnique({
        where: { id: eventId },
        include: {
          agenda: {
            orderBy: [{ startsAt: "asc" }, { position: "asc" }],
            include: { speakers: { orderBy: { position: "asc" } } },
          },
          categories: { orderBy: { position: "asc" }, include: { _count: { select: { registrations: true } } } },
          questions: { orderBy: { position: "asc" } },
        },
      });
      if (!event) throw notFound("event");
      // Stored lists decoded here, so the pages read values, not storage formats.
      return {
        ...event,
        languages: stringList.read(event.languagesJson),
        partners: stringList.read(event.partnersJson),
        organisations: stringList.read(event.organisationsJson),
        questions: event.questions.map((q) => ({ ...q, options: stringList.read(q.optionsJson) })),
      };
    },

    async addAgendaItem(actor: Actor, eventId: string, input: unknown) {
      await requirePermission(db, actor, eventId, "event.manage");
      const data = validate(agendaItemInput, input);
      const times = await agendaTimes(eventId, data);
      const position = await db.agendaItem.count({ where: { eventId } });
      return db.agendaItem.create({
        data: {
          eventId,
          position,
          kind: data.kind,
          title: data.title,
          description: data.description,
          ...times,
          speakers: { create: parseSpeakers(data.speakers) },
        },
      });
    },

    async updateAgendaItem(actor: Actor, eventId: string, itemId: string, input: unknown) {
      await requirePermission(db, actor, eventId, "event.manage");
      const data = validate(agendaItemInput, input);
      await inEvent(db, eventId).agendaItem(itemId);
      const times = await agendaTimes(eventId, data);
      await db.$transaction([
        db.agendaSpeaker.deleteMany({ where: { agendaItemId: itemId } }),
        db.agendaItem.update({
          where: { id: itemId },
          data: {
            kind: data.kind,
            title: data.title,
            description: data.description,
            ...times,
            speakers: { create: parseSpeakers(data.speakers) },
          },
        }),
      ]);
    },

    async deleteAgendaItem(actor: Actor, eventId: string, itemId: string) {
      await requirePermission(db, actor, eventId, "event.manage");
      await db.agendaItem.delete({ where: { id: (await inEvent(db, eventId).agendaItem(itemId)).id } });
    },

    async addCategory(actor: Actor, eventId: string, input: unknown) {
      await requirePermission(db, actor, eventId, "event.manage");
      const { label } = validate(categoryInput, input);
      const existing = await db.stakeholderCategory.findMany({ where: { eventId } });
      if (existing.some((c) => c.label.toLowerCase() === label.toLowerCase()))
        throw conflict(msg("form.categoryExists"), { label: [msg("form.categoryExists")] });
      let key = slugify(label, 40).replace(/-/g, "_");
      while (existing.some((c) => c.key === key)) key += "_2";
      return db.stakeholderCategory.create({ data: { eventId, key, label, position: existing.length } });
    },

    async renameCategory(actor: Actor, eventId: string, categoryId: string, input: unknown) {
      await requirePermission(db, actor, eventId, "event.manage");
      const { label } = validate(categoryInput, input);
      const category = await inEvent(db, eventId).category(categoryId);
      await db.stakeholderCategory.update({ where: { id: category.id }, data: { label } });
    },

    async removeCategory(actor: Actor, eventId: string, categoryId: string) {
      await requirePermission(db, actor, eventId, "event.manage");
      const category = await inEvent(db, eventId).category(categoryId);
      const used = await db.registration.count({ where: { eventId, categoryId: category.id } });
      if (used > 0) throw conflict(msg("form.categoryInUse", { count: used }));
      await db.stakeholderCategory.delete({ where: { id: category.id } });
    },

    async addQuestion(actor: Actor, eventId: string, input: unknown) {
      await requirePermission(db, actor, eventId, "event.manage");
      const q = validate(questionInput, input);
      refuseBuiltIn(q.label);
      const position = await db.registrationQuestion.count({ where: { eventId } });
      const choice = q.kind === "single_choice" || q.kind === "multi_choice";
      return db.registrationQuestion.create({
        data: {
          eventId,
          position,
          kind: q.kind,
          label: q.label,
          required: q.required,
          optionsJson: stringList.write(choice ? q.options : []),
        },
      });
    },

    /**
     * Changes a custom question. Answers already given are kept as they were
     * written (an option renamed or removed still reads as the person chose it).
     */
    async updateQuestion(actor: Actor, eventId: string, questionId: string, input: unknown) {
      const user = await requirePermission(db, actor, eventId, "event.manage");
      const q = validate(questionInput, input);
      refuseBuiltIn(q.label);
      const choice = q.kind === "single_choice" || q.kind === "multi_choice";
      const r = await db.registrationQuestion.updateMany({
        where: { id: questionId, eventId },
        data: {
          kind: q.kind,
          label: q.label,
          required: q.required,
          optionsJson: stringList.write(choice ? q.options : []),
        },
      });
      if (r.count === 0) throw notFound("question");
      await audit(db, { eventId, actorId: user.userId, action: "form.question", details: { questionId } });
    },

    /** How many registrations answered each custom question, so editing or removing one says what it touches. */
    async answerCounts(actor: Actor, eventId: string) {
      await requirePermission(db, actor, eventId, "event.manage");
      const rows = await db.registration.findMany({ where: { eventId }, select: { answersJson: true } });
      const counts = new Map<string, number>();
      for (const r of rows) {
        for (const [id, a] of Object.entries(answersColumn.read(r.answersJson)))
          if (Array.isArray(a) ? a.length : typeof a === "string" && a.trim())
            counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return counts;
    },

    async removeQuestion(actor: Actor, eventId: string, questionId: string) {
      await requirePermission(db, actor, eventId, "event.manage");
      await db.registrationQuestion.delete({ where: { id: (await inEvent(db, eventId).question(questionId)).id } });
    },

    async moveQuestion(actor: Actor, eventId: string, questionId: string, direction: "up" | "down") {
      await requirePermission(db, actor, eventId, "event.manage");
      await inEvent(db, eventId).question(questionId);
      const qs = await db.registrationQuestion.findMany({ where: { eventId }, orderBy: { position: "asc" } });
      const i = qs.findIndex((q) => q.id === questionId);
      const j = direction === "up" ? i - 1 : i + 1;
      if (j < 0 || j >= qs.length) return;
      [qs[i], qs[j]] = [qs[j]!, qs[i]!];
      await db.$transaction(
        qs.map((q, position) => db.registrationQuestion.update({ where: { id: q.id }, data: { position } })),
      );
    },

    now: () => clock.now(),
  };
}

export type EventManagement = ReturnType<typeof createEventManagement>;
