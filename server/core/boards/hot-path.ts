import { randomUUID } from "node:crypto";
import type { DbLike, Tx } from "../../db/client";

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

/** Inserts a new note; a second note with this id fails on the primary key. */
export async function insertNote(
  tx: Tx,
  n: { id: string; boardId: string; authorId: string; category: string; text: string; at: Date },
) {
  await tx.$executeRaw`INSERT INTO "Note" ("id", "boardId", "authorId", "category", "text", "hidden", "version", "createdAt", "updatedAt")
    VALUES (${n.id}, ${n.boardId}, ${n.authorId}, ${n.category}, ${n.text}, ${false}, ${1}, ${n.at}, ${n.at})`;
  return {
    id: n.id,
    category: n.category,
    text: n.text,
    authorId: n.authorId,
    clusterId: null,
    hidden: false,
    version: 1,
    originRoomId: null,
    createdAt: n.at,
  };
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
