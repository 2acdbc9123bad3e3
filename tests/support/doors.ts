import { DateTime } from "luxon";
import { randomUUID } from "node:crypto";
import { newToken } from "../../server/core/tokens";
import { DEMO_PASSWORD, seedDemo } from "../../server/seed/demo";
import { EVENT_PLACEHOLDERS, type HttpDoor, ROLES, type Role } from "../access/matrix";
import { person } from "./events";
import { Browser, type TestServer } from "./server";
import { grantPlatformRole } from "../../server/core/platform/operator";

export const SLUG = "migrant-women-local-decision-making";
type Actor = { userId: string; sessionId: string };

const placeholdersOf = (v: unknown) => [...JSON.stringify(v ?? "").matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** Whether a door names an object of the event (not only the event itself). */
export const namesAnObject = (...parts: unknown[]) =>
  parts.some((p) => placeholdersOf(p).some((k) => !(EVENT_PLACEHOLDERS as readonly string[]).includes(k)));

/**
 * The demo event, dressed for trying every door of tests/access/matrix.ts: a running round and a
 * spare one, a published report, tokens, a mail; an identity signed in for each role of the matrix
 * (among them the organiser of another event); and makers for objects a request uses up.
 */
export async function prepareDoors(t: TestServer) {
  const { core } = t.server;
  const { db } = t.server;
  await seedDemo(db);
  const values: Record<string, string> = { slug: SLUG };
  const own: Record<string, string> = {};
  const as: Record<string, Actor> = {};
  const actor = async (email: string) => ({
    userId: (await db.user.findUniqueOrThrow({ where: { email } })).id,
    sessionId: "s",
  });
  for (const r of ["organiser", "secretariat", "facilitator", "participant"] as const)
    as[r] = await actor(`${r}@plenary.demo`);
  const event = await db.event.findUniqueOrThrow({ where: { slug: SLUG } });
  values.eventId = event.id;
  // The demo event is a week from today, at 13:00 in its timezone: agenda times are that day's.
  values.eventDay = DateTime.fromJSDate(event.startsAt, { zone: event.timezone }).toISODate()!;

  // A stranger, a participant of another event, and the organiser of another event.
  await core.auth.createAccount({
    name: "Stranger",
    email: "stranger@matrix.test",
    password: "a long enough password",
  });
  const other = await core.auth.createAccount({
    name: "Other",
    email: "other@matrix.test",
    password: "a long enough password",
  });
  const otherOrganiser = await core.auth.createAccount({
    name: "Other Organiser",
    email: "other-organiser@matrix.test",
    password: "a long enough password",
  });
  // An organiser the administrator approved, as the instance's default policy requires.
  await grantPlatformRole(db, { userId: otherOrganiser.user.id }, "organiser");
  const otherEvent = await core.manage.create(
    { userId: otherOrganiser.user.id, sessionId: otherOrganiser.session.id },
    {
      title: "Another dialogue",
      format: "online",
      timezone: "UTC",
      startsAt: `${values.eventDay}T09:00`,
      endsAt: `${values.eventDay}T17:00`,
      languages: ["en"],
      capacity: "",
    },
  );
  await core.manage.setStatus({ userId: otherOrganiser.user.id, sessionId: "s" }, otherEvent.id, "published");
  own.slug = otherEvent.slug;
  own.eventId = otherEvent.id;
  await db.eventRole.create({ data: { eventId: otherEvent.id, userId: other.user.id, role: "participant" } });
  await db.registration.create({ data: { eventId: otherEvent.id, userId: other.user.id, status: "confirmed" } });

  // Rooms and boards: the demo participant is in Room C, and the round is running.
  const mine = await db.roomAssignment.findFirstOrThrow({
    where: { userId: as.participant!.userId },
    include: { room: { include: { board: true } } },
  });
  values.ownBoard = mine.room.board!.id;
  values.ownRoom = mine.roomId;
  values.roundId = mine.roundId;
  values.otherBoard = (await db.board.findFirstOrThrow({ where: { kind: "room", NOT: { roomId: mine.roomId } } })).id;
  values.synthesis = (await db.board.findFirstOrThrow({ where: { kind: "synthesis" } })).id;
  await core.breakouts.open(as.organiser!, event.id, mine.roundId);
  // A second round, not running, where people choose their room; someone placed in it.
  const spare = await core.breakouts.createRound(as.organiser!, event.id, {
    title: "Spare round",
    roomCount: "2",
    durationMinutes: "30",
    assignmentMode: "self_select",
  });
  values.spareRound = spare.id;
  values.spareRoom = (
    await db.room.findFirstOrThrow({ where: { roundId: spare.id }, orderBy: { position: "asc" } })
  ).id;
  const spareReg = await core.registrations.register(null, event.id, person(), t.url);
  values.spareUser = (await db.registration.findUniqueOrThrow({ where: { id: spareReg.id } })).userId;
  await db.roomAssignment.create({ data: { roundId: spare.id, roomId: values.spareRoom, userId: values.spareUser } });

  // A published report, an action item, agenda, form, a registration, tokens and a mail.
  await core.reports.generate(as.secretariat!, SLUG);
  await core.reports.transition(as.secretariat!, SLUG, "submit");
  await core.reports.transition(as.secretariat!, SLUG, "approve");
  await core.reports.publish(as.secretariat!, SLUG, {});
  values.itemId = (await core.actions.create(as.secretariat!, SLUG, { title: "Matrix item" })).id;
  values.proposalId = (await db.actionItem.findFirstOrThrow({ where: { eventId: event.id, origin: "drafted" } })).id;
  values.spareUserId = (
    await core.auth.createAccount({ name: "Spare", email: "spare@matrix.test", password: "a long enough password" })
  ).user.id;
  values.agendaItemId = (await db.agendaItem.findFirstOrThrow({ where: { eventId: event.id } })).id;
  values.registrationId = (
    await db.registration.findUniqueOrThrow({
      where: { eventId_userId: { eventId: event.id, userId: as.participant!.userId } },
    })
  ).id;
  values.registrationToken = (await core.registrations.mine(as.participant!, event.id))!.manageToken;
  const invitation = async () => {
    const { token, hash } = newToken();
    await db.invitation.create({
      data: { eventId: event.id, email: `${randomUUID()}@matrix.test`, role: "participant", tokenHash: hash },
    });
    return token;
  };
  values.invitationToken = await invitation();
  values.mailId = (
    await db.devMail.create({
      data: {
        to: "someone@matrix.test",
        subject: "Matrix mail",
        text: "Hello",
        attachmentsJson: JSON.stringify([{ filename: "a.txt", content: "A", contentType: "text/plain" }]),
      },
    })
  ).id;

  const note = async () => {
    const noteId = randomUUID();
    await core.boards.apply(as.participant!, {
      boardId: values.ownBoard,
      opId: randomUUID(),
      op: { type: "note.create", noteId, category: "barriers", text: "A participant's note" },
    });
    return noteId;
  };
  const cluster = async () => {
    const clusterId = randomUUID();
    await core.boards.apply(as.facilitator!, {
      boardId: values.ownBoard,
      opId: randomUUID(),
      op: { type: "cluster.create", clusterId, label: "Matrix cluster" },
    });
    return clusterId;
  };
  const factories: Record<string, () => Promise<string>> = {
    newNote: note,
    newCluster: cluster,
    newCluster2: cluster,
    newAgendaItem: async () =>
      (
        await core.manage.addAgendaItem(as.organiser!, event.id, {
          kind: "other",
          title: "Matrix item",
          startsAt: `${values.eventDay}T13:00`,
          endsAt: `${values.eventDay}T13:05`,
        })
      ).id,
    newCategory: async () => (await core.manage.addCategory(as.organiser!, event.id, { label: randomUUID() })).id,
    newQuestion: async () =>
      (await core.manage.addQuestion(as.organiser!, event.id, { kind: "short_text", label: "Matrix question" })).id,
    newItem: async () => (await core.actions.create(as.secretariat!, SLUG, { title: "Matrix item" })).id,
    newResource: async () =>
      (
        await db.eventResource.create({
          data: { eventId: event.id, title: "Matrix link", url: "https://matrix.test/", position: 99 },
        })
      ).id,
    newHelp: async () =>
      (await db.helpRequest.create({ data: { roomId: values.ownRoom!, userId: as.participant!.userId } })).id,
    newRegistration: async () => (await core.registrations.register(null, event.id, person(), t.url)).id,
    newRegistrationToken: async () => (await core.registrations.register(null, event.id, person(), t.url)).manageToken,
    newInvitationToken: invitation,
    newLoginLink: async () => {
      const user = await db.user.create({ data: { email: `${randomUUID()}@matrix.test`, name: "Link" } });
      const { token, hash } = newToken();
      await db.loginLink.create({
        data: { userId: user.id, tokenHash: hash, redirectTo: "/", expiresAt: new Date(Date.now() + 3_600_000) },
      });
      return token;
    },
    newSignUpToken: async () => {
      const email = `${randomUUID()}@matrix.test`;
      await core.auth.requestSignUp({ name: "New", email, password: "a long enough password" }, t.url);
      const mail = await db.devMail.findFirstOrThrow({ where: { to: email } });
      return decodeURIComponent(mail.text.match(/\/signup\/confirm\/(\S+)/)![1]!);
    },
  };

  const logins: Partial<Record<Role, [string, string]>> = {
    stranger: ["stranger@matrix.test", "a long enough password"],
    other_event: ["other@matrix.test", "a long enough password"],
    other_organiser: ["other-organiser@matrix.test", "a long enough password"],
    participant: ["participant@plenary.demo", DEMO_PASSWORD],
    rapporteur: ["rapporteur@plenary.demo", DEMO_PASSWORD],
    facilitator: ["facilitator@plenary.demo", DEMO_PASSWORD],
    organiser: ["organiser@plenary.demo", DEMO_PASSWORD],
    secretariat: ["secretariat@plenary.demo", DEMO_PASSWORD],
    admin: ["admin@plenary.demo", DEMO_PASSWORD],
  };
  const browsers = {} as Record<Role, Browser>;
  for (const role of ROLES) {
    browsers[role] = new Browser(t.url);
    const login = logins[role];
    if (login) await browsers[role].signIn(...login);
  }

  /** Fills placeholders; the other organiser names their own event where the door also names an object. */
  async function fill(v: unknown, role: Role, ownEvent: boolean): Promise<unknown> {
    if (typeof v === "string") {
      let out = v;
      for (const m of [...v.matchAll(/\{(\w+)\}/g)]) {
        const k = m[1]!;
        const value =
          k === "uuid"
            ? randomUUID()
            : ownEvent && role === "other_organiser" && own[k] !== undefined
              ? own[k]
              : factories[k]
                ? await factories[k]()
                : values[k];
        if (value === undefined) throw new Error(`no value for {${k}}`);
        out = out.replace(m[0], value);
      }
      return out;
    }
    if (Array.isArray(v)) return Promise.all(v.map((x) => fill(x, role, ownEvent)));
    if (v && typeof v === "object")
      return Object.fromEntries(
        await Promise.all(Object.entries(v).map(async ([k, x]) => [k, await fill(x, role, ownEvent)] as const)),
      );
    return v;
  }

  /**
   * Where a door's request goes, and the browser to send it from: a copy of the role's (so a door
   * that signs in or out changes nobody else), or one signed in afresh for doors that end the session.
   */
  async function open(door: HttpDoor, role: Role) {
    const b = new Browser(t.url);
    if (door.freshSession) {
      if (logins[role]) await b.signIn(...logins[role]!);
    } else b.useCookies(browsers[role].cookieHeader);
    const ownEvent = namesAnObject(door.path, door.form);
    const url = (await fill(door.path, role, ownEvent)) as string;
    const form = (await fill(door.form ?? {}, role, ownEvent)) as Record<string, string>;
    return { b, url, form };
  }

  return { values, own, as, factories, logins, browsers, fill, open };
}

export type Doors = Awaited<ReturnType<typeof prepareDoors>>;
