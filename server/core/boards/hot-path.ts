import { randomUUID } from "node:crypto";
import type { DbLike, Tx } from "../../db/client";
// Both generated clients share Prisma's runtime, so its SQL fragments serve SQLite and PostgreSQL alike.
import { join, sqltag as sql } from "@prisma/client/runtime/client";

/*
 * The statements every board operation runs, in raw SQL. Prisma 6's client
 * engine compiles each ORM query to a plan in WebAssembly on the main thread
 * (0.3–0.5 ms a query; plan caching only arrived in Prisma 7.4), while a raw
 * statement costs under 0.1 ms. Identifiers are double-quoted, which SQLite
 * and PostgreSQL read alike; values are always bound parameters.
 */

export async function liveNoteCount(tx: DbLike, boardId: string): Promise<number> {
  const [row] = await tx.$queryRaw<
    { n: number | bigint }[]
  >`SELECT COUNT(*) AS "n" FROM "Note" WHERE "boardId" = ${boardId} AND "deletedAt" IS NULL`;
  return Number(row?.n ?? 0);
}

/** Gives the operation the board's next sequence number and logs it; a second op with this opId fails on the unique index. */
export async function logOperation(
  tx: Tx,
  op: { boardId: string; opId: string; userId: string | null; type: string; payloadJson: string; at: Date },
): Promise<number> {
  const [row] = await tx.$queryRaw<
    { seq: number | bigint }[]
  >`UPDATE "Board" SET "seq" = "seq" + 1 WHERE "id" = ${op.boardId} RETURNING "seq"`;
  const seq = Number(row!.seq);
  await tx.$executeRaw`INSERT INTO "BoardOp" ("id", "boardId", "seq", "opId", "userId", "type", "payloadJson", "createdAt")
    VALUES (${randomUUID()}, ${op.boardId}, ${seq}, ${op.opId}, ${op.userId}, ${op.type}, ${op.payloadJson}, ${op.at})`;
  return seq;
}

/*
 * The same statements for a whole batch (batch.ts): one statement for many
 * rows, so a burst of notes costs a handful of statements, not a few per note.
 * On SQLite they run on the connection itself (hot-path-sqlite.ts).
 */
type NewNote = { id: string; boardId: string; authorId: string; category: string; text: string; at: Date };
type LogRow = {
  boardId: string;
  seq: number;
  opId: string;
  userId: string | null;
  type: string;
  payloadJson: string;
  at: Date;
};

/** What the checks of a new note read of its board: phase, lock, the event's rule, live notes. */
export type BoardNow = { phase: string; locked: boolean; chathamHouse: boolean; count: number };
export type AuthorFacts = Map<string, { name: string | null; category: string | null }>;

export type BatchStatements = {
  /** The (board, operation id) pairs among these that the log already holds, as "board opId" keys. */
  loggedOpIds(db: DbLike, ops: { boardId: string; opId: string }[]): Promise<Set<string>>;
  /** The note ids among these that are taken. */
  takenNoteIds(db: DbLike, ids: string[]): Promise<Set<string>>;
  boardsNow(db: DbLike, boardIds: string[]): Promise<Map<string, BoardNow>>;
  /** Authors' stakeholder categories in an event and their names (only read when names may be shown). */
  authorFacts(db: DbLike, eventId: string, userIds: string[], withNames: boolean): Promise<AuthorFacts>;
  insertNotes(tx: Tx, notes: NewNote[]): Promise<void>;
  /** Takes `count` sequence numbers of a board at once (the row stays locked until the commit); the first is returned. */
  takeSeqs(tx: Tx, boardId: string, count: number): Promise<number>;
  /** Logs operations with the sequence numbers taken for them. */
  insertLogRows(tx: Tx, rows: LogRow[]): Promise<void>;
};

/** The batch's statements through Prisma (PostgreSQL); SQLite runs them on its connection (batch-statements.ts). */
export const prismaStatements: BatchStatements = {
  async loggedOpIds(db, ops) {
    if (!ops.length) return new Set();
    const rows = await db.$queryRaw<{ boardId: string; opId: string }[]>`
      SELECT "boardId", "opId" FROM "BoardOp"
      WHERE "boardId" IN (${join([...new Set(ops.map((o) => o.boardId))])}) AND "opId" IN (${join(ops.map((o) => o.opId))})`;
    return new Set(rows.map((r) => `${r.boardId} ${r.opId}`));
  },

  async takenNoteIds(db, ids) {
    if (!ids.length) return new Set();
    const rows = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Note" WHERE "id" IN (${join(ids)})`;
    return new Set(rows.map((r) => r.id));
  },

  async boardsNow(db, boardIds) {
    const rows = await db.$queryRaw<
      { id: string; phase: string; locked: unknown; chathamHouse: unknown; n: number | bigint }[]
    >`SELECT b."id", b."phase", b."locked", e."chathamHouse",
        (SELECT COUNT(*) FROM "Note" n WHERE n."boardId" = b."id" AND n."deletedAt" IS NULL) AS "n"
      FROM "Board" b JOIN "Event" e ON e."id" = b."eventId" WHERE b."id" IN (${join(boardIds)})`;
    return new Map(
      rows.map((r) => [
        r.id,
        { phase: r.phase, locked: Boolean(r.locked), chathamHouse: Boolean(r.chathamHouse), count: Number(r.n) },
      ]),
    );
  },

  async authorFacts(db, eventId, userIds, withNames) {
    const rows = await db.$queryRaw<{ id: string; name: string | null; category: string | null }[]>`
      SELECT u."id", ${withNames ? sql`u."name"` : sql`NULL`} AS "name", c."label" AS "category"
      FROM "User" u
      LEFT JOIN "Registration" r ON r."userId" = u."id" AND r."eventId" = ${eventId}
      LEFT JOIN "StakeholderCategory" c ON c."id" = r."categoryId"
      WHERE u."id" IN (${join(userIds)})`;
    return new Map(rows.map((r) => [r.id, { name: r.name, category: r.category }]));
  },

  async insertNotes(tx, notes) {
    await insertNoteRows(tx, notes);
  },

  async takeSeqs(tx, boardId, count) {
    const [row] = await tx.$queryRaw<
      { seq: number | bigint }[]
    >`UPDATE "Board" SET "seq" = "seq" + ${count} WHERE "id" = ${boardId} RETURNING "seq"`;
    return Number(row!.seq) - count + 1;
  },

  async insertLogRows(tx, rows) {
    await tx.$executeRaw`INSERT INTO "BoardOp" ("id", "boardId", "seq", "opId", "userId", "type", "payloadJson", "createdAt")
      VALUES ${join(rows.map((o) => sql`(${randomUUID()}, ${o.boardId}, ${o.seq}, ${o.opId}, ${o.userId}, ${o.type}, ${o.payloadJson}, ${o.at})`))}`;
  },
};

/** Inserts new notes, all in one statement. */
async function insertNoteRows(tx: Tx, notes: NewNote[]) {
  await tx.$executeRaw`INSERT INTO "Note" ("id", "boardId", "authorId", "category", "text", "hidden", "version", "createdAt", "updatedAt")
    VALUES ${join(notes.map((n) => sql`(${n.id}, ${n.boardId}, ${n.authorId}, ${n.category}, ${n.text}, ${false}, ${1}, ${n.at}, ${n.at})`))}`;
}

/** Inserts one new note (outside a batch); a second note with this id fails on the primary key. */
export async function insertNote(tx: Tx, n: NewNote) {
  await insertNoteRows(tx, [n]);
  return { ...n, clusterId: null, hidden: false, version: 1, originRoomId: null, createdAt: n.at };
}
