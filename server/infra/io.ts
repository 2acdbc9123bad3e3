import type { Server, Socket } from "socket.io";
import type { ClientToServer, ServerToClient } from "../core/contract";
import type { Actor } from "../core/permissions";

/** What the server keeps on each connection, set by the handshake. */
export type SocketData = {
  actor: Actor;
  name: string | null;
  /** Lets a failed handler tell "the database is away" (retry later) from a bug. */
  health?: () => Promise<{ ok: boolean }>;
};

/** The Socket.IO server and its connections, typed by the contract (server/core/contract). */
export type PlenaryIo = Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>;
export type PlenarySocket = Socket<ClientToServer, ServerToClient, Record<string, never>, SocketData>;
