import { DateTime } from "luxon";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { io as ioClient, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemo } from "../../server/seed/demo";
import { HTTP, ROLES, type Role, SOCKET, renderMatrix } from "../access/matrix";
import { Browser, startTestServer, type TestServer } from "../support/server";

const SLUG = "migrant-women-local-decision-making";

describe("the access matrix, door by door and role by role", () => {
  let t: TestServer;
  const browsers = {} as Record<Role, Browser>;
  const values: Record<string, string> = { slug: SLUG };
  const fill = (s: string) =>
    s.replace(/\{(\w+)\}/g, (_m, k: string) => (k === "uuid" ? randomUUID() : (values[k] ?? `{${k}}`)));
  const fillDeep = (v: unknown): unknown =>
    typeof v === "string"
      ? fill(v)
      : Array.isArray(v)
        ? v.map(fillDeep)
        : v && typeof v === "object"
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fillDeep(x)]))
          : v;

  beforeAll(async () => {
    t = await startTestServer("sqlite");
    const { core } = t.server;
    const db = core.db;
    await seedDemo(db);
    const id = async (email: string) => ({
      userId: (await db.user.findUniqueOrThrow({ where: { email } })).id,
      sessionId: "s",
    });
    const secretariat = await id("secretariat@plenary.demo");
    const organiser = await id("organiser@plenary.demo");
    const event = await db.event.findUniqueOrThrow({ where: { slug: SLUG } });
    values.eventId = event.id;
    // The demo event is a week from today, at 13:00 in its timezone: agenda times are that day's.
    values.eventDay = DateTime.fromJSDate(event.startsAt, { zone: event.timezone }).toISODate()!;
    // A stranger, and a participant of another event.
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
    const otherEvent = await db.event.create({
      data: {
        slug: "other-event",
        title: "Other",
        timezone: "UTC",
        startsAt: new Date(),
        endsAt: new Date(Date.now() + 3600_000),
      },
    });
    await db.eventRole.create({ data: { eventId: otherEvent.id, userId: other.user.id, role: "participant" } });
    await db.registration.create({ data: { eventId: otherEvent.id, userId: other.user.id, status: "confirmed" } });
    // Rooms and boards: the demo participant is in Room C.
    const leila = await id("participant@plenary.demo");
    const mine = await db.roomAssignment.findFirstOrThrow({
      where: { userId: leila.userId },
      include: { room: { include: { board: true } } },
    });
    values.ownBoard = mine.room.board!.id;
    values.roundId = mine.roundId;
    values.otherBoard = (await db.board.findFirstOrThrow({ where: { kind: "room", NOT: { roomId: mine.roomId } } })).id;
    values.synthesis = (await db.board.findFirstOrThrow({ where: { kind: "synthesis" } })).id;
    await core.breakouts.open(organiser, event.id, mine.roundId);
    // A published report and an action item.
    await core.reports.generate(secretariat, SLUG);
    await core.reports.transition(secretariat, SLUG, "submit");
    await core.reports.transition(secretariat, SLUG, "approve");
    await core.reports.publish(secretariat, SLUG, {});
    values.itemId = (await core.actions.create(secretariat, SLUG, { title: "Matrix item" })).id;
    values.proposalId = (await db.actionItem.findFirstOrThrow({ where: { eventId: event.id, origin: "drafted" } })).id;
    values.questionId = (
      await core.manage.addQuestion(organiser, event.id, { kind: "short_text", label: "Which theme matters most?" })
    ).id;
    values.spareUserId = (
      await core.auth.createAccount({ name: "Spare", email: "spare@matrix.test", password: "a long enough password" })
    ).user.id;

    const emails: Partial<Record<Role, [string, string]>> = {
      stranger: ["stranger@matrix.test", "a long enough password"],
      other_event: ["other@matrix.test", "a long enough password"],
      participant: ["participant@plenary.demo", DEMO_PASSWORD],
      rapporteur: ["rapporteur@plenary.demo", DEMO_PASSWORD],
      facilitator: ["facilitator@plenary.demo", DEMO_PASSWORD],
      organiser: ["organiser@plenary.demo", DEMO_PASSWORD],
      secretariat: ["secretariat@plenary.demo", DEMO_PASSWORD],
      admin: ["admin@plenary.demo", DEMO_PASSWORD],
    };
    for (const role of ROLES) {
      browsers[role] = new Browser(t.url);
      const login = emails[role];
      if (login) await browsers[role].signIn(...login);
    }
  }, 60_000);
  afterAll(() => t.close());

  it("is documented exactly as tested (docs/access-matrix.md is generated from the same table)", () => {
    const doc = readFileSync(path.resolve(__dirname, "../../docs/access-matrix.md"), "utf8");
    expect(doc, "run `npm run docs:access` after changing tests/access/matrix.ts").toBe(renderMatrix());
  });

  describe.each(HTTP.map((d) => [`${d.method} ${d.path} (${d.door})`, d] as const))("%s", (_name, door) => {
    it.each(ROLES.map((r) => [r, door.allowed.includes(r)] as const))("%s → %s", async (role, allowed) => {
      const b = browsers[role];
      const url = fill(door.path);
      const res =
        door.method === "GET"
          ? await b.request(url, { headers: { accept: "text/html" } })
          : await b.request(url, {
              method: "POST",
              headers: { "content-type": "application/x-www-form-urlencoded", origin: t.url },
              body: new URLSearchParams(fillDeep(door.form) as Record<string, string>).toString(),
            });
      const toLogin = res.status >= 300 && res.status < 400 && (res.headers.get("location") ?? "").startsWith("/login");
      const refused = toLogin || [401, 403, 404].includes(res.status);
      expect(res.status, `unexpected ${res.status} for ${role}`).not.toBe(500);
      expect(res.status, `invalid request in the matrix fixture for ${role}`).not.toBe(400);
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
        const ack = (await s.timeout(5000).emitWithAck(door.event, fillDeep(door.payload))) as {
          ok: boolean;
          error?: { code: string };
        };
        if (allowed) expect(ack, `${role} should be allowed`).toMatchObject({ ok: true });
        else {
          expect(ack.ok, `${role} should be refused`).toBe(false);
          expect(["unauthenticated", "forbidden", "not_found"]).toContain(ack.error?.code);
        }
      } finally {
        s.close();
      }
    });
  });
});
