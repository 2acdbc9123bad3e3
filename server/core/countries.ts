import { LOCALES, localeOr } from "./i18n/locales";
import countries from "i18n-iso-countries";
import ar from "i18n-iso-countries/langs/ar.json";
import en from "i18n-iso-countries/langs/en.json";
import es from "i18n-iso-countries/langs/es.json";
import fr from "i18n-iso-countries/langs/fr.json";

// Country names from a bundled list rather than Intl.DisplayNames: Node's and
// the browser's ICU data name some countries differently, which would make the
// server-rendered page differ from the hydrated one.
for (const locale of [en, fr, es, ar]) countries.registerLocale(locale);

const base = (locale: string) => localeOr(locale.slice(0, 2));

export function countryOptions(locale: string) {
  const names = countries.getNames(base(locale), { select: "official" });
  return Object.entries(names)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

export const countryName = (code: string, locale: string) =>
  code ? (countries.getName(code, base(locale), { select: "official" }) ?? code) : "";

/** A country as people type it in a spreadsheet: a two-letter code, or its name in one of our languages. */
export function countryCode(input: string): string | null {
  const v = input.trim();
  if (!v) return null;
  if (/^[A-Za-z]{2}$/.test(v) && countries.isValid(v.toUpperCase())) return v.toUpperCase();
  for (const lang of LOCALES) {
    const code = countries.getAlpha2Code(v, lang);
    if (code) return code;
  }
  return null;
}
