import { type CoreDeps, createCore } from "../../server/core";
import { MemoryBus } from "../../server/core/bus";
import type { Clock } from "../../server/core/clock";
import { createLogger } from "../../server/core/logger";
import { MemoryMailer } from "../../server/core/mail/mailer";
import { type Engine, freshDb } from "./databases";

/** A settable clock for rules about expiry. */
export function fakeClock(start = new Date("2026-11-22T10:00:00Z")): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

/** The real core over a fresh database of the given engine, with in-memory bus and mailer. */
export async function testCore(engine: Engine, extra: Partial<CoreDeps> = {}) {
  const { db } = await freshDb(engine);
  const bus = new MemoryBus();
  const mailer = new MemoryMailer();
  const clock = fakeClock();
  const core = createCore({
    db,
    bus,
    mailer,
    clock,
    log: createLogger({}, true),
    secret: "test-secret-that-is-long-enough-0123456789",
    publicUrl: "https://plenary.test",
    ...extra,
  });
  return { core, db, bus, mailer, clock, close: () => db.$disconnect() };
}
