import type { Db, Tx } from "../../db/client";
import { msg } from "../i18n/message";
import { isUniqueViolation } from "../../db/unique";
import type { Clock } from "../clock";
import { conflict, isDomainError, notFound } from "../errors";
import { authorLabel } from "../visibility";
import type { BoardAccess } from "./access";
import { type AuthorFacts, type BoardNow, logOperation } from "./hot-path";
import { batchStatements } from "./batch-statements";
import type { BoardEvent } from "../contract/board-events";
import type { Envelope } from "./ops";
import type { Effect as OpEffect, OpContext } from "./ops/define";
import { labelledNewNote } from "./views";

/** What an operation did (ops/define.ts), with the board's phase afterwards, which the visibility policy reads. */
export type Effect = Omit<OpEffect<BoardEvent["data"]>, "phase"> & { phase: string };

/** One operation waiting for the next transaction. */
export type Job = {
  a: BoardAccess;
  env: Envelope;
  settled?: boolean;
  fail(e: unknown): void;
};

/** What became of one operation of a batch. `again`: already logged (a retry), to be answered from the log. */
export type Outcome =
  { kind: "done"; seq: number; effect: Effect } | { kind: "error"; error: unknown } | { kind: "again" };

export type BatchDeps = {
  db: Db;
  clock: Clock;
  /**
   * An operation's rules (its definition in ops/), inside the transaction; `batched` replaces
   * the context's writes of new notes for hot-path operations (service.ts).
   */
  applyOp(tx: Tx, a: BoardAccess, op: Envelope["op"], batched?: Partial<OpContext>): Promise<Effect>;
  /** Whether an operation is on the hot path (posting a note): it writes nothing itself but new notes, written together. */
  hotPath(op: Envelope["op"]): boolean;
  /** Who may send what, given the board's phase and lock as they are now. */
  checkRules(a: BoardAccess, op: Envelope["op"]): void;
  /** The operation log's record of an effect (ids, not text). */
  storedJson(type: string, data: Record<string, unknown>): string;
};

const SAVEPOINT = "board_op";

/** Labels authors as authorLabels does (views.ts), from facts read for a whole batch. */
function labeller(facts: Map<string, { name: string | null; category: string | null }>, chathamHouse: boolean) {
  const fn = (id: string | null) =>
    authorLabel(
      chathamHouse,
      id ? { name: facts.get(id)?.name ?? null, category: facts.get(id)?.category ?? null } : null,
    );
  fn.category = (id: string | null) => (id ? (facts.get(id)?.category ?? "Other") : "Other");
  return fn;
}

/** A hot-path operation applied, its notes and log row waiting to be written with the others of its run. */
type Accepted = {
  k: number;
  job: Job;
  a: BoardAccess;
  effect: Effect;
  notes: { id: string; boardId: string; authorId: string; category: string; text: string; at: Date }[];
};

/**
 * Applies a batch of operations in one transaction, in arrival order, each on
 * its own: each is checked against the board as the transaction reads it (so
 * a lock or phase change earlier in the batch holds for the ones after it),
 * gets its own sequence number and log row, and fails alone. Consecutive new
 * notes, the bulk of a burst, are written together (one statement for the
 * notes, one for their log rows, one per board for their sequence numbers);
 * any other operation runs alone inside a savepoint that undoes it if it fails.
 * Operations already logged (retries) are answered from the log, not applied
 * again. Throws when the transaction itself fails: then nothing of the batch
 * was written.
 */
