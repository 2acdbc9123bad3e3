import fc from "fast-check";
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BoardState, applyEvent, fromSnapshot } from "../../app/realtime/board-state";
import { type Core, createCore, isDomainError } from "../../server/core";
import { type BoardEvent, asksReset } from "../../server/core/contract";
import type { RealtimeBus } from "../../server/core/bus";
import { createLogger } from "../../server/core/logger";
import { MemoryMailer } from "../../server/core/mail/mailer";
import { mayRead, personalChannels } from "../../server/core/visibility";
import type { Db } from "../../server/db/client";
import { fakeClock } from "../support/core";
import { freshDb } from "../support/databases";
import { BASE, eventDay, person } from "../support/events";
import { grantPlatformRole } from "../../server/core/platform/operator";

type Actor = { userId: string; sessionId: string };

/** Socket.IO's delivery rules, in memory: a connection receives what is published to a channel it is in, unless it is in an excepted one. */
class SimBus implements RealtimeBus {
  readonly connections = new Set<SimClient>();
  publish(channel: string, event: string, payload: unknown, except: string[] = []) {
    for (const c of this.connections)
      if (c.online && c.channels.has(channel) && !except.some((x) => c.channels.has(x))) c.deliver(event, payload);
  }
  disconnect(channel: string) {
    for (const c of this.connections) if (c.channels.has(channel)) c.drop(true);
  }
  leave(channel: string, rooms: string[]) {
    for (const c of this.connections) if (c.channels.has(channel)) for (const r of rooms) c.channels.delete(r);
  }
  async members() {
    return [];
  }
  accessChanged() {}
  onAccessChanged() {}
}

/** One person's board page: a snapshot, then events in sequence, catching up after gaps and reconnects, as the browser does. */
class SimClient {
  online = false;
  gone = false;
  channels = new Set<string>();
  state: BoardState = { seq: 0, phase: "write", locked: false, timerEndsAt: null, notes: {}, clusters: {} };
  private queue: BoardEvent[] = [];
  /** Everything this page received in the current step, for the privacy check. */
  received: unknown[] = [];
  constructor(
    readonly name: string,
    readonly actor: Actor,
    private readonly core: Core,
    private readonly boardId: string,
  ) {}

  deliver(event: string, payload: unknown) {
    // One event, or one tick's events coalesced (folded one by one, as the browser does).
    if (event !== "board:event" && event !== "board:events") return;
    this.received.push(payload);
    if (event === "board:events") this.queue.push(...(payload as { events: BoardEvent[] }).events);
    else this.queue.push(payload as BoardEvent);
  }
  drop(forGood = false) {
    this.online = false;
    this.channels.clear();
    this.queue = [];
    if (forGood) this.gone = true;
  }
  async connect() {
    if (this.gone) return;
    const joined = await this.core.boards.join(this.actor, this.boardId);
    this.channels = new Set([...personalChannels(this.actor), ...joined.channels]);
    this.online = true;
    if (this.state.seq === 0) await this.reload();
    else await this.catchUp();
  }
  private async reload() {
    const snap = await this.core.boards.snapshot(this.actor, this.boardId);
    this.received.push(snap);
    this.state = fromSnapshot(snap);
  }
  private async catchUp() {
    const r = await this.core.boards.sync(this.actor, this.boardId, this.state.seq);
    this.received.push(r);
    if (r.reset) return this.reload();
    for (const e of r.events) if (await this.take(e)) return;
  }
  /** Applies one event; true when the page reloaded (what follows is in the snapshot). */
  private async take(e: BoardEvent): Promise<boolean> {
    if (e.seq <= this.state.seq) return false;
    if (e.seq > this.state.seq + 1) {
      await this.catchUp();
      return true;
    }
    this.state = applyEvent(this.state, e);
    if (asksReset(e)) {
      await this.reload();
      return true;
    }
    return false;
  }
  async drain() {
    while (this.online && this.queue.length) await this.take(this.queue.shift()!);
  }
}

