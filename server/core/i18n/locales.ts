/**
 * The languages Plenary speaks: its interface, its emails, its reports and the core's messages.
 * Written once, here: an instance offers some or all of them (its administrator chooses), and a
 * person reads the one they chose among those.
 */
export const LOCALES = ["en", "fr", "es", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export const isLocale = (value: unknown): value is Locale =>
  typeof value === "string" && (LOCALES as readonly string[]).includes(value);

/** A stored or requested language as one Plenary speaks, else the fallback. */
export const localeOr = (value: string | null | undefined, fallback: Locale = DEFAULT_LOCALE): Locale =>
  isLocale(value) ? value : fallback;

/** Which way a language's text runs. */
export const directionOf = (locale: string): "rtl" | "ltr" => (locale === "ar" ? "rtl" : "ltr");
