import type { AppLoadContext } from "@remix-run/server-runtime";
import type { Core } from "../core";
import type { SessionUser } from "../core/auth/service";
import { readSessionId, type SessionCookie } from "./session-cookie";

/** What every Remix loader and action receives as `context`. */
declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
  core: Core;
  requestId: string;
  sessionCookie: SessionCookie;
  /** The base URL for links in emails (PUBLIC_URL, or the request's own origin). */
  publicUrl: string;
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
}): PlenaryLoadContext {
  let user: Promise<SessionUser | null> | undefined;
  return {
    core: opts.core,
    requestId: opts.requestId,
    sessionCookie: opts.sessionCookie,
    publicUrl: opts.publicUrl,
    user: () =>
      (user ??= readSessionId(opts.sessionCookie, opts.cookieHeader).then((id) => opts.core.auth.userForSession(id))),
  };
}
