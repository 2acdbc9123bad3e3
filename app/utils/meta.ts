import type { MetaDescriptor } from "@remix-run/node";
import type { i18n as I18n } from "i18next";
import { DEFAULT_LOCALE, type Locale, createI18n, isLocale } from "~/i18n";

type Matches = readonly { id: string; data: unknown }[];
const instances = new Map<Locale, I18n>();

/** The reader's language, as the root loader resolved it. */
function translator(matches: Matches) {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  const locale = isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
  let i18n = instances.get(locale);
  if (!i18n) instances.set(locale, (i18n = createI18n(locale)));
  return i18n.t;
}

/** The instance's name (its administrator sets it), as the root loader read it. */
export function instanceName(matches: Matches): string {
  const root = matches.find((m) => m.id === "root")?.data as { instance?: { name?: unknown } } | undefined;
  return typeof root?.instance?.name === "string" ? root.instance.name : "Plenary";
}

/** A page title in the reader's language, ending with the instance's name; `key` is under `meta.` in the translations. */
export function pageTitle(
  matches: Matches,
  key: string,
  vars: Record<string, string> = {},
  extra: MetaDescriptor[] = [],
): MetaDescriptor[] {
  return [{ title: `${translator(matches)(`meta.${key}`, vars)} · ${instanceName(matches)}` }, ...extra];
}

/** A translated string for other meta tags (descriptions). */
export const metaText = (matches: Matches, key: string, vars: Record<string, string> = {}) =>
  translator(matches)(`meta.${key}`, vars);

/** Any translated string for a meta function (`key` in full, e.g. "manage.nav.team"). */
export const metaTranslate = (matches: Matches, key: string, vars: Record<string, string> = {}) =>
  translator(matches)(key, vars);