/** What a viewer sees of a board, in a form two sources can be compared by. */
function view(s: {
  phase: string;
  notes: Record<string, unknown>[] | Record<string, Record<string, unknown>>;
  clusters: unknown;
}) {
  const notes = (Array.isArray(s.notes) ? s.notes : Object.values(s.notes)).map((n) => {
    const { mine: _m, pending: _p, ...rest } = n as Record<string, unknown>;
    return rest;
  });
  const clusters = (Array.isArray(s.clusters) ? s.clusters : Object.values(s.clusters as object)) as { id: string }[];
  return {
    phase: s.phase,
    notes: notes.sort((a, b) => String(a.id).localeCompare(String(b.id))),
    clusters: [...clusters].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

const PHASES = ["write", "reveal", "group", "vote", "discuss"] as const;
type Step =
  | { kind: "post"; who: number }
  | { kind: "edit" | "delete" | "comment" | "react" | "vote"; who: number; note: number }
  | { kind: "hide"; note: number; hidden: boolean }
  | { kind: "cluster"; note: number }
  | { kind: "phase"; phase: (typeof PHASES)[number] }
  | { kind: "disconnect" | "reconnect" | "deleteAccount"; who: number }
  | { kind: "rule"; on: boolean };

const PEOPLE = 4; // 0 runs the room; 1..3 are participants
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("post" as const), who: fc.nat(PEOPLE - 1) }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constantFrom("edit" as const, "delete" as const, "comment" as const, "react" as const, "vote" as const),
      who: fc.nat(PEOPLE - 1),
      note: fc.nat(30),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("hide" as const), note: fc.nat(30), hidden: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cluster" as const), note: fc.nat(30) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("phase" as const), phase: fc.constantFrom(...PHASES) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom("disconnect" as const, "reconnect" as const),
      who: fc.nat(PEOPLE - 1),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("rule" as const), on: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("deleteAccount" as const), who: fc.integer({ min: 1, max: PEOPLE - 1 }) }),
  },
);

/**
 * Seeded random clients (post, edit, delete, hide, vote, comment, react, cluster, phases, disconnect,
 * reconnect, the Chatham House rule on and off, account deletion) against the real core: after every
 * step each page equals the server's snapshot for its viewer, and no page ever received a name or a
 * text the visibility policy withholds from that viewer at that moment.
 */
