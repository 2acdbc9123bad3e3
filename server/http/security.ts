import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type express from "express";
import helmet from "helmet";

/** Origins a browser may send state-changing requests and socket handshakes from: this server's own (and PUBLIC_URL's). */
export function allowedOrigins(req: IncomingMessage, publicUrl: string | undefined, trustProxy: boolean): Set<string> {
  const out = new Set<string>();
  if (publicUrl) out.add(new URL(publicUrl).origin);
  const host =
    (trustProxy ? (req.headers["x-forwarded-host"] as string | undefined)?.split(",")[0]?.trim() : undefined) ??
    req.headers.host;
  if (host) {
    const proto = trustProxy
      ? ((req.headers["x-forwarded-proto"] as string | undefined)?.split(",")[0]?.trim() ?? "http")
      : (req.socket as { encrypted?: boolean }).encrypted
        ? "https"
        : "http";
    out.add(`${proto}://${host}`);
  }
  return out;
}

/**
 * Whether a request comes from one of our own pages. Browsers send Origin on
 * every cross-site POST and on WebSocket handshakes, and Sec-Fetch-Site
 * everywhere modern; a request carrying neither is not from a browser (curl,
 * a script), so there is no one's cookie to ride on and it is let through.
 */
export function fromOwnSite(req: IncomingMessage, allowed: Set<string>): boolean {
  if (req.headers["sec-fetch-site"] === "cross-site") return false;
  const origin = req.headers.origin;
  if (origin && origin !== "null") return allowed.has(origin);
  if (origin === "null") return false;
  const referer = req.headers.referer;
  if (referer) {
    try {
      return allowed.has(new URL(referer).origin);
    } catch {
      return false;
    }
  }
  return true;
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** CSRF defence for every state-changing request: it must come from our own pages. */
export function csrfGuard(publicUrl: string | undefined, trustProxy: boolean): express.RequestHandler {
  return (req, res, next) => {
    if (SAFE.has(req.method) || fromOwnSite(req, allowedOrigins(req, publicUrl, trustProxy))) return next();
    res
      .status(403)
      .type("text/plain")
      .send("This request came from another site and was refused. Reload the page and try again.");
  };
}

/** Security headers, with a Content-Security-Policy whose only inline scripts are Remix's, marked with a per-response nonce. */
export function securityHeaders(dev: boolean): express.RequestHandler[] {
  return [
    (_req, res, next) => {
      res.locals.cspNonce = randomBytes(16).toString("base64");
      next();
    },
    helmet({
      crossOriginEmbedderPolicy: false,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce as string}'`],
          // React writes style attributes (chart bars, progress), so inline styles stay allowed; scripts do not.
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:"],
          "font-src": ["'self'"],
          "connect-src": ["'self'", ...(dev ? ["ws:"] : [])],
          "object-src": ["'none'"],
          "base-uri": ["'self'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
        },
      },
      referrerPolicy: { policy: "same-origin" },
    }),
  ];
}
