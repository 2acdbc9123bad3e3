import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isLocale } from "~/i18n";
import { localeCookie } from "~/utils/locale.server";
import { safeRedirect } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";

/** The language switcher: remembers the choice in a cookie and, for people signed in, in their profile. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const locale = String(form.get("locale") ?? "");
  const back = safeRedirect(form.get("redirectTo"), "/");
  if (!isLocale(locale)) return redirect(back);
  const user = await context.user();
  if (user) await context.core.auth.setLocale({ userId: user.id, sessionId: user.sessionId }, locale);
  return redirect(back, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}

export const loader = () => redirect("/");
