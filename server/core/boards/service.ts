import { randomUUID } from "node:crypto";
import type { Db, DbLike, Tx } from "../../db/client";
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
import { type BoardEvent, type ClusterView, type NoteView, type Operation, STAFF_OPS, envelope } from "./protocol";
import { liveNoteCount, logOperation } from "./hot-path";
import { AccessCache, type AccessEpochs, type AccessScope, createAccessEpochs } from "./access-cache";
import { type Effect as Applied, type Job, type NoteRow, type Outcome, commitBatch } from "./batch";
import { GroupCommit } from "./group-commit";
import { createBoardPresence } from "./presence";
import { authorLabels, noteViews } from "./views";
import { ensureSynthesisForRounds, gatherNotes, gatheredCategories } from "./synthesis";
import type { Logger } from "../logger";

/** What an operation's rules did (see batch.ts); applyOp adds the board's phase afterwards. */
type Effect = Omit<Applied, "phase"> & { phase?: string };
/** What the operation log keeps: ids of notes and comments rather than their text and authors' names, which are read afresh for each viewer. */
type StoredPayload = { type: string; data: Record<string, unknown> };

const SYNC_LIMIT = 1000;

const factsOf = (n: NoteRow): NoteFacts => ({
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
  const clusterView = (c: { id: string; label: string; category: string | null; position: number }): ClusterView => ({
    id: c.id,
    label: c.label,
    category: c.category,
    position: c.position,
  });

  async function oneNote(tx: DbLike, a: BoardAccess, noteId: string): Promise<NoteView> {
    const note = await tx.note.findUniqueOrThrow({ where: { id: noteId } });
    return (await noteViews(tx as Db, a.board.eventId, a.chathamHouse, [note]))[0]!;
  }

  /** A note of this board that the person may read: a note hidden from them (or private to its author) is not found, as if absent. */
  async function findNote(tx: Tx, a: BoardAccess, phase: string, noteId: string) {
    const note = await tx.note.findFirst({ where: { id: noteId, boardId: a.board.id, deletedAt: null } });
    if (!note || !mayRead(viewerOf(a), factsOf(note), phase)) throw notFound("This note");
    return note;
  }

  async function findCluster(tx: Tx, boardId: string, clusterId: string) {
    const c = await tx.cluster.findFirst({ where: { id: clusterId, boardId, deletedAt: null } });
    if (!c) throw notFound("This cluster");
    return c;
  }

  /** The one place a board's note limit is enforced, for every path that adds notes. */
  async function assertRoomFor(tx: Tx, board: { id: string; maxNotes: number }, adding: number) {
    if ((await liveNoteCount(tx, board.id)) + adding > board.maxNotes)
      throw conflict(`This board is full (${board.maxNotes} notes).`);
  }

  /** The domain rules of each operation, applied inside the transaction that also assigns its sequence number. */
  async function applyOp(tx: Tx, a: BoardAccess, op: Operation): Promise<Effect & { phase: string }> {
    const board = await tx.board.findUniqueOrThrow({ where: { id: a.board.id } });
    return { phase: board.phase, ...(await rules(tx, a, board, op)) };
  }

  async function rules(tx: Tx, a: BoardAccess, board: Board, op: Operation): Promise<Effect> {
    const me = a.userId;
    switch (op.type) {
      case "note.create":
        // The hot path: a batch posts its new notes together, with the checks and labels read once (batch.ts).
        throw new Error("note.create is applied by commitBatch");
      case "note.update": {
        const note = await findNote(tx, a, board.phase, op.noteId);
        if (note.authorId !== me && !a.staff) throw forbidden("You can only edit your own notes.");
        // Last writer wins per field, but only on the version the writer saw.
        const updated = await tx.note.updateMany({
          where: { id: note.id, version: op.version },
          data: {
            ...(op.text !== undefined ? { text: op.text } : {}),
            ...(op.category !== undefined ? { category: op.category } : {}),
            version: { increment: 1 },
          },
        });
        if (updated.count === 0) {
          throw new DomainError(
            "conflict",
            "Someone changed this note while you were editing it. Here is the latest version; apply your change again if it still makes sense.",
            {
              _note: [JSON.stringify(await oneNote(tx, a, note.id))],
            },
          );
        }
        const view = await oneNote(tx, a, note.id);
        return { data: { note: view }, carried: [note] };
      }
      case "note.delete": {
        const note = await findNote(tx, a, board.phase, op.noteId);
        if (note.authorId !== me && !a.staff) throw forbidden("You can only delete your own notes.");
        await tx.note.update({ where: { id: note.id }, data: { deletedAt: clock.now() } });
        return { data: { noteId: note.id } };
      }
      case "note.hide": {
        const note = await findNote(tx, a, board.phase, op.noteId);
        await tx.note.update({ where: { id: note.id }, data: { hidden: op.hidden } });
        const view = await oneNote(tx, a, note.id);
        const carried = [{ ...note, hidden: op.hidden }];
        const told = note.authorId
          ? {
              userId: note.authorId,
              message: op.hidden
                ? `A facilitator hid your note${op.reason ? `: ${op.reason}` : "."}`
                : "A facilitator showed your note again.",
            }
          : undefined;
        // Others see the note disappear; its author and the staff still see it, marked hidden (the policy decides).
        return { data: { note: view }, carried, notifyAuthor: told };
      }
      case "note.move": {
        await findNote(tx, a, board.phase, op.noteId);
        if (op.clusterId) await findCluster(tx, board.id, op.clusterId);
        await tx.note.update({ where: { id: op.noteId }, data: { clusterId: op.clusterId } });
        return { data: { noteId: op.noteId, clusterId: op.clusterId } };
      }
      case "note.react": {
        await findNote(tx, a, board.phase, op.noteId);
        if (op.on)
          await tx.noteReaction.upsert({
            where: { noteId_userId_emoji: { noteId: op.noteId, userId: me, emoji: op.emoji } },
            create: { noteId: op.noteId, userId: me, emoji: op.emoji },
            update: {},
          });
        else await tx.noteReaction.deleteMany({ where: { noteId: op.noteId, userId: me, emoji: op.emoji } });
        const counts = await tx.noteReaction.groupBy({ by: ["emoji"], where: { noteId: op.noteId }, _count: true });
        return { data: { noteId: op.noteId, reactions: Object.fromEntries(counts.map((c) => [c.emoji, c._count])) } };
      }
      case "note.comment": {
        const note = await findNote(tx, a, board.phase, op.noteId);
        if (await tx.noteComment.findUnique({ where: { id: op.commentId } }))
          throw conflict("A comment with this id exists already.");
        const c = await tx.noteComment.create({
          data: { id: op.commentId, noteId: op.noteId, authorId: me, text: op.text, createdAt: clock.now() },
        });
        const label = await authorLabels(tx as Db, a.board.eventId, a.chathamHouse, [me]);
        return {
          data: {
            noteId: op.noteId,
            comment: { id: c.id, text: c.text, authorLabel: label(me), createdAt: c.createdAt.toISOString() },
          },
          carried: [note],
        };
      }
      case "vote.set": {
        if (board.phase !== "vote") throw conflict("Voting is open only during the vote phase.");
        const note = await findNote(tx, a, board.phase, op.noteId);
        if (note.hidden) throw conflict("This note is hidden.");
        const mine = await tx.vote.findMany({ where: { boardId: board.id, userId: me } });
        const used = mine.reduce((s, v) => s + (v.noteId === op.noteId ? 0 : v.dots), 0);
        if (used + op.dots > board.dotBudget)
          throw conflict(`You have ${board.dotBudget} dots on this board and ${board.dotBudget - used} left.`);
        if (op.dots === 0) await tx.vote.deleteMany({ where: { noteId: op.noteId, userId: me } });
        else
          await tx.vote.upsert({
            where: { noteId_userId: { noteId: op.noteId, userId: me } },
            create: { boardId: board.id, noteId: op.noteId, userId: me, dots: op.dots },
            update: { dots: op.dots },
          });
        const total = await tx.vote.aggregate({ where: { noteId: op.noteId }, _sum: { dots: true } });
        return { data: { noteId: op.noteId, votes: total._sum.dots ?? 0 } };
      }
      case "cluster.create": {
        if (await tx.cluster.findUnique({ where: { id: op.clusterId } }))
          throw conflict("A cluster with this id exists already.");
        const position = await tx.cluster.count({ where: { boardId: board.id, deletedAt: null } });
        const c = await tx.cluster.create({
          data: { id: op.clusterId, boardId: board.id, label: op.label, category: op.category ?? null, position },
        });
        const noteIds = op.noteIds ?? [];
        if (noteIds.length)
          await tx.note.updateMany({
            where: { id: { in: noteIds }, boardId: board.id, deletedAt: null },
            data: { clusterId: c.id },
          });
        return { data: { cluster: clusterView(c), noteIds } };
      }
      case "cluster.rename": {
        await findCluster(tx, board.id, op.clusterId);
        const c = await tx.cluster.update({
          where: { id: op.clusterId },
          data: { label: op.label, version: { increment: 1 } },
        });
        return { data: { cluster: clusterView(c) } };
      }
      case "cluster.delete": {
        await findCluster(tx, board.id, op.clusterId);
        await tx.note.updateMany({ where: { clusterId: op.clusterId }, data: { clusterId: null } });
        await tx.cluster.update({ where: { id: op.clusterId }, data: { deletedAt: clock.now() } });
        return { data: { clusterId: op.clusterId } };
      }
      case "cluster.merge": {
        if (op.clusterId === op.fromClusterId)
          throw new DomainError("validation", "A cluster cannot be merged into itself.");
        await findCluster(tx, board.id, op.clusterId);
        await findCluster(tx, board.id, op.fromClusterId);
        const moved = await tx.note.findMany({ where: { clusterId: op.fromClusterId }, select: { id: true } });
        await tx.note.updateMany({ where: { clusterId: op.fromClusterId }, data: { clusterId: op.clusterId } });
        await tx.cluster.update({ where: { id: op.fromClusterId }, data: { deletedAt: clock.now() } });
        return { data: { clusterId: op.clusterId, fromClusterId: op.fromClusterId, noteIds: moved.map((n) => n.id) } };
      }
      case "board.phase": {
        await tx.board.update({ where: { id: board.id }, data: { phase: op.phase } });
        // Leaving the write phase reveals everyone's notes at once.
        if (board.phase === "write" && op.phase !== "write") {
          const notes = await tx.note.findMany({
            where: { boardId: board.id, deletedAt: null, hidden: false },
            orderBy: { createdAt: "asc" },
          });
          return {
            data: { phase: op.phase, notes: await noteViews(tx as Db, a.board.eventId, a.chathamHouse, notes) },
            carried: notes,
            phase: op.phase,
          };
        }
        return { data: { phase: op.phase }, phase: op.phase };
      }
      case "board.lock":
        await tx.board.update({ where: { id: board.id }, data: { locked: op.locked } });
        return { data: { locked: op.locked } };
      case "synthesis.pull": {
        if (board.kind !== "synthesis") throw conflict("Only the synthesis board gathers notes from the rooms.");
        checkCategory(board, op.category);
        const { pulled, left } = await gatherNotes(tx, board, op.category);
        // Nothing fits: the board is full, said as every full board says it.
        if (!pulled.length && left > 0) await assertRoomFor(tx, board, left);
        return {
          data: {
            category: op.category,
            notes: await noteViews(tx as Db, a.board.eventId, a.chathamHouse, pulled),
            left,
          },
          carried: pulled,
        };
      }
      case "synthesis.follow": {
        if (board.kind !== "synthesis") throw conflict("Only the synthesis board gathers notes from the rooms.");
        checkCategory(board, op.category);
        const now = gatheredCategories(board).filter((c) => c !== op.category);
        if (op.on) now.push(op.category);
        await tx.board.update({ where: { id: board.id }, data: { gatherJson: JSON.stringify(now) } });
        // Following starts with what the rooms already have.
        const { pulled } = op.on ? await gatherNotes(tx, board, op.category) : { pulled: [] };
        return {
          data: {
            category: op.category,
            on: op.on,
            gather: now,
            notes: await noteViews(tx as Db, a.board.eventId, a.chathamHouse, pulled),
          },
          carried: pulled,
        };
      }
      case "board.timer": {
        const timerEndsAt = op.minutes ? new Date(clock.now().getTime() + op.minutes * 60_000) : null;
        await tx.board.update({ where: { id: board.id }, data: { timerEndsAt } });
        return { data: { timerEndsAt: timerEndsAt?.toISOString() ?? null, serverNow: clock.now().toISOString() } };
      }
    }
  }

  function checkCategory(board: { categoriesJson: string }, category: string) {
    if (!(JSON.parse(board.categoriesJson) as string[]).includes(category))
      throw new DomainError("validation", `Unknown category “${category}” for this board.`);
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
      let done: { seq: number; effect: Effect & { phase: string } } | null;
      try {
        done = await db.$transaction(async (tx) => {
          const { pulled, left } = await gatherNotes(tx, board, category);
          if (!pulled.length) return null;
          const effect: Effect & { phase: string } = {
            data: { category, notes: await noteViews(tx as Db, eventId, board.event.chathamHouse, pulled), left },
            carried: pulled,
            phase: board.phase,
          };
          const seq = await logOperation(tx, {
            boardId: board.id,
            opId,
            userId: null,
            type: "synthesis.pull",
            payloadJson: JSON.stringify(stored("synthesis.pull", effect.data)),
            at: clock.now(),
          });
          return { seq, effect };
        });
      } catch (e) {
        // Another process gathered the same notes at the same moment: theirs stand.
        if (isUniqueViolation(e)) continue;
        throw e;
      }
      if (done)
        broadcast(
          { boardId: board.id, seq: done.seq, opId, type: "synthesis.pull", data: done.effect.data },
          done.effect,
        );
    }
  }

  function checkRules(a: BoardAccess, op: Operation) {
    if (!a.canWrite) throw forbidden("This board is read-only for you.");
    if (STAFF_OPS.has(op.type) && !a.staff) throw forbidden("Only facilitators can do this.");
    const control = op.type === "board.phase" || op.type === "board.lock";
    if (a.board.phase === "closed" && !(a.staff && control))
      throw conflict("This board is closed: it can be read, not changed.");
    if (a.board.locked && !a.staff) throw conflict("The facilitator has locked this board for now.");
  }

  function broadcast(event: BoardEvent, effect: Effect & { phase: string }) {
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
  function broadcastTick(items: { event: BoardEvent; effect: Effect & { phase: string } }[]) {
    const gathered = new Map<string, BoardEvent[]>();
    const send = (boardId: string) => {
      const events = gathered.get(boardId);
      gathered.delete(boardId);
      if (!events?.length) return;
      if (events.length === 1) bus.publish(channels.board(boardId), "board:event", events[0]);
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
  async function fromLog(a: BoardAccess, boardId: string, opId: string) {
    const op = await db.boardOp.findUnique({ where: { boardId_opId: { boardId, opId } } });
    return op && { seq: op.seq, duplicate: true, data: (await render(a, [op]))[0]!.data };
  }

  type Reply = { seq: number; duplicate: boolean; data: Record<string, unknown> };
  /** An operation in the queue; its access is being decided while it waits, and is known before its batch starts. */
  type WriteJob = Omit<Job, "a"> & { a?: BoardAccess; access: Promise<BoardAccess>; ok(r: Reply): void };

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
          applyOp,
          checkRules,
          storedJson: (type, data) => JSON.stringify(stored(type, data)),
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
    const done: { job: Ready; event: BoardEvent; effect: Effect & { phase: string } }[] = [];
    outcomes.forEach((o, k) => {
      if (o.kind !== "done") return;
      const job = jobs[k]!;
      const event = {
        boardId: job.env.boardId,
        seq: o.seq,
        opId: job.env.opId,
        type: job.env.op.type,
        data: o.effect.data,
      };
      done.push({ job, event, effect: o.effect });
      // A phase or lock decides what others may do next; connections decide again.
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
          else job.fail(conflict("A note with this id exists already."));
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
    const events: BoardEvent[] = ops.map((o) => ({
      boardId: a.board.id,
      seq: o.seq,
      opId: o.opId,
      type: o.type,
      data: (JSON.parse(o.payloadJson) as Partial<StoredPayload>).data ?? {},
    }));
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
      const d = { ...e.data };
      const note = d.note as { id?: string } | undefined;
      if (note?.id) d.note = views.get(note.id) ?? { id: note.id };
      if (Array.isArray(d.notes)) d.notes = (d.notes as { id: string }[]).map((n) => views.get(n.id) ?? { id: n.id });
      const comment = d.comment as { id?: string } | undefined;
      if (comment?.id) {
        if (comments.has(comment.id)) d.comment = comments.get(comment.id);
        else delete d.comment;
      }
      return eventFor(viewer, { ...e, data: d }, (id) => facts.get(id), phase);
    });
  }

  const presence = createBoardPresence({ db, bus, beatMs: presenceBeatMs });

  return {
    access: boardAccess.bind(null, db),

    /** Opens a board for a connection: the channels it joins are the policy's, not the door's. */
    async join(actor: Actor, boardId: string) {
      const a = await boardAccess(db, actor, boardId);
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
    async apply(actor: Actor, input: unknown, cache?: AccessCache): Promise<Reply> {
      const env = validate(envelope, input, "This board operation is not valid.");
      // Its place in the queue is taken now, as it arrives: deciding access takes a query, and two operations
      // of one connection must not swap places while theirs run.
      const access = accessFor(actor, env.boardId, cache);
      access.catch(() => {}); // answered through the job when its batch starts
      return new Promise<Reply>((ok, fail) => writer.push({ env, access, ok, fail }));
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
            payloadJson: JSON.stringify(stored("board.refresh", { reset: true })),
            at: clock.now(),
          }),
        );
        bus.publish(channels.board(b.id), "board:event", {
          boardId: b.id,
          seq,
          opId,
          type: "board.refresh",
          data: { reset: true },
        });
      }
    },

    /** The whole board as one viewer sees it (sent over HTTP, never over the socket). */
    async snapshot(actor: Actor, boardId: string, within?: { slug: string }) {
      const a = await boardAccess(db, actor, boardId);
      // The page's address names an event: a board of another event is not found there.
      if (within && a.board.event.slug !== within.slug) throw notFound("This board");
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
          categories: JSON.parse(board.categoriesJson) as string[],
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
    async listForEvent(actor: Actor, eventId: string) {
      if (!actor) return [];
      const load = () =>
        db.board.findMany({
          where: { eventId },
          include: { room: { select: { id: true, roundId: true, round: { select: { title: true } } } } },
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
        return decision
          ? [
              {
                id: b.id,
                title: b.title,
                kind: b.kind,
                round: b.room?.round.title ?? null,
                canWrite: decision.canWrite,
              },
            ]
          : [];
      });
    },
  };
}

export type BoardService = ReturnType<typeof createBoardService>;
