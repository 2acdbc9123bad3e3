import { DateTime } from "luxon";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { io as ioClient, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operation } from "../../server/core/boards/protocol";
import { newToken } from "../../server/core/tokens";
import { ROOT_DIR } from "../../server/paths";
import { DEMO_PASSWORD, seedDemo } from "../../server/seed/demo";
import { EVENT_PLACEHOLDERS, HTTP, ROLES, type Role, SOCKET, renderMatrix } from "../access/matrix";
import { person } from "../support/events";
import { Browser, startTestServer, type TestServer } from "../support/server";
import { registeredSocketEvents } from "../support/socket-events";

const SLUG = "migrant-women-local-decision-making";
type Actor = { userId: string; sessionId: string };

const placeholdersOf = (v: unknown) => [...JSON.stringify(v ?? "").matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
/** Whether a door names an object of the event (not only the event itself). */
const namesAnObject = (...parts: unknown[]) =>
  parts.some((p) => placeholdersOf(p).some((k) => !(EVENT_PLACEHOLDERS as readonly string[]).includes(k)));

describe("the access matrix, door by door and role by role", () => {
  let t: TestServer;
  const browsers = {} as Record<Role, Browser>;
  const logins: Partial<Record<Role, [string, string]>> = {};
  /** This event's values, and the other organiser's own event's. */
  const values: Record<string, string> = { slug: SLUG };
  const own: Record<string, string> = {};
  const as: Record<string, Actor> = {};
  let factories: Record<string, () => Promise<string>> = {};

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

  beforeAll(async () => {
    t = await startTestServer("sqlite");
    const { core } = t.server;
    const db = core.db;
    await seedDemo(db);
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
    await db.roomAssignment.create({
      data: { roundId: spare.id, roomId: values.spareRoom, userId: values.spareUser },
    });

    // A published report, an action item, agenda, form, a registration, tokens and a mail.
    await core.reports.generate(as.secretariat!, SLUG);
    await core.reports.transition(as.secretariat!, SLUG, "submit");
    await core.reports.transition(as.secretariat!, SLUG, "approve");
    await core.reports.publish(as.secretariat!, SLUG, {});
    values.itemId = (await core.actions.create(as.secretariat!, SLUG, { title: "Matrix item" })).id;
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
    factories = {
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
      newRegistrationToken: async () =>
        (await core.registrations.register(null, event.id, person(), t.url)).manageToken,
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

    Object.assign(logins, {
      stranger: ["stranger@matrix.test", "a long enough password"],
      other_event: ["other@matrix.test", "a long enough password"],
      other_organiser: ["other-organiser@matrix.test", "a long enough password"],
      participant: ["participant@plenary.demo", DEMO_PASSWORD],
      rapporteur: ["rapporteur@plenary.demo", DEMO_PASSWORD],
      facilitator: ["facilitator@plenary.demo", DEMO_PASSWORD],
      organiser: ["organiser@plenary.demo", DEMO_PASSWORD],
      secretariat: ["secretariat@plenary.demo", DEMO_PASSWORD],
    });
    for (const role of ROLES) {
      browsers[role] = new Browser(t.url);
      const login = logins[role];
      if (login) await browsers[role].signIn(...login);
    }
  }, 90_000);
  afterAll(() => t.close());

  it("is documented exactly as tested (docs/access-matrix.md is generated from the same table)", () => {
    const doc = readFileSync(path.resolve(__dirname, "../../docs/access-matrix.md"), "utf8");
    expect(doc, "run `npm run docs:access` after changing tests/access/matrix.ts").toBe(renderMatrix());
  });

  describe("covers every door by construction", () => {
    it("has a row for every page and every action of every route module", async () => {
      const build = (await import(pathToFileURL(path.join(ROOT_DIR, "build", "index.js")).href)) as ServerBuild;
      const fullPath = (id: string): string => {
        const r = build.routes[id]!;
        const parent = r.parentId ? fullPath(r.parentId) : "";
        return [parent, r.path ?? ""].filter(Boolean).join("/");
      };
      // A door belongs to the most specific route whose pattern its path matches.
      const routes = Object.keys(build.routes)
        .filter((id) => id !== "root")
        .map((id) => {
          const p = fullPath(id);
          const pattern = new RegExp(
            `^/${p
              .split("/")
              .map((s) => (s === "*" ? ".*" : s.replace(/[.]/g, "\\.").replace(/:\w+/g, "[^/]+")))
              .join("/")}/?$`,
          );
          return { id, pattern, literal: p.replace(/:\w+|\*/g, "").length, module: build.routes[id]!.module };
        });
      const routeOf = (doorPath: string) =>
        routes
          .filter((r) => r.pattern.test(doorPath.replace(/\{\w+\}/g, "x").split("?")[0]!))
          .sort((a, b) => b.literal - a.literal)[0]?.id;
      // A page request runs its route's loader and every enclosing layout's; an action runs in its route only.
      const covered = new Set<string>();
      for (const d of HTTP) {
        let id = routeOf(d.path);
        if (d.method === "POST") covered.add(`POST ${id}`);
        else for (; id; id = build.routes[id]?.parentId) covered.add(`GET ${id}`);
      }
      const missing: string[] = [];
      for (const r of routes) {
        if ((r.module.loader || r.module.default) && !covered.has(`GET ${r.id}`)) missing.push(`GET ${r.id}`);
        if (r.module.action && !covered.has(`POST ${r.id}`)) missing.push(`POST ${r.id}`);
      }
      expect(missing, "add rows to tests/access/matrix.ts for these").toEqual([]);
    });

    it("has a row for every socket event the server registers, and every kind of board operation", async () => {
      const s = await browsers.anonymous.socket();
      try {
        const events = registeredSocketEvents(t.server);
        expect(events.length).toBeGreaterThan(10);
        expect(events.filter((e) => !SOCKET.some((d) => d.event === e))).toEqual([]);
      } finally {
        s.close();
      }
      const types = operation.options.map((o) => o.shape.type.value);
      const covered = new Set(SOCKET.map((d) => (d.payload.op as { type?: string } | undefined)?.type));
      expect(types.filter((type) => !covered.has(type))).toEqual([]);
    });
  });

  describe.each(HTTP.map((d) => [`${d.method} ${d.path} (${d.door})`, d] as const))("%s", (_name, door) => {
    it.each(ROLES.map((r) => [r, door.allowed.includes(r)] as const))("%s → %s", async (role, allowed) => {
      // Each request goes through a copy of the role's browser, so a door that signs in or out changes nobody else.
      const b = new Browser(t.url);
      if (door.freshSession) {
        if (logins[role]) await b.signIn(...logins[role]!);
      } else b.useCookies(browsers[role].cookieHeader);
      const ownEvent = namesAnObject(door.path, door.form);
      const url = (await fill(door.path, role, ownEvent)) as string;
      const res =
        door.method === "GET"
          ? await b.request(url, { headers: { accept: "text/html" } })
          : await b.request(url, {
              method: "POST",
              headers: { "content-type": "application/x-www-form-urlencoded", origin: t.url },
              body: new URLSearchParams(
                (await fill(door.form ?? {}, role, ownEvent)) as Record<string, string>,
              ).toString(),
            });
      await res.arrayBuffer();
      const accepted = door.accepts?.includes(res.status) ?? false;
      const toLogin = res.status >= 300 && res.status < 400 && (res.headers.get("location") ?? "").startsWith("/login");
      const refused = !accepted && (toLogin || [401, 403, 404].includes(res.status));
      expect(res.status, `unexpected ${res.status} for ${role}`).not.toBe(500);
      if (!accepted) expect(res.status, `invalid request in the matrix fixture for ${role}`).not.toBe(400);
      expect({ role, status: res.status, refused }).toEqual({ role, status: res.status, refused: !allowed });
    });
  });

  describe.each(SOCKET.map((d) => [`${d.event} (${d.door})`, d] as const))("%s", (_name, door) => {
    it.each(ROLES.map((r) => [r, door.allowed.includes(r)] as const))("%s → %s", async (role, allowed) => {
      const s: Socket = ioClient(t.url, {
        transports: ["websocket"],
        extraHeaders: { cookie: browsers[role].cookieHeader },
        reconnection: false,
      });
      try {
        await new Promise<void>((resolve, reject) => {
          s.once("connect", () => resolve());
          s.once("connect_error", reject);
        });
        const payload = await fill(door.payload, role, namesAnObject(door.payload));
        const ack = (await s.timeout(5000).emitWithAck(door.event, payload)) as {
          ok: boolean;
          error?: { code: string; message: string };
        };
        if (allowed) {
          // Let in: a result, or a business rule the request met (this round is not running, not the vote phase).
          if (!ack.ok) expect(ack.error, `${role} should be let in`).toMatchObject({ code: "conflict" });
        } else {
          expect(ack.ok, `${role} should be refused`).toBe(false);
          expect(["unauthenticated", "forbidden", "not_found"]).toContain(ack.error?.code);
        }
      } finally {
        s.close();
      }
    });
  });
});
