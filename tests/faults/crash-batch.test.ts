import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectOnce } from "../support/sockets";
import { createDb } from "../../server/db/client";
import { resolveDatabase } from "../../server/db/resolve-database";
import { ROOT_DIR } from "../../server/paths";
import { freePort } from "../../scripts/lib/throwaway-postgres.mjs";
import { freshDatabase } from "../support/databases";
import { healthOf, spawnServer, stopProcess, waitUntil } from "../support/process";

const SECRET = "fault-test-secret-fault-test-secret-000";
const WRITERS = 40;
const NOTES_EACH = 12;
type Ack = { ok: boolean; data?: { seq: number }; error?: { code: string; fieldErrors?: { retryAfterMs?: string[] } } };

/**
 * Group commit (server/core/boards/batch.ts) applies many people's notes in one transaction. Forty
 * writers post as fast as the server answers, so a transaction carrying several of them is
 * nearly always in flight, and the process is killed then. Whatever was acknowledged must be
 * stored exactly once; what was sent but not acknowledged may be stored or not, and sending it
 * again (same operation id) must not double it; the log's sequence numbers have no gap and no repeat.
 */
describe("SIGKILL while a batch of operations is being committed", () => {
  let dbUrl: string;
  let url: string;
  let port: number;
  let boardId: string;
  let cookies: string[];
  let server = null as ReturnType<typeof spawnServer> | null;

  beforeAll(async () => {
    dbUrl = (await freshDatabase("sqlite")).url;
    // The bench's setup: one room's board in the reveal phase, WRITERS participants with sessions.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "bench/realtime/setup.ts", dbUrl, SECRET, String(WRITERS), "1"],
      { cwd: ROOT_DIR, maxBuffer: 1 << 24 },
    );
    const prepared = JSON.parse(stdout) as { clients: { cookie: string; boardId: string }[] };
    cookies = prepared.clients.map((c) => c.cookie);
    boardId = prepared.clients[0]!.boardId;
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
  const op = (w: number, i: number) => ({
    opId: `batch-op-${w}-${i}`,
    noteId: `batch-note-${w}-${i}`,
    text: `batched ${w}-${i}`,
  });
  const send = (s: Socket, o: ReturnType<typeof op>) =>
    s.timeout(5000).emitWithAck("board:op", {
      boardId,
      opId: o.opId,
      op: { type: "note.create", noteId: o.noteId, category: "challenges", text: o.text },
    }) as Promise<Ack>;

  it("keeps every acknowledged note once, and a re-sent one is not doubled", async () => {
    await start();
    let sockets = await Promise.all(cookies.map(connect));
    for (const s of sockets) await s.emitWithAck("board:join", { boardId });
    const acked = new Map<string, number>();
    const inFlight = new Set<string>();
    let killed = false;

    // Every writer posts its notes one after another, as fast as acks come back.
    const writing = sockets.map(async (s, w) => {
      for (let i = 0; i < NOTES_EACH && !killed; i++) {
        const o = op(w, i);
        inFlight.add(o.opId);
        const ack = await send(s, o).catch(() => null);
        inFlight.delete(o.opId);
        if (ack?.ok) acked.set(o.opId, ack.data!.seq);
        else if (ack?.error?.code === "rate_limited") i--;
        else break;
      }
    });
    await waitUntil("a third of the notes acknowledged", async () => acked.size >= (WRITERS * NOTES_EACH) / 3);
    const pending = inFlight.size;
    killed = true;
    await stopProcess(server!, "SIGKILL");
    await Promise.all(writing);
    const ackedAtCrash = new Map(acked);
    // Many operations were on their way when the process died: it died inside a batch, not between two.
    expect(pending).toBeGreaterThan(1);
    for (const s of sockets) s.close();

    await start();
    sockets = await Promise.all(cookies.map(connect));
    for (const s of sockets) await s.emitWithAck("board:join", { boardId });
    // Every writer sends everything again, the acknowledged included: the same operation ids.
    await Promise.all(
      sockets.map(async (s, w) => {
        for (let i = 0; i < NOTES_EACH; i++) {
          const o = op(w, i);
          for (;;) {
            const ack = await send(s, o);
            if (ack.ok) {
              // An operation acknowledged before the crash keeps its sequence number.
              if (ackedAtCrash.has(o.opId)) expect(ack.data!.seq).toBe(ackedAtCrash.get(o.opId));
              break;
            }
            expect(ack.error?.code).toBe("rate_limited");
            await new Promise((r) => setTimeout(r, Number(ack.error?.fieldErrors?.retryAfterMs?.[0] ?? 200)));
          }
        }
      }),
    );
    for (const s of sockets) s.close();

    const db = createDb(resolveDatabase(dbUrl));
    try {
      const notes = await db.note.findMany({ where: { boardId }, select: { id: true } });
      expect(notes).toHaveLength(WRITERS * NOTES_EACH);
      const ops = await db.boardOp.findMany({ where: { boardId }, orderBy: { seq: "asc" } });
      expect(ops).toHaveLength(WRITERS * NOTES_EACH);
      expect(new Set(ops.map((o) => o.opId)).size).toBe(ops.length);
      // One gap-free sequence: no number taken by a batch that died, none given twice.
      expect(ops.map((o) => o.seq)).toEqual(ops.map((_, k) => k + 1));
      for (const [opId, seq] of ackedAtCrash) expect(ops.find((o) => o.opId === opId)?.seq).toBe(seq);
    } finally {
      await db.$disconnect();
    }
  }, 180_000);
});
