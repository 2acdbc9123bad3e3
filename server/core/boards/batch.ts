import type { Db, Tx } from "../../db/client";
import { isUniqueViolation } from "../../db/unique";
import type { Clock } from "../clock";
import { DomainError, conflict, isDomainError, notFound } from "../errors";
import { authorLabel } from "../visibility";
import type { BoardAccess } from "./access";
import {
  type BoardNow,
  authorFacts,
  boardsNow,
  insertLogRows,
  insertNotes,
  logOperation,
  loggedOpIds,
  takeSeqs,
  takenNoteIds,
} from "./hot-path";
import type { Envelope } from "./protocol";
import { labelledNewNote } from "./views";

export type NoteRow = { id: string; authorId: string | null; hidden: boolean; deletedAt: Date | null };
/**
 * What an operation did: the data it broadcasts, the notes whose content that
 * data carries (the visibility policy decides who may read each), and the
 * board's phase afterwards.
 */
export type Effect = {
  data: Record<string, unknown>;
  carried?: NoteRow[];
  phase: string;
  notifyAuthor?: { userId: string; message: string };
};

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
  /** The domain rules of any operation, inside the transaction (service.ts). */
  applyOp(tx: Tx, a: BoardAccess, op: Envelope["op"]): Promise<Effect>;
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

/** A new note accepted by its checks, waiting to be written with the others of its run. */
type Accepted = { k: number; job: Job; a: BoardAccess; phase: string; at: Date };

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
  const outcomes: (Outcome | undefined)[] = jobs.map(() => undefined);

  // Retries: an operation id already logged, or twice in this batch, is answered from the log after the commit.
  const logged = await loggedOpIds(
    db,
    [...new Set(jobs.map((j) => j.env.boardId))],
    jobs.map((j) => j.env.opId),
  );
  const taken = await takenNoteIds(
    db,
    jobs.flatMap((j) => (j.env.op.type === "note.create" ? [j.env.op.noteId] : [])),
  );
  const seenOps = new Set<string>();
  const seenNotes = new Set<string>();
  jobs.forEach((j, k) => {
    const key = `${j.env.boardId} ${j.env.opId}`;
    if (logged.has(key) || seenOps.has(key)) return void (outcomes[k] = { kind: "again" });
    seenOps.add(key);
    const op = j.env.op;
    if (op.type !== "note.create") return;
    if (taken.has(op.noteId) || seenNotes.has(op.noteId))
      outcomes[k] = { kind: "error", error: conflict("A note with this id exists already.") };
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
  const authors = new Map<string, { chathamHouse: boolean; facts: Awaited<ReturnType<typeof authorFacts>> }>();
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

      // Writes the new notes accepted since the last other operation, in order.
      const writeRun = async () => {
        if (!run.length) return;
        const notes = run.map(({ job, a, at }) => {
          const op = job.env.op as Extract<Envelope["op"], { type: "note.create" }>;
          return { id: op.noteId, boardId: a.board.id, authorId: a.userId, category: op.category, text: op.text, at };
        });
        await insertNotes(tx, notes);
        const next = new Map<string, number>();
        for (const boardId of new Set(notes.map((n) => n.boardId)))
          next.set(boardId, await takeSeqs(tx, boardId, notes.filter((n) => n.boardId === boardId).length));
        const rows = [];
        for (const [i, { k, job, a, phase, at }] of run.entries()) {
          const n = notes[i]!;
          const created = { ...n, clusterId: null, hidden: false, version: 1, originRoomId: null, createdAt: at };
          const known = authors.get(a.board.eventId);
          const facts =
            known && known.chathamHouse === a.chathamHouse && known.facts.has(a.userId)
              ? known.facts
              : await authorFacts(tx, a.board.eventId, [a.userId], !a.chathamHouse);
          const effect: Effect = {
            data: { note: labelledNewNote(labeller(facts, a.chathamHouse), created) },
            carried: [{ ...created, deletedAt: null }],
            phase,
          };
          const seq = next.get(n.boardId)!;
          next.set(n.boardId, seq + 1);
          rows.push({
            boardId: n.boardId,
            seq,
            opId: job.env.opId,
            userId: a.userId,
            type: "note.create",
            payloadJson: deps.storedJson("note.create", effect.data),
            at,
          });
          outcomes[k] = { kind: "done", seq, effect };
        }
        await insertLogRows(tx, rows);
        run = [];
      };

      for (const [k, j] of jobs.entries()) {
        if (outcomes[k]) continue;
        const boardId = j.a.board.id;
        const now = boards.get(boardId) ?? (await boardsNow(tx, [boardId])).get(boardId);
        if (!now) {
          outcomes[k] = { kind: "error", error: notFound("This board") };
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
          if (op.type === "note.create") {
            if (!(JSON.parse(a.board.categoriesJson) as string[]).includes(op.category))
              throw new DomainError("validation", `Unknown category “${op.category}” for this board.`);
            if (now.count + 1 > a.board.maxNotes) throw conflict(`This board is full (${a.board.maxNotes} notes).`);
          }
        } catch (e) {
          if (!isDomainError(e)) throw e;
          outcomes[k] = { kind: "error", error: e };
          continue;
        }
        if (op.type === "note.create") {
          // Checked, and its ids are new: nothing left to fail but the database itself, so it joins the run.
          now.count++;
          run.push({ k, job: j, a, phase: now.phase, at: clock.now() });
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
