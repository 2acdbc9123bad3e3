import { itemChanges } from "../json-columns";
import { audit } from "../audit";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { ICalCalendar, ICalCalendarMethod } from "ical-generator";
import { DateTime } from "luxon";
import { z } from "zod";
import type { Db } from "../../db/client";
import type { Clock } from "../clock";
import { toCsv } from "../csv";
import { notFound } from "../errors";
import type { Logger } from "../logger";
import type { Mailer } from "../mail/mailer";
import { type Actor, requirePermission } from "../permissions";
import { inEvent } from "../scope";
import { emailSchema, validate } from "../validate";
import { zm } from "../i18n/zod-messages";

export const ACTION_STATUSES = ["proposed", "agreed", "in_progress", "done", "dropped"] as const;
/** Owners are reminded once, this many days before the due date (in the event's timezone). */
export const REMIND_DAYS_BEFORE = 3;

const optional = <T extends z.ZodType>(s: T) =>
  z.preprocess((v) => (v === "" || v == null ? undefined : v), s.optional());
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, zm("actions.dateFormat"))
  .refine((d) => DateTime.fromISO(d).isValid, zm("actions.noSuchDate"));
const fields = {
  title: z.string().trim().min(1, zm("actions.title")).max(300),
  description: z.string().trim().max(4000).default(""),
  owner: z.string().trim().max(200).default(""),
  ownerEmail: optional(emailSchema),
  dueDate: optional(isoDate),
  status: z.enum(ACTION_STATUSES, { error: zm("actions.status") }).default("proposed"),
};
const createInput = z.object({
  ...fields,
  clusterId: optional(z.string().max(64)),
  noteId: optional(z.string().max(64)),
});
const updateInput = z.object({
  ...fields,
  progress: z.string().trim().max(2000).default(""),
});

const TRACKED = ["title", "description", "owner", "ownerEmail", "dueDate", "status"] as const;

