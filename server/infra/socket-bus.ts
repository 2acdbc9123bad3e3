import type { Server } from "socket.io";
import type { RealtimeBus } from "../core/bus";

/** The core's bus over Socket.IO rooms; with the Redis adapter it reaches every process. */
export class SocketIoBus implements RealtimeBus {
  constructor(private readonly io: Server) {}
  publish(channel: string, event: string, payload: unknown, except?: string[]) {
    (except?.length ? this.io.to(channel).except(except) : this.io.to(channel)).emit(event, payload);
  }
  disconnect(channel: string) {
    this.io.in(channel).disconnectSockets(true);
  }
  leave(channel: string, rooms: string[]) {
    if (rooms.length) this.io.in(channel).socketsLeave(rooms);
  }
  async members(channel: string) {
    const sockets = await this.io.in(channel).fetchSockets();
    const people = new Map<string, string>();
    for (const s of sockets) {
      const actor = s.data.actor as { userId: string } | null;
      if (actor) people.set(actor.userId, (s.data.name as string | null) ?? "");
    }
    return [...people].map(([userId, name]) => ({ userId, name })).sort((a, b) => a.name.localeCompare(b.name));
  }
}
