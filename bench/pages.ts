// Pages: time to first byte and total transfer of the event page and a board page (server-rendered,
// as a signed-in participant), and the JavaScript a board page loads (gzip), beside /healthz.
import { spawn } from "node:child_process";
import { request } from "node:http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gunzipSync, gzipSync } from "node:zlib";
import { createDb } from "../server/db/client";
import { migrate } from "../server/db/migrate";
import { resolveDatabase } from "../server/db/resolve-database";
import { seedDemo } from "../server/seed/demo";
// @ts-expect-error plain ESM helper shared with the tests
import { freePort } from "../scripts/lib/throwaway-postgres.mjs";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

function fetchTimed(
  port: number,
  pathName: string,
  cookie = "",
): Promise<{ ttfb: number; total: number; bytes: number; body: string; status: number; setCookie: string[] }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(
      { host: "127.0.0.1", port, path: pathName, headers: { cookie, "accept-encoding": "gzip" } },
      (res) => {
        const ttfb = performance.now() - t0;
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          let body = "";
          try {
            body = res.headers["content-encoding"] === "gzip" ? gunzipSync(raw).toString() : raw.toString();
          } catch {
            body = raw.toString();
          }
          resolve({
            ttfb,
            total: performance.now() - t0,
            bytes: raw.length,
            body,
            status: res.statusCode ?? 0,
            setCookie: (res.headers["set-cookie"] ?? []) as string[],
          });
        });
      },
    );
    req.on("error", reject);
    req.end();
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const r1 = (x: number) => Math.round(x * 10) / 10;

export async function benchPages({ quick }: { quick: boolean }) {
  const dir = mkdtempSync(path.join(tmpdir(), "plenary-bench-pages-"));
  const url = `file:${path.join(dir, "pages.db")}`;
  const target = resolveDatabase(url);
  await migrate(target);
  const db = createDb(target);
  await seedDemo(db);
  const board = await db.board.findFirstOrThrow({
    where: { kind: "room", room: { assignments: { some: { user: { email: "participant@plenary.demo" } } } } },
  });
  await db.$disconnect();

  const port = await freePort();
  const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: url,
      LOG_QUIET: "1",
      NODE_ENV: "production",
    },
  });
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetchTimed(port, "/healthz")).status === 200) break;
      } catch {
        /* starting */
      }
      if (i > 300) throw new Error("server did not start");
      await new Promise((r) => setTimeout(r, 200));
    }
    const login = await fetch(`http://127.0.0.1:${port}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=participant%40plenary.demo&password=plenary-demo-2026",
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const n = quick ? 10 : 30;
    const measure = async (name: string, p: string, withCookie: boolean) => {
      for (let i = 0; i < 3; i++) await fetchTimed(port, p, withCookie ? cookie : "");
      const runs = [];
      for (let i = 0; i < n; i++) runs.push(await fetchTimed(port, p, withCookie ? cookie : ""));
      if (runs[0]!.status !== 200) throw new Error(`${p} answered ${runs[0]!.status}`);
      return {
        page: name,
        path: p,
        ttfb_ms: r1(median(runs.map((r) => r.ttfb))),
        total_ms: r1(median(runs.map((r) => r.total))),
        transfer_kb: r1(runs[0]!.bytes / 1024),
        body: runs[0]!.body,
      };
    };
    const base = await measure("baseline: /healthz", "/healthz", false);
    const event = await measure("event page", "/events/migrant-women-local-decision-making", true);
    const boardPage = await measure(
      "board page",
      `/events/migrant-women-local-decision-making/boards/${board.id}`,
      true,
    );
    const scripts = [
      ...new Set([...boardPage.body.matchAll(/(?:src|href)="(\/build\/[^"]+\.js)"/g)].map((m) => m[1]!)),
    ];
    let gz = 0;
    let rawJs = 0;
    for (const s of scripts) {
      const r = await fetch(`http://127.0.0.1:${port}${s}`);
      const buf = Buffer.from(await r.arrayBuffer());
      rawJs += buf.length;
      gz += gzipSync(buf, { level: 9 }).length;
    }
    const rows = [base, event, boardPage].map(({ body: _b, ...r }) => ({
      ...r,
      ttfb_ratio_to_baseline: r1(r.ttfb_ms / Math.max(0.1, base.ttfb_ms)),
    }));
    return { pages: rows, board_page_js: { files: scripts.length, kb: r1(rawJs / 1024), gzip_kb: r1(gz / 1024) } };
  } finally {
    server.kill("SIGTERM");
  }
}
