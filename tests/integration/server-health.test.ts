import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { Browser, startTestServer } from "../support/server";

describe("health and instance-wide state", () => {
  it("answers 503 with a reason when the database goes away", async () => {
    const t = await startTestServer("postgres");
    try {
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
      const admin = new pg.Client({ connectionString: inject("postgresUrl").replace(/\/[^/]+$/, "/postgres") });
      await admin.connect();
      await admin.query(`DROP DATABASE "${new URL(t.target.url).pathname.slice(1)}" WITH (FORCE)`);
      await admin.end();
      const res = await fetch(`${t.url}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ ok: false, database: "unreachable", reason: expect.any(String) });
    } finally {
      await t.close().catch(() => {});
    }
  });

  it("puts SQLite in WAL mode", async () => {
    const t = await startTestServer("sqlite");
    try {
      const [row] = await t.server.db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
      expect(row!.journal_mode).toBe("wal");
    } finally {
      await t.close();
    }
  });

  it("generates the session secret on first start and reuses it, so sessions survive a restart", async () => {
    const first = await startTestServer("postgres");
    const b = new Browser(first.url);
    await b.signUp(first.server, { name: "Rim Nasser", email: "rim@example.org", password: "a long password here" });
    const { value } = await first.server.db.setting.findUniqueOrThrow({ where: { key: "session_secret" } });
    expect(value.length).toBeGreaterThanOrEqual(32);
    await first.close();

    const second = await startTestServer(first.target);
    try {
      const again = new Browser(second.url);
      const res = await again.request("/my-events", { headers: { cookie: b.cookieHeader } });
      expect(res.status).toBe(200);
      // The name is set apart in a <bdi> inside the sentence: read the text, not the markup.
      expect((await res.text()).replace(/<[^>]+>/g, "")).toContain("Signed in as Rim Nasser");
    } finally {
      await second.close();
    }
  });
});
