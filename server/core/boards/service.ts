import { randomUUID } from "node:crypto";
import { contentLanguage, inLanguage } from "../content/languages";
import type { Db, Tx } from "../../db/client";
import { isUniqueViolation } from "../../db/unique";
import type { Board } from "../../db/generated/sqlite/client";
import { channels, type RealtimeBus } from "../bus";
import { inSlices } from "../chunks";
import type { Clock } from "../clock";
import { DomainError, conflict, forbidden, notFound } from "../errors";
import { type Actor, rolesOf } from "../permissions";
import { validate } from "../validate";
import {
  type NoteFacts,
  type Viewer,
  allBoardChannels,
  boardChannels,
  carriedNoteIds,
  deliveries,
  eventFor,
  mayRead,
} from "../visibility";
import { type BoardAccess, boardAccess, decideAccess } from "./access";
import type { BoardEvent } from "../contract/board-events";
import type { OpResult } from "../contract/events";
import { type StoredPayload, opPayload, stringList } from "../json-columns";
import { type Operation, type OpType, envelope, opOf } from "./ops";
import type { CarriedNote, Effect, OpAccess, OpContext } from "./ops/define";
import { clusterView } from "./ops/cluster-view";
import { insertNote, liveNoteCount, logOperation } from "./hot-path";
import { AccessCache, type AccessEpochs, type AccessScope, createAccessEpochs } from "./access-cache";
import { type Job, type Outcome, commitBatch } from "./batch";
import { GroupCommit } from "./group-commit";
import { createBoardPresence } from "./presence";
import { authorLabels, newNoteView, noteViews } from "./views";
import { ensureSynthesisForRounds, gatherNotes, gatheredCategories } from "./synthesis";
import type { Logger } from "../logger";
import { msg } from "../i18n/message";

/** What an operation did (ops/define.ts), with the board's phase afterwards, which the visibility policy reads. */
type AppliedEffect = Omit<Effect<BoardEvent["data"]>, "phase"> & { phase: string };

const SYNC_LIMIT = 1000;

const factsOf = (n: CarriedNote): NoteFacts => ({
  id: n.id,
  authorId: n.authorId,
  hidden: n.hidden,
  deleted: n.deletedAt !== null,
});
const viewerOf = (a: BoardAccess): Viewer => ({ userId: a.userId, staff: a.staff });

/** Note views and comments reduced to their ids for the log: no names, no text of notes that may be deleted later. */
function stored(type: string, data: Record<string, unknown>): StoredPayload {
  const ref = (v: unknown) => (v && typeof v === "object" && "id" in v ? { id: (v as { id: unknown }).id } : v);
  const out: Record<string, unknown> = { ...data };
  if (out.note) out.note = ref(out.note);
  if (Array.isArray(out.notes)) out.notes = out.notes.map(ref);
  if (out.comment) out.comment = ref(out.comment);
  return { type, data: out };
}

/**
 * An event from what the log or an apply holds. Each operation's type and data are paired by
 * its definition (ops/*.ts) and by the log it was written to; TypeScript cannot follow the
 * pairing through a string, so it is stated here, once.
 */
const eventOf = (boardId: string, seq: number, opId: string, type: string, data: object) =>
  ({ boardId, seq, opId, type, data }) as BoardEvent;

/** How long a room's new notes wait before a synthesis board that follows their category gathers them, together. */
const GATHER_DELAY_MS = 1000;

