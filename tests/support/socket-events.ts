import type { PlenaryServer } from "../../server/app";

/** Socket.IO's own events, which a server socket may listen to but clients cannot send. */
const RESERVED = new Set([
  "connect",
  "connect_error",
  "disconnect",
  "disconnecting",
  "error",
  "newListener",
  "removeListener",
]);

/**
 * The events a client may send, read from the running server: the listeners
 * registered on a connected socket. Tests that must cover every event (the
 * access matrix, the fuzzers) compare their lists with this one, so a new
 * event cannot be added without them.
 */
export function registeredSocketEvents(server: PlenaryServer): string[] {
  const socket = [...server.io.of("/").sockets.values()][0];
  if (!socket) throw new Error("connect a socket first: events are registered per connection");
  return socket
    .eventNames()
    .map(String)
    .filter((e) => !RESERVED.has(e))
    .sort();
}
