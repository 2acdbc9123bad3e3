import { createCookie } from "@remix-run/node";
import { SESSION_DAYS } from "../core/auth/service";

/**
 * The session cookie holds only a random session id, signed with
 * SESSION_SECRET; the session itself lives in the database so that signing
 * out ends it everywhere, sockets included. Remix routes and the Socket.IO
 * handshake read it through this one object.
 */
export function createSessionCookie(secret: string, secure: boolean) {
  return createCookie("plenary_session", {
    secrets: [secret],
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: SESSION_DAYS * 86_400,
  });
}

export type SessionCookie = ReturnType<typeof createSessionCookie>;

export async function readSessionId(cookie: SessionCookie, header: string | null | undefined): Promise<string | null> {
  if (!header) return null;
  const value = await cookie.parse(header);
  return typeof value === "string" && value.length > 0 ? value : null;
}