describe("board sync: convergence and privacy, under random clients", () => {
  let db: Db;
  let core: Core;
  let bus: SimBus;

  beforeAll(async () => {
    ({ db } = await freshDb("sqlite"));
    bus = new SimBus();
    core = createCore({
      db,
      bus,
      mailer: new MemoryMailer(),
      clock: fakeClock(),
      log: createLogger({}, true),
      secret: "test-secret-that-is-long-enough-0123456789",
      publicUrl: BASE,
    });
  });
  afterAll(() => db.$disconnect());

  async function room() {
    const day = eventDay(core);
    const tag = randomBytes(3).toString("hex");
    const { user, session } = await core.auth.createAccount({
      name: `Facilitator-${tag}`,
      email: `fac-${tag}@example.org`,
      password: "organiser password",
    });
    const organiser = { userId: user.id, sessionId: session.id };
    const form = {
      title: `Dialogue ${tag}`,
      description: "",
      format: "online",
      timezone: "Europe/Brussels",
      startsAt: `${day}T14:00`,
      endsAt: `${day}T17:00`,
      languages: ["en"],
      capacity: "",
      chathamHouse: "on",
    };
    await grantPlatformRole(db, organiser, "organiser");
    const event = await core.manage.create(organiser, form);
    await core.manage.setStatus(organiser, event.id, "published");
    const round = await core.breakouts.createRound(organiser, event.id, {
      title: "Round",
      roomCount: "1",
      durationMinutes: "30",
    });
    const roomRow = await db.room.findFirstOrThrow({ where: { roundId: round.id }, include: { board: true } });
    const people: { name: string; actor: Actor; email: string }[] = [
      { name: `Facilitator-${tag}`, actor: organiser, email: `fac-${tag}@example.org` },
    ];
    for (let i = 1; i < PEOPLE; i++) {
      const p = person({ name: `Speaker${i}-${tag}-${randomBytes(2).toString("hex")}` });
      const reg = await core.registrations.register(null, event.id, p, BASE);
      const userId = (await db.registration.findUniqueOrThrow({ where: { id: reg.id } })).userId;
      await core.breakouts.move(organiser, event.id, round.id, userId, roomRow.id, false);
      const s = await core.auth.createSession(userId);
      people.push({ name: p.name, actor: { userId, sessionId: s.id }, email: p.email.toLowerCase() });
    }
    return { event, form, organiser, boardId: roomRow.board!.id, people };
  }

  it("every page converges on its viewer's view and never receives what is withheld from it", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 5, maxLength: 28 }), async (steps) => {
        const r = await room();
        const clients = r.people.map((p) => new SimClient(p.name, p.actor, core, r.boardId));
        bus.connections.clear();
        for (const c of clients) bus.connections.add(c);
        for (const c of clients) await c.connect();
        const deleted = new Set<string>();
        const texts = new Map<string, string[]>(); // every text a note has had
        const noteIds: string[] = [];
        let ruleOn = true;

        const tryOp = async (who: number, op: Record<string, unknown>) => {
          const c = clients[who]!;
          if (c.gone) return;
          try {
            const ack = await core.boards.apply(c.actor, { boardId: r.boardId, opId: randomUUID(), op });
            c.received.push(ack);
          } catch (e) {
            if (!isDomainError(e)) throw e; // refusals are fine; bugs are not
          }
        };
        const pick = (n: number) => (noteIds.length ? noteIds[n % noteIds.length]! : "none-at-all-0000");

        for (const step of steps) {
          for (const c of clients) c.received = [];
          switch (step.kind) {
            case "post": {
              const noteId = randomUUID();
              const text = `note-${randomBytes(4).toString("hex")}`;
              texts.set(noteId, [text]);
              noteIds.push(noteId);
              await tryOp(step.who, { type: "note.create", noteId, category: "barriers", text });
              break;
            }
            case "edit": {
              const noteId = pick(step.note);
              const row = await db.note.findUnique({ where: { id: noteId } });
              const text = `edit-${randomBytes(4).toString("hex")}`;
              texts.get(noteId)?.push(text);
              await tryOp(step.who, { type: "note.update", noteId, text, version: row?.version ?? 1 });
              break;
            }
            case "delete":
              await tryOp(step.who, { type: "note.delete", noteId: pick(step.note) });
              break;
            case "comment":
              await tryOp(step.who, {
                type: "note.comment",
                noteId: pick(step.note),
                commentId: randomUUID(),
                text: `comment-${randomBytes(3).toString("hex")}`,
              });
              break;
            case "react":
              await tryOp(step.who, { type: "note.react", noteId: pick(step.note), emoji: "👍", on: true });
              break;
            case "vote":
              await tryOp(step.who, { type: "vote.set", noteId: pick(step.note), dots: 1 });
              break;
            case "hide":
              await tryOp(0, { type: "note.hide", noteId: pick(step.note), hidden: step.hidden });
              break;
            case "cluster":
              await tryOp(0, {
                type: "cluster.create",
                clusterId: randomUUID(),
                label: "Theme",
                noteIds: [pick(step.note)],
              });
              break;
            case "phase":
              await tryOp(0, { type: "board.phase", phase: step.phase });
              break;
            case "disconnect":
              clients[step.who]!.drop();
              break;
            case "reconnect":
              if (!clients[step.who]!.online) await clients[step.who]!.connect();
              break;
            case "rule":
              ruleOn = step.on;
              await core.manage.update(r.organiser, r.event.id, { ...r.form, chathamHouse: step.on ? "on" : "" });
              break;
            case "deleteAccount": {
              const c = clients[step.who]!;
              if (c.gone) break;
              await core.account.deleteAccount(c.actor, { confirmEmail: r.people[step.who]!.email });
              deleted.add(r.people[step.who]!.name);
              break;
            }
          }
          for (const c of clients) await c.drain();

          // Privacy: what each page received in this step, against what the policy withholds now.
          const board = await db.board.findUniqueOrThrow({ where: { id: r.boardId } });
          const notes = await db.note.findMany({ where: { boardId: r.boardId } });
          const staffIds = new Set([r.organiser.userId]);
          for (const c of clients) {
            const got = JSON.stringify(c.received);
            const viewer = { userId: c.actor.userId, staff: staffIds.has(c.actor.userId) };
            for (const n of notes) {
              const facts = { id: n.id, authorId: n.authorId, hidden: n.hidden, deleted: n.deletedAt !== null };
              if (!mayRead(viewer, facts, board.phase))
                for (const text of texts.get(n.id) ?? [])
                  expect(got, `${c.name} received the text of a note withheld from them`).not.toContain(text);
            }
            for (const name of deleted) expect(got, `${c.name} received a deleted account's name`).not.toContain(name);
            if (ruleOn)
              for (const p of r.people)
                expect(got, `${c.name} received a name under the Chatham House rule`).not.toContain(p.name);
          }

          // Convergence: every connected page shows exactly what the server shows its viewer.
          for (const c of clients) {
            if (!c.online || c.gone) continue;
            const snap = await core.boards.snapshot(c.actor, r.boardId);
            expect(view(c.state), `${c.name} after ${JSON.stringify(step)}`).toEqual(
              view({ phase: snap.board.phase, notes: snap.notes, clusters: snap.clusters }),
            );
            expect(c.state.seq).toBe(snap.board.seq);
          }
        }
      }),
      { numRuns: 16, seed: 1616, endOnFailure: true },
    );
  }, 300_000);
});
