import { randomUUID } from "node:crypto";
import type { Database, Statement } from "better-sqlite3";
import type { BatchStatements, BoardNow } from "./hot-path";

/*
 * The batch's statements on SQLite, run on the connection itself with statements prepared once.
 * Through Prisma's client each statement cost its query handling, the adapter's fresh `prepare`
 * and a multi-row text that changes with every batch size (16–17 % of the process at 400 notes/s
 * each); here a row is one run of a prepared statement, a few microseconds. The values are
 * written as Prisma's SQLite adapter writes them (dates as ISO text with "+00:00", booleans as
 * 0/1), so Prisma reads these rows like its own.
 *
 * The adapter runs every query, a transaction's included, on this one connection: a statement run
 * here inside `db.$transaction` belongs to that transaction. A write outside one (a transaction
 * Prisma already ended, after its timeout) would commit on its own, so writes check first.
 */

const cache = new WeakMap<Database, Map<string, Statement>>();

function prepared(conn: Database, sql: string): Statement {
  let mine = cache.get(conn);
  if (!mine) cache.set(conn, (mine = new Map()));
  let stmt = mine.get(sql);
  if (!stmt) mine.set(sql, (stmt = conn.prepare(sql)));
  return stmt;
}

const stored = (d: Date) => d.toISOString().replace("Z", "+00:00");

function inTransaction(conn: Database) {
  if (!conn.inTransaction) throw new Error("a batch's write ran outside its transaction");
}

export function sqliteStatements(conn: Database): BatchStatements {
  const q = (sql: string) => prepared(conn, sql);
  return {
    async loggedOpIds(_db, ops) {
      const one = q(`SELECT 1 FROM "BoardOp" WHERE "boardId" = ? AND "opId" = ?`);
      return new Set(ops.filter((o) => one.get(o.boardId, o.opId)).map((o) => `${o.boardId} ${o.opId}`));
    },

    async takenNoteIds(_db, ids) {
      const one = q(`SELECT 1 FROM "Note" WHERE "id" = ?`);
      return new Set(ids.filter((id) => one.get(id)));
    },

    async boardsNow(_db, boardIds) {
      const one = q(`SELECT b."phase", b."locked", e."chathamHouse",
          (SELECT COUNT(*) FROM "Note" n WHERE n."boardId" = b."id" AND n."deletedAt" IS NULL) AS "n"
        FROM "Board" b JOIN "Event" e ON e."id" = b."eventId" WHERE b."id" = ?`);
      const out = new Map<string, BoardNow>();
      for (const id of boardIds) {
        const r = one.get(id) as
          { phase: string; locked: unknown; chathamHouse: unknown; n: number | bigint } | undefined;
        if (r)
          out.set(id, {
            phase: r.phase,
            locked: Boolean(Number(r.locked)),
            chathamHouse: Boolean(Number(r.chathamHouse)),
            count: Number(r.n),
          });
      }
      return out;
    },

    async authorFacts(_db, eventId, userIds, withNames) {
      const one = q(`SELECT ${withNames ? `u."name"` : `NULL`} AS "name", c."label" AS "category"
        FROM "User" u
        LEFT JOIN "Registration" r ON r."userId" = u."id" AND r."eventId" = ?
        LEFT JOIN "StakeholderCategory" c ON c."id" = r."categoryId"
        WHERE u."id" = ?`);
      const out = new Map<string, { name: string | null; category: string | null }>();
      for (const id of new Set(userIds)) {
        const r = one.get(eventId, id) as { name: string | null; category: string | null } | undefined;
        if (r) out.set(id, { name: r.name, category: r.category });
      }
      return out;
    },

    async insertNotes(_tx, notes) {
      inTransaction(conn);
      const one =
        q(`INSERT INTO "Note" ("id", "boardId", "authorId", "category", "text", "hidden", "version", "createdAt", "updatedAt")
        VALUES (?, ?, ?, ?, ?, 0, 1, ?, ?)`);
      for (const n of notes) one.run(n.id, n.boardId, n.authorId, n.category, n.text, stored(n.at), stored(n.at));
    },

    async takeSeqs(_tx, boardId, count) {
      inTransaction(conn);
      const row = q(`UPDATE "Board" SET "seq" = "seq" + ? WHERE "id" = ? RETURNING "seq"`).get(count, boardId) as
        { seq: number | bigint } | undefined;
      if (!row) throw new Error(`board ${boardId} is gone`);
      return Number(row.seq) - count + 1;
    },

    async insertLogRows(_tx, rows) {
      inTransaction(conn);
      const one =
        q(`INSERT INTO "BoardOp" ("id", "boardId", "seq", "opId", "userId", "type", "payloadJson", "createdAt")
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
      for (const o of rows)
        one.run(randomUUID(), o.boardId, o.seq, o.opId, o.userId, o.type, o.payloadJson, stored(o.at));
    },
  };
}
