import { createMemoryRateLimits } from "../../server/infra/rate-limits";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLoadContext } from "../../server/http/load-context";
import { DEMO_PASSWORD, seedDemo } from "../../server/seed/demo";
import { Browser, nextEvent, startTestServer, type TestServer } from "../support/server";

const SLUG = "migrant-women-local-decision-making";

describe("the Socket.IO door over the same core", () => {
  let t: TestServer;
  let eventId: string;
  beforeAll(async () => {
    t = await startTestServer("sqlite");
    await seedDemo(t.server.db);
    eventId = await t.server.core.events.idBySlug(SLUG);
  });
  afterAll(() => t.close());

  it("knows who is connected from the session cookie, and nobody otherwise", async () => {
    const b = new Browser(t.url);
    const anon = await b.socket();
    expect(await anon.emitWithAck("session:whoami", {})).toEqual({ ok: true, data: { userId: null, name: null } });
    anon.close();
    await b.signIn("participant@plenary.demo", DEMO_PASSWORD);
    const s = await b.socket();
    expect(await s.emitWithAck("session:whoami", {})).toMatchObject({ ok: true, data: { name: "Leila Ben Salem" } });
    s.close();
  });

  it("delivers an announcement made through a Remix action to sockets following the event", async () => {
    const participant = new Browser(t.url);
    await participant.signIn("participant@plenary.demo", DEMO_PASSWORD);
    const s = await participant.socket();
    expect(await s.emitWithAck("event:follow", { eventId })).toEqual({ ok: true, data: { following: eventId } });

    const facilitator = new Browser(t.url);
    await facilitator.signIn("facilitator@plenary.demo", DEMO_PASSWORD);
    const received = nextEvent<{ message: string }>(s, "event:announcement");
    const res = await facilitator.post(`/events/${SLUG}`, { message: "Rooms open in two minutes" });
    expect(res.status).toBe(200);
    expect((await received).message).toBe("Rooms open in two minutes");
    s.close();
  });

  it("runs the same rule through a socket event: participants may not announce", async () => {
    const b = new Browser(t.url);
    await b.signIn("participant@plenary.demo", DEMO_PASSWORD);
    const s = await b.socket();
    const ack = await s.emitWithAck("event:announce", { eventId, message: "hello all" });
    expect(ack).toMatchObject({ ok: false, error: { code: "forbidden" } });
    s.close();
  });

  it("shares one core, one database client and one bus between Remix and Socket.IO", async () => {
    const ctx = buildLoadContext({
      core: t.server.core,
      sessionCookie: {} as never,
      requestId: "x",
      cookieHeader: undefined,
      publicUrl: t.url,
      cspNonce: "n",
      clientIp: "127.0.0.1",
      limits: createMemoryRateLimits(),
    });
    expect(ctx.core).toBe(t.server.core);
    // The socket handlers hold the server's core too: an announcement made on it
    // directly (as an action would) reaches a socket through the one bus.
    const b = new Browser(t.url);
    await b.signIn("rapporteur@plenary.demo", DEMO_PASSWORD);
    const s = await b.socket();
    await s.emitWithAck("event:follow", { eventId });
    const organiser = await t.server.db.user.findUniqueOrThrow({ where: { email: "organiser@plenary.demo" } });
    const received = nextEvent<{ id: string }>(s, "event:announcement");
    const made = await t.server.core.events.announce({ userId: organiser.id, sessionId: "direct" }, eventId, {
      message: "same bus",
    });
    expect((await received).id).toBe(made.id);
    s.close();
  });

  it("answers malformed payloads and unknown events with an error ack", async () => {
    const b = new Browser(t.url);
    await b.signIn("participant@plenary.demo", DEMO_PASSWORD);
    const s = await b.socket();
    expect(await s.emitWithAck("event:follow", { eventId: 42 })).toMatchObject({
      ok: false,
      error: { code: "validation" },
    });
    expect(await s.emitWithAck("event:follow", "nonsense")).toMatchObject({ ok: false, error: { code: "validation" } });
    expect(await s.emitWithAck("event:explode", {})).toMatchObject({ ok: false, error: { code: "unknown_event" } });
    expect(await s.emitWithAck("event:announce", { eventId, message: "x".repeat(3000) })).toMatchObject({
      ok: false,
      error: { code: "validation" },
    });
    s.close();
  });

  it("refuses to let strangers follow an event", async () => {
    const b = new Browser(t.url);
    await b.signUp(t.server, { name: "Stranger", email: "stranger@example.org", password: "stranger password" });
    const s = await b.socket();
    expect(await s.emitWithAck("event:follow", { eventId })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    s.close();
  });

  it("disconnects a session's sockets when it signs out", async () => {
    const b = new Browser(t.url);
    await b.signIn("participant@plenary.demo", DEMO_PASSWORD);
    const s = await b.socket();
    const gone = nextEvent<string>(s, "disconnect");
    await b.post("/logout", {});
    expect(await gone).toBe("io server disconnect");
  });
});