/** Action items agreed at an event, followed up in public: who does what by when, and how it is going. */
export function createActionService({ db, clock, mailer, log }: { db: Db; clock: Clock; mailer: Mailer; log: Logger }) {
  const eventOf = async (slug: string) => {
    const e = await db.event.findUnique({
      where: { slug },
      select: { id: true, slug: true, title: true, timezone: true },
    });
    if (!e) throw notFound("event");
    return e;
  };

  async function publicList(eventId: string) {
    const items = await db.actionItem.findMany({
      // Items Plenary drafted stay out of public view until a person has reviewed them.
      where: { eventId, OR: [{ origin: { not: "drafted" } }, { reviewedAt: { not: null } }] },
      include: {
        cluster: { select: { label: true } },
        updates: { where: { note: { not: "" } }, orderBy: { createdAt: "desc" } },
      },
      orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    });
    // Owner emails are for reminders only and never shown.
    return items.map((i) => ({
      id: i.id,
      title: i.title,
      description: i.description,
      owner: i.owner,
      dueDate: i.dueDate,
      status: i.status,
      from: i.sourceLabel || i.cluster?.label || null,
      progress: i.updates.map((u) => ({ note: u.note, at: u.createdAt.toISOString() })),
    }));
  }

  return {
    statuses: ACTION_STATUSES,

    /** Anyone may follow up an event's actions. */
    async followUp(slug: string) {
      const event = await eventOf(slug);
      return { event, items: await publicList(event.id) };
    },

    /** The team's view, with owner emails, history and where items can come from. */
    async manage(actor: Actor, slug: string) {
      const event = await eventOf(slug);
      await requirePermission(db, actor, event.id, "action.manage");
      const [items, clusters] = await Promise.all([
        db.actionItem.findMany({
          where: { eventId: event.id },
          include: {
            cluster: { select: { label: true } },
            note: { select: { text: true } },
            updates: { include: { user: { select: { name: true } } }, orderBy: { createdAt: "desc" } },
          },
          orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
        }),
        db.cluster.findMany({
          where: { deletedAt: null, board: { eventId: event.id } },
          select: {
            id: true,
            label: true,
            category: true,
            board: { select: { title: true, room: { select: { name: true, round: { select: { title: true } } } } } },
          },
          orderBy: { label: "asc" },
        }),
      ]);
      // Rooms keep their names from round to round, so the round is named too when there are several.
      const rounds = new Set(clusters.map((c) => c.board.room?.round.title ?? ""));
      return {
        event,
        // "Women" in three categories of one room read three times alike: each says its category and room.
        clusters: clusters.map((c) => ({
          id: c.id,
          label: c.label,
          category: c.category,
          room: c.board.room?.name ?? c.board.title,
          round: rounds.size > 1 ? (c.board.room?.round.title ?? null) : null,
        })),
        items: items.map((i) => ({
          id: i.id,
          title: i.title,
          description: i.description,
          owner: i.owner,
          ownerEmail: i.ownerEmail ?? "",
          dueDate: i.dueDate ?? "",
          status: i.status,
          from: i.sourceLabel || i.cluster?.label || (i.note ? `“${i.note.text.slice(0, 80)}”` : null),
          awaitingReview: i.origin === "drafted" && !i.reviewedAt,
          suggestedOwner: i.suggestedOwner,
          history: i.updates.map((u) => ({
            at: u.createdAt.toISOString(),
            by: u.user?.name ?? "",
            note: u.note,
            changes: itemChanges.read(u.changesJson),
          })),
        })),
      };
    },

    /** Prefill for "make this cluster (or note) an action item". */
    async draftFrom(actor: Actor, slug: string, from: { clusterId?: string | null; noteId?: string | null }) {
      const event = await eventOf(slug);
      await requirePermission(db, actor, event.id, "action.manage");
      const scope = inEvent(db, event.id);
      if (from.clusterId) {
        const c = await scope.cluster(from.clusterId);
        return { title: c.label, clusterId: c.id, noteId: null };
      }
      if (from.noteId) {
        const n = await scope.note(from.noteId);
        // A hidden note is the facilitators' to act on; its text does not become a public action item by a link.
        if (n.hidden) throw notFound("note");
        return { title: n.text.slice(0, 300), clusterId: n.clusterId, noteId: n.id };
      }
      return null;
    },

    async create(actor: Actor, slug: string, input: unknown) {
      const event = await eventOf(slug);
      const user = await requirePermission(db, actor, event.id, "action.manage");
      const data = validate(createInput, input);
      const scope = inEvent(db, event.id);
      if (data.clusterId) await scope.cluster(data.clusterId);
      if (data.noteId) await scope.note(data.noteId);
      const item = await db.actionItem.create({
        data: {
          eventId: event.id,
          ...data,
          ownerEmail: data.ownerEmail ?? null,
          dueDate: data.dueDate ?? null,
          clusterId: data.clusterId ?? null,
          noteId: data.noteId ?? null,
        },
      });
      await db.actionItemUpdate.create({
        data: {
          actionItemId: item.id,
          userId: user.userId,
          changesJson: itemChanges.write({ created: [null, data.title] }),
          note: "",
        },
      });
      return item;
    },

    /** Changes an item and records what changed, by whom, with an optional progress note. */
    async update(actor: Actor, slug: string, itemId: string, input: unknown) {
      const event = await eventOf(slug);
      const user = await requirePermission(db, actor, event.id, "action.manage");
      const item = await inEvent(db, event.id).actionItem(itemId);
      const { progress, ...data } = validate(updateInput, input);
      const next = { ...data, ownerEmail: data.ownerEmail ?? null, dueDate: data.dueDate ?? null };
      const changes: Record<string, [unknown, unknown]> = {};
      for (const k of TRACKED)
        if ((item[k] ?? null) !== (next[k] ?? null)) changes[k] = [item[k] ?? null, next[k] ?? null];
      // A person saving an item Plenary drafted has reviewed it, even without changing a word.
      const reviewing = item.origin === "drafted" && !item.reviewedAt;
      if (reviewing) changes.reviewed = [false, true];
      if (!Object.keys(changes).length && !progress) return item;
      const updated = await db.actionItem.update({
        where: { id: item.id },
        // A new due date or owner deserves a new reminder.
        data: {
          ...next,
          ...(changes.dueDate || changes.ownerEmail ? { remindedAt: null } : {}),
          ...(reviewing ? { reviewedAt: clock.now() } : {}),
        },
      });
      await db.actionItemUpdate.create({
        data: { actionItemId: item.id, userId: user.userId, changesJson: itemChanges.write(changes), note: progress },
      });
      return updated;
    },

    async remove(actor: Actor, slug: string, itemId: string) {
      const event = await eventOf(slug);
      const user = await requirePermission(db, actor, event.id, "action.manage");
      const item = await inEvent(db, event.id).actionItem(itemId);
      await db.actionItem.delete({ where: { id: item.id } });
      await audit(db, {
        eventId: event.id,
        actorId: user.userId,
        action: "action.delete",
        details: { title: item.title },
      });
    },

    async csv(slug: string) {
      const { items } = await this.followUp(slug);
      return toCsv(
        ["What", "Owner", "Due", "Status", "From cluster", "Latest progress"],
        items.map((i) => [i.title, i.owner, i.dueDate ?? "", i.status, i.from ?? "", i.progress[0]?.note ?? ""]),
      );
    },

    /** Due dates as all-day calendar entries in the event's timezone. */
    async ics(slug: string, publicUrl: string) {
      const { event, items } = await this.followUp(slug);
      const cal = new ICalCalendar({
        prodId: { company: "Plenary", product: "Plenary", language: "EN" },
        method: ICalCalendarMethod.PUBLISH,
        name: `${event.title}: action items`,
      });
      cal.timezone({ name: event.timezone, generator: getVtimezoneComponent });
      for (const i of items) {
        if (!i.dueDate) continue;
        const day = DateTime.fromISO(i.dueDate, { zone: event.timezone });
        cal.createEvent({
          id: `action-${i.id}@plenary`,
          start: day,
          end: day.plus({ days: 1 }),
          allDay: true,
          timezone: event.timezone,
          summary: `${i.title} (${i.owner || "no owner"})`,
          description: `${i.status}${i.progress[0] ? ` — ${i.progress[0].note}` : ""}`,
          url: `${publicUrl}/events/${event.slug}/follow-up`,
          stamp: day,
        });
      }
      return cal.toString();
    },

    /** Emails owners whose open items fall due within the next few days; each item once per due date. */
    async sendReminders(publicUrl: string) {
      const now = clock.now();
      const items = await db.actionItem.findMany({
        where: {
          remindedAt: null,
          ownerEmail: { not: null },
          dueDate: { not: null },
          status: { notIn: ["done", "dropped"] },
        },
        include: { event: { select: { slug: true, title: true, timezone: true } } },
      });
      let sent = 0;
      for (const i of items) {
        const today = DateTime.fromJSDate(now, { zone: i.event.timezone }).startOf("day");
        const due = DateTime.fromISO(i.dueDate!, { zone: i.event.timezone });
        const days = Math.round(due.diff(today, "days").days);
        if (days < 0 || days > REMIND_DAYS_BEFORE) continue;
        // Claim the reminder first, so two processes never send it twice.
        const claimed = await db.actionItem.updateMany({
          where: { id: i.id, remindedAt: null },
          data: { remindedAt: now },
        });
        if (!claimed.count) continue;
        const when =
          days === 0 ? "today" : days === 1 ? "tomorrow" : `in ${days} days (${due.toLocaleString(DateTime.DATE_MED)})`;
        try {
          await mailer.send({
            to: i.ownerEmail!,
            subject: `Reminder: “${i.title}” is due ${when}`,
            text: `Hello,\n\nThe action item “${i.title}” from ${i.event.title} is due ${when}. Its status is ${i.status.replace("_", " ")}.\n\nFollow-up page: ${publicUrl}/events/${i.event.slug}/follow-up\n\nPlenary`,
          });
          sent++;
        } catch (e) {
          await db.actionItem.update({ where: { id: i.id }, data: { remindedAt: null } });
          log.warn(`reminder for action item ${i.id} failed: ${(e as Error).message}`);
        }
      }
      return { sent };
    },
  };
}

export type ActionService = ReturnType<typeof createActionService>;
