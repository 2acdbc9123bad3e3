import type { Server, Socket } from "socket.io";
import type { AccessScope } from "../core/bus";
import type { ClientToServer, ServerToClient } from "../core/contract";
import type { Actor } from "../core/permissions";

/** What the server keeps on each connection, set by the handshake. */
export type SocketData = {
  actor: Actor;
  name: string | null;
  /** Lets a failed handler tell "the database is away" (retry later) from a bug. */
  health?: () => Promise<{ ok: boolean }>;
};

/** What one server process tells the others through the Redis adapter: access decisions to drop (see socket-bus.ts). */
export const ACCESS_CHANGED = "plenary:access-changed";
export type ServerToServer = { [ACCESS_CHANGED]: (scope: AccessScope) => void };

/** The Socket.IO server and its connections, typed by the contract (server/core/contract). */
export type PlenaryIo = Server<ClientToServer, ServerToClient, ServerToServer, SocketData>;
export type PlenarySocket = Socket<ClientToServer, ServerToClient, ServerToServer, SocketData>;
