import { io as ioClient, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keepConnecting, retryDelay } from "../../app/realtime/reconnect";
import { DEMO_PASSWORD, seedDemo } from "../../server/seed/demo";
import { Browser, startTestServer, type TestServer } from "../support/server";
import { PROTOCOL_MISMATCH, PROTOCOL_VERSION } from "../../server/core/contract/version";

/**
 * A handshake refused while the server cannot check sessions (its database is
 * away) must not leave the page offline for good: the browser's socket keeps
 * trying, with backoff and jitter, and comes back by itself.
 */
describe("sockets refused at the handshake come back by themselves", () => {
  let t: TestServer;
  let cookie: string;
  beforeAll(async () => {
    t = await startTestServer("sqlite");
    await seedDemo(t.server.db);
    const b = new Browser(t.url);
    await b.signIn("participant@plenary.demo", DEMO_PASSWORD);
    cookie = b.cookieHeader;
  });
  afterAll(() => t.close());

  /** The session check fails, as it does while the database is unreachable. */
  function databaseAway() {
    const auth = t.server.core.auth;
    const real = auth.userForSession;
    auth.userForSession = async () => {
      throw new Error("connect ECONNREFUSED (database away)");
    };
    return () => void (auth.userForSession = real);
  }

  const connected = (s: Socket, ms: number) =>
    new Promise<boolean>((resolve) => {
      if (s.connected) return resolve(true);
      const timer = setTimeout(() => resolve(false), ms);
      s.once("connect", () => {
        clearTimeout(timer);
        resolve(true);
      });
    });

  it("reconnects once the server accepts again, where a plain Socket.IO client stays refused", async () => {
    const back = databaseAway();
    const options = { transports: ["websocket"], auth: { protocol: PROTOCOL_VERSION }, extraHeaders: { cookie } };
    const plain = ioClient(t.url, options);
    const page = ioClient(t.url, options);
    const stop = keepConnecting(page, { baseMs: 100, maxMs: 400 });
    let refusals = 0;
    page.on("connect_error", () => refusals++);
    try {
      expect(await connected(page, 1200)).toBe(false);
      expect(refusals).toBeGreaterThan(1);
      back();
      expect(await connected(page, 5000)).toBe(true);
      expect(await page.emitWithAck("session:whoami", {})).toMatchObject({ data: { name: "Leila Ben Salem" } });
      // Socket.IO alone does not retry a refused handshake.
      expect(await connected(plain, 1000)).toBe(false);
      expect(plain.active).toBe(false);
    } finally {
      back();
      stop();
      plain.close();
      page.close();
    }
  });

  it("refuses a page of another protocol version with a reason, and the page stops retrying and asks for a reload", async () => {
    for (const auth of [{ protocol: PROTOCOL_VERSION - 1 }, { protocol: PROTOCOL_VERSION + 1 }, {}]) {
      const page = ioClient(t.url, { transports: ["websocket"], auth, extraHeaders: { cookie } });
      const refusals: unknown[] = [];
      page.on("connect_error", (e: Error & { data?: unknown }) => refusals.push(e.data));
      let outdated = 0;
      const stop = keepConnecting(page, { baseMs: 50, maxMs: 100, onOutdated: () => outdated++ });
      try {
        expect(await connected(page, 800), JSON.stringify(auth)).toBe(false);
        // One refusal, no retry: only a reload (new code) can help.
        expect(refusals).toEqual([{ code: PROTOCOL_MISMATCH, serverProtocol: PROTOCOL_VERSION }]);
        expect(outdated).toBe(1);
      } finally {
        stop();
        page.close();
      }
    }
    // The same person with the page's current code is let in.
    const current = ioClient(t.url, {
      transports: ["websocket"],
      auth: { protocol: PROTOCOL_VERSION },
      extraHeaders: { cookie },
    });
    try {
      expect(await connected(current, 3000)).toBe(true);
    } finally {
      current.close();
    }
  });

  it("spreads retries: doubling delays with jitter, capped", () => {
    expect([0, 1, 2, 3].map((n) => retryDelay(n, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelay(3, () => 0)).toBe(4000);
    expect(retryDelay(20, () => 1)).toBe(30_000);
    const spread = new Set(Array.from({ length: 50 }, () => retryDelay(4)));
    expect(spread.size).toBeGreaterThan(10);
  });
});
