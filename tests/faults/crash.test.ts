import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../server/db/client";
import { DEMO_PASSWORD, seedDemo } from "../../server/seed/demo";
import { freePort } from "../../scripts/lib/throwaway-postgres.mjs";
import { freshDatabase } from "../support/databases";
import { spawnServer, stopProcess, waitUntil, healthOf } from "../support/process";
import { Browser } from "../support/server";
import type { Ack } from "../../server/core/contract";
import { connectOnce } from "../support/sockets";

const SECRET = "fault-test-secret-fault-test-secret-000";
const WRITERS = [
  "participant@plenary.demo",
  "facilitator@plenary.demo",
  "rapporteur@plenary.demo",
  "organiser@plenary.demo",
];
const OPS_PER_WRITER = 40;

describe("SIGKILL in the middle of a burst of board operations", () => {
  let url: string;
  let dbUrl: string;
  let port: number;
  let boardId: string;
  let server = null as ReturnType<typeof spawnServer> | null;

  beforeAll(async () => {
    const target = await freshDatabase("sqlite");
    dbUrl = target.url;
    const db = createDb(target);
    await seedDemo(db);
    boardId = (
      await db.roomAssignment.findFirstOrThrow({
        where: { user: { email: "participant@plenary.demo" } },
        include: { room: { include: { board: true } } },
      })
    ).room.board!.id;
    await db.$disconnect();
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    if (server) await stopProcess(server, "SIGKILL");
  });

  const start = async () => {
    server = spawnServer({ DATABASE_URL: dbUrl, PORT: String(port), SESSION_SECRET: SECRET });
    await waitUntil("the server", async () => (await healthOf(url)).ok);
  };
  const connect = (cookie: string) => connectOnce(url, cookie);

  it("keeps every acknowledged operation exactly once; clients re-send the rest and converge", async () => {
    await start();
    const cookies: string[] = [];
    for (const email of WRITERS) {
      const b = new Browser(url);
      await b.signIn(email, DEMO_PASSWORD);
      cookies.push(b.cookieHeader);
    }
    const ops = WRITERS.flatMap((_, w) =>
      Array.from({ length: OPS_PER_WRITER }, (_, i) => ({
        w,
        opId: randomUUID(),
        noteId: randomUUID(),
        text: `burst ${w}-${i}`,
      })),
    );
    const acked = new Set<string>();
    let sockets = await Promise.all(cookies.map(connect));
    for (const s of sockets) await s.emitWithAck("board:join", { boardId });

    // Each writer sends at the rate the server allows, while the server is killed mid-way.
    const sending = ops.map(
      (op, k) =>
        new Promise<void>((resolve) => {
          setTimeout(
            () => {
              sockets[op.w]!.timeout(3000).emit(
                "board:op",
                {
                  boardId,
                  opId: op.opId,
                  op: { type: "note.create", noteId: op.noteId, category: "barriers", text: op.text },
                },
                (err: unknown, ack: { ok: boolean }) => {
                  if (!err && ack?.ok) acked.add(op.opId);
                  resolve();
                },
              );
            },
            Math.floor(k / WRITERS.length) * 60,
          );
        }),
    );
    await waitUntil("half the burst acknowledged", async () => acked.size >= ops.length / 2);
    await stopProcess(server!, "SIGKILL");
    await Promise.all(sending);
    const ackedBeforeCrash = new Set(acked);
    expect(ackedBeforeCrash.size).toBeGreaterThan(0);
    expect(ackedBeforeCrash.size).toBeLessThan(ops.length);
    for (const s of sockets) s.close();

    // Restart on the same database; clients reconnect and re-send whatever was not acknowledged.
    await start();
    sockets = await Promise.all(cookies.map(connect));
    for (const s of sockets) await s.emitWithAck("board:join", { boardId });
    for (const op of ops.filter((o) => !acked.has(o.opId))) {
      for (;;) {
        const ack = (await sockets[op.w]!.emitWithAck("board:op", {
          boardId,
          opId: op.opId,
          op: { type: "note.create", noteId: op.noteId, category: "barriers", text: op.text },
        })) as Ack<unknown>;
        if (ack.ok) break;
        expect(ack.error?.code).toBe("rate_limited");
        await new Promise((r) => setTimeout(r, ack.error.retryAfterMs ?? 200));
      }
    }

    const db = createDb((await import("../../server/db/resolve-database")).resolveDatabase(dbUrl));
    try {
      const notes = await db.note.findMany({ where: { boardId, text: { startsWith: "burst " } } });
      const byText = new Map<string, number>();
      for (const n of notes) byText.set(n.text, (byText.get(n.text) ?? 0) + 1);
      for (const op of ops.filter((o) => ackedBeforeCrash.has(o.opId)))
        expect(byText.get(op.text), `acknowledged ${op.text}`).toBe(1);
      expect(notes).toHaveLength(ops.length);
      expect([...byText.values()].every((c) => c === 1)).toBe(true);
      const seqs = (await db.boardOp.findMany({ where: { boardId }, select: { seq: true } })).map((o) => o.seq);
      expect(new Set(seqs).size).toBe(seqs.length);
    } finally {
      await db.$disconnect();
    }

    // Every client catches up to the same board.
    const views = await Promise.all(
      sockets.map(async (s) => {
        const r = (await s.emitWithAck("board:sync", { boardId, afterSeq: 0 })) as {
          ok: boolean;
          data: { events: { type: string; data: { note?: { id: string } } }[] };
        };
        return r.data.events
          .filter((e) => e.type === "note.create")
          .map((e) => e.data.note?.id)
          .sort();
      }),
    );
    for (const v of views) expect(v).toEqual(views[0]);
    expect(views[0]).toEqual(expect.arrayContaining(ops.map((o) => o.noteId).sort()));
    for (const s of sockets) s.close();
  }, 120_000);
});
