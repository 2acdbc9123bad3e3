import { createCookie } from "@remix-run/node";
import { DEFAULT_LOCALE, type Locale, fromAcceptLanguage, isLocale } from "~/i18n";

/** The language someone picked with the switcher, remembered for a year (signed in or not). */
export const localeCookie = createCookie("plenary_lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 365 * 86_400,
});

/**
 * Which language to show: what the person picked (switcher), else their
 * profile (set when they registered or picked while signed in), else their
 * browser's preference, else English.
 */
export async function resolveLocale(request: Request, user: { locale: string } | null): Promise<Locale> {
  const picked = (await localeCookie.parse(request.headers.get("cookie"))) as unknown;
  if (isLocale(picked)) return picked;
  if (user && isLocale(user.locale) && user.locale !== DEFAULT_LOCALE) return user.locale;
  return (
    fromAcceptLanguage(request.headers.get("accept-language")) ??
    (user && isLocale(user.locale) ? user.locale : DEFAULT_LOCALE)
  );
}
