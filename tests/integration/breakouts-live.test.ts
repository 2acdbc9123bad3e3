import { io as ioClient, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveState } from "../../server/core/breakouts/live-state";
import { seedDemo } from "../../server/seed/demo";
import { startTestServer, type TestServer } from "../support/server";
import { PROTOCOL_VERSION } from "../../server/core/contract/version";

type Client = { userId: string; socket: Socket; states: LiveState[]; receivedAt: number[] };

describe("a breakout round run live with 100 real clients", () => {
  let t: TestServer;
  let eventId: string;
  let roundId: string;
  let clients: Client[] = [];
  let facilitator: { userId: string; sessionId: string };

  async function connect(userId: string): Promise<Client> {
    const session = await t.server.core.auth.createSession(userId);
    const cookie = (await t.server.sessionCookie.serialize(session.id)).split(";")[0]!;
    const socket = ioClient(t.url, {
      transports: ["websocket"],
      auth: { protocol: PROTOCOL_VERSION },
      extraHeaders: { cookie },
      reconnection: false,
    });
    const c: Client = { userId, socket, states: [], receivedAt: [] };
    socket.on("live:state", (s: LiveState) => {
      c.states.push(s);
      c.receivedAt.push(Date.now());
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    return c;
  }

  const waitFor = async (check: () => boolean, what: string, ms = 10_000) => {
    const until = Date.now() + ms;
    while (!check()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  beforeAll(async () => {
    t = await startTestServer("sqlite");
    const db = t.server.db;
    await seedDemo(db);
    const event = await db.event.findFirstOrThrow();
    eventId = event.id;
    roundId = (await db.breakoutRound.findFirstOrThrow()).id;
    const f = await db.user.findUniqueOrThrow({ where: { email: "facilitator@plenary.demo" } });
    facilitator = { userId: f.id, sessionId: "test" };
    // Start from no assignment, so opening the round assigns everyone afresh.
    await db.roomAssignment.deleteMany({});
    const regs = await db.registration.findMany({ where: { eventId, status: "confirmed" } });
    clients = await Promise.all(regs.map((r) => connect(r.userId)));
    const joined = await Promise.all(clients.map((c) => c.socket.emitWithAck("live:join", { eventId })));
    expect(joined.every((a) => a.ok && a.data.round === null)).toBe(true);
  }, 60_000);

  afterAll(async () => {
    for (const c of clients) c.socket.close();
    await t.close();
  });

  it("opening the round moves every connected participant to exactly one room", async () => {
    expect(clients.length).toBeGreaterThanOrEqual(95);
    await t.server.core.breakouts.open(facilitator, eventId, roundId);
    await waitFor(() => clients.every((c) => c.states.some((s) => s.room)), "every client in a room");
    const roomOf = new Map(clients.map((c) => [c.userId, c.states.at(-1)!.room!.id]));
    const rooms = await t.server.db.room.findMany({ where: { roundId } });
    expect(new Set(roomOf.values())).toEqual(new Set(rooms.map((r) => r.id)));
    const assignments = await t.server.db.roomAssignment.findMany({ where: { roundId } });
    expect(assignments.length).toBe(clients.length);
    for (const a of assignments) expect(roomOf.get(a.userId)).toBe(a.roomId);
    // The women-only room holds only people who described themselves as women.
    const reserved = rooms.find((r) => r.constraintJson)!;
    const inReserved = assignments.filter((a) => a.roomId === reserved.id).map((a) => a.userId);
    const genders = await t.server.db.registration.findMany({ where: { userId: { in: inReserved }, eventId } });
    expect(genders.every((g) => g.gender === "woman")).toBe(true);
    const sizes = rooms.map((r) => assignments.filter((a) => a.roomId === r.id).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it("shows every client the same timer, within a second", async () => {
    const remaining = clients.map((c) => {
      const s = c.states.at(-1)!;
      const offset = Date.parse(s.serverNow) - c.receivedAt.at(-1)!;
      return Date.parse(s.round!.endsAt!) - (Date.now() + offset);
    });
    expect(Math.max(...remaining) - Math.min(...remaining)).toBeLessThan(1000);
    expect(remaining[0]).toBeGreaterThan(55 * 60_000);
  });

  it("lets people into their own room only, and counts who is present", async () => {
    const c = clients[0]!;
    const mine = c.states.at(-1)!.room!.id;
    const other = (await t.server.db.room.findFirstOrThrow({ where: { roundId, id: { not: mine } } })).id;
    expect(await c.socket.emitWithAck("room:enter", { eventId, roomId: other })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    const sameRoom = clients.filter((x) => x.states.at(-1)!.room!.id === mine);
    const acks = await Promise.all(sameRoom.map((x) => x.socket.emitWithAck("room:enter", { eventId, roomId: mine })));
    expect(acks.every((a) => a.ok)).toBe(true);
    expect((await t.server.core.breakouts.presence(mine)).length).toBe(sameRoom.length);
  });

  it("brings a participant who reconnects back to the same room and timer", async () => {
    const before = clients[5]!;
    const state = before.states.at(-1)!;
    before.socket.close();
    const again = await connect(before.userId);
    const ack = await again.socket.emitWithAck("live:join", { eventId });
    expect(ack.data.room.id).toBe(state.room!.id);
    expect(ack.data.round.endsAt).toBe(state.round!.endsAt);
    clients[5] = again;
  });

  it("refuses people who are not registered for the event", async () => {
    const { user } = await t.server.core.auth.createAccount({
      name: "Outsider",
      email: "outsider@example.org",
      password: "outsider password",
    });
    const o = await connect(user.id);
    expect(await o.socket.emitWithAck("live:join", { eventId })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    o.socket.close();
  });

  it("closing the round brings everyone back to the plenary", async () => {
    const counts = clients.map((c) => c.states.length);
    await t.server.core.breakouts.close(facilitator, eventId, roundId);
    await waitFor(
      () => clients.every((c, i) => c.states.length > counts[i]! && c.states.at(-1)!.round === null),
      "everyone back in plenary",
    );
  });
});
