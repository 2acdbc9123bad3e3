/**
 * The realtime bus: how the core tells connected clients that something changed.
 * Channels name audiences ("event:<id>", "user:<id>", "board:<id>"). In the
 * server it is backed by Socket.IO rooms (and so by the Redis adapter when
 * several processes run); unit tests use MemoryBus.
 */
import type { PayloadOf, ServerEvent } from "./contract";

export interface RealtimeBus {
  /** Sends to everyone in `channel` (but not in any `except` channel); events and payloads are the contract's. */
  publish<E extends ServerEvent>(channel: string, event: E, payload: PayloadOf<E>, except?: string[]): void;
  /** Disconnects every socket of a channel, e.g. a user's when they sign out. */
  disconnect(channel: string): void;
  /** Makes every socket of `channel` leave `rooms`, e.g. a person removed from an event. */
  leave(channel: string, rooms: string[]): void;
  /** Who is connected to a channel right now (across processes), one entry per person. */
  members(channel: string): Promise<{ userId: string; name: string }[]>;
  /**
   * Something that decides who may do what on a board changed (a role, a room
   * assignment, a board's phase or lock, the Chatham House rule): tells the
   * other processes, whose cached access decisions in that scope are dropped
   * (see boards/access-cache.ts). This process's own are dropped by the core.
   */
  accessChanged(scope: AccessScope): void;
  /** Listens for the changes other processes report. */
  onAccessChanged(listener: (scope: AccessScope) => void): void;
}

/** Where an access change applies: an event, a person, a board; an empty scope means everywhere. */
export type AccessScope = { eventId?: string; userId?: string; boardId?: string };

export const channels = {
  event: (eventId: string) => `event:${eventId}`,
  user: (userId: string) => `user:${userId}`,
  session: (sessionId: string) => `session:${sessionId}`,
  room: (roomId: string) => `room:${roomId}`,
  board: (boardId: string) => `board:${boardId}`,
  boardStaff: (boardId: string) => `board-staff:${boardId}`,
  staff: (eventId: string) => `event-staff:${eventId}`,
};

export class MemoryBus implements RealtimeBus {
  readonly published: { channel: string; event: ServerEvent; payload: unknown; except?: string[] }[] = [];
  readonly disconnected: string[] = [];
  publish<E extends ServerEvent>(channel: string, event: E, payload: PayloadOf<E>, except?: string[]) {
    this.published.push({ channel, event, payload, ...(except ? { except } : {}) });
  }
  disconnect(channel: string) {
    this.disconnected.push(channel);
  }
  readonly left: { channel: string; rooms: string[] }[] = [];
  leave(channel: string, rooms: string[]) {
    this.left.push({ channel, rooms });
  }
  readonly present = new Map<string, { userId: string; name: string }[]>();
  async members(channel: string) {
    return this.present.get(channel) ?? [];
  }
  readonly accessChanges: AccessScope[] = [];
  accessChanged(scope: AccessScope) {
    this.accessChanges.push(scope);
  }
  onAccessChanged() {
    /* one process: nobody else to hear from */
  }
}
