import fc from "fast-check";
import { io as ioClient, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemo } from "../../server/seed/demo";
import { Browser, startTestServer, type TestServer } from "../support/server";

const SLUG = "migrant-women-local-decision-making";
export const SOCKET_EVENTS = [
  "session:whoami",
  "event:follow",
  "event:announce",
  "live:join",
  "room:enter",
  "room:leave",
  "round:help",
  "round:choose",
  "round:open",
  "round:close",
  "round:extend",
  "round:message",
  "board:join",
  "board:leave",
  "board:op",
  "board:sync",
  "no:such:event",
];
const OP_TYPES = [
  "note.create",
  "note.update",
  "note.delete",
  "note.hide",
  "note.move",
  "note.react",
  "note.comment",
  "vote.set",
  "cluster.create",
  "cluster.rename",
  "cluster.delete",
  "cluster.merge",
  "board.phase",
  "board.lock",
  "board.timer",
  "synthesis.pull",
];
const RUNS_PER_EVENT = 60;

/** Strings people (and attackers) type: injection, control characters, huge, right-to-left, emoji. */
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom(
    "<script>alert(1)</script>",
    '=HYPERLINK("x")',
    "'; DROP TABLE Note; --",
    "\u202Eevil",
    "💥".repeat(300),
    "../../etc/passwd",
    "{{constructor.constructor('x')()}}",
    "\u0000",
    " ",
    "x".repeat(70_000),
  ),
);
const id = fc.oneof(fc.uuid(), fc.string({ maxLength: 80 }), fc.constant(""), fc.integer());