export function createBoardService({
  db,
  bus,
  clock,
  log,
  presenceBeatMs,
  access = createAccessEpochs(),
}: {
  /** The epochs that keep connections' access decisions fresh (index.ts shares them with the bus). */
  access?: AccessEpochs;
  db: Db;
  bus: RealtimeBus;
  clock: Clock;
  log?: Logger;
  presenceBeatMs?: number;
}) {
  /** A note of this board that the person may read: a note hidden from them (or private to its author) is not found, as if absent. */
  async function findNote(tx: Tx, a: BoardAccess, phase: string, noteId: string) {
    const note = await tx.note.findFirst({ where: { id: noteId, boardId: a.board.id, deletedAt: null } });
    if (!note || !mayRead(viewerOf(a), factsOf(note), phase)) throw notFound("note");
    return note;
  }

  /** The one place a board's note limit is enforced, for every path that adds notes. */
  async function assertRoomFor(tx: Tx, board: { id: string; maxNotes: number }, adding: number) {
    if ((await liveNoteCount(tx, board.id)) + adding > board.maxNotes)
      throw conflict(msg("boards.full", { max: board.maxNotes }));
  }

  /** What an operation's apply may use, inside the transaction that also assigns its sequence number. */
  function contextFor(tx: Tx, a: BoardAccess, board: Board, batched?: Partial<OpContext>): OpContext {
    const views = (notes: Parameters<typeof noteViews>[3]) =>
      noteViews(tx as Db, a.board.eventId, a.chathamHouse, notes);
    return {
      tx,
      access: a,
      board,
      me: a.userId,
      now: () => clock.now(),
      findNote: (noteId) => findNote(tx, a, board.phase, noteId),
      async findCluster(clusterId) {
        const c = await tx.cluster.findFirst({ where: { id: clusterId, boardId: board.id, deletedAt: null } });
        if (!c) throw notFound("cluster");
        return c;
      },
      assertRoomFor: (adding) => assertRoomFor(tx, board, adding),
      checkCategory(category) {
        if (!stringList.read(board.categoriesJson).includes(category))
          throw new DomainError("validation", msg("boards.unknownCategory", { category }));
      },
      async insertNote(n) {
        const created = await insertNote(tx, { ...n, boardId: board.id, authorId: a.userId, at: clock.now() });
        return {
          view: await newNoteView(tx as Db, a.board.eventId, a.chathamHouse, created),
          carried: { ...created, deletedAt: null },
        };
      },
      noteViews: views,
      async noteView(noteId) {
        return (await views([await tx.note.findUniqueOrThrow({ where: { id: noteId } })]))[0]!;
      },
      async authorLabel(userId) {
        return (await authorLabels(tx as Db, a.board.eventId, a.chathamHouse, [userId]))(userId);
      },
      gather: (category) => gatherNotes(tx, board, category),
      gathered: () => gatheredCategories(board),
      // A batch writes its new notes together: it gives hot-path operations its own insertNote and note count.
      ...batched,
    };
  }

  /**
   * One operation's rules, applied inside a transaction the caller owns (so several can share
   * one): its access rule against the board as the transaction reads it, then its apply. It
   * returns what to log and broadcast; it broadcasts nothing itself.
   */
  async function applyOp<K extends OpType>(
    tx: Tx,
    a: BoardAccess,
    op: Extract<Operation, { type: K }>,
    batched?: Partial<OpContext>,
  ) {
    const def = opOf(op.type as K);
    // Posting a note, the hot path, uses the board as its batch read it (phase and lock afresh); other operations read it again.
    const board = def.hotPath ? a.board : await tx.board.findUniqueOrThrow({ where: { id: a.board.id } });
    checkPhaseAndKind(def.access, board);
    const effect = await def.apply(contextFor(tx, a, board, batched), op);
    return { ...effect, phase: effect.phase ?? board.phase } as AppliedEffect;
  }

  /**
   * Synthesis boards that keep gathering: a room's new notes reach them a
   * moment later, a burst of notes in one operation, logged and broadcast
   * like a facilitator's "gather" (by nobody in particular).
   */
  const gatherSoon = new Map<string, NodeJS.Timeout>();
  function pokeSynthesis(eventId: string) {
    if (gatherSoon.has(eventId)) return;
    const timer = setTimeout(() => {
      gatherSoon.delete(eventId);
      gatherFollowed(eventId).catch((e: unknown) =>
        log?.warn(`gathering room notes onto the synthesis board failed: ${(e as Error).message}`),
      );
    }, GATHER_DELAY_MS);
    timer.unref();
    gatherSoon.set(eventId, timer);
  }

  async function gatherFollowed(eventId: string) {
    const board = await db.board.findFirst({
      where: { eventId, kind: "synthesis" },
      orderBy: { createdAt: "asc" },
      include: { event: { select: { chathamHouse: true } } },
    });
    if (!board || board.phase === "closed") return;
    for (const category of gatheredCategories(board)) {
      const opId = `gather-${randomUUID()}`;
      let done: { seq: number; effect: AppliedEffect } | null;
      try {
        done = await db.$transaction(async (tx) => {
          const { pulled, left } = await gatherNotes(tx, board, category);
          if (!pulled.length) return null;
          const effect: AppliedEffect = {
            data: { category, notes: await noteViews(tx as Db, eventId, board.event.chathamHouse, pulled), left },
            carried: pulled,
            phase: board.phase,
          };
          const seq = await logOperation(tx, {
            boardId: board.id,
            opId,
            userId: null,
            type: "synthesis.pull",
            payloadJson: opPayload.write(stored("synthesis.pull", effect.data)),
            at: clock.now(),
          });
          return { seq, effect };
        });
      } catch (e) {
        // Another process gathered the same notes at the same moment: theirs stand.
        if (isUniqueViolation(e)) continue;
        throw e;
      }
      if (done) broadcast(eventOf(board.id, done.seq, opId, "synthesis.pull", done.effect.data), done.effect);
    }
  }

  /** Who may send an operation, from its access rule: checked before its transaction, on the board as access read it. */
  function checkRules(a: BoardAccess, op: Operation) {
    const access = opOf(op.type).access;
    if (!a.canWrite) throw forbidden(msg("boards.readOnly"));
    if (access.who === "staff" && !a.staff) throw forbidden(msg("boards.facilitatorsOnly"));
    if (a.board.phase === "closed" && !(a.staff && access.onClosedBoard)) throw conflict(msg("boards.closed"));
    if (a.board.locked && !a.staff) throw conflict(msg("boards.locked"));
  }

  /** When an operation applies, from its access rule: checked inside its transaction, on the board as it is then. */
  function checkPhaseAndKind(access: OpAccess, board: Board) {
    if (access.boards && board.kind !== access.boards.only) throw conflict(access.boards.refusal);
    if (access.phases && !(access.phases.only as readonly string[]).includes(board.phase))
      throw conflict(access.phases.refusal);
  }

  function broadcast(event: BoardEvent, effect: AppliedEffect) {
    broadcastTick([{ event, effect }]);
  }

  /**
   * One tick's events (a batch), coalesced per board: the events every viewer
   * of the board may read whole go out together as one `board:events` message
   * to the board's channel (one event alone stays a `board:event`). An event
   * that some viewers must see differently (a private or hidden note) first
   * sends what was gathered for its board, then goes out as before, one
   * version per audience; so every connection still receives each sequence
   * number once and in order.
   */
  function broadcastTick(items: { event: BoardEvent; effect: AppliedEffect }[]) {
    const gathered = new Map<string, BoardEvent[]>();
    const send = (boardId: string) => {
      const events = gathered.get(boardId);
      gathered.delete(boardId);
      if (!events?.length) return;
      if (events.length === 1) bus.publish(channels.board(boardId), "board:event", events[0]!);
      else bus.publish(channels.board(boardId), "board:events", { boardId, events });
    };
    for (const { event, effect } of items) {
      const facts = new Map((effect.carried ?? []).map((n) => [n.id, factsOf(n)]));
      const to = deliveries(event, (id) => facts.get(id), effect.phase);
      const whole = to.length === 1 && !to[0]!.except?.length && to[0]!.channel === channels.board(event.boardId);
      if (whole) gathered.set(event.boardId, [...(gathered.get(event.boardId) ?? []), event]);
      else {
        send(event.boardId);
        for (const d of to) bus.publish(d.channel, "board:event", d.payload, d.except);
      }
      if (effect.notifyAuthor)
        bus.publish(channels.user(effect.notifyAuthor.userId), "board:notice", {
          boardId: event.boardId,
          message: effect.notifyAuthor.message,
        });
    }
    for (const boardId of [...gathered.keys()]) send(boardId);
  }

  /** Drops cached decisions in this scope, here and (through the bus) in every other process. */
  function accessChanged(scope: AccessScope) {
    access.changed(scope);
    bus.accessChanged(scope);
  }

  /** A connection's board access: its cached decision while still valid, else decided afresh (and kept). */
  async function accessFor(actor: Actor, boardId: string, cache?: AccessCache): Promise<BoardAccess> {
    const hit = actor && cache?.get(actor.userId, boardId);
    if (hit) return hit;
    const before = access.changes;
    const a = await boardAccess(db, actor, boardId);
    cache?.put(a, before);
    return a;
  }

  /** An operation already in the log, as this viewer sees it now; null when it is not there. */
  async function fromLog(a: BoardAccess, boardId: string, opId: string): Promise<OpResult | null> {
    const op = await db.boardOp.findUnique({ where: { boardId_opId: { boardId, opId } } });
    return op && { seq: op.seq, duplicate: true, data: (await render(a, [op]))[0]!.data };
  }

  /** An operation in the queue; its access is being decided while it waits, and is known before its batch starts. */
  type WriteJob = Omit<Job, "a"> & { a?: BoardAccess; access: Promise<BoardAccess>; ok(r: OpResult): void };

  /** Settles one transaction's operations: broadcasts what was done, then answers each sender in order. */
  async function runBatch(queued: WriteJob[]): Promise<void> {
    type Ready = WriteJob & { a: BoardAccess };
    const jobs: Ready[] = [];
    for (const j of queued) {
      try {
        j.a = await j.access;
        jobs.push(j as Ready);
      } catch (e) {
        j.settled = true;
        j.fail(e);
      }
    }
    if (!jobs.length) return;
    let outcomes: Outcome[];
    try {
      outcomes = await commitBatch(
        {
          db,
          clock,
          applyOp: (tx, a, op, batched) => applyOp(tx, a, op, batched),
          hotPath: (op) => !!opOf(op.type).hotPath,
          checkRules,
          storedJson: (type, data) => opPayload.write(stored(type, data)),
        },
        jobs,
      );
    } catch (e) {
      // The transaction failed, so none of it was written: each operation is tried alone, to fail (or not) on its own.
      if (jobs.length > 1) {
        for (const j of jobs) await runBatch([j]);
        return;
      }
      outcomes = [isUniqueViolation(e) ? { kind: "again" } : { kind: "error", error: e }];
    }
    const done: { job: Ready; event: BoardEvent; effect: AppliedEffect }[] = [];
    outcomes.forEach((o, k) => {
      if (o.kind !== "done") return;
      const job = jobs[k]!;
      done.push({
        job,
        event: eventOf(job.env.boardId, o.seq, job.env.opId, job.env.op.type, o.effect.data),
        effect: o.effect,
      });
      // A phase or lock decides what others may do next: connections decide again.
      if (job.env.op.type === "board.phase" || job.env.op.type === "board.lock")
        accessChanged({ boardId: job.env.boardId });
    });
    broadcastTick(done);
    const replies = new Map(
      done.map(({ job, event, effect }) => {
        const facts = new Map((effect.carried ?? []).map((n) => [n.id, factsOf(n)]));
        const mine = eventFor(viewerOf(job.a), event, (id) => facts.get(id), effect.phase);
        return [job, { seq: event.seq, duplicate: false, data: mine.data }] as const;
      }),
    );
    for (const [k, job] of jobs.entries()) {
      const o = outcomes[k]!;
      job.settled = true;
      try {
        if (o.kind === "done") job.ok(replies.get(job)!);
        else if (o.kind === "error") job.fail(o.error);
        else {
          const logged = await fromLog(job.a, job.env.boardId, job.env.opId);
          if (logged) job.ok(logged);
          else job.fail(conflict(msg("boards.noteExists")));
        }
      } catch (e) {
        job.fail(e);
      }
    }
    const rooms = new Set(
      done
        .filter((d) => d.job.env.op.type === "note.create" && d.job.a.board.kind === "room")
        .map((d) => d.job.a.board.eventId),
    );
    for (const eventId of rooms) pokeSynthesis(eventId);
  }

  const writer = new GroupCommit<WriteJob>(runBatch);

  /**
   * Logged operations as one viewer may see them now: the notes and comments
   * they carry are read afresh (current text, current author labels under the
   * rule as it stands, nothing of deleted notes or accounts) and passed through
   * the visibility policy, exactly as the snapshot is.
   */
  async function render(a: BoardAccess, ops: { seq: number; opId: string; type: string; payloadJson: string }[]) {
    const viewer = viewerOf(a);
    const phase = a.board.phase;
    const events = ops.map((o) => eventOf(a.board.id, o.seq, o.opId, o.type, opPayload.read(o.payloadJson).data));
    const noteIds = [...new Set(events.flatMap(carriedNoteIds))];
    const rows = await inSlices(noteIds, (slice) =>
      db.note.findMany({ where: { id: { in: slice }, boardId: a.board.id } }),
    );
    const facts = new Map(rows.map((n) => [n.id, factsOf(n)]));
    const readable = rows.filter((n) => mayRead(viewer, factsOf(n), phase));
    const views = new Map(
      (await noteViews(db, a.board.eventId, a.chathamHouse, readable)).map((v) => [v.id, v] as const),
    );
    const comments = new Map([...views.values()].flatMap((v) => v.comments).map((c) => [c.id, c] as const));
    return events.map((e) => {
      const d: Record<string, unknown> = { ...e.data };
      const note = d.note as { id?: string } | undefined;
      if (note?.id) d.note = views.get(note.id) ?? { id: note.id };
      if (Array.isArray(d.notes)) d.notes = (d.notes as { id: string }[]).map((n) => views.get(n.id) ?? { id: n.id });
      const comment = d.comment as { id?: string } | undefined;
      if (comment?.id) {
        if (comments.has(comment.id)) d.comment = comments.get(comment.id);
        else delete d.comment;
      }
      return eventFor(viewer, eventOf(e.boardId, e.seq, e.opId, e.type, d), (id) => facts.get(id), phase);
    });
  }

  const presence = createBoardPresence({ db, bus, beatMs: presenceBeatMs });

  return {
    access: boardAccess.bind(null, db),

    /**
     * Opens a board for a connection: the channels it joins are the policy's, not the door's.
     * The decision is kept in the connection's cache, so its first operation does not decide
     * again (a room of 300 whose first burst asked the database 300 times).
     */
    async join(actor: Actor, boardId: string, cache?: AccessCache) {
      const before = access.changes;
      const a = await boardAccess(db, actor, boardId);
      cache?.put(a, before);
      return { seq: a.board.seq, channels: boardChannels(boardId, a.staff) };
    },

    /** Every channel of a board, to leave it. */
    leave: (boardId: string) => ({ channels: allBoardChannels(boardId) }),

    /** Someone joined or left a board: its presence is announced on the next beat. */
    presenceChanged: (boardId: string) => presence.changed(boardId),

    /**
     * Validates, persists and broadcasts one operation. A retry with the same
     * opId is acknowledged again with its original sequence number and applied
     * only once. Operations wait for the transaction in flight and then go
     * together in the next (group commit, batch.ts); each is still checked,
     * logged and answered on its own, in the order they arrived.
     */
    async apply(actor: Actor, input: unknown, cache?: AccessCache): Promise<OpResult> {
      const env = validate(envelope, input, msg("boards.invalidOp"));
      // Its place in the queue is taken now, as it arrives: deciding access takes a query, and two operations
      // of one connection must not swap places while theirs run.
      const access = accessFor(actor, env.boardId, cache);
      access.catch(() => {}); // answered through the job when its batch starts
      return new Promise<OpResult>((ok, fail) => writer.push({ env, access, ok, fail }));
    },

    /** A connection's own access decisions (one per socket), kept fresh by the access epochs. */
    accessCache: () => new AccessCache(access),

    /** Everything after `afterSeq`, as this viewer may see it now; `reset` when too far behind for a replay. */
    async sync(actor: Actor, boardId: string, afterSeq: number) {
      const a = await boardAccess(db, actor, boardId);
      const ops = await db.boardOp.findMany({
        where: { boardId, seq: { gt: afterSeq } },
        orderBy: { seq: "asc" },
        take: SYNC_LIMIT + 1,
      });
      if (ops.length > SYNC_LIMIT) return { reset: true as const, events: [] as BoardEvent[], seq: a.board.seq };
      const events = await render(a, ops);
      return { reset: false as const, events, seq: events.at(-1)?.seq ?? afterSeq };
    },

    /**
     * What people see of a board changed without an operation on it (the
     * Chatham House rule switched, an author's account deleted): every board
     * of the event logs a `board.refresh`, so open pages reload and pages that
     * were offline reload when they catch up.
     */
    async refreshViews(eventId: string) {
      // The rule (or an author) changed: labels and decisions are read afresh.
      accessChanged({ eventId });
      const boards = await db.board.findMany({ where: { eventId }, select: { id: true } });
      for (const b of boards) {
        const opId = randomUUID();
        const seq = await db.$transaction((tx) =>
          logOperation(tx, {
            boardId: b.id,
            opId,
            userId: null,
            type: "board.refresh",
            payloadJson: opPayload.write(stored("board.refresh", { reset: true })),
            at: clock.now(),
          }),
        );
        bus.publish(channels.board(b.id), "board:event", {
          boardId: b.id,
          seq,
          opId,
          type: "board.refresh",
          data: { reset: true as const },
        });
      }
    },

    /** The whole board as one viewer sees it (sent over HTTP, never over the socket). */
    async snapshot(actor: Actor, boardId: string, within?: { slug: string }) {
      const a = await boardAccess(db, actor, boardId);
      // The page's address names an event: a board of another event is not found there.
      if (within && a.board.event.slug !== within.slug) throw notFound("board");
      const { board } = a;
      const notes = await db.note.findMany({ where: { boardId, deletedAt: null }, orderBy: { createdAt: "asc" } });
      const viewer = viewerOf(a);
      const visible = notes.filter((n) => mayRead(viewer, factsOf(n), board.phase));
      const [views, clusters, myVotes] = await Promise.all([
        noteViews(db, board.eventId, a.chathamHouse, visible),
        db.cluster.findMany({ where: { boardId, deletedAt: null }, orderBy: { position: "asc" } }),
        db.vote.findMany({ where: { boardId, userId: a.userId } }),
      ]);
      const mine = new Set(visible.filter((n) => n.authorId === a.userId).map((n) => n.id));
      return {
        board: {
          id: board.id,
          title: board.title,
          kind: board.kind,
          phase: board.phase,
          locked: board.locked,
          dotBudget: board.dotBudget,
          categories: stringList.read(board.categoriesJson),
          timerEndsAt: board.timerEndsAt?.toISOString() ?? null,
          gather: gatheredCategories(board),
          seq: board.seq,
          roomId: board.roomId,
          roomName: board.room?.name ?? null,
        },
        event: {
          id: board.event.id,
          slug: board.event.slug,
          title: board.event.title,
          chathamHouse: board.event.chathamHouse,
        },
        viewer: { staff: a.staff, canWrite: a.canWrite },
        notes: views.map((v) => ({ ...v, mine: mine.has(v.id) })),
        clusters: clusters.map(clusterView),
        myVotes: Object.fromEntries(myVotes.map((v) => [v.noteId, v.dots])),
        serverNow: clock.now().toISOString(),
      };
    },

    /** Boards of an event that this person may open, for navigation. */
    async listForEvent(actor: Actor, eventId: string, reader?: string) {
      if (!actor) return [];
      const load = () =>
        db.board.findMany({
          where: { eventId },
          include: {
            room: {
              select: {
                id: true,
                roundId: true,
                translationsJson: true,
                round: { select: { title: true, translationsJson: true } },
              },
            },
            event: { select: { languagesJson: true } },
          },
          orderBy: { createdAt: "asc" },
        });
      // One query each for boards, roles and room places; the same rule as boardAccess decides.
      const [loaded, roles, places] = await Promise.all([
        load(),
        rolesOf(db, eventId, actor.userId),
        db.roomAssignment.findMany({
          where: { userId: actor.userId, round: { eventId } },
          select: { roundId: true, roomId: true },
        }),
      ]);
      // Events whose rounds were made before synthesis boards came with them get theirs now.
      const missing = loaded.some((b) => b.kind === "room") && !loaded.some((b) => b.kind === "synthesis");
      const boards = missing && (await ensureSynthesisForRounds(db, eventId)) ? await load() : loaded;
      const roomIn = new Map(places.map((p) => [p.roundId, p.roomId]));
      return boards.flatMap((b) => {
        const decision = decideAccess(roles, b, b.room ? (roomIn.get(b.room.roundId) ?? null) : null);
        // A room's board is named after the room: in the reader's language where the organisers gave it.
        const language = contentLanguage(reader, stringList.read(b.event.languagesJson));
        const title = b.room
          ? inLanguage({ name: b.title }, b.room.translationsJson, language, ["name"]).name
          : b.title;
        const round = b.room
          ? inLanguage({ title: b.room.round.title }, b.room.round.translationsJson, language, ["title"]).title
          : null;
        return decision
          ? [
              {
                id: b.id,
                title,
                kind: b.kind,
                round,
                canWrite: decision.canWrite,
              },
            ]
          : [];
      });
    },
  };
}

export type BoardService = ReturnType<typeof createBoardService>;
