import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../server/db/client";
import { LIMITS } from "../../server/core/rate-limit-policy";
import { seedDemo } from "../../server/seed/demo";
import { freePort } from "../../scripts/lib/throwaway-postgres.mjs";
import { startThrowawayRedis } from "../../scripts/lib/throwaway-redis.mjs";
import { freshDatabase } from "../support/databases";
import { person } from "../support/events";
import { healthOf, spawnServer, stopProcess, waitUntil } from "../support/process";
import { Browser, startTestServer, type TestServer } from "../support/server";

const SLUG = "migrant-women-local-decision-making";

/** What the event page's registration form sends for one person (no session: the email names them). */
const registration = (p: ReturnType<typeof person>) => ({
  intent: "register",
  name: p.name,
  email: p.email,
  organisation: p.organisation,
  categoryKey: p.categoryKey,
  city: p.city,
  country: p.country,
  preferredLanguage: p.preferredLanguage,
  consentData: "on",
});

describe("rate limits that fit real venues", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer("sqlite");
    await seedDemo(t.server.db);
    await t.server.db.event.update({ where: { slug: SLUG }, data: { capacity: null } });
  });
  afterAll(() => t.close());

  it("lets 150 people register from one office's address, and stops one email registering again and again", async () => {
    const office = new Browser(t.url);
    for (let i = 0; i < 150; i++) {
      const res = await office.post(`/events/${SLUG}?index`, registration(person()));
      expect(res.status, `registration ${i + 1} from the office`).toBe(200);
    }
    const same = person();
    const perEmail = LIMITS.registration.find((b) => b.by === "email")!.points;
    for (let i = 0; i < perEmail; i++)
      expect((await office.post(`/events/${SLUG}?index`, registration(same))).status).toBe(200);
    const refused = await office.post(`/events/${SLUG}?index`, registration(same));
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("Too many attempts");
  }, 120_000);
});

describe("rate limits shared by two processes through Redis", () => {
  let redis: Awaited<ReturnType<typeof startThrowawayRedis>>;
  const servers: ReturnType<typeof spawnServer>[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    redis = await startThrowawayRedis();
    const target = await freshDatabase("postgres");
    const db = createDb(target);
    await seedDemo(db);
    await db.$disconnect();
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      urls.push(`http://127.0.0.1:${port}`);
      servers.push(
        spawnServer({
          DATABASE_URL: target.url,
          REDIS_URL: redis.url,
          PORT: String(port),
          SESSION_SECRET: "a-shared-session-secret-for-both-processes-123",
        }),
      );
    }
    for (const u of urls) await waitUntil(u, async () => (await healthOf(u)).rateLimits === "redis", 60_000);
  }, 90_000);
  afterAll(async () => {
    for (const s of servers) await stopProcess(s, "SIGKILL");
    redis?.stop();
  });

  it("counts failed sign-ins against one budget, whichever process answers", async () => {
    const budget = LIMITS.signInFailures.find((b) => b.by === "address+email")!.points;
    const statuses: number[] = [];
    for (let i = 0; i <= budget; i++) {
      const b = new Browser(urls[i % 2]!);
      const res = await b.post("/login", { email: "organiser@plenary.demo", password: `wrong ${i}` });
      statuses.push(res.status);
    }
    // Each process alone would allow its own ten: together they allow ten, and refuse the eleventh.
    expect(statuses.slice(0, budget).every((s) => s === 401)).toBe(true);
    expect(statuses[budget]).toBe(429);
    for (const u of urls) {
      const res = await new Browser(u).post("/login", { email: "organiser@plenary.demo", password: "wrong again" });
      expect(res.status).toBe(429);
    }
  }, 60_000);
});
