import { redirect, type AppLoadContext } from "@remix-run/node";
import type { Actor } from "../../server/core/permissions";

/** The acting user for core calls; identity always comes from the session cookie. */
export async function actorOf(context: AppLoadContext): Promise<Actor> {
  const user = await context.user();
  return user ? { userId: user.id, sessionId: user.sessionId } : null;
}

/** Sends anonymous visitors to sign in, then back where they were. */
export async function requireUser(context: AppLoadContext, request: Request) {
  const user = await context.user();
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

/** Only same-site paths, so a crafted link cannot send someone elsewhere after signing in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/my-events"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

export async function startSession(context: AppLoadContext, session: { id: string; expiresAt: Date }, to: string) {
  return redirect(to, {
    headers: { "Set-Cookie": await context.sessionCookie.serialize(session.id, { expires: session.expiresAt }) },
  });
}

export async function endSession(context: AppLoadContext, to = "/") {
  return redirect(to, { headers: { "Set-Cookie": await context.sessionCookie.serialize("", { maxAge: 0 }) } });
}
