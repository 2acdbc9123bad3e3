import type { AccessScope, RealtimeBus } from "../core/bus";
import type { PayloadOf, ServerEvent } from "../core/contract";
import { ACCESS_CHANGED, type PlenaryIo } from "./io";

/**
 * The core's bus over Socket.IO rooms; with the Redis adapter (`shared`) it
 * reaches every process, and access changes travel as server-side events.
 */
export class SocketIoBus implements RealtimeBus {
  constructor(
    private readonly io: PlenaryIo,
    private readonly shared = false,
  ) {}
  accessChanged(scope: AccessScope) {
    // The in-memory adapter has no other process to tell (and warns when asked to).
    if (this.shared) this.io.serverSideEmit(ACCESS_CHANGED, scope);
  }
  onAccessChanged(listener: (scope: AccessScope) => void) {
    this.io.on(ACCESS_CHANGED, listener);
  }
  publish<E extends ServerEvent>(channel: string, event: E, payload: PayloadOf<E>, except?: string[]) {
    const to = except?.length ? this.io.to(channel).except(except) : this.io.to(channel);
    // Socket.IO's types cannot spread a generic event's arguments; publish's signature types both.
    (to.emit as (event: E, payload: PayloadOf<E>) => boolean).call(to, event, payload);
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
      const actor = s.data.actor;
      if (actor) people.set(actor.userId, s.data.name ?? "");
    }
    return [...people].map(([userId, name]) => ({ userId, name })).sort((a, b) => a.name.localeCompare(b.name));
  }
}
