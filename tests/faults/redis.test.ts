import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../server/db/client";
import { resolveDatabase } from "../../server/db/resolve-database";
import { migrate } from "../../server/db/migrate";
import { DEMO_PASSWORD, seedDemo } from "../../server/seed/demo";
import { freePort, startThrowawayPostgres } from "../../scripts/lib/throwaway-postgres.mjs";
import { startThrowawayRedis } from "../../scripts/lib/throwaway-redis.mjs";
import { healthOf, spawnServer, stopProcess, waitUntil } from "../support/process";
import { connectOnce } from "../support/sockets";
import { Browser } from "../support/server";

const SECRET = "fault-test-secret-fault-test-secret-000";

describe("two processes behind Redis: one stops, then Redis stops", () => {
  let pg: Awaited<ReturnType<typeof startThrowawayPostgres>>;
  let redis: Awaited<ReturnType<typeof startThrowawayRedis>>;
  const servers: ReturnType<typeof spawnServer>[] = [];
  const urls: string[] = [];
  let boardId: string;

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    redis = await startThrowawayRedis();
    const target = resolveDatabase(pg.url);
    await migrate(target);
    const db = createDb(target);
    await seedDemo(db);
    boardId = (
      await db.roomAssignment.findFirstOrThrow({
        where: { user: { email: "participant@plenary.demo" } },
        include: { room: { include: { board: true } } },
      })
    ).room.board!.id;
    await db.$disconnect();
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      urls.push(`http://127.0.0.1:${port}`);
      servers.push(
        spawnServer({ DATABASE_URL: pg.url, REDIS_URL: redis.url, PORT: String(port), SESSION_SECRET: SECRET }),
      );
    }
    for (const u of urls) await waitUntil(`${u}`, async () => (await healthOf(u)).realtime === "redis");
  }, 120_000);
  afterAll(async () => {
    for (const s of servers) await stopProcess(s, "SIGKILL");
    redis.stop();
    pg.stop();
  });

  const connect = connectOnce;
  const post = (s: Socket, text: string) =>
    s.timeout(10_000).emitWithAck("board:op", {
      boardId,
      opId: randomUUID(),
      op: { type: "note.create", noteId: randomUUID(), category: "barriers", text },
    }) as Promise<{ ok: boolean; data: { seq: number } }>;
  const arrives = (s: Socket, text: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`“${text}” did not arrive`)), 10_000);
      const on = (e: { data: { note?: { text: string } } }) => {
        if (e.data.note?.text === text) {
          clearTimeout(timer);
          s.off("board:event", on);
          resolve();
        }
      };
      s.on("board:event", on);
    });

  it("moves a stopped process's clients to the other, which catches them up; without Redis each process keeps serving its own", async () => {
    const leila = new Browser(urls[0]!);
    await leila.signIn("participant@plenary.demo", DEMO_PASSWORD);
    const lucia = new Browser(urls[1]!);
    await lucia.signIn("facilitator@plenary.demo", DEMO_PASSWORD);
    let onA = await connect(urls[0]!, leila.cookieHeader);
    const onB = await connect(urls[1]!, lucia.cookieHeader);
    const joined = (await onA.emitWithAck("board:join", { boardId })) as { data: { seq: number } };
    await onB.emitWithAck("board:join", { boardId });

    const crossing = arrives(onB, "From process A");
    expect(await post(onA, "From process A")).toMatchObject({ ok: true });
    await crossing;

    // Process A dies; its client reconnects to B (as a load balancer would send it) and catches up.
    await stopProcess(servers[0]!, "SIGKILL");
    const lastSeen = joined.data.seq + 1;
    expect(await post(onB, "Written while A was down")).toMatchObject({ ok: true });
    onA.close();
    onA = await connect(urls[1]!, leila.cookieHeader);
    await onA.emitWithAck("board:join", { boardId });
    const sync = (await onA.emitWithAck("board:sync", { boardId, afterSeq: lastSeen })) as {
      ok: boolean;
      data: { events: { data: { note?: { text: string } } }[] };
    };
    expect(sync.data.events.map((e) => e.data.note?.text)).toContain("Written while A was down");
    const back = arrives(onB, "Leila carries on from B");
    expect(await post(onA, "Leila carries on from B")).toMatchObject({ ok: true });
    await back;

    // Redis stops: /healthz says so, and B still serves its own clients.
    redis.stop();
    await waitUntil(
      "/healthz to report Redis down",
      async () => (await healthOf(urls[1]!)).realtime === "redis-unavailable",
      20_000,
    );
    expect((await healthOf(urls[1]!)).ok).toBe(true);
    // Rate limits count in memory meanwhile: sign-ins and board operations are neither refused nor held up.
    await waitUntil(
      "rate limits to count in memory",
      async () => (await healthOf(urls[1]!)).rateLimits === "redis-unavailable",
      20_000,
    );
    expect(
      (await new Browser(urls[1]!).post("/login", { email: "nobody@x.test", password: "wrong password" })).status,
    ).toBe(401);
    const local = arrives(onB, "Still served without Redis");
    expect(await post(onA, "Still served without Redis")).toMatchObject({ ok: true });
    await local;
    expect((await lucia.get("/events/migrant-women-local-decision-making")).status).toBe(200);
    onA.close();
    onB.close();
  }, 120_000);
});
