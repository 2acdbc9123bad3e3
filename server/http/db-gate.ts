import type express from "express";
import type { Health } from "../core/health";
import type { Logger } from "../core/logger";

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="10"><title>Temporarily unavailable · Plenary</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}</style></head>
<body><main><h1>Plenary is temporarily unavailable</h1><p>We cannot reach our database right now. This page will reload by itself and work again as soon as the database is back.</p><p>Nothing you already sent is lost. Notes you post on a board meanwhile wait in your browser and are sent when service resumes.</p></main></body></html>`;

/**
 * Answers 503 with a friendly page (or JSON for Remix data requests) while the
 * database is unreachable, instead of error pages, and lets requests through
 * again as soon as a health check succeeds. Checks run in the background every
 * few seconds, and at once when a request fails with a server error.
 */
export function createDbGate(check: () => Promise<Health>, log: Logger, intervalMs = 2000) {
  let health: Health = { ok: true, database: "ok" };
  let running: Promise<void> | null = null;
  const probe = () =>
    (running ??= check()
      .then((h) => {
        if (h.ok !== health.ok)
          (h.ok ? log.info : log.warn)(
            h.ok ? "database reachable again; serving pages" : "database unreachable; answering 503 until it returns",
            { reason: h.reason },
          );
        health = h;
      })
      .finally(() => {
        running = null;
      }));
  const timer = setInterval(() => void probe(), intervalMs);
  timer.unref();

  const middleware: express.RequestHandler = (req, res, next) => {
    res.on("finish", () => {
      if (res.statusCode >= 500 && res.statusCode !== 503) void probe();
    });
    if (health.ok) return next();
    res.setHeader("Retry-After", "5");
    res.setHeader("Cache-Control", "no-store");
    if (req.query._data !== undefined || req.accepts(["html", "json"]) === "json") {
      res.status(503).json({ message: "Plenary cannot reach its database right now. Please try again in a moment." });
    } else res.status(503).type("html").send(PAGE);
  };
  return {
    middleware,
    /** /healthz reports what it saw, so the gate follows at once. */
    observe: (h: Health) => void (health = h),
    isUp: () => health.ok,
    probe,
    stop: () => clearInterval(timer),
  };
}
