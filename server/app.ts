import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { randomUUID } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Server as IoServer } from "socket.io";
import type { PlenaryIo } from "./infra/io";
import { createCore, type Core } from "./core";
import { createClusteringEngine } from "./core/clustering/engine";
import { modelConfig } from "./core/reports/writing/config";
import { createLogger, type Logger } from "./core/logger";
import { getOrCreateSetting, newSecret } from "./core/settings";
import { type Db, createDb, tuneDb } from "./db/client";
import { checkpointOffThread } from "./db/wal-checkpoints";
import { checkHealth } from "./core/health";
import { redactUrl, type Env } from "./env";
import { buildLoadContext } from "./http/load-context";
import { bodyGuard } from "./http/bodies";
import { createDbGate } from "./http/db-gate";
import { allowedOrigins, csrfGuard, fromOwnSite, securityHeaders } from "./http/security";
import { createSessionCookie, type SessionCookie } from "./infra/session-cookie";
import { createMailer } from "./infra/mailer";
import type { Mailer } from "./core/mail/mailer";
import { createMemoryRateLimits, createRedisRateLimits } from "./infra/rate-limits";
import { attachRedisAdapter } from "./infra/redis-adapter";
import { SocketIoBus } from "./infra/socket-bus";
import { attachSocketHandlers } from "./socket/handlers";
import { ROOT_DIR } from "./paths";

export const ROOT = ROOT_DIR;

export interface PlenaryServer {
  core: Core;
  /** The one database client and mailer, which the server wires into the core (the core does not hand them out). */
  db: Db;
  mailer: Mailer;
  sessionCookie: SessionCookie;
  io: PlenaryIo;
  http: HttpServer;
  log: Logger;
  /** Resolves with the bound port. */
  listen(): Promise<number>;
  /** Graceful stop: no new connections, in-flight requests finish, sockets and database close. */
  close(): Promise<void>;
}

/**
 * Builds the whole server once: one database client, one Socket.IO server, one
 * core, handed to Remix through getLoadContext and to the socket handlers.
 */
