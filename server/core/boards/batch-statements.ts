import { type Db, sqliteConnection } from "../../db/client";
import { type BatchStatements, prismaStatements } from "./hot-path";
import { sqliteStatements } from "./hot-path-sqlite";

/** The batch's statements for this client: on its SQLite connection when it has one, else through Prisma. */
export function batchStatements(db: Db): BatchStatements {
  const conn = sqliteConnection(db);
  return conn ? sqliteStatements(conn) : prismaStatements;
}
