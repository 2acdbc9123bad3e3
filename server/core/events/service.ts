import { auditDetails, stringList } from "../json-columns";
import { audit } from "../audit";
import { z } from "zod";
import type { Db } from "../../db/client";
import type { RealtimeBus } from "../bus";
import { channels } from "../bus";
import type { Clock } from "../clock";
import { forbidden, notFound, unauthenticated } from "../errors";
import { renderMarkdown } from "../markdown";
import { type Actor, type EventRole, allows, requirePermission, rolesOf } from "../permissions";
import { eventIcs } from "../registration/ics";
import { registrationClosedReason } from "../registration/rules";
import { validate } from "../validate";
import { liveChannels } from "../visibility";
import { contentLanguage, inLanguage } from "../content/languages";
import { zm } from "../i18n/zod-messages";
import { msg } from "../i18n/message";

export interface EventDeps {
  db: Db;
  bus: RealtimeBus;
  clock: Clock;
}

const announceInput = z.object({
  message: z
    .string({ error: zm("events.writeMessage") })
    .trim()
    .min(1, zm("events.writeMessage"))
    .max(500, zm("events.messageTooLong")),
});

export function createEventService({ db, bus, clock }: EventDeps) {
  /** The few facts most pages need about an event: id, slug and title. */
  /** An event's id, slug and title (in `reader`'s language where the organisers gave one). */
  async function bySlug(slug: string, reader?: string) {
    const e = await db.event.findUnique({
      where: { slug },
      select: { id: true, slug: true, title: true, languagesJson: true, translationsJson: true },
    });
    if (!e) throw notFound("event");
    const { languagesJson, translationsJson, ...event } = e;
    return inLanguage(event, translationsJson, contentLanguage(reader, stringList.read(languagesJson)), ["title"]);
  }

  return {
    /** Published events that have not ended, for the home page. */
    async listUpcoming(reader?: string) {
      const events = await db.event.findMany({
        where: { status: "published", endsAt: { gte: clock.now() } },
        orderBy: { startsAt: "asc" },
        select: {
          id: true,
          slug: true,
          title: true,
          startsAt: true,
          endsAt: true,
          timezone: true,
          format: true,
          languagesJson: true,
          translationsJson: true,
        },
        take: 50,
      });
      return events.map(({ languagesJson, translationsJson, ...e }) =>
        inLanguage(e, translationsJson, contentLanguage(reader, stringList.read(languagesJson)), ["title"]),
      );
    },

    /** Events where the user holds a role or a registration, with what they are there as. */
    async listForUser(userId: string, reader?: string) {
      const [roles, regs] = await Promise.all([
        db.eventRole.findMany({ where: { userId }, select: { eventId: true, role: true } }),
        db.registration.findMany({ where: { userId }, select: { eventId: true, status: true } }),
      ]);
      const ids = [...new Set([...roles.map((r) => r.eventId), ...regs.map((r) => r.eventId)])];
      const events = await db.event.findMany({
        where: { id: { in: ids } },
        orderBy: { startsAt: "asc" },
        select: {
          id: true,
          slug: true,
          title: true,
          startsAt: true,
          endsAt: true,
          timezone: true,
          format: true,
          status: true,
          languagesJson: true,
          translationsJson: true,
        },
      });
      return events.map(({ languagesJson, translationsJson, ...e }) => ({
        ...inLanguage(e, translationsJson, contentLanguage(reader, stringList.read(languagesJson)), ["title"]),
        roles: roles.filter((r) => r.eventId === e.id).map((r) => r.role as EventRole),
        registrationStatus: regs.find((r) => r.eventId === e.id)?.status ?? null,
      }));
    },

    /** Everything the public event page shows, plus what the viewer may do there. */
    async getPage(slug: string, actor: Actor, reader?: string) {
      const event = await db.event.findUnique({
        where: { slug },
        include: {
          agenda: {
            orderBy: [{ startsAt: "asc" }, { position: "asc" }],
            include: { speakers: { orderBy: { position: "asc" } } },
          },
          roles: { where: { role: "organiser" }, include: { user: { select: { name: true } } } },
          resources: { orderBy: { position: "asc" } },
          questions: { orderBy: { position: "asc" } },
          categories: { orderBy: { position: "asc" } },
        },
      });
      if (!event || event.status === "draft") throw notFound("event");
      // The organisers' words in the reader's language where they gave them (content/languages.ts).
      const language = contentLanguage(reader, stringList.read(event.languagesJson));
      const text = inLanguage(event, event.translationsJson, language, ["title", "description"]);
      const viewerRoles = actor ? await rolesOf(db, event.id, actor.userId) : [];
      const [registered, announcements] = await Promise.all([
        db.registration.count({ where: { eventId: event.id, status: { in: ["confirmed", "pending"] } } }),
        db.auditLog.findMany({
          where: { eventId: event.id, action: "event.announce" },
          orderBy: { createdAt: "desc" },
          take: 5,
          select: { id: true, detailsJson: true, createdAt: true },
        }),
      ]);
      return {
        id: event.id,
        slug: event.slug,
        title: text.title,
        /** The language the title, description and agenda are shown in (the reader's, else the event's first). */
        contentLanguage: language,
        descriptionHtml: renderMarkdown(text.description),
        format: event.format,
        venue: event.venue,
        meetingUrl: viewerRoles.length ? event.meetingUrl : null,
        timezone: event.timezone,
        startsAt: event.startsAt.toISOString(),
        endsAt: event.endsAt.toISOString(),
        languages: stringList.read(event.languagesJson),
        chathamHouse: event.chathamHouse,
        capacity: event.capacity,
        registered,
        status: event.status,
        partners: stringList.read(event.partnersJson),
        // The organising organisations when the organisers named them; otherwise their names, as before.
        organisers: stringList.read(event.organisationsJson).length
          ? stringList.read(event.organisationsJson)
          : event.roles.map((r) => r.user.name),
        agenda: event.agenda
          .map((item) => inLanguage(item, item.translationsJson, language, ["title", "description"]))
          .map((a) => ({
            id: a.id,
            kind: a.kind,
            title: a.title,
            description: a.description,
            startsAt: a.startsAt.toISOString(),
            endsAt: a.endsAt.toISOString(),
            speakers: a.speakers.map((s) => ({ name: s.name, title: s.title, organisation: s.organisation })),
          })),
        resources: event.resources.map((r) => ({ title: r.title, url: r.url })),
        announcements: announcements.map((a) => ({
          id: a.id,
          message: String(auditDetails.read(a.detailsJson).message ?? ""),
          createdAt: a.createdAt.toISOString(),
        })),
        viewer: {
          roles: viewerRoles,
          canAnnounce: allows(viewerRoles, "event.announce"),
          canManage: allows(viewerRoles, "event.view_participants"),
          canRunBreakouts: allows(viewerRoles, "breakout.manage"),
        },
        registration: {
          closedReason: registrationClosedReason(event, clock.now()),
          full: event.capacity !== null && event.seatsTaken >= event.capacity,
          requiresApproval: event.requiresApproval,
          categories: event.categories.map((c) => ({ key: c.key, label: c.label })),
          questions: event.questions.map((q) => ({
            id: q.id,
            kind: q.kind,
            label: q.label,
            required: q.required,
            options: stringList.read(q.optionsJson),
          })),
        },
      };
    },

    /**
     * A short message to everyone following the event live; kept in the audit
     * log so people who connect later still see it on the event page.
     */
    async announce(actor: Actor, eventId: string, input: unknown) {
      const user = await requirePermission(db, actor, eventId, "event.announce");
      const { message } = validate(announceInput, input);
      const row = await audit(db, { eventId, actorId: user.userId, action: "event.announce", details: { message } });
      const announcement = { id: row.id, message, createdAt: row.createdAt.toISOString() };
      bus.publish(channels.event(eventId), "event:announcement", announcement);
      return announcement;
    },

    /**
     * A connection following the event's announcements: anyone with a role or a
     * live registration. The channels it joins are the visibility policy's:
     * staff also hear registration changes, rounds and help requests.
     */
    async follow(actor: Actor, eventId: string) {
      if (!actor) throw unauthenticated();
      const [roles, reg] = await Promise.all([
        rolesOf(db, eventId, actor.userId),
        db.registration.findFirst({
          where: { eventId, userId: actor.userId, status: { in: ["confirmed", "pending", "waitlisted"] } },
        }),
      ]);
      if (roles.length === 0 && reg === null) throw forbidden(msg("access.notTakingPart"));
      const staff = allows(roles, "event.view_participants") || allows(roles, "breakout.manage");
      return { channels: liveChannels(eventId, staff) };
    },

    /** The event as a calendar file, for "add to calendar" links. */
    async calendarFile(slug: string, baseUrl: string) {
      const event = await db.event.findUnique({ where: { slug } });
      if (!event || event.status === "draft") throw notFound("event");
      const url = new URL(`/events/${event.slug}`, baseUrl).toString();
      return eventIcs({
        uid: `${event.id}@plenary`,
        title: event.title,
        description: `${event.title}\n${url}`,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        timezone: event.timezone,
        url,
        location: event.venue ?? (event.format === "online" ? "Online" : null),
      });
    },

    /** The header of the management pages; refuses anyone who may not see participants. */
    async getForStaff(actor: Actor, slug: string) {
      const event = await db.event.findUnique({ where: { slug } });
      if (!event) throw notFound("event");
      await requirePermission(db, actor, event.id, "event.view_participants");
      const roles = await rolesOf(db, event.id, actor!.userId);
      return {
        id: event.id,
        slug: event.slug,
        title: event.title,
        status: event.status,
        timezone: event.timezone,
        languages: stringList.read(event.languagesJson),
        startsAt: event.startsAt.toISOString(),
        endsAt: event.endsAt.toISOString(),
        canManage: allows(roles, "event.manage"),
        ended: event.endsAt <= clock.now(),
        canRecord: allows(roles, "registration.record"),
        canCheckIn: allows(roles, "registration.check_in"),
      };
    },

    bySlug,

    async idBySlug(slug: string) {
      return (await bySlug(slug)).id;
    },
  };
}

export type EventService = ReturnType<typeof createEventService>;