export async function commitBatch(deps: BatchDeps, jobs: Job[]): Promise<Outcome[]> {
  const { db, clock } = deps;
  const { loggedOpIds, takenNoteIds, authorFacts, boardsNow, insertNotes, takeSeqs, insertLogRows } =
    batchStatements(db);
  const outcomes: (Outcome | undefined)[] = jobs.map(() => undefined);

  // Retries: an operation id already logged, or twice in this batch, is answered from the log after the commit.
  const logged = await loggedOpIds(
    db,
    jobs.map((j) => j.env),
  );
  const taken = await takenNoteIds(
    db,
    jobs.flatMap((j) => (j.env.op.type === "note.create" ? [j.env.op.noteId] : [])),
  );
  // A new note's id taken already is refused here, so a batch's insert never meets the key.
  const seenOps = new Set<string>();
  const seenNotes = new Set<string>();
  jobs.forEach((j, k) => {
    const key = `${j.env.boardId} ${j.env.opId}`;
    if (logged.has(key) || seenOps.has(key)) return void (outcomes[k] = { kind: "again" });
    seenOps.add(key);
    const op = j.env.op;
    if (op.type !== "note.create") return;
    if (taken.has(op.noteId) || seenNotes.has(op.noteId))
      outcomes[k] = { kind: "error", error: conflict(msg("boards.noteExists")) };
    seenNotes.add(op.noteId);
  });

  // New notes' authors, read once per event (names only where the rule lets them be shown).
  const authorsOf = new Map<string, { chathamHouse: boolean; ids: Set<string> }>();
  jobs.forEach((j, k) => {
    if (outcomes[k] || j.env.op.type !== "note.create") return;
    const g = authorsOf.get(j.a.board.eventId) ?? { chathamHouse: j.a.chathamHouse, ids: new Set<string>() };
    g.ids.add(j.a.userId);
    authorsOf.set(j.a.board.eventId, g);
  });
  const authors = new Map<string, { chathamHouse: boolean; facts: AuthorFacts }>();
  for (const [eventId, g] of authorsOf)
    authors.set(eventId, {
      chathamHouse: g.chathamHouse,
      facts: await authorFacts(db, eventId, [...g.ids], !g.chathamHouse),
    });

  await db.$transaction(
    async (tx) => {
      const pending = [...new Set(jobs.filter((_, k) => !outcomes[k]).map((j) => j.env.boardId))];
      const boards = pending.length ? await boardsNow(tx, pending) : new Map<string, BoardNow>();
      let run: Accepted[] = [];

      // Writes the notes and log rows of the hot-path operations since the last other operation, in order.
      const writeRun = async () => {
        if (!run.length) return;
        const notes = run.flatMap((r) => r.notes);
        if (notes.length) await insertNotes(tx, notes);
        const next = new Map<string, number>();
        for (const boardId of new Set(run.map((r) => r.a.board.id)))
          next.set(boardId, await takeSeqs(tx, boardId, run.filter((r) => r.a.board.id === boardId).length));
        const rows = run.map(({ k, job, a, effect }) => {
          const seq = next.get(a.board.id)!;
          next.set(a.board.id, seq + 1);
          outcomes[k] = { kind: "done", seq, effect };
          return {
            boardId: a.board.id,
            seq,
            opId: job.env.opId,
            userId: a.userId,
            type: job.env.op.type,
            payloadJson: deps.storedJson(job.env.op.type, effect.data),
            at: clock.now(),
          };
        });
        await insertLogRows(tx, rows);
        run = [];
      };

      /** What a hot-path operation's apply uses instead of writing: the note waits for the run, the count is the batch's. */
      const deferred = (a: BoardAccess, now: BoardNow, notes: Accepted["notes"]): Partial<OpContext> => ({
        async assertRoomFor(adding) {
          if (now.count + adding > a.board.maxNotes) throw conflict(msg("boards.full", { max: a.board.maxNotes }));
        },
        async insertNote(n) {
          const at = clock.now();
          const row = { id: n.id, boardId: a.board.id, authorId: a.userId, category: n.category, text: n.text, at };
          notes.push(row);
          now.count++;
          const created = { ...row, clusterId: null, hidden: false, version: 1, originRoomId: null, createdAt: at };
          const known = authors.get(a.board.eventId);
          const facts =
            known && known.chathamHouse === a.chathamHouse && known.facts.has(a.userId)
              ? known.facts
              : await authorFacts(tx, a.board.eventId, [a.userId], !a.chathamHouse);
          return {
            view: labelledNewNote(labeller(facts, a.chathamHouse), created),
            carried: { id: row.id, authorId: row.authorId, hidden: false, deletedAt: null },
          };
        },
      });

      for (const [k, j] of jobs.entries()) {
        if (outcomes[k]) continue;
        const boardId = j.a.board.id;
        const now = boards.get(boardId) ?? (await boardsNow(tx, [boardId])).get(boardId);
        if (!now) {
          outcomes[k] = { kind: "error", error: notFound("board") };
          continue;
        }
        boards.set(boardId, now);
        const a: BoardAccess = {
          ...j.a,
          chathamHouse: now.chathamHouse,
          board: { ...j.a.board, phase: now.phase, locked: now.locked },
        };
        const op = j.env.op;
        try {
          deps.checkRules(a, op);
        } catch (e) {
          if (!isDomainError(e)) throw e;
          outcomes[k] = { kind: "error", error: e };
          continue;
        }
        if (deps.hotPath(op)) {
          // Its writes wait for the run, so a refusal leaves nothing to undo but the batch's own count.
          const notes: Accepted["notes"] = [];
          const count = now.count;
          try {
            const effect = await deps.applyOp(tx, a, op, deferred(a, now, notes));
            run.push({ k, job: j, a, effect, notes });
          } catch (e) {
            if (!isDomainError(e)) throw e;
            now.count = count;
            outcomes[k] = { kind: "error", error: e };
          }
          continue;
        }
        // Any other operation runs alone, after the notes before it, and may fail after writing: its savepoint takes it back.
        await writeRun();
        await tx.$executeRawUnsafe(`SAVEPOINT ${SAVEPOINT}`);
        try {
          const effect = await deps.applyOp(tx, a, op);
          const seq = await logOperation(tx, {
            boardId,
            opId: j.env.opId,
            userId: a.userId,
            type: op.type,
            payloadJson: deps.storedJson(op.type, effect.data),
            at: clock.now(),
          });
          await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${SAVEPOINT}`);
          outcomes[k] = { kind: "done", seq, effect };
        } catch (e) {
          if (!isDomainError(e) && !isUniqueViolation(e)) throw e;
          await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
          await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${SAVEPOINT}`);
          // A unique index refused it: the same operation logged meanwhile (by another process), or an id taken.
          outcomes[k] = isDomainError(e) ? { kind: "error", error: e } : { kind: "again" };
        }
        // It may have changed the phase, the lock or the notes: the next operation reads the board afresh.
        boards.delete(boardId);
      }
      await writeRun();
    },
    // A batch of hundreds of operations takes longer than Prisma's 5 s default when the machine is loaded.
    { maxWait: 10_000, timeout: 60_000 },
  );
  return outcomes.map((o) => o!);
}
