import type { AccessScope, RealtimeBus } from "../bus";
import type { BoardAccess } from "./access";

/**
 * Board access decisions, kept per connection and board so that a burst of
 * operations does not run the access statement once per operation.
 *
 * A decision is valid while nothing that could change it has happened since
 * it was made. What can change it is counted in epochs: the event's (roles,
 * room assignments, the Chatham House rule), the person's, and the board's
 * (phase, lock). Every decision carries the epochs it was made under; a bump of
 * any of them makes it stale, and the next operation decides afresh. Only
 * granted decisions are kept: a refusal is always asked again, so gaining a
 * role takes effect at once too.
 *
 * The epochs are this process's; `changed` is also told to the other
 * processes through the bus (see service.ts), so a person demoted on one
 * process is refused on every process.
 */
export type { AccessScope };

export function createAccessEpochs() {
  let all = 0;
  /** Every change, anywhere: a decision read while one happened is not kept. */
  let changes = 0;
  const events = new Map<string, number>();
  const users = new Map<string, number>();
  const boards = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string | undefined) => k && m.set(k, (m.get(k) ?? 0) + 1);
  return {
    stamp: (eventId: string, userId: string, boardId: string) =>
      `${all}.${events.get(eventId) ?? 0}.${users.get(userId) ?? 0}.${boards.get(boardId) ?? 0}`,
    get changes() {
      return changes;
    },
    /** Something that decides access changed; an empty scope means anything, anywhere (used when unsure). */
    changed(scope: AccessScope) {
      changes++;
      if (!scope.eventId && !scope.userId && !scope.boardId) all++;
      bump(events, scope.eventId);
      bump(users, scope.userId);
      bump(boards, scope.boardId);
    },
  };
}
export type AccessEpochs = ReturnType<typeof createAccessEpochs>;

/**
 * The bus the core's services use: an access change they announce drops this
 * process's decisions at once and is told to the other processes, whose
 * announcements drop ours.
 */
export function busWithAccessEpochs(bus: RealtimeBus, epochs: AccessEpochs): RealtimeBus {
  bus.onAccessChanged((scope) => epochs.changed(scope));
  return {
    publish: (...args) => bus.publish(...args),
    disconnect: (channel) => bus.disconnect(channel),
    leave: (channel, rooms) => bus.leave(channel, rooms),
    members: (channel) => bus.members(channel),
    accessChanged(scope) {
      epochs.changed(scope);
      bus.accessChanged(scope);
    },
    onAccessChanged: (listener) => bus.onAccessChanged(listener),
  };
}

/** One connection's decisions, by board. It goes away with the connection. */
export class AccessCache {
  private readonly byBoard = new Map<string, { access: BoardAccess; stamp: string }>();
  constructor(private readonly epochs: AccessEpochs) {}

  get(userId: string, boardId: string): BoardAccess | null {
    const hit = this.byBoard.get(boardId);
    if (!hit || hit.access.userId !== userId) return null;
    if (hit.stamp !== this.epochs.stamp(hit.access.board.eventId, userId, boardId)) {
      this.byBoard.delete(boardId);
      return null;
    }
    return hit.access;
  }

  /** Keeps a decision unless something changed while it was being read (`changesBefore`: the epochs' count then). */
  put(access: BoardAccess, changesBefore: number) {
    if (this.epochs.changes !== changesBefore) return;
    const stamp = this.epochs.stamp(access.board.eventId, access.userId, access.board.id);
    this.byBoard.set(access.board.id, { access, stamp });
  }
}
