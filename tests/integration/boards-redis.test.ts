import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { Server } from "socket.io";
import { io as ioClient, type Socket } from "socket.io-client";
import { createCore } from "../../server/core";
import { createLogger } from "../../server/core/logger";
import { MemoryMailer } from "../../server/core/mail/mailer";
import { attachRedisAdapter } from "../../server/infra/redis-adapter";
import { SocketIoBus } from "../../server/infra/socket-bus";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../server/db/client";
import { ROOT_DIR } from "../../server/paths";
import { seedDemo } from "../../server/seed/demo";
import { createSessionCookie } from "../../server/infra/session-cookie";
import { freePort } from "../../scripts/lib/throwaway-postgres.mjs";
import { startThrowawayRedis } from "../../scripts/lib/throwaway-redis.mjs";
import { freshDatabase } from "../support/databases";
import { PROTOCOL_VERSION } from "../../server/core/contract/version";

describe("two server processes sharing PostgreSQL and Redis", () => {
  const procs: ChildProcess[] = [];
  let redis: Awaited<ReturnType<typeof startThrowawayRedis>>;
  const urls: string[] = [];
  let dbUrl: string;
  const secret = "a-shared-session-secret-for-both-processes-123";

  async function up(url: string) {
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      try {
        const r = await fetch(`${url}/healthz`);
        if (r.ok) return (await r.json()) as { realtime: string };
      } catch {
        /* starting */
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`${url} did not start`);
  }

  beforeAll(async () => {
    redis = await startThrowawayRedis();
    const target = await freshDatabase("postgres");
    dbUrl = target.url;
    const db = createDb(target);
    await seedDemo(db);
    await db.$disconnect();
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const env = {
        PATH: process.env.PATH!,
        HOME: process.env.HOME ?? "/tmp",
        NODE_ENV: "production" as const,
        DATABASE_URL: dbUrl,
        REDIS_URL: redis.url,
        PORT: String(port),
        HOST: "127.0.0.1",
        SESSION_SECRET: secret,
        LOG_QUIET: "1",
      };
      procs.push(
        spawn(process.execPath, ["--import", "tsx", "server/index.ts"], { cwd: ROOT_DIR, env, stdio: "ignore" }),
      );
      urls.push(`http://127.0.0.1:${port}`);
    }
    for (const u of urls) expect((await up(u)).realtime).toBe("redis");
  }, 90_000);

  afterAll(() => {
    for (const p of procs) p.kill("SIGKILL");
    redis?.stop();
  });

  it("delivers a note posted through one process to clients of the other", async () => {
    const db = createDb({ kind: "postgres", url: dbUrl });
    try {
      const room = await db.room.findFirstOrThrow({
        orderBy: { position: "asc" },
        include: { board: true, assignments: true },
      });
      const boardId = room.board!.id;
      const cookie = createSessionCookie(secret, false);
      const connect = async (url: string, userId: string): Promise<Socket> => {
        const session = await db.session.create({
          data: { id: randomUUID(), userId, expiresAt: new Date(Date.now() + 86_400_000) },
        });
        const header = (await cookie.serialize(session.id)).split(";")[0]!;
        const s = ioClient(url, {
          transports: ["websocket"],
          auth: { protocol: PROTOCOL_VERSION },
          extraHeaders: { cookie: header },
          reconnection: false,
        });
        await new Promise<void>((resolve, reject) => {
          s.once("connect", () => resolve());
          s.once("connect_error", reject);
        });
        expect((await s.emitWithAck("board:join", { boardId })).ok).toBe(true);
        return s;
      };
      const a = await connect(urls[0]!, room.assignments[0]!.userId);
      const b = await connect(urls[1]!, room.assignments[1]!.userId);
      const received = new Promise<{ data: { note: { text: string } } }>((resolve) =>
        b.on("board:event", (e) => e.data?.note?.text === "Across processes" && resolve(e)),
      );
      const ack = await a.emitWithAck("board:op", {
        boardId,
        opId: randomUUID(),
        op: { type: "note.create", noteId: randomUUID(), category: "barriers", text: "Across processes" },
      });
      expect(ack.ok).toBe(true);
      expect((await received).data.note.text).toBe("Across processes");
      a.close();
      b.close();
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses a moved participant's next operation on a process that had kept their access", async () => {
    // A third process, in this test: its core moves the participant; the other processes hear of it through Redis.
    const db = createDb({ kind: "postgres", url: dbUrl });
    const io = new Server();
    const adapter = await attachRedisAdapter(io, redis.url, createLogger({}, true));
    const core = createCore({
      db,
      bus: new SocketIoBus(io, true),
      mailer: new MemoryMailer(),
      log: createLogger({}, true),
      secret,
    });
    try {
      const [room, other] = await db.room.findMany({
        orderBy: { position: "asc" },
        include: { board: true, assignments: true, round: true },
      });
      const boardId = room!.board!.id;
      const mover = await db.user.findUniqueOrThrow({ where: { email: "organiser@plenary.demo" } });
      const staff = await db.eventRole.findMany({
        where: { eventId: room!.round.eventId, role: { not: "participant" } },
      });
      const who = room!.assignments.find((x) => !staff.some((r) => r.userId === x.userId))!.userId;
      const session = await db.session.create({
        data: { id: randomUUID(), userId: who, expiresAt: new Date(Date.now() + 86_400_000) },
      });
      const header = (await createSessionCookie(secret, false).serialize(session.id)).split(";")[0]!;
      const s = ioClient(urls[1]!, {
        transports: ["websocket"],
        auth: { protocol: PROTOCOL_VERSION },
        extraHeaders: { cookie: header },
        reconnection: false,
      });
      await new Promise<void>((resolve, reject) => {
        s.once("connect", () => resolve());
        s.once("connect_error", reject);
      });
      await s.emitWithAck("board:join", { boardId });
      const post = (text: string) =>
        s.emitWithAck("board:op", {
          boardId,
          opId: randomUUID(),
          op: { type: "note.create", noteId: randomUUID(), category: "barriers", text },
        }) as Promise<{ ok: boolean; error?: { code: string } }>;
      expect((await post("Kept access")).ok).toBe(true);
      await core.breakouts.move(
        { userId: mover.id, sessionId: "s" },
        room!.round.eventId,
        room!.roundId,
        who,
        other!.id,
        false,
      );
      // The change travels through Redis: the next operation, a moment later, is decided afresh and refused.
      await new Promise((r) => setTimeout(r, 300));
      expect(await post("After the move")).toMatchObject({ ok: false, error: { code: "forbidden" } });
      s.close();
    } finally {
      // This server never listened: closing its adapter's Redis connections is all there is to stop.
      await adapter.close();
      await db.$disconnect();
    }
  });
});
