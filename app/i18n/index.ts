import i18next, { type i18n } from "i18next";
import { defaultCategoryName } from "../../server/core/boards/category-names";
import ar from "./ar";
import en from "./en";
import es from "./es";
import fr from "./fr";
import { SERVER_MESSAGES } from "./server-messages";

import { DEFAULT_LOCALE, LOCALES, type Locale, directionOf, isLocale } from "../../server/core/i18n/locales";

/** The core's one list of languages (server/core/i18n/locales.ts), under the name the app has used. */
export const SUPPORTED_LOCALES = LOCALES;
export { DEFAULT_LOCALE, type Locale, directionOf, isLocale };

/** Resources are bundled, so an instance is ready synchronously on server and client alike. */
export function createI18n(lng: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: DEFAULT_LOCALE,
    resources: {
      en: { translation: en, server: SERVER_MESSAGES.en! },
      fr: { translation: fr, server: SERVER_MESSAGES.fr! },
      es: { translation: es, server: SERVER_MESSAGES.es! },
      ar: { translation: ar, server: SERVER_MESSAGES.ar! },
    },
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

export const RESOURCES = { en, fr, es, ar };

/** The best supported locale for an Accept-Language header ("ar-JO,ar;q=0.9,en;q=0.8" → "ar"). */
export function fromAcceptLanguage(
  header: string | null | undefined,
  among: readonly Locale[] = SUPPORTED_LOCALES,
): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(
        params
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { lang: tag.toLowerCase().split("-")[0]!, q: Number.isFinite(q) ? q : 0 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return (ranked.map((r) => r.lang).find((l) => isLocale(l) && among.includes(l)) as Locale | undefined) ?? null;
}

/** A message from the server in the reader's language when we have it, else as the server wrote it. */
export const translateServerMessage = (i18n: i18n, message: string) =>
  i18n.t(message, { ns: "server", keySeparator: false, nsSeparator: false, defaultValue: message });

/** A board category's name for people: the default four in the reader's language, an organiser's own as they wrote it. */
export const categoryName = (locale: string, key: string): string =>
  defaultCategoryName(locale, key) ?? (key ? key[0]!.toUpperCase() + key.slice(1) : key);
