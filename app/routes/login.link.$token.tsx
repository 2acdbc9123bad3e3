import type { LoaderFunctionArgs } from "@remix-run/node";
import { asHttpError } from "~/utils/forms.server";
import { safeRedirect, startSession } from "~/utils/session.server";

// Sign-in by emailed link, for people who registered without choosing a password.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const { userId, redirectTo } = await context.core.registrations
    .consumeLoginLink(params.token ?? "")
    .catch(asHttpError);
  const session = await context.core.auth.createSession(userId).catch(asHttpError);
  return startSession(context, session, safeRedirect(redirectTo));
}
