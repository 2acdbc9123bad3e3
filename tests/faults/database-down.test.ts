import { randomUUID } from "node:crypto";
import { io as ioClient, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../server/db/client";
import { resolveDatabase } from "../../server/db/resolve-database";
import { migrate } from "../../server/db/migrate";
import { DEMO_PASSWORD, seedDemo } from "../../server/seed/demo";
import { freePort, startThrowawayPostgres } from "../../scripts/lib/throwaway-postgres.mjs";
import { keepConnecting } from "../../app/realtime/reconnect";
import { healthOf, spawnServer, stopProcess, waitUntil } from "../support/process";
import { Browser } from "../support/server";
import { PROTOCOL_VERSION } from "../../server/core/contract/version";

const SLUG = "migrant-women-local-decision-making";

describe("the database goes away and comes back", () => {
  let pg: Awaited<ReturnType<typeof startThrowawayPostgres>>;
  let server: ReturnType<typeof spawnServer>;
  let url: string;
  let boardId: string;

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
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
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = spawnServer({
      DATABASE_URL: pg.url,
      PORT: String(port),
      SESSION_SECRET: "fault-test-secret-fault-test-secret-000",
      DATABASE_POOL_SIZE: "4",
    });
    await waitUntil("the server", async () => (await healthOf(url)).ok);
  }, 120_000);
  afterAll(async () => {
    await stopProcess(server, "SIGKILL");
    pg.stop();
  });

  it("answers 503 with a friendly page, tells sockets, and resumes by itself", async () => {
    const b = new Browser(url);
    await b.signIn("participant@plenary.demo", DEMO_PASSWORD);
    const s: Socket = ioClient(url, {
      transports: ["websocket"],
      auth: { protocol: PROTOCOL_VERSION },
      extraHeaders: { cookie: b.cookieHeader },
      reconnection: false,
    });
    await new Promise<void>((r, j) => {
      s.once("connect", () => r());
      s.once("connect_error", j);
    });
    expect(await s.emitWithAck("board:join", { boardId })).toMatchObject({ ok: true });
    expect((await b.get(`/events/${SLUG}`)).status).toBe(200);

    pg.pause();
    await waitUntil("/healthz to notice", async () => (await fetch(`${url}/healthz`)).status === 503, 30_000);
    const page = await b.get(`/events/${SLUG}`);
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("5");
    expect(await page.text()).toContain("Plenary is temporarily unavailable");
    const data = await b.get(`/events/${SLUG}?_data=routes%2Fevents.%24slug._index`);
    expect(data.status).toBe(503);
    expect(await data.json()).toMatchObject({ message: expect.stringContaining("cannot reach its database") });
    const op = {
      boardId,
      opId: randomUUID(),
      op: {
        type: "note.create",
        noteId: randomUUID(),
        category: "barriers",
        text: "Posted while the database was away",
      },
    };
    const refused = (await s.timeout(15_000).emitWithAck("board:op", op)) as { ok: boolean; error?: { code: string } };
    expect(refused).toMatchObject({ ok: false, error: { code: "unavailable" } });
    // A page opened during the outage: its handshake is refused, and it keeps trying as the browser does.
    const late: Socket = ioClient(url, {
      transports: ["websocket"],
      auth: { protocol: PROTOCOL_VERSION },
      extraHeaders: { cookie: b.cookieHeader },
    });
    const stopRetrying = keepConnecting(late, { baseMs: 200, maxMs: 2000 });
    const lateRefused = new Promise<void>((r) => late.once("connect_error", () => r()));
    await lateRefused;

    pg.resume();
    await waitUntil("pages to come back", async () => (await b.get(`/events/${SLUG}`)).status === 200, 30_000);
    // The client sends the same operation again and it is applied once.
    expect(await s.timeout(15_000).emitWithAck("board:op", op)).toMatchObject({ ok: true, data: { duplicate: false } });
    expect(await s.timeout(15_000).emitWithAck("board:op", op)).toMatchObject({ ok: true, data: { duplicate: true } });
    s.close();
    // The page refused during the outage came back by itself.
    await waitUntil("the refused page's socket to connect", async () => late.connected, 30_000);
    expect(await late.timeout(15_000).emitWithAck("board:join", { boardId })).toMatchObject({ ok: true });
    stopRetrying();
    late.close();
  }, 120_000);
});
