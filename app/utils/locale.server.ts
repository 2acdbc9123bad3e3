import { createCookie } from "@remix-run/node";
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, type Locale, fromAcceptLanguage, isLocale } from "~/i18n";

/** The language someone picked with the switcher, remembered for a year (signed in or not). */
export const localeCookie = createCookie("plenary_lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 365 * 86_400,
});

/**
 * Which language to show, among those the instance offers (its administrator
 * chooses them; the first is its default): what the person picked (switcher),
 * else their profile (set when they registered or picked while signed in),
 * else their browser's preference, else the instance's default.
 */
export async function resolveLocale(
  request: Request,
  user: { locale: string } | null,
  offered: readonly Locale[] = SUPPORTED_LOCALES,
): Promise<Locale> {
  const fallback = offered[0] ?? DEFAULT_LOCALE;
  const ok = (l: unknown): l is Locale => isLocale(l) && offered.includes(l);
  const picked = (await localeCookie.parse(request.headers.get("cookie"))) as unknown;
  if (ok(picked)) return picked;
  if (user && ok(user.locale) && user.locale !== DEFAULT_LOCALE) return user.locale;
  return (
    fromAcceptLanguage(request.headers.get("accept-language"), offered) ??
    (user && ok(user.locale) ? user.locale : fallback)
  );
}
