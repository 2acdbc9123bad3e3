import type { Db } from "../../db/client";
import { channels, type RealtimeBus } from "../bus";
import type { Clock } from "../clock";
import { DomainError, conflict, forbidden, notFound } from "../errors";
import { type Actor, rolesOf } from "../permissions";
import { validate } from "../validate";
import { type BoardAccess, boardAccess, decideAccess } from "./access";
import { type BoardEvent, type ClusterView, type NoteView, type Operation, STAFF_OPS, envelope } from "./protocol";
import { insertNote, isUniqueViolation, liveNoteCount, logOperation } from "./hot-path";
import { authorLabels, newNoteView, noteViews } from "./views";
import { ensureSynthesisForRounds, gatherNotes, gatheredCategories } from "./synthesis";
import { randomUUID } from "node:crypto";
import type { Logger } from "../logger";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** What an operation did: the broadcast data, and who may see it while notes are private. */
type Effect = {
  data: Record<string, unknown>;
  privateTo?: string;
  redacted?: Record<string, unknown>;
  notifyAuthor?: { userId: string; message: string };
};
type StoredPayload = Effect & { type: string };

const SYNC_LIMIT = 1000;

/** How long a room's new notes wait before a synthesis board that follows their category gathers them, together. */
const GATHER_DELAY_MS = 1000;