describe("hostile input never crashes or hangs the server, and leaves the data consistent", () => {
  let t: TestServer;
  let ids: { eventId: string; boardId: string; roundId: string; roomId: string };
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestServer("sqlite");
    const db = t.server.core.db;
    await seedDemo(db);
    const board = await db.board.findFirstOrThrow({ where: { kind: "room" }, include: { room: true } });
    ids = { eventId: board.eventId, boardId: board.id, roundId: board.room!.roundId, roomId: board.roomId! };
    for (const who of ["organiser@plenary.demo", "participant@plenary.demo", null]) {
      const b = new Browser(t.url);
      if (who) await b.signIn(who, DEMO_PASSWORD);
      const s = ioClient(t.url, {
        transports: ["websocket"],
        extraHeaders: { cookie: b.cookieHeader },
        reconnection: false,
      });
      await new Promise<void>((r, j) => {
        s.once("connect", () => r());
        s.once("connect_error", j);
      });
      sockets.push(s);
    }
  }, 60_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  const payloadFor = (event: string) =>
    fc.oneof(
      fc.anything({ maxDepth: 3 }),
      fc.record(
        {
          eventId: fc.oneof(id, fc.constant(ids.eventId)),
          roundId: fc.oneof(id, fc.constant(ids.roundId)),
          roomId: fc.oneof(id, fc.constant(ids.roomId)),
          message: nasty,
          minutes: fc.oneof(fc.integer(), fc.double()),
        },
        { requiredKeys: [] },
      ),
      event === "board:op" || event === "board:sync" || event === "board:join"
        ? fc.record(
            {
              boardId: fc.oneof(id, fc.constant(ids.boardId)),
              opId: id,
              afterSeq: fc.oneof(fc.integer(), fc.double(), nasty),
              op: fc.record(
                {
                  type: fc.oneof(fc.constantFrom(...OP_TYPES), nasty),
                  noteId: id,
                  clusterId: fc.oneof(id, fc.constant(null)),
                  fromClusterId: id,
                  commentId: id,
                  category: fc.oneof(fc.constantFrom("barriers", "challenges"), nasty),
                  text: nasty,
                  label: nasty,
                  dots: fc.oneof(fc.integer(), fc.double()),
                  version: fc.integer(),
                  phase: nasty,
                  locked: fc.anything(),
                  minutes: fc.integer(),
                  hidden: fc.boolean(),
                  emoji: nasty,
                  noteIds: fc.array(id, { maxLength: 600 }),
                  on: fc.anything(),
                },
                { requiredKeys: ["type"] },
              ),
            },
            { requiredKeys: [] },
          )
        : fc.constant(undefined),
    );

  it.each(SOCKET_EVENTS)(
    "%s: every generated payload gets a clear answer",
    async (event) => {
      let answered = 0;
      await fc.assert(
        fc.asyncProperty(payloadFor(event), fc.integer({ min: 0, max: sockets.length - 1 }), async (payload, who) => {
          const ack = (await sockets[who]!.timeout(5000).emitWithAck(event, payload)) as {
            ok: boolean;
            error?: { code: string; message: string };
          };
          answered++;
          expect(typeof ack.ok).toBe("boolean");
          if (!ack.ok) {
            expect(ack.error?.code).not.toBe("internal");
            expect(ack.error?.message.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: RUNS_PER_EVENT, seed: 2026 },
      );
      expect(answered).toBe(RUNS_PER_EVENT);
    },
    120_000,
  );

  let roomSummary = "";
  beforeAll(async () => {
    const board = await t.server.core.db.board.findFirstOrThrow({ where: { kind: "room" } });
    roomSummary = `/events/${SLUG}/boards/${board.id}/summary`;
  });

  const FORMS: { path: string; fields: string[]; as?: string }[] = [
    { path: "/login", fields: ["email", "password", "redirectTo"] },
    { path: "/signup", fields: ["name", "email", "password"] },
    { path: "/forgot-password", fields: ["email"] },
    {
      path: `/events/${SLUG}`,
      fields: [
        "intent",
        "name",
        "email",
        "organisation",
        "category",
        "country",
        "city",
        "consentData",
        "consentQuote",
        "message",
      ],
    },
    {
      path: `/events/${SLUG}/manage/settings`,
      fields: [
        "title",
        "description",
        "format",
        "timezone",
        "startsAt",
        "endsAt",
        "capacity",
        "languages",
        "retentionDays",
      ],
      as: "organiser@plenary.demo",
    },
    {
      path: `/events/${SLUG}/manage/agenda`,
      fields: ["intent", "itemId", "kind", "title", "startsAt", "endsAt", "speakers"],
      as: "organiser@plenary.demo",
    },
    {
      path: `/events/${SLUG}/actions`,
      fields: ["intent", "itemId", "title", "owner", "ownerEmail", "dueDate", "status", "clusterId", "progress"],
      as: "secretariat@plenary.demo",
    },
    {
      path: `/events/${SLUG}/report/edit`,
      fields: [
        "intent",
        "key",
        "markdown",
        "body",
        "changeNote",
        "notice",
        "title",
        "url",
        "itemId",
        "dueDate",
        "speakerId",
        "contribution",
        "quote",
        "quoteConsent",
        "organisations",
        "listed",
        "after",
      ],
      as: "secretariat@plenary.demo",
    },
    {
      // The rapporteur's summary of a room: the first room board's, filled in below.
      path: "{roomSummary}",
      fields: ["observations", "keyMessages", "proposedActions", "quote0Text", "quote0Attribution", "quote0Consent"],
      as: "rapporteur@plenary.demo",
    },
    { path: "/account", fields: ["password", "confirmEmail"], as: "stranger" },
  ];

  it.each(FORMS)(
    "form $path: generated submissions never get a server error",
    async ({ path, fields, as }) => {
      const b = new Browser(t.url);
      if (as === "stranger") {
        await b.post("/signup", {
          name: "Fuzz",
          email: `fuzz${Date.now()}@x.test`,
          password: "a long enough password",
        });
      } else if (as) await b.signIn(as, DEMO_PASSWORD);
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(
            fc.constantFrom(...fields),
            fc.oneof(
              nasty,
              fc.constantFrom(
                "save",
                "create",
                "update",
                "delete",
                "generate",
                "publish",
                "register",
                "announce",
                "comment",
                "take",
                "findings",
                "proposal-accept",
                "proposal-drop",
                "add-section",
                "rename-section",
                "remove-section",
                "move-up",
                "speaker",
                "organisations",
              ),
            ),
          ),
          async (form) => {
            const res = await b.request(path === "{roomSummary}" ? roomSummary : path, {
              method: "POST",
              headers: { "content-type": "application/x-www-form-urlencoded", origin: t.url },
              body: new URLSearchParams(form).toString(),
            });
            expect(res.status, `${path} ${JSON.stringify(form).slice(0, 200)}`).toBeLessThan(500);
            await res.arrayBuffer();
          },
        ),
        { numRuns: 40, seed: 7 },
      );
    },
    120_000,
  );

  it("keeps the database's invariants and stays healthy afterwards", async () => {
    const db = t.server.core.db;
    expect((await (await fetch(`${t.url}/healthz`)).json()) as { ok: boolean }).toMatchObject({ ok: true });
    for (const board of await db.board.findMany()) {
      const ops = await db.boardOp.findMany({ where: { boardId: board.id }, select: { seq: true } });
      expect(new Set(ops.map((o) => o.seq)).size).toBe(ops.length);
      expect(Math.max(0, ...ops.map((o) => o.seq))).toBeLessThanOrEqual(board.seq);
    }
    for (const e of await db.event.findMany()) {
      expect(e.seatsTaken).toBe(await db.registration.count({ where: { eventId: e.id, status: "confirmed" } }));
      if (e.capacity !== null) expect(e.seatsTaken).toBeLessThanOrEqual(e.capacity);
    }
    // (Checked in JavaScript: a NUL in a LIKE pattern ends the pattern in SQLite.)
    expect((await db.note.findMany({ select: { text: true } })).filter((n) => n.text.includes("\u0000"))).toEqual([]);
  });
});
