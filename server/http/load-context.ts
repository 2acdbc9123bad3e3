import type { AppLoadContext } from "@remix-run/server-runtime";
import type { Core } from "../core";
import type { SessionUser } from "../core/auth/service";
import type { RateLimits } from "../core/rate-limit-policy";
import { readSessionId, type SessionCookie } from "../infra/session-cookie";

/** What every Remix loader and action receives as `context`. */
declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    core: Core;
    requestId: string;
    sessionCookie: SessionCookie;
    /** The base URL for links in emails (PUBLIC_URL, or the request's own origin). */
    publicUrl: string;
    /** Nonce of this response's Content-Security-Policy, for Remix's inline scripts. */
    cspNonce: string;
    /** The client's address (from X-Forwarded-For only with TRUST_PROXY=1), for rate limits. */
    clientIp: string;
    /** Rate limits per kind of attempt, keyed on address and email; say how long to wait (ms), 0 when allowed. */
    limits: RateLimits;
    /** Signed-in user of this request, looked up once on first use. */
    user(): Promise<SessionUser | null>;
  }
}

export type PlenaryLoadContext = AppLoadContext;

export function buildLoadContext(opts: {
  core: Core;
  sessionCookie: SessionCookie;
  requestId: string;
  cookieHeader: string | undefined;
  publicUrl: string;
  cspNonce: string;
  clientIp: string;
  limits: RateLimits;
}): PlenaryLoadContext {
  let user: Promise<SessionUser | null> | undefined;
  return {
    core: opts.core,
    requestId: opts.requestId,
    sessionCookie: opts.sessionCookie,
    publicUrl: opts.publicUrl,
    cspNonce: opts.cspNonce,
    clientIp: opts.clientIp,
    limits: opts.limits,
    user: () =>
      (user ??= readSessionId(opts.sessionCookie, opts.cookieHeader).then((id) => opts.core.auth.userForSession(id))),
  };
}
