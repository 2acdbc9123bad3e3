import type { LoaderFunctionArgs } from "@remix-run/node";
import { asHttpError } from "~/utils/forms.server";
import { safeRedirect, startSession } from "~/utils/session.server";

// The link in the sign-up email: the account is created now that the address is known to be theirs.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const { session, redirectTo } = await context.core.auth.confirmSignUp(params.token ?? "").catch(asHttpError);
  return startSession(context, session, safeRedirect(redirectTo));
}
