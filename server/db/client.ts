import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { Database } from "better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import type { DatabaseTarget } from "./resolve-database";

/**
 * The domain core is written against the SQLite client's types. Both clients are
 * generated from the same models (prisma/postgres/schema.prisma is derived from
 * prisma/schema.prisma), so their query APIs agree; only the engine differs.
 */
export type Db = SqliteClient;
/** The client inside `db.$transaction(async (tx) => ...)`: the same queries, without `$transaction` itself. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
/** Where a query may run: on the client, or inside a transaction someone else opened. */
export type DbLike = Db | Tx;
export type { Prisma } from "./generated/sqlite/client";

export function createDb(target: DatabaseTarget): Db {
  if (target.kind === "postgres") {
    const adapter = new PrismaPg({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  mkdirSync(path.dirname(target.file), { recursive: true });
  let connection: Database | null = null;
  const adapter = keepingConnection(new PrismaBetterSQLite3({ url: target.url }), (c) => (connection = c));
  const db = new SqliteClient({ adapter });
  connections.set(db, () => connection);
  return db;
}

const connections = new WeakMap<object, () => Database | null>();

/**
 * The SQLite connection under a client, for the few statements that must not pay for Prisma's
 * client on every call (boards/hot-path.ts); null on PostgreSQL, or before the client's first
 * query. The adapter runs everything on this one connection, a transaction included: a statement
 * run here while `db.$transaction` is open is part of that transaction.
 */
export function sqliteConnection(db: Db): Database | null {
  return connections.get(db)?.() ?? null;
}

/** The adapter factory as Prisma uses it, telling `keep` the connection each adapter it makes runs on. */
function keepingConnection(
  factory: PrismaBetterSQLite3,
  keep: (c: Database) => void,
): SqlMigrationAwareDriverAdapterFactory {
  const kept = async (made: Promise<SqlDriverAdapter>) => {
    const adapter = await made;
    keep((adapter as unknown as { client: Database }).client);
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => kept(factory.connect()),
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}

/**
 * WAL lets readers proceed while a writer commits; busy_timeout makes a
 * second writer wait instead of failing with SQLITE_BUSY.
 */
export async function tuneDb(db: Db, target: DatabaseTarget): Promise<void> {
  if (target.kind !== "sqlite") return;
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
}
