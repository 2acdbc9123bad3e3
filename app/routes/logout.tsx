import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession } from "~/utils/session.server";

// Signing out changes state, so it is a POST; a GET just goes home.
export const loader = () => redirect("/");

export async function action({ context }: ActionFunctionArgs) {
  const user = await context.user();
  if (user) await context.core.auth.signOut(user.sessionId);
  return endSession(context, "/");
}
