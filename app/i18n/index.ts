import i18next, { type i18n } from "i18next";
import en from "./en";

export const SUPPORTED_LOCALES = ["en"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** Resources are bundled, so an instance is ready synchronously on server and client alike. */
export function createI18n(lng: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: DEFAULT_LOCALE,
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

export const directionOf = (lng: string) => (lng === "ar" ? "rtl" : "ltr");