export function createBoardService({ db, bus, clock, log }: { db: Db; bus: RealtimeBus; clock: Clock; log?: Logger }) {
  const clusterView = (c: { id: string; label: string; category: string | null; position: number }): ClusterView => ({
    id: c.id,
    label: c.label,
    category: c.category,
    position: c.position,
  });

  async function oneNote(tx: Tx | Db, a: BoardAccess, noteId: string): Promise<NoteView> {
    const note = await tx.note.findUniqueOrThrow({ where: { id: noteId } });
    return (await noteViews(tx as Db, a.board.eventId, a.chathamHouse, [note]))[0]!;
  }

  async function findNote(tx: Tx, boardId: string, noteId: string) {
    const note = await tx.note.findFirst({ where: { id: noteId, boardId, deletedAt: null } });
    if (!note) throw notFound("This note");
    return note;
  }

  async function findCluster(tx: Tx, boardId: string, clusterId: string) {
    const c = await tx.cluster.findFirst({ where: { id: clusterId, boardId, deletedAt: null } });
    if (!c) throw notFound("This cluster");
    return c;
  }

  /** The domain rules of each operation, applied inside the transaction that also assigns its sequence number. */
  async function applyOp(tx: Tx, a: BoardAccess, op: Operation): Promise<Effect> {
    // Posting a note, the hot path, uses the board as the access check just read it; other operations read it afresh.
    const board = op.type === "note.create" ? a.board : await tx.board.findUniqueOrThrow({ where: { id: a.board.id } });
    const me = a.userId;
    const writing = board.phase === "write" && !a.staff;
    switch (op.type) {
      case "note.create": {
        const categories = JSON.parse(board.categoriesJson) as string[];
        if (!categories.includes(op.category))
          throw new DomainError("validation", `Unknown category “${op.category}” for this board.`);
        if ((await liveNoteCount(tx, board.id)) >= board.maxNotes)
          throw conflict(`This board is full (${board.maxNotes} notes).`);
        // The primary key refuses a second note with this id (see apply's unique-violation handling); no lookup first.
        const created = await insertNote(tx, {
          id: op.noteId,
          boardId: board.id,
          authorId: me,
          category: op.category,
          text: op.text,
          at: clock.now(),
        });
        const note = await newNoteView(tx as Db, a.board.eventId, a.chathamHouse, created);
        return writing ? { data: { note }, privateTo: me, redacted: { privateNote: true } } : { data: { note } };
      }
      case "note.update": {
        const note = await findNote(tx, board.id, op.noteId);
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
        return writing && note.authorId === me
          ? { data: { note: view }, privateTo: me, redacted: { privateNote: true } }
          : { data: { note: view } };
      }
      case "note.delete": {
        const note = await findNote(tx, board.id, op.noteId);
        if (note.authorId !== me && !a.staff) throw forbidden("You can only delete your own notes.");
        await tx.note.update({ where: { id: note.id }, data: { deletedAt: clock.now() } });
        return { data: { noteId: note.id } };
      }
      case "note.hide": {
        const note = await findNote(tx, board.id, op.noteId);
        await tx.note.update({ where: { id: note.id }, data: { hidden: op.hidden } });
        const view = await oneNote(tx, a, note.id);
        const told = note.authorId
          ? {
              userId: note.authorId,
              message: op.hidden
                ? `A facilitator hid your note${op.reason ? `: ${op.reason}` : "."}`
                : "A facilitator showed your note again.",
            }
          : undefined;
        // Others see the note disappear; its author and the staff still see it, marked hidden.
        if (!op.hidden) return { data: { note: view }, notifyAuthor: told };
        return {
          data: { note: view },
          privateTo: note.authorId ?? undefined,
          redacted: { noteId: note.id, removed: true },
          notifyAuthor: told,
        };
      }
      case "note.move": {
        await findNote(tx, board.id, op.noteId);
        if (op.clusterId) await findCluster(tx, board.id, op.clusterId);
        await tx.note.update({ where: { id: op.noteId }, data: { clusterId: op.clusterId } });
        return { data: { noteId: op.noteId, clusterId: op.clusterId } };
      }
      case "note.react": {
        await findNote(tx, board.id, op.noteId);
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
        await findNote(tx, board.id, op.noteId);
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
        };
      }
      case "vote.set": {
        if (board.phase !== "vote") throw conflict("Voting is open only during the vote phase.");
        const note = await findNote(tx, board.id, op.noteId);
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
          };
        }
        return { data: { phase: op.phase } };
      }
      case "board.lock":
        await tx.board.update({ where: { id: board.id }, data: { locked: op.locked } });
        return { data: { locked: op.locked } };
      case "synthesis.pull": {
        if (board.kind !== "synthesis") throw conflict("Only the synthesis board gathers notes from the rooms.");
        checkCategory(board, op.category);
        const pulled = await gatherNotes(tx, board, op.category);
        return {
          data: { category: op.category, notes: await noteViews(tx as Db, a.board.eventId, a.chathamHouse, pulled) },
        };
      }
      case "synthesis.follow": {
        if (board.kind !== "synthesis") throw conflict("Only the synthesis board gathers notes from the rooms.");
        checkCategory(board, op.category);
        const now = gatheredCategories(board).filter((c) => c !== op.category);
        if (op.on) now.push(op.category);
        await tx.board.update({ where: { id: board.id }, data: { gatherJson: JSON.stringify(now) } });
        // Following starts with what the rooms already have.
        const pulled = op.on ? await gatherNotes(tx, board, op.category) : [];
        return {
          data: {
            category: op.category,
            on: op.on,
            gather: now,
            notes: await noteViews(tx as Db, a.board.eventId, a.chathamHouse, pulled),
          },
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
      let done: { seq: number; effect: Effect } | null;
      try {
        done = await db.$transaction(async (tx) => {
          const pulled = await gatherNotes(tx, board, category);
          if (!pulled.length) return null;
          const effect: Effect = {
            data: { category, notes: await noteViews(tx as Db, eventId, board.event.chathamHouse, pulled) },
          };
          const seq = await logOperation(tx, {
            boardId: board.id,
            opId,
            userId: null,
            type: "synthesis.pull",
            payloadJson: JSON.stringify({ type: "synthesis.pull", ...effect }),
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

  function broadcast(event: BoardEvent, effect: Effect) {
    const board = channels.board(event.boardId);
    const staff = channels.boardStaff(event.boardId);
    if (effect.privateTo) {
      const author = channels.user(effect.privateTo);
      bus.publish(board, "board:event", { ...event, data: effect.redacted ?? {} }, [staff, author]);
      bus.publish(staff, "board:event", event);
      bus.publish(author, "board:event", event, [staff]);
    } else {
      bus.publish(board, "board:event", event);
    }
    if (effect.notifyAuthor)
      bus.publish(channels.user(effect.notifyAuthor.userId), "board:notice", {
        boardId: event.boardId,
        message: effect.notifyAuthor.message,
      });
  }

  /** A stored operation as one viewer may see it. */
  const forViewer = (a: BoardAccess, payload: StoredPayload) =>
    payload.privateTo && payload.privateTo !== a.userId && !a.staff ? (payload.redacted ?? {}) : payload.data;

  return {
    access: boardAccess.bind(null, db),

    /**
     * Validates, persists and broadcasts one operation. A retry with the same
     * opId is acknowledged again with its original sequence number and applied
     * only once.
     */
    async apply(
      actor: Actor,
      input: unknown,
    ): Promise<{ seq: number; duplicate: boolean; data: Record<string, unknown> }> {
      const env = validate(envelope, input, "This board operation is not valid.");
      const a = await boardAccess(db, actor, env.boardId);
      // A retried note.create fails on the note's primary key inside the transaction, so only other operations look first.
      if (env.op.type !== "note.create") {
        const again = await db.boardOp.findUnique({
          where: { boardId_opId: { boardId: env.boardId, opId: env.opId } },
        });
        if (again)
          return {
            seq: again.seq,
            duplicate: true,
            data: forViewer(a, JSON.parse(again.payloadJson) as StoredPayload),
          };
      }
      checkRules(a, env.op);
      let result: { seq: number; effect: Effect };
      try {
        result = await db.$transaction(async (tx) => {
          const effect = await applyOp(tx, a, env.op);
          const stored: StoredPayload = { type: env.op.type, ...effect };
          const seq = await logOperation(tx, {
            boardId: env.boardId,
            opId: env.opId,
            userId: a.userId,
            type: env.op.type,
            payloadJson: JSON.stringify(stored),
            at: clock.now(),
          });
          return { seq, effect };
        });
      } catch (e) {
        // The same operation arriving twice at once: the unique (board, opId) index keeps one.
        if (isUniqueViolation(e)) {
          const winner = await db.boardOp.findUnique({
            where: { boardId_opId: { boardId: env.boardId, opId: env.opId } },
          });
          if (winner)
            return {
              seq: winner.seq,
              duplicate: true,
              data: forViewer(a, JSON.parse(winner.payloadJson) as StoredPayload),
            };
          throw conflict("A note with this id exists already.");
        }
        throw e;
      }
      broadcast(
        { boardId: env.boardId, seq: result.seq, opId: env.opId, type: env.op.type, data: result.effect.data },
        result.effect,
      );
      if (env.op.type === "note.create" && a.board.kind === "room") pokeSynthesis(a.board.eventId);
      return { seq: result.seq, duplicate: false, data: result.effect.data };
    },

    /** Everything after `afterSeq`, as this viewer may see it; `reset` when too far behind for a replay. */
    async sync(actor: Actor, boardId: string, afterSeq: number) {
      const a = await boardAccess(db, actor, boardId);
      const ops = await db.boardOp.findMany({
        where: { boardId, seq: { gt: afterSeq } },
        orderBy: { seq: "asc" },
        take: SYNC_LIMIT + 1,
      });
      if (ops.length > SYNC_LIMIT) return { reset: true as const, events: [] as BoardEvent[], seq: a.board.seq };
      const events: BoardEvent[] = ops.map((o) => ({
        boardId,
        seq: o.seq,
        opId: o.opId,
        type: o.type,
        data: forViewer(a, JSON.parse(o.payloadJson) as StoredPayload),
      }));
      return { reset: false as const, events, seq: events.at(-1)?.seq ?? afterSeq };
    },

    /** The whole board as one viewer sees it (sent over HTTP, never over the socket). */
    async snapshot(actor: Actor, boardId: string) {
      const a = await boardAccess(db, actor, boardId);
      const { board } = a;
      const notes = await db.note.findMany({ where: { boardId, deletedAt: null }, orderBy: { createdAt: "asc" } });
      const visible = notes.filter(
        (n) =>
          (board.phase !== "write" || a.staff || n.authorId === a.userId) &&
          (!n.hidden || a.staff || n.authorId === a.userId),
      );
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
