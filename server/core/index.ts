import type { Db } from "../db/client";
import { createAuthService } from "./auth/service";
import type { RealtimeBus } from "./bus";
import { type Clock, systemClock } from "./clock";
import { createEventService } from "./events/service";
import { checkHealth } from "./health";
import type { Logger } from "./logger";
import { createDevMailbox } from "./mail/dev-mailbox";
import type { Mailer } from "./mail/mailer";

export interface CoreDeps {
  db: Db;
  bus: RealtimeBus;
  mailer: Mailer;
  log: Logger;
  clock?: Clock;
}

/**
 * The domain core: every rule of Plenary, reachable by both doors (Remix
 * loaders/actions and Socket.IO handlers). The server builds exactly one.
 */
export function createCore(deps: CoreDeps) {
  const clock = deps.clock ?? systemClock;
  const full = { ...deps, clock };
  return {
    db: deps.db,
    bus: deps.bus,
    mailer: deps.mailer,
    log: deps.log,
    clock,
    auth: createAuthService(full),
    events: createEventService(full),
    devMailbox: createDevMailbox(deps.db),
    health: () => checkHealth(deps.db),
  };
}

export type Core = ReturnType<typeof createCore>;
export type { Actor, EventRole } from "./permissions";
export { isDomainError, httpStatusOf } from "./errors";
export type { DomainError, FieldErrors } from "./errors";
