import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { io as ioClient } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT_DIR } from "../../server/paths";
import { freePort } from "../../scripts/lib/throwaway-postgres.mjs";
import { freshDatabase } from "../support/databases";
import { PROTOCOL_VERSION } from "../../server/core/contract/version";

const running: ChildProcess[] = [];
afterEach(() => {
  for (const p of running.splice(0)) p.kill("SIGKILL");
});

function launch(args: string[], env: Record<string, string>) {
  const base = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "production" as const,
  };
  const child = spawn(process.execPath, args, { cwd: ROOT_DIR, env: { ...base, ...env }, stdio: "pipe" });
  running.push(child);
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d));
  child.stderr.on("data", (d: Buffer) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code: number | null) => resolve(code)));
  return { child, exited, output: () => ({ out, err }) };
}

// node --import tsx keeps the server in one process, so killing it leaves no orphan behind.
const serve = (env: Record<string, string>) => launch(["--import", "tsx", "server/index.ts"], env);

async function waitForHealth(url: string, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return res.json();
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not become healthy`);
}

describe("the server process", () => {
  it("stops with one clear line on a bad DATABASE_URL", async () => {
    const p = serve({ DATABASE_URL: "mysql://root@localhost/plenary" });
    expect(await p.exited).toBe(1);
    const { err } = p.output();
    expect(err.trim().split("\n")).toEqual([
      expect.stringMatching(/^plenary: Invalid environment: DATABASE_URL must start with postgres:\/\//),
    ]);
  });

  it("stops with one clear line when the database is unreachable", async () => {
    const port = await freePort();
    const p = serve({ DATABASE_URL: `postgres://plenary:secret@127.0.0.1:${port}/plenary`, PORT: "0" });
    expect(await p.exited).toBe(1);
    const { err } = p.output();
    expect(err.trim().split("\n")).toEqual([
      expect.stringMatching(/^plenary: cannot reach the database at postgres:\/\/plenary:\*\*\*@127\.0\.0\.1/),
    ]);
    expect(err).not.toContain("secret");
  });

  it("stops with one clear line when the port is taken", async () => {
    const blocker = createServer();
    const port = await new Promise<number>((r) =>
      blocker.listen(0, "127.0.0.1", () => r((blocker.address() as { port: number }).port)),
    );
    try {
      const db = await freshDatabase("sqlite");
      const p = serve({ DATABASE_URL: db.url, PORT: String(port), HOST: "127.0.0.1" });
      expect(await p.exited).toBe(1);
      expect(p.output().err.trim()).toBe(
        `plenary: port ${port} is already in use. Stop the other program or set PORT to a free port.`,
      );
    } finally {
      blocker.close();
    }
  });

  it("shuts down gracefully on SIGTERM: sockets closed, exit code 0", async () => {
    const db = await freshDatabase("sqlite");
    const port = await freePort();
    const p = serve({ DATABASE_URL: db.url, PORT: String(port), HOST: "127.0.0.1", LOG_QUIET: "1" });
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url);
    const socket = ioClient(url, {
      transports: ["websocket"],
      auth: { protocol: PROTOCOL_VERSION },
      reconnection: false,
    });
    await new Promise<void>((r) => socket.once("connect", () => r()));
    const closed = new Promise((r) => socket.once("disconnect", r));
    p.child.kill("SIGTERM");
    expect(await closed).toBe("io server disconnect");
    expect(await p.exited).toBe(0);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it("`npm start`'s steps migrate, seed and serve an empty PostgreSQL database", async () => {
    const db = await freshDatabase("postgres", { empty: true });
    const port = await freePort();
    const p = launch(["scripts/start.mjs"], {
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: "127.0.0.1",
      PLENARY_SKIP_BUILD: "1",
    });
    const url = `http://127.0.0.1:${port}`;
    expect(await waitForHealth(url, 60_000)).toMatchObject({ ok: true, database: "ok" });
    expect(p.output().out).toContain("organiser@plenary.demo");
    const page = await fetch(`${url}/events/migrant-women-local-decision-making`);
    expect(page.status, p.output().err).toBe(200);
    expect(await page.text()).toContain("Report-back from the rooms");
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
  }, 90_000);
});
