import type { PlenarySocket } from "../infra/io";

/** The ids of the channels with this prefix ("room:", "board:") that a socket is in. */
export const channelIds = (socket: PlenarySocket, prefix: string) =>
  [...socket.rooms].filter((r) => r.startsWith(prefix)).map((r) => r.slice(prefix.length));

/**
 * Presence changes when a connection goes away: once the socket has left its
 * channels (after `disconnecting`), announce each one it was in.
 */
export function announceOnDisconnect(socket: PlenarySocket, prefix: string, announce: (id: string) => Promise<void>) {
  socket.on("disconnecting", () => {
    const ids = channelIds(socket, prefix);
    if (ids.length === 0) return;
    setImmediate(() => {
      for (const id of ids) void announce(id).catch(() => {});
    });
  });
}
