import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCore } from "../support/core";

/** The doors reach the core's rules, never its plumbing: the server wires the database, bus and mailer in. */
describe("what the core hands to its doors", () => {
  let t: Awaited<ReturnType<typeof testCore>>;
  beforeAll(async () => {
    t = await testCore("sqlite");
  });
  afterAll(() => t.close());

  it("offers services, not the database client, the realtime bus or the mailer", () => {
    const handed: unknown[] = Object.values(t.core);
    // Compared by identity: printing a Prisma client in a failure message overflows the stack.
    expect([t.db, t.bus, t.mailer].map((plumbing) => handed.includes(plumbing))).toEqual([false, false, false]);
    expect(Object.keys(t.core).filter((k) => ["db", "bus", "mailer"].includes(k))).toEqual([]);
    expect(t.core.mailKind).toBe(t.mailer.kind);
  });
});