export async function createPlenaryServer(
  env: Env,
  opts: { build?: ServerBuild; presenceBeatMs?: number } = {},
): Promise<PlenaryServer> {
  const log = createLogger({ pid: process.pid }, env.LOG_QUIET === "1");
  const db = createDb(env.database);
  const health = await checkHealth(db);
  if (!health.ok) {
    await db.$disconnect().catch(() => {});
    const where = env.database.kind === "postgres" ? redactUrl(env.database.url) : env.database.file;
    throw new Error(`cannot reach the database at ${where} (${health.reason}). Start it, or fix DATABASE_URL.`);
  }
  await tuneDb(db, env.database);
  const checkpoints = await checkpointOffThread(db, env.database, log);

  const app = express();
  const http = createServer(app);
  // Board payloads are small; whole-board snapshots go over HTTP.
  const io: PlenaryIo = new IoServer(http, {
    maxHttpBufferSize: 64 * 1024,
    serveClient: false,
    // A page on another site must not open a socket riding on a visitor's session cookie.
    allowRequest: (req, cb) => cb(null, fromOwnSite(req, allowedOrigins(req, env.PUBLIC_URL, env.TRUST_PROXY === "1"))),
  });
  const redis = env.REDIS_URL ? await attachRedisAdapter(io, env.REDIS_URL, log) : null;
  const limits = env.REDIS_URL ? await createRedisRateLimits(env.REDIS_URL, log) : createMemoryRateLimits();

  const secret = env.SESSION_SECRET ?? (await getOrCreateSetting(db, "session_secret", newSecret));
  const mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, db, log });
  const clustering = createClusteringEngine({
    choice: env.clustering.choice,
    local: env.clustering.local,
    embeddings: env.clustering.remote,
    onFallback: (reason) => log.warn(`clustering: ${reason}`),
  });
  announceClustering(clustering, env, log);
  const reportModel = modelConfig(env as unknown as Record<string, string | undefined>);
  if (reportModel)
    log.info(
      `reports: prose drafted by ${reportModel.model} at ${redactUrl(reportModel.url)}, offline writer as fall-back`,
    );
  const core = createCore({
    db,
    bus: new SocketIoBus(io, redis !== null),
    mailer,
    log,
    secret,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    clustering,
    presenceBeatMs: opts.presenceBeatMs,
    reportModel,
  });
  const secure = env.PUBLIC_URL?.startsWith("https://") ?? false;
  const sessionCookie = createSessionCookie(secret, secure);
  attachSocketHandlers(io, core, sessionCookie, limits);

  const build = opts.build ?? ((await import(pathToFileURL(path.join(ROOT, "build", "index.js")).href)) as ServerBuild);

  app.disable("x-powered-by");
  if (env.TRUST_PROXY === "1") app.set("trust proxy", 1);
  app.use((req, res, next) => {
    const id = randomUUID();
    res.locals.requestId = id;
    res.setHeader("X-Request-Id", id);
    next();
  });
  app.use(securityHeaders(env.NODE_ENV === "development"));
  app.use(compression());

  const gate = createDbGate(() => core.health(), log);
  app.get("/healthz", async (_req, res) => {
    const health = await core.health();
    gate.observe(health);
    res.status(health.ok ? 200 : 503).json({
      ...health,
      realtime: redis ? redis.status() : "single-process",
      rateLimits: limits.status(),
    });
  });

  // Remix fingerprints everything under /build, so it may be cached for good.
  app.use("/build", express.static(path.join(ROOT, "public", "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(ROOT, "public"), { maxAge: "1h" }));

  app.use(gate.middleware);
  app.use(csrfGuard(env.PUBLIC_URL, env.TRUST_PROXY === "1"));
  app.use(bodyGuard());
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: env.NODE_ENV === "development" ? "development" : "production",
      getLoadContext: (req, res) =>
        buildLoadContext({
          core,
          sessionCookie,
          requestId: res.locals.requestId as string,
          cookieHeader: req.headers.cookie,
          cspNonce: res.locals.cspNonce as string,
          clientIp: req.ip ?? "unknown",
          limits,
          publicUrl: env.PUBLIC_URL ?? `${req.protocol}://${req.get("host")}`,
        }),
    }),
  );

  app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    // The client's mistake, named by Express itself (an address that does not decode, a body it refused): a 4xx.
    const status = (err as { status?: unknown }).status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      if (!res.headersSent) res.status(status).type("text/plain").send("This address or request is not valid.");
      return;
    }
    log.error("unhandled request error", { requestId: res.locals.requestId, error: err.stack });
    if (!res.headersSent)
      res.status(500).type("text/plain").send(`Something went wrong on our side. Reference: ${res.locals.requestId}`);
  });

  let closing: Promise<void> | undefined;
  // Hourly: action item owners are reminded before due dates (each reminder is claimed in the
  // database, so several processes never send one twice), retention periods are applied and
  // sign-ups nobody confirmed are dropped.
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const remind = () => {
    void core.actions
      .sendReminders(publicUrl)
      .then(({ sent }) => sent && log.info(`sent ${sent} action item reminders`))
      .catch((e: unknown) => log.warn(`action item reminders failed: ${(e as Error).message}`));
    void core.account
      .applyRetention()
      .then(
        ({ purged }) =>
          purged && log.info(`removed personal data from ${purged} registrations past their retention period`),
      )
      .catch((e: unknown) => log.warn(`retention purge failed: ${(e as Error).message}`));
    void core.auth
      .purgeExpiredSignUps()
      .catch((e: unknown) => log.warn(`dropping expired sign-ups failed: ${(e as Error).message}`));
  };
  const reminders = setInterval(remind, 60 * 60_000);
  reminders.unref();
  setTimeout(remind, 60_000).unref();

  return {
    core,
    db,
    mailer,
    sessionCookie,
    io,
    http,
    log,
    listen: () =>
      new Promise<number>((resolve, reject) => {
        http.once("error", reject);
        http.listen(env.PORT, env.HOST, () => {
          http.off("error", reject);
          resolve((http.address() as AddressInfo).port);
        });
      }),
    close: () =>
      (closing ??= (async () => {
        clearInterval(reminders);
        gate.stop();
        const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
        // Sockets would keep the HTTP server open forever; tell clients to go.
        io.disconnectSockets(true);
        const force = setTimeout(() => http.closeAllConnections(), 10_000);
        force.unref();
        await stopped;
        clearTimeout(force);
        await new Promise<void>((resolve) => io.close(() => resolve()));
        await redis?.close();
        await limits.close();
        await clustering.close();
        await checkpoints?.stop();
        await db.$disconnect();
      })()),
  };
}

/** Says at start which engine suggests clusters and why, and loads a local model in the background. */
function announceClustering(engine: ReturnType<typeof createClusteringEngine>, env: Env, log: Logger) {
  const d = engine.describe();
  const what =
    d.engine === "local"
      ? `local sentence-embedding model ${d.model} (in a worker thread)`
      : d.engine === "remote"
        ? `embeddings from ${redactUrl(env.clustering.remote!.url)} (${d.model})`
        : "the built-in engine (word matching)";
  const better = d.engine === "lexical" ? "; `npm run models:fetch` adds sentence-level meaning" : "";
  log.info(`clustering: ${what}; ${d.reason}${d.engine !== "lexical" ? "; built-in engine as fall-back" : better}`);
  if (d.engine !== "local") return;
  const t0 = Date.now();
  engine.warm().then(
    () => log.info(`clustering: local model ${d.model} loaded in ${Date.now() - t0} ms`),
    (e: unknown) =>
      log.warn(
        `clustering: the local model ${d.model} ${(e as Error).message}; the built-in engine answers until it is fixed and Plenary restarted`,
      ),
  );
}
